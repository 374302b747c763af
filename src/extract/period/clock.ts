/**
 * Grammar of times of day: "03:50 PM", "5 p.m. EST Nov. 9", "noon Saturday", "Friday evening",
 * "this morning", "last night". A time is a TIME mention; its day, when one is named or implied,
 * gives it an interval of that one day.
 */
import type { Base, Match } from './expr.js';
import { DAYPARTS, TIMEZONES } from './lexicon.js';
import type { Toks } from './tokens.js';
import { parseDate } from './absolute.js';
import { parseDeictic } from './relative.js';
import { weekdayAt } from './words.js';

/** Words before a bare "H:MM" that show it is a clock time, not a score or ratio. */
const CLOCK_CUES = new Set(['at', 'by', 'around', 'about', 'until', 'till', 'from', 'before', 'after', 'since', 'to', 'between', 'and', 'approximately', 'circa', 'shortly']);

interface Clock {
  hh: number;
  mm: number;
  end: number;
  meridiem: boolean;
}

/** "a.m.", "p.m.", "am", "PM" at `i`: 'a' or 'p' and the index after, or null. */
function meridiemAt(T: Toks, i: number): { v: 'a' | 'p'; end: number } | null {
  const w = T.w(i);
  if (w === 'am' || w === 'pm') return { v: w[0] as 'a', end: i + 1 };
  if ((w === 'a' || w === 'p') && T.w(i + 1) === '.' && T.is(i + 2, 'm') && T.glued(i + 1) && T.glued(i + 2)) {
    const end = T.w(i + 3) === '.' && T.glued(i + 3) ? i + 4 : i + 3;
    return { v: w as 'a', end };
  }
  return null;
}

function readClock(T: Toks, i: number): Clock | null {
  const w = T.w(i);
  if (w === 'noon' || w === 'midday') return { hh: 12, mm: 0, end: i + 1, meridiem: true };
  if (w === 'midnight') return { hh: 24, mm: 0, end: i + 1, meridiem: true };
  const t = T.t[i];
  if (!t || t.kind !== 'n') return null;
  let m = /^(\d{1,2})(am|pm)?$/.exec(w);
  if (!m) return null;
  let hh = Number(m[1]);
  let mm = 0;
  let end = i + 1;
  let mer: 'a' | 'p' | undefined = m[2] ? (m[2][0] as 'a') : undefined;
  if (!mer && T.w(end) === ':' && T.glued(end) && T.glued(end + 1)) {
    m = /^(\d{2})(am|pm)?$/.exec(T.w(end + 1));
    if (!m) return null;
    mm = Number(m[1]);
    mer = m[2] ? (m[2][0] as 'a') : undefined;
    end += 2;
    if (T.w(end) === ':' && T.glued(end) && T.digits(end + 1) === 2) end += 2;
  } else if (mer === undefined && T.w(end) !== ':') {
    // "5 p.m.": a bare hour needs its meridiem
    if (!meridiemAt(T, end)) return null;
  }
  if (!mer) {
    const md = meridiemAt(T, end);
    if (md) [mer, end] = [md.v, md.end];
  }
  if (mm > 59 || hh > 24) return null;
  if (mer) {
    if (hh < 1 || hh > 12) return null;
    hh = (hh % 12) + (mer === 'p' ? 12 : 0);
  }
  return { hh, mm, end, meridiem: mer !== undefined };
}

/** A day named right next to a time: "Friday", "yesterday", "Nov. 9". */
function dayNear(T: Toks, i: number): Match | null {
  const d = parseDeictic(T, i);
  if (d) return d;
  const date = parseDate(T, i);
  if (date && date.expr.base?.k === 'day') return date;
  const wd = weekdayAt(T, i);
  return wd ? { a: i, b: wd.end, expr: { base: { k: 'weekday', dow: wd.v } } } : null;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Clock times, with a day after them when there is one: "03:50 PM", "5 p.m. EST, Nov. 6". */
export function parseClock(T: Toks, j: number): Match | null {
  const c = readClock(T, j);
  if (!c) return null;
  let b = c.end;
  if (!c.meridiem && !CLOCK_CUES.has(T.w(j - 1)) && !TIMEZONES.has(T.w(b))) return null;
  if (TIMEZONES.has(T.w(b))) b++;
  let k = T.w(b) === ',' ? b + 1 : b;
  if (T.is(k, 'on')) k++;
  const day = dayNear(T, k);
  const clock = c.mm ? `T${pad(c.hh)}:${pad(c.mm)}` : `T${pad(c.hh)}:00`;
  if (day) return { a: j, b: day.b, expr: { base: day.expr.base, clock } };
  return { a: j, b, expr: { clock } };
}

/** Parts of days: "Friday evening", "yesterday morning", "this morning", "last night", "tonight",
 * "later this afternoon", "mid-afternoon yesterday". */
export function parseDayPart(T: Toks, j: number): Match | null {
  let k = j;
  if (T.is(k, 'later', 'earlier', 'early', 'late')) k++;
  if (T.is(k, 'mid') && T.w(k + 1) === '-') k += 2;
  const alone = DAYPARTS.get(T.w(k));
  if (alone && (T.w(k) === 'tonight' || T.w(k) === 'overnight')) return { a: j, b: k + 1, expr: { base: { k: 'rel', gran: 'day', offset: 0 }, clock: `T${alone}` } };
  if (T.is(k, 'this', 'last') && DAYPARTS.has(T.w(k + 1))) {
    const offset = T.w(k) === 'last' ? -1 : 0;
    if (offset === -1 && T.w(k + 1) !== 'night') return null;
    return { a: j, b: k + 2, expr: { base: { k: 'rel', gran: 'day', offset }, clock: `T${DAYPARTS.get(T.w(k + 1))}` } };
  }
  if (alone && k > j) {
    // "mid-afternoon yesterday"
    const day = dayNear(T, k + 1);
    if (day) return { a: j, b: day.b, expr: { base: day.expr.base, clock: `T${alone}` } };
    return null;
  }
  const day = dayNear(T, k);
  if (!day) return null;
  const part = DAYPARTS.get(T.w(day.b));
  if (!part || T.w(day.b) === 'tonight') return null;
  const base: Base | undefined = day.expr.base;
  return { a: j, b: day.b + 1, expr: { base, clock: `T${part}` } };
}
