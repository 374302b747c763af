/**
 * Small readers the period grammar is built from: a month name, a day of the month, a year, a
 * count ("24", "twenty-four", "a couple of", "several"), a time unit. Each takes a token index and
 * returns what it read with the index after it, or null.
 */
import { MONTHS, NUMBER_WORDS, ORDINALS, UNITS, VAGUE, WEEKDAYS, type UnitInfo } from './lexicon.js';
import type { Toks } from './tokens.js';

export interface Read<T> {
  v: T;
  end: number;
}

/** Month names that are also common words or names; they need a date cue when alone. */
const AMBIGUOUS_MONTHS = new Set(['may', 'march', 'june', 'august', 'jan', 'mar', 'jun', 'sat', 'sun', 'wed']);
const FULL_MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);

/** A capitalised month name or abbreviation (with its dot). `ambiguous` when it could be a word. */
export function monthAt(T: Toks, i: number): (Read<number> & { ambiguous: boolean }) | null {
  const t = T.t[i];
  if (!t || t.kind !== 'w' || !t.cap) return null;
  const m = MONTHS.get(t.w);
  if (m === undefined) return null;
  let end = i + 1;
  const full = FULL_MONTHS.has(t.w);
  if (!full) {
    if (T.w(end) === '.' && T.glued(end)) end++;
    else if (T.t[end]?.kind !== 'n') return null;
  }
  return { v: m, end, ambiguous: AMBIGUOUS_MONTHS.has(t.w) };
}

/** A capitalised weekday name; abbreviations only with their dot or before a date. */
export function weekdayAt(T: Toks, i: number): Read<number> | null {
  const t = T.t[i];
  if (!t || t.kind !== 'w' || !t.cap) return null;
  const d = WEEKDAYS.get(t.w);
  if (d === undefined) return null;
  let end = i + 1;
  if (!t.w.endsWith('day')) {
    if (T.w(end) === '.' && T.glued(end)) end++;
    else return null;
  }
  return { v: d, end };
}

/** A day of the month, "23" or "23rd". */
export function dayAt(T: Toks, i: number): Read<number> | null {
  const t = T.t[i];
  if (!t || t.kind !== 'n') return null;
  const m = /^(\d{1,2})(st|nd|rd|th)?$/.exec(t.w);
  if (!m) return null;
  const d = Number(m[1]);
  if (d < 1 || d > 31) return null;
  // "March 3,000", "May 2.5", "June 12:30" are not days.
  const nx = T.w(i + 1);
  if ((nx === ',' || nx === '.' || nx === ':') && T.glued(i + 1) && T.t[i + 2]?.kind === 'n' && T.glued(i + 2)) return null;
  return { v: d, end: i + 1 };
}

/** A four-digit year 1000–2999 that is not part of a larger number ("2,024", "2024.5"). */
export function yearAt(T: Toks, i: number): Read<number> | null {
  if (T.digits(i) !== 4) return null;
  const y = T.num(i);
  if (y < 1000 || y > 2999) return null;
  const nx = T.w(i + 1);
  if ((nx === ',' || nx === '.' || nx === ':') && T.glued(i + 1) && T.t[i + 2]?.kind === 'n' && T.glued(i + 2)) return null;
  const pv = T.w(i - 1);
  if ((pv === ',' || pv === '.') && T.glued(i) && T.t[i - 2]?.kind === 'n' && T.glued(i - 1)) return null;
  return { v: y, end: i + 1 };
}

/** An ordinal: "first" … "fifth", "1st" … "5th", "last" (-1). */
export function ordinalAt(T: Toks, i: number): Read<number> | null {
  const v = ORDINALS.get(T.w(i));
  return v === undefined ? null : { v, end: i + 1 };
}

/** A time unit word. */
export function unitAt(T: Toks, i: number): Read<UnitInfo> | null {
  const u = UNITS.get(T.w(i));
  return u ? { v: u, end: i + 1 } : null;
}

/**
 * A count before a unit: digits ("24", "2.5", "2 1/2", "1,000"), number words ("twenty-four",
 * "two hundred", "a", "a couple of", "a dozen") or a vague count ("several", "a few": NaN).
 */
export function countAt(T: Toks, i: number): Read<number> | null {
  const t = T.t[i];
  if (!t) return null;
  if (t.kind === 'n') {
    if (!/^\d+$/.test(t.w)) return null;
    let v = Number(t.w);
    let end = i + 1;
    while ((T.w(end) === ',' || T.w(end) === '.') && T.glued(end) && T.digits(end + 1) && T.glued(end + 1)) {
      v = T.w(end) === ',' ? v * 10 ** T.digits(end + 1) + T.num(end + 1) : Number(`${v}.${T.w(end + 1)}`);
      end += 2;
    }
    if (T.digits(end) === 1 && T.w(end + 1) === '/' && T.digits(end + 2) === 1 && T.glued(end + 1)) {
      v += T.num(end) / T.num(end + 2);
      end += 3;
    }
    return { v, end };
  }
  const w = t.w;
  if (w === 'a' || w === 'an') {
    if (T.is(i + 1, 'couple', 'pair') && T.is(i + 2, 'of')) return { v: 2, end: i + 3 };
    if (T.is(i + 1, 'dozen')) return { v: 12, end: i + 2 };
    if (T.is(i + 1, 'few')) return { v: NaN, end: i + 2 };
    return { v: 1, end: i + 1 };
  }
  if (VAGUE.has(w) && !['past', 'coming', 'recent'].includes(w)) return { v: NaN, end: i + 1 };
  const base = NUMBER_WORDS.get(w);
  if (base === undefined || base >= 100) return null;
  let v = base;
  let end = i + 1;
  if (base >= 20 && base % 10 === 0) {
    const k = T.w(end) === '-' && T.glued(end) ? end + 1 : end;
    const unit = NUMBER_WORDS.get(T.w(k));
    if (unit !== undefined && unit < 10) {
      v += unit;
      end = k + 1;
    }
  }
  const mult = NUMBER_WORDS.get(T.w(end));
  if (mult === 100 || mult === 1000) {
    v *= mult;
    end++;
  }
  if (T.is(end, 'of') && (w === 'couple' || w === 'dozen')) end++;
  return { v, end };
}

/** "1990s" / "90s" decade tokens: the first year of the decade, or NaN. */
export function decadeToken(w: string): number {
  const m = /^(\d{2}|\d{4})s$/.exec(w);
  if (!m || !m[1].endsWith('0')) return NaN;
  const n = Number(m[1]);
  return m[1].length === 4 ? n : n + 1900;
}
