/**
 * The period grammar at one token: every reader is tried and the longest match wins. Part words
 * wrap a period ("early 2025", "the end of last year", "so far this month", "year-end").
 */
import type { Match } from './expr.js';
import {
  DEICTIC_PHRASES,
  DETERMINERS,
  HOLIDAY_PHRASES,
  NUMBER_WORDS,
  ORDINALS,
  PART_ADJECTIVES,
  PART_PHRASES,
  PART_WORDS,
  REFERENCE_PHRASES,
  VAGUE,
  firstTokens,
  phraseAt,
} from './lexicon.js';
import type { Toks } from './tokens.js';
import { parseDate, parseHoliday, parseQuarter, parseSeason, parseWeekOfMonth, parseYear } from './absolute.js';
import { parseAnaphor, parseDeictic, parseReference, parseRelative, parseShift, parseYearAgo } from './relative.js';
import { parseBareDuration, parseDuration, parseSet } from './duration.js';
import { parseClock, parseDayPart } from './clock.js';
import { weekdayAt, yearAt } from './words.js';

type Reader = (T: Toks, j: number) => Match | null;

/** Readers of a dated period, the things a part word can apply to. */
const PERIODS: Reader[] = [
  parseDate,
  parseYear,
  parseQuarter,
  parseSeason,
  parseWeekOfMonth,
  parseHoliday,
  parseDeictic,
  parseRelative,
  parseYearAgo,
  parseAnaphor,
  parseWholeUnit,
  parseWeekday,
];

const ALL: Reader[] = [
  parsePart,
  ...PERIODS,
  parseReference,
  parseShift,
  parseDuration,
  parseBareDuration,
  parseSet,
  parseClock,
  parseDayPart,
];

function longest(readers: Reader[], T: Toks, j: number): Match | null {
  let best: Match | null = null;
  for (const read of readers) {
    const m = read(T, j);
    if (m && (!best || m.b > best.b)) best = m;
  }
  return best;
}

/** "the decade", "the century" after a part phrase: the one containing the publication date. */
function parseWholeUnit(T: Toks, j: number): Match | null {
  if (!T.is(j, 'the') || !T.is(j + 1, 'decade', 'century')) return null;
  return { a: j, b: j + 2, expr: { base: { k: 'rel', gran: T.w(j + 1) === 'decade' ? 'decade' : 'century', offset: 0 } } };
}

/** A weekday alone: "Wednesday", "on Friday", "Friday's". */
function parseWeekday(T: Toks, j: number): Match | null {
  const wd = weekdayAt(T, j);
  if (!wd) return null;
  const b = T.w(wd.end) === "'" && T.w(wd.end + 1) === 's' && T.glued(wd.end) ? wd.end + 2 : wd.end;
  return { a: j, b, expr: { base: { k: 'weekday', dow: wd.v } } };
}

const DAY_LEVEL = new Set(['day', 'weekday']);

/** Part-of-period forms. */
function parsePart(T: Toks, j: number): Match | null {
  // so far this month, so far in 2026, year-to-date
  if (T.is(j, 'so') && T.is(j + 1, 'far')) {
    const k = T.is(j + 2, 'in') ? j + 3 : j + 2;
    const inner = longest(PERIODS, T, k);
    return inner?.expr.base && !inner.expr.part ? { a: j, b: inner.b, expr: { ...inner.expr, part: 'sofar' } } : null;
  }
  if (T.is(j, 'year', 'month') && T.w(j + 1) === '-' && T.is(j + 2, 'to') && T.w(j + 3) === '-' && T.is(j + 4, 'date')) {
    return { a: j, b: j + 5, expr: { base: { k: 'rel', gran: T.w(j) === 'year' ? 'year' : 'month', offset: 0 }, part: 'sofar' } };
  }
  const ph = phraseAt(T, j, PART_PHRASES);
  if (ph) {
    const inner = longest(PERIODS, T, ph.end);
    if (inner?.expr.base && !inner.expr.part && !inner.expr.firstMonths) return { a: j, b: inner.b, expr: { ...inner.expr, part: ph.v } };
  }
  // year-end, year's end, year-end 2024
  const adj = phraseAt(T, T.is(j, 'the') ? j + 1 : j, PART_ADJECTIVES);
  if (adj) {
    const yr = yearAt(T, adj.end);
    const base = yr ? { k: 'year' as const, y: yr.v } : adj.v.unit === 'year' ? { k: 'anaphor' as const, gran: 'year' as const } : { k: 'anaphor' as const, gran: 'month' as const };
    return { a: j, b: yr ? yr.end : adj.end, expr: { base, part: adj.v.part } };
  }
  // early 2025, mid-November, late last year, earlier this month, the early 1980s, late yesterday
  const k = T.is(j, 'the') ? j + 1 : j;
  const word = T.w(k);
  const part = PART_WORDS.get(word);
  if (!part) return null;
  let k2 = k + 1;
  if (T.w(k2) === '-' && T.glued(k2)) k2++;
  else if (T.is(k2, 'in') && word !== 'mid') k2++;
  const inner = longest(PERIODS, T, k2);
  if (!inner?.expr.base || inner.expr.part || inner.expr.firstMonths) return null;
  const b = inner.expr.base;
  if (k > j && !['decade', 'century', 'season', 'year'].includes(b.k)) return null;
  if (DAY_LEVEL.has(b.k) || (b.k === 'rel' && b.gran === 'day')) return { a: j, b: inner.b, expr: inner.expr };
  let p = part;
  if (word === 'earlier' || word === 'later') {
    const current = (b.k === 'rel' && b.offset === 0) || (b.k === 'anaphor' && !b.shift && !b.step);
    if (!current) p = word === 'earlier' ? 'early' : 'late';
    else p = word === 'earlier' ? 'earlier' : 'later';
  }
  return { a: j, b: inner.b, expr: { ...inner.expr, part: p } };
}

/** Words an expression can start with before its trigger word ("the end of last year"). */
const STARTS = new Set<string>([
  ...firstTokens(DEICTIC_PHRASES, DETERMINERS, HOLIDAY_PHRASES, PART_ADJECTIVES, PART_PHRASES, REFERENCE_PHRASES),
  ...NUMBER_WORDS.keys(),
  ...ORDINALS.keys(),
  ...PART_WORDS.keys(),
  ...[...VAGUE].map((w) => w.split(' ')[0]),
  ...['the', 'a', 'an', 'its', 'their', 'that', 'so', 'fiscal', 'fy', 'year', 'month', 'every', 'each', 'half', 'twenty'],
  ...['about', 'nearly', 'almost', 'roughly', 'approximately', 'around', 'some', 'just', 'only', 'barely', 'fully'],
  ...['exactly', 'precisely', 'over', 'under', 'within', 'more', 'less', 'fewer', 'at', 'up', 'no', 'in'],
  ...['comparable', 'corresponding', 'same', 'prior', 'previous', 'following', 'latest', 'most', 'whole', 'full', 'entire'],
  ...['upcoming', 'coming', 'recent', 'later', 'earlier', 'mid', 'q', 'h', "'"],
]);

/** The longest time expression starting at token `j`, or null. `trigger` says whether `j` is
 * the trigger word itself; other tokens are tried only when an expression can start there. */
export function parseAt(T: Toks, j: number, trigger = true): Match | null {
  if (!trigger) {
    const t = T.t[j];
    if (t.kind === 'p' ? t.w !== "'" : t.kind === 'w' && !t.cap && !STARTS.has(t.w)) return null;
  }
  return longest(ALL, T, j);
}
