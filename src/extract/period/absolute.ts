/**
 * Grammar of calendar expressions: dates ("March 23, 2026", "23 March", "2026-03-23"), months,
 * years with the checks that keep counts and labels out ("2,024 people", "Route 2024"), fiscal
 * years, decades, centuries, quarters and halves, seasons, weeks of a month and holidays.
 */
import { daysInMonth } from './calendar.js';
import type { Base, Match } from './expr.js';
import {
  DECADE_WORDS,
  HOLIDAY_PHRASES,
  ORDINALS,
  SEASONS,
  YEAR_COUNTED,
  YEAR_LABELS,
  YEAR_QUANTIFIERS,
  phraseAt,
} from './lexicon.js';
import type { Toks } from './tokens.js';
import { countAt, dayAt, decadeToken, monthAt, ordinalAt, weekdayAt, yearAt, type Read } from './words.js';

const match = (a: number, b: number, base: Base): Match => ({ a, b, expr: { base } });

/** Words before a lone month name that show it is the month ("in May", not "Theresa May"). */
const MONTH_CUES = new Set([
  'in', 'since', 'until', 'till', 'by', 'from', 'through', 'thru', 'during', 'before', 'after', 'early', 'mid',
  'late', 'last', 'next', 'this', 'of', '-', 'between', 'throughout', 'around', 'for', 'on', 'that', 'every', 'each',
]);
const LINKS = new Set(['and', 'or', 'to', '-', '–', ',']);
/** Words before a year outside 1900–2099 that show it is a year ("in 1848", "by 2100"). */
const YEAR_CUES = new Set(['in', 'since', 'by', 'until', 'till', 'from', 'of', 'during', 'before', 'after', 'circa', 'c', 'year', 'between', 'through', 'the']);
const CURRENCY = new Set(['$', '€', '£', '¥', '#', '₹', '₩']);
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'this', 'that']);

function monthCue(T: Toks, j: number): boolean {
  const p = T.w(j - 1);
  if (MONTH_CUES.has(p)) return true;
  // "April and May", "March–May"
  return LINKS.has(p) && (monthAt(T, j - 2) !== null || monthAt(T, j - 3) !== null);
}

function validDay(y: number | undefined, m: number, d: number): boolean {
  return d <= daysInMonth(y ?? 2000, m);
}

/** "'s" glued after token `i - 1`: returns the index after it (or `i`). */
export function possessive(T: Toks, i: number): number {
  return T.w(i) === "'" && T.glued(i) && T.w(i + 1) === 's' && T.glued(i + 1) ? i + 2 : i;
}

/** Month then day, year or both: "March 23, 2026", "Sept. 30", "March 2026", "in May". */
function monthFirst(T: Toks, j: number): Match | null {
  const mo = monthAt(T, j);
  if (!mo) return null;
  const d = dayAt(T, mo.end);
  if (d && validDay(undefined, mo.v, d.v)) {
    let b = d.end;
    const k = T.w(b) === ',' ? b + 1 : b;
    const yr = yearAt(T, k);
    if (yr && validDay(yr.v, mo.v, d.v)) return match(j, yr.end, { k: 'day', y: yr.v, m: mo.v, d: d.v });
    return match(j, b, { k: 'day', m: mo.v, d: d.v });
  }
  const k = T.w(mo.end) === ',' || T.w(mo.end) === 'of' ? mo.end + 1 : mo.end;
  const yr = yearAt(T, k) ?? spokenYear(T, k);
  if (yr) return match(j, yr.end, { k: 'month', y: yr.v, m: mo.v });
  if (mo.ambiguous && !monthCue(T, j)) return null;
  return match(j, mo.end, { k: 'month', m: mo.v });
}

/** Day then month: "23 March 2026", "the 23rd of March". */
function dayFirst(T: Toks, j: number): Match | null {
  const k0 = T.is(j, 'the') ? j + 1 : j;
  const d = dayAt(T, k0);
  if (!d) return null;
  let k = d.end;
  if (T.is(k, 'of')) k++;
  else if (k0 !== j) return null;
  const mo = monthAt(T, k);
  if (!mo || !validDay(undefined, mo.v, d.v)) return null;
  const k2 = T.w(mo.end) === ',' ? mo.end + 1 : mo.end;
  const yr = yearAt(T, k2);
  if (yr && validDay(yr.v, mo.v, d.v)) return match(j, yr.end, { k: 'day', y: yr.v, m: mo.v, d: d.v });
  return match(j, mo.end, { k: 'day', m: mo.v, d: d.v });
}

/** "2026-03-23", "2026-03", and "2024-25" (a two-year span). */
function isoDate(T: Toks, j: number): Match | null {
  const yr = yearAt(T, j);
  if (!yr || T.w(j + 1) !== '-' || !T.glued(j + 1) || !T.glued(j + 2) || T.digits(j + 2) !== 2) return null;
  const mm = T.num(j + 2);
  if (T.w(j + 3) === '-' && T.glued(j + 3) && T.glued(j + 4)) {
    if (T.digits(j + 4) !== 2) return null;
    const dd = T.num(j + 4);
    if (mm < 1 || mm > 12 || dd < 1 || !validDay(yr.v, mm, dd)) return null;
    return match(j, j + 5, { k: 'day', y: yr.v, m: mm, d: dd });
  }
  if (mm === (yr.v + 1) % 100) return match(j, j + 3, { k: 'range', from: { k: 'year', y: yr.v }, to: { k: 'year', y: yr.v + 1 } });
  if (mm >= 1 && mm <= 12) return match(j, j + 3, { k: 'month', y: yr.v, m: mm });
  return null;
}

/** "3/23/2026" (month first unless the first number cannot be a month) and "23/3/26". */
function numericDate(T: Toks, j: number): Match | null {
  const a = T.num(j);
  if (!(T.digits(j) <= 2) || T.w(j + 1) !== '/' || T.w(j + 3) !== '/') return null;
  if (!T.glued(j + 1) || !T.glued(j + 2) || !T.glued(j + 3) || !T.glued(j + 4)) return null;
  const b = T.num(j + 2);
  const yd = T.digits(j + 4);
  if (T.digits(j + 2) > 2 || (yd !== 2 && yd !== 4)) return null;
  let y = T.num(j + 4);
  if (yd === 2) y += y < 50 ? 2000 : 1900;
  const [m, d] = a > 12 ? [b, a] : [a, b];
  if (m < 1 || m > 12 || d < 1 || !validDay(y, m, d)) return null;
  return match(j, j + 5, { k: 'day', y, m, d });
}

/** A date, with a weekday before it when there is one ("Saturday, April 25"). */
export function parseDate(T: Toks, j: number): Match | null {
  const wd = weekdayAt(T, j);
  if (wd) {
    const k = T.w(wd.end) === ',' ? wd.end + 1 : wd.end;
    const inner = monthFirst(T, k) ?? dayFirst(T, k);
    return inner && inner.expr.base?.k === 'day' ? { a: j, b: inner.b, expr: inner.expr } : null;
  }
  return isoDate(T, j) ?? numericDate(T, j) ?? monthFirst(T, j) ?? dayFirst(T, j);
}

/** "nineteen ninety-six", "two thousand (and) two", "nineteen hundred". */
export function spokenYear(T: Toks, i: number): Read<number> | null {
  if (T.is(i, 'nineteen', 'eighteen')) {
    const hundreds = T.w(i) === 'nineteen' ? 1900 : 1800;
    if (T.is(i + 1, 'hundred')) return { v: hundreds, end: i + 2 };
    const n = countAt(T, i + 1);
    if (n && n.v >= 10 && n.v < 100 && T.t[i + 1].kind === 'w') return { v: hundreds + n.v, end: n.end };
    return null;
  }
  if (T.is(i, 'two') && T.is(i + 1, 'thousand')) {
    let k = i + 2;
    if (T.is(k, 'and')) k++;
    const n = countAt(T, k);
    if (n && n.v >= 1 && n.v < 100 && T.t[k].kind === 'w' && !T.is(k, 'a', 'an')) return { v: 2000 + n.v, end: n.end };
    return { v: 2000, end: i + 2 };
  }
  return null;
}

/** Whether the four-digit number at `i` reads as a year where it stands. */
function yearInContext(T: Toks, i: number, y: number): boolean {
  const prev = T.w(i - 1);
  const label = prev === '.' && T.glued(i - 1) ? T.w(i - 2) : prev;
  if (CURRENCY.has(prev) || YEAR_LABELS.has(label)) return false;
  if (prev === '-' && T.glued(i) && T.glued(i - 1) && T.t[i - 2]?.kind === 'w' && !T.isIn(i - 2, YEAR_PREFIXES))
    return false;
  const next = T.w(i + 1);
  if (next === '%' || next === 'percent' || next === 'pct') return false;
  if (T.t[i + 1]?.kind === 'n' && !T.t[i + 1].sp) return false;
  const nextWord = T.t[i + 1]?.kind === 'w' && !T.t[i + 1].cap;
  if (nextWord && YEAR_COUNTED.has(next) && !DETERMINERS.has(T.w(i + 2))) return false;
  if (nextWord && YEAR_QUANTIFIERS.has(prev) && next.endsWith('s') && !DETERMINERS.has(T.w(i + 2))) return false;
  if ((y < 1900 || y > 2099) && !YEAR_CUES.has(prev)) return false;
  return true;
}

/** Years: "2024", "2024's", "fiscal 2025", "FY2025", "the year 2000", decades, centuries, "2019–2024". */
export function parseYear(T: Toks, j: number): Match | null {
  // fiscal 2025, fiscal year 2025, FY2025, FY 25
  if (T.is(j, 'fiscal', 'fy')) {
    let k = j + 1;
    if (T.is(k, 'year')) k++;
    if (T.w(k) === '-' && T.glued(k)) k++;
    const yr = yearAt(T, k);
    if (yr) return match(j, possessive(T, yr.end), { k: 'year', y: yr.v });
    if (T.w(j) === 'fy' && T.digits(k) === 2) return match(j, k + 1, { k: 'year', y: 2000 + T.num(k) });
    return null;
  }
  // the year 2000, the year two thousand
  if (T.is(j, 'the') && T.is(j + 1, 'year')) {
    const yr = yearAt(T, j + 2) ?? spokenYear(T, j + 2);
    return yr ? match(j, yr.end, { k: 'year', y: yr.v }) : null;
  }
  const k0 = T.is(j, 'the') ? j + 1 : j;
  // decades: the 1990s, the '90s, the nineties, the 1990's
  const dec = decadeToken(T.w(k0));
  if (!Number.isNaN(dec) && T.t[k0].kind === 'n') return match(j, k0 + 1, { k: 'decade', y0: dec });
  if (T.w(k0) === "'" && !Number.isNaN(decadeToken(T.w(k0 + 1))) && T.glued(k0 + 1) && T.digits(k0 + 1) === 0)
    return match(j, k0 + 2, { k: 'decade', y0: decadeToken(T.w(k0 + 1)) });
  if (k0 > j && DECADE_WORDS.has(T.w(k0))) return match(j, k0 + 1, { k: 'decade', y0: DECADE_WORDS.get(T.w(k0))! });
  // centuries: the 20th century, the nineteenth century, 21st-century
  const c = centuryAt(T, k0);
  if (c) return match(j, c.end, { k: 'century', c: c.v });
  if (k0 > j) return null;
  const sp = spokenYear(T, j);
  if (sp && T.w(j) !== 'two') return match(j, sp.end, { k: 'year', y: sp.v });
  const yr = yearAt(T, j);
  if (!yr) return null;
  // ranges: 2019-2024, 2019–24, 2019/20
  const dash = T.w(j + 1);
  if ((dash === '-' || dash === '–' || dash === '/') && (T.glued(j + 1) || dash === '–')) {
    const k = j + 2;
    const end = T.digits(k) === 4 ? T.num(k) : T.digits(k) === 2 ? Math.floor(yr.v / 100) * 100 + T.num(k) : NaN;
    if (end > yr.v && end - yr.v < 100 && (T.glued(k) || dash === '–') && yearAt(T, k) !== null === (T.digits(k) === 4))
      return match(j, k + 1, { k: 'range', from: { k: 'year', y: yr.v }, to: { k: 'year', y: end } });
  }
  if (T.w(j + 1) === "'" && T.glued(j + 1) && T.w(j + 2) === 's' && yr.v % 10 === 0 && T.is(j - 1, 'the', 'early', 'mid', 'late', '-'))
    return match(j, j + 3, { k: 'decade', y0: yr.v });
  if (!yearInContext(T, j, yr.v)) return null;
  return match(j, possessive(T, yr.end), { k: 'year', y: yr.v });
}

/** "20th century" → 19 (TIMEX3 names the 1900s "19"). */
function centuryAt(T: Toks, i: number): Read<number> | null {
  let n = NaN;
  let k = i + 1;
  const m = /^(\d{1,2})(st|nd|rd|th)$/.exec(T.w(i));
  if (m) n = Number(m[1]);
  else if (T.is(i, 'twenty') && T.w(i + 1) === '-' && T.is(i + 2, 'first')) [n, k] = [21, i + 3];
  else if ((ORDINALS.get(T.w(i)) ?? 0) > 0) n = ORDINALS.get(T.w(i))!;
  if (Number.isNaN(n) || n < 1) return null;
  if (T.w(k) === '-' && T.glued(k)) k++;
  return T.is(k, 'century') ? { v: n - 1, end: k + 1 } : null;
}

/** A year after "of"/"in" or directly: "of 2024", "2024", "of fiscal 2024", "of this year" (yRel). */
function yearTail(T: Toks, i: number, direct: boolean): { y?: number; yRel?: number; end: number } | null {
  let k = i;
  if (T.is(k, 'of', 'in')) k++;
  else if (!direct) return null;
  if (T.is(k, 'fiscal')) k++;
  const yr = yearAt(T, k);
  if (yr) return { y: yr.v, end: possessive(T, yr.end) };
  if (k > i && T.is(k, 'this', 'last', 'next') && T.is(k + 1, 'year')) return { yRel: { this: 0, last: -1, next: 1 }[T.w(k) as 'this'], end: k + 2 };
  return null;
}

/** Quarters and halves: "Q1 2024", "the third quarter of 1990", "third-quarter", "the 1988 third
 * quarter", "this year's third quarter", "the fiscal first quarter", "H1 2025", "the first half". */
export function parseQuarter(T: Toks, j: number): Match | null {
  let k = T.is(j, 'the', 'its', 'their') ? j + 1 : j;
  let y: number | undefined;
  let yRel: number | undefined;
  if (T.is(k, 'this', 'last', 'next') && T.is(k + 1, 'year') && possessive(T, k + 2) === k + 4) {
    yRel = { this: 0, last: -1, next: 1 }[T.w(k) as 'this'];
    k += 4;
  } else {
    const yr = yearAt(T, k);
    if (yr && T.t[k].kind === 'n') {
      y = yr.v;
      k = possessive(T, yr.end);
    }
  }
  // Q3, Q3 2024, Q1'24, 3Q24
  if (T.is(k, 'q', 'h') && T.t[k].cap && T.glued(k + 1) && T.digits(k + 1) === 1) {
    const n = T.num(k + 1);
    const half = T.w(k) === 'h';
    if (n < 1 || n > (half ? 2 : 4)) return null;
    let b = k + 2;
    if (y === undefined && yRel === undefined) {
      if ((T.w(b) === "'" || T.w(b) === '-') && T.glued(b) && T.digits(b + 1) === 2) [y, b] = [2000 + T.num(b + 1), b + 2];
      else {
        const t = yearTail(T, b, true);
        if (t) [y, yRel, b] = [t.y, t.yRel, t.end];
      }
    }
    return match(j, b, half ? { k: 'half', y, yRel, h: n } : { k: 'quarter', y, yRel, q: n });
  }
  const qh = /^([1-4])([qh])$/.exec(T.w(k));
  if (qh && T.t[k].kind === 'n') {
    let b = k + 1;
    if (y === undefined && T.digits(b) === 2 && T.glued(b)) [y, b] = [2000 + T.num(b), b + 1];
    else if (y === undefined) {
      const t = yearTail(T, b, true);
      if (t) [y, b] = [t.y, t.end];
    }
    const n = Number(qh[1]);
    return qh[2] === 'h' ? (n <= 2 ? match(j, b, { k: 'half', y, h: n }) : null) : match(j, b, { k: 'quarter', y, q: n });
  }
  if (T.is(k, 'fiscal')) k += T.w(k + 1) === '-' ? 2 : 1;
  const ord = ordinalAt(T, k);
  if (!ord) return null;
  let u = ord.end;
  if (T.w(u) === '-' && T.glued(u)) u++;
  const isQuarter = T.is(u, 'quarter') && ord.v <= 4 && ord.v !== 0;
  const isHalf = T.is(u, 'half') && (ord.v === 1 || ord.v === 2 || ord.v === -1);
  if (!isQuarter && !isHalf) return null;
  if (ord.v === -1 && k === j) return null; // "last quarter" is relative, read elsewhere
  let b = u + 1;
  if (y === undefined && yRel === undefined) {
    const t = yearTail(T, b, true);
    if (t) [y, yRel, b] = [t.y, t.yRel, t.end];
  }
  if (isHalf) {
    if (k === j && y === undefined && yRel === undefined) return null; // "first half" alone: of anything
    return match(j, b, { k: 'half', y, yRel, h: ord.v === 1 ? 1 : 2 });
  }
  return match(j, b, { k: 'quarter', y, yRel, q: ord.v === -1 ? 4 : ord.v });
}

/** Words glued before a year by a hyphen that keep it a year ("mid-2025", "pre-2020"). */
const YEAR_PREFIXES = new Set(['mid', 'late', 'early', 'pre', 'post', 'fiscal', 'fy']);
const FALL_CUES = new Set(['this', 'last', 'next', 'early', 'late', 'the']);
/** Words after a season that keep it a time, not a noun modifier ("summer camp"). */
const SEASON_FOLLOWERS = new Set(['of', 'and', 'or', 'when', 'as', 'to', 'before', 'after', 'is', 'was', 'will']);
const SEASON_CUES = new Set(['in', 'during', 'over', 'since', 'until', 'by', 'through', 'throughout', 'the', 'this', 'last', 'next', 'early', 'late', 'mid', '-', 'of']);

/** "summer 2024", "the summer of 2024", "(in the) fall", "the winter of nineteen ninety-four". */
export function parseSeason(T: Toks, j: number): Match | null {
  const k = T.is(j, 'the') ? j + 1 : j;
  const code = SEASONS.get(T.w(k));
  if (!code) return null;
  let b = k + 1;
  const yk = T.is(b, 'of') ? b + 1 : b;
  const yr = yearAt(T, yk) ?? spokenYear(T, yk);
  if (yr) return match(j, yr.end, { k: 'season', y: yr.v, code });
  const cue = k > j || SEASON_CUES.has(T.w(j - 1));
  if (!cue || (T.w(k) === 'fall' && k === j && !T.isIn(j - 1, FALL_CUES))) return null;
  // "summer camp", "the spring collection": a season used as a noun modifier is not a date
  if (T.t[b]?.kind === 'w' && !T.t[b].cap && !T.isIn(b, SEASON_FOLLOWERS)) return null;
  return match(j, b, { k: 'season', code });
}

/** "the first week of April 2026", "the last week of March". */
export function parseWeekOfMonth(T: Toks, j: number): Match | null {
  const k = T.is(j, 'the') ? j + 1 : j;
  const ord = ordinalAt(T, k);
  if (!ord || ord.v > 5 || !T.is(ord.end, 'week') || !T.is(ord.end + 1, 'of')) return null;
  const mo = monthAt(T, ord.end + 2);
  if (!mo) return null;
  const k2 = T.w(mo.end) === ',' ? mo.end + 1 : mo.end;
  const yr = yearAt(T, k2);
  return match(j, yr ? yr.end : mo.end, { k: 'weekOfMonth', y: yr?.v, m: mo.v, nth: ord.v });
}

/** "Christmas", "Thanksgiving 2025", "New Year's Day". */
export function parseHoliday(T: Toks, j: number): Match | null {
  if (!T.t[j]?.cap) return null;
  const h = phraseAt(T, j, HOLIDAY_PHRASES);
  if (!h) return null;
  const k = T.w(h.end) === ',' ? h.end + 1 : h.end;
  const yr = yearAt(T, k);
  return match(j, yr ? yr.end : h.end, { k: 'holiday', h: h.v, y: yr?.v });
}
