/**
 * Grammar of durations and sets: "two years", "24 months", "a decade", "the past three months",
 * "a 10-year plan", "several weeks", "for years", "the first nine months of 1990" (a duration that
 * is also dated), and SETs ("every month", "$5 a year").
 */
import type { Match } from './expr.js';
import { MONTHS, SEASONS, UNITS, WEEKDAYS, type UnitInfo } from './lexicon.js';
import type { Toks } from './tokens.js';
import { parseYear } from './absolute.js';
import { parseRelative, parseAnaphor } from './relative.js';
import { countAt } from './words.js';

/** Words between "the" and a count that keep the phrase a stretch of time ("the past three months"). */
const QUALIFIERS = new Set(['past', 'last', 'next', 'first', 'coming', 'previous', 'latest', 'final', 'following', 'remaining', 'additional', 'further', 'another', 'other', 'entire', 'full', 'initial', 'ensuing', 'preceding', 'prior', 'same', 'recent']);
const BARE_QUALIFIERS = new Set(['past', 'next', 'last', 'another', 'additional', 'coming', 'recent']);
const HEDGES = new Set(['about', 'nearly', 'almost', 'roughly', 'approximately', 'around', 'some', 'just', 'only', 'barely', 'fully', 'exactly', 'precisely', 'over', 'under', 'within']);
const HEDGE_PAIRS = [['more', 'than'], ['less', 'than'], ['fewer', 'than'], ['at', 'least'], ['up', 'to'], ['no', 'more', 'than']];
/** Prepositions before a bare plural unit that make it a duration ("for years"). */
const BARE_CUES = new Set(['for', 'in', 'over', 'within', 'took', 'takes', 'take', 'spent', 'lasted', 'last', 'after']);
const CURRENCY = new Set(['$', '€', '£', '¥', '₹']);
const SCALE = new Set(['million', 'billion', 'trillion', 'thousand', 'hundred', 'percent', '%', 'cents', 'dollars', 'euros', 'yuan']);

/** ISO 8601 duration for `n` units (NaN: unspecified, "PXY"). */
export function isoDuration(n: number, u: UnitInfo): string {
  const time = u.iso.startsWith('T');
  const letter = time ? u.iso.slice(1) : u.iso;
  const lead = time ? 'PT' : 'P';
  if (Number.isNaN(n)) return `${lead}X${u.unit === 'decade' ? 'DE' : u.unit === 'century' ? 'CE' : letter}`;
  const v = n * u.per;
  if (!Number.isInteger(v) && letter === 'Y' && !time && Number.isInteger(v * 12)) {
    const whole = Math.floor(v);
    return `P${whole ? whole + 'Y' : ''}${Math.round((v - whole) * 12)}M`;
  }
  return `${lead}${Number(v.toFixed(3))}${letter}`;
}

function plainUnit(T: Toks, i: number): UnitInfo | null {
  const u = UNITS.get(T.w(i));
  return u && T.t[i].kind === 'w' ? u : null;
}

/** A span of months at the start of a year: "the first nine months of 1990". */
function firstMonthsOf(T: Toks, i: number): { end: number; match: Match } | null {
  if (!T.is(i, 'of')) return null;
  const inner = parseYear(T, i + 1) ?? parseRelative(T, i + 1) ?? parseAnaphor(T, i + 1);
  if (!inner || !inner.expr.base) return null;
  const b = inner.expr.base;
  const ok = b.k === 'year' || (b.k === 'rel' && b.gran === 'year') || (b.k === 'anaphor' && b.gran === 'year');
  return ok ? { end: inner.b, match: inner } : null;
}

/** Durations with a count: "two years", "the past three months", "2 1/2 years", "a year and a
 * half", "10-year", "8-month-old", "several weeks", "the first nine months of 1990". */
export function parseDuration(T: Toks, j: number): Match | null {
  let k = j;
  if (HEDGES.has(T.w(k)) && countAt(T, k + 1)) k++;
  else {
    for (const pair of HEDGE_PAIRS) if (T.phrase(k, pair) > 0) k = T.phrase(k, pair);
  }
  let qualifier = '';
  if (T.is(k, 'the', 'its', 'their')) {
    k++;
    if (QUALIFIERS.has(T.w(k))) qualifier = T.w(k++);
  } else if (T.isIn(k, BARE_QUALIFIERS)) qualifier = T.w(k++);
  if (CURRENCY.has(T.w(k - 1)) && k === j) return null;
  // half a year, half a century
  if (T.is(k, 'half') && T.is(k + 1, 'a', 'an')) {
    const u = plainUnit(T, k + 2);
    return u && !u.plural ? { a: j, b: k + 3, expr: { duration: isoDuration(0.5, u) } } : null;
  }
  const n = countAt(T, k);
  if (!n) {
    // the coming weeks, the past few months
    const u = plainUnit(T, k);
    if (qualifier && u?.plural) return { a: j, b: k + 1, expr: { duration: isoDuration(NaN, u) } };
    return null;
  }
  if (T.t[k].kind === 'n' && (CURRENCY.has(T.w(k - 1)) || T.w(k - 1) === '.')) return null;
  let v = n.v;
  let e = n.end;
  // 10-year, two-week, 8-month-old, 24-hour
  const hyphen = T.w(e) === '-' && T.glued(e) && T.glued(e + 1);
  if (hyphen) e++;
  const u = plainUnit(T, e);
  if (!u) return null;
  if (hyphen && (u.plural || (T.t[e].cap && T.t[e + 1]?.cap))) return null; // "Five-Year Plan"
  if (!hyphen && !u.plural && !(v === 1 || Number.isNaN(v) || T.is(k, 'a', 'an', 'one'))) return null;
  let b = e + 1;
  if (hyphen && T.w(b) === '-' && T.is(b + 1, 'old', 'long')) b += 2;
  if (T.is(b, 'and') && T.is(b + 1, 'a') && T.is(b + 2, 'half')) {
    v += 0.5;
    b += 3;
  }
  if (T.is(k, 'a', 'an') && k === j && !u.plural && !hyphen) {
    const p = T.t[j - 1];
    if (p && (p.kind === 'n' || SCALE.has(p.w) || (p.kind === 'w' && p.w.endsWith('s') && p.w.length > 3 && !/ss$|us$|is$/.test(p.w))))
      return { a: j, b, expr: { set: isoDuration(1, u) } };
  }
  const duration = isoDuration(v, u);
  if (qualifier === 'first' && (u.unit === 'month' || u.unit === 'quarter') && !Number.isNaN(v)) {
    const of = firstMonthsOf(T, b);
    if (of) return { a: j, b: of.end, expr: { base: of.match.expr.base, firstMonths: v * u.per, duration } };
  }
  return { a: j, b, expr: { duration } };
}

/** "for years", "in decades", "over months". */
export function parseBareDuration(T: Toks, j: number): Match | null {
  const u = plainUnit(T, j);
  if (!u || !u.plural || !BARE_CUES.has(T.w(j - 1))) return null;
  if (T.is(j + 1, 'ago', 'earlier', 'later', 'of')) return null;
  return { a: j, b: j + 1, expr: { duration: isoDuration(NaN, u) } };
}

/** "every month", "each Thursday", "every July", "each summer". */
export function parseSet(T: Toks, j: number): Match | null {
  if (!T.is(j, 'every', 'each')) return null;
  let k = j + 1;
  if (T.is(k, 'other', 'single')) k++;
  const w = T.w(k);
  const u = UNITS.get(w);
  if (u && !u.plural && T.t[k].kind === 'w') return { a: j, b: k + 1, expr: { set: isoDuration(1, u) } };
  if (T.t[k]?.cap && WEEKDAYS.has(w) && w.endsWith('day')) return { a: j, b: k + 1, expr: { set: `XXXX-WXX-${WEEKDAYS.get(w)}` } };
  if (T.t[k]?.cap && MONTHS.has(w) && w.length > 3) return { a: j, b: k + 1, expr: { set: `XXXX-${String(MONTHS.get(w)).padStart(2, '0')}` } };
  if (SEASONS.has(w)) return { a: j, b: k + 1, expr: { set: `XXXX-${SEASONS.get(w)}` } };
  return null;
}
