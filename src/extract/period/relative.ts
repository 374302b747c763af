/**
 * Grammar of expressions that need an anchor: deictic days ("yesterday"), PRESENT/PAST/FUTURE
 * references ("now", "recently"), relative periods ("last year", "this week", "last April",
 * "next Friday"), shifts ("two years ago", "a year earlier", "the year-ago quarter") and anaphors
 * ("the quarter", "the year", "the following month", "the 1988 period").
 */
import type { Gran, ShiftUnit } from './calendar.js';
import type { Base, Match } from './expr.js';
import {
  DEICTIC_PHRASES,
  DETERMINERS,
  DIRECTIONS,
  REFERENCE_PHRASES,
  REF_ADJECTIVES,
  SEASONS,
  UNITS,
  phraseAt,
  type Unit,
} from './lexicon.js';
import type { Toks } from './tokens.js';
import { possessive } from './absolute.js';
import { countAt, monthAt, ordinalAt, weekdayAt, yearAt } from './words.js';

const match = (a: number, b: number, base: Base): Match => ({ a, b, expr: { base } });

/** A count of units as a calendar shift ("two decades" → 20 years, "a quarter" → 3 months). */
export function toShift(unit: Unit, n: number): { n: number; unit: ShiftUnit } | null {
  switch (unit) {
    case 'year':
    case 'month':
    case 'week':
    case 'day':
      return { n, unit };
    case 'decade':
      return { n: 10 * n, unit: 'year' };
    case 'century':
      return { n: 100 * n, unit: 'year' };
    case 'millennium':
      return { n: 1000 * n, unit: 'year' };
    case 'quarter':
      return { n: 3 * n, unit: 'month' };
    case 'half':
      return { n: 6 * n, unit: 'month' };
    case 'fortnight':
      return { n: 2 * n, unit: 'week' };
    case 'weekend':
      return { n, unit: 'week' };
    default:
      return null;
  }
}

/** Units a relative period can be counted in, with the granularity of the period. */
const PERIOD_GRAN: Partial<Record<Unit, Gran>> = {
  year: 'year',
  month: 'month',
  week: 'week',
  day: 'day',
  quarter: 'quarter',
  half: 'half',
  decade: 'decade',
  century: 'century',
  weekend: 'weekend',
};

function periodUnit(T: Toks, i: number, plural = false): Gran | null {
  const u = UNITS.get(T.w(i));
  if (!u || u.plural !== plural) return null;
  return PERIOD_GRAN[u.unit] ?? null;
}

/** "today", "yesterday", "the day before yesterday". */
export function parseDeictic(T: Toks, j: number): Match | null {
  const d = phraseAt(T, j, DEICTIC_PHRASES);
  if (!d) return null;
  return match(j, possessive(T, d.end), { k: 'rel', gran: 'day', offset: d.v });
}

/** "now", "currently", "recently", "the future", "current" (alone), "recent years". */
export function parseReference(T: Toks, j: number): Match | null {
  const r = phraseAt(T, j, REFERENCE_PHRASES);
  if (r) {
    // "as soon as", "soon after": a conjunction, not a time
    if (T.w(j) === 'soon' && (T.is(j - 1, 'as') || T.is(j + 1, 'after', 'as', 'thereafter'))) return null;
    return match(j, r.end, { k: 'ref', value: r.v });
  }
  // "(the) coming months", "upcoming weeks": the near future
  const k0 = T.is(j, 'the', 'in') ? j + 1 : j;
  if (T.is(k0, 'coming', 'upcoming') && UNITS.get(T.w(k0 + 1))?.plural) return match(j, k0 + 2, { k: 'ref', value: 'FUTURE_REF' });
  const adj = REF_ADJECTIVES.get(T.w(j));
  if (!adj) return null;
  const next = UNITS.get(T.w(j + 1));
  if (next && next.plural) return match(j, j + 2, { k: 'ref', value: adj });
  if (next || periodUnit(T, j + 1) || T.is(j + 1, 'fiscal')) return null; // "the current quarter": a period
  if (T.w(j) !== 'current' && T.w(j) !== 'recent') return null;
  return match(j, j + 1, { k: 'ref', value: adj });
}

const REL_YEAR: Record<string, number> = { this: 0, last: -1, next: 1 };

/** "last year", "this week", "the current quarter", "last April", "next Friday", "this summer",
 * "the current fiscal year", "January this year", "June last year". */
export function parseRelative(T: Toks, j: number): Match | null {
  const mo = monthAt(T, j);
  if (mo && T.is(mo.end, 'this', 'last', 'next') && T.is(mo.end + 1, 'year')) {
    return match(j, mo.end + 2, { k: 'month', m: mo.v, yRel: REL_YEAR[T.w(mo.end)] });
  }
  const det = phraseAt(T, j, DETERMINERS);
  if (!det) return null;
  let k = det.end;
  const article = T.is(j, 'the');
  if (T.is(k, 'fiscal')) k++;
  const gran = periodUnit(T, k);
  if (gran) {
    // "the past year", "the last year": a rolling stretch, read as a duration elsewhere
    if (article && det.v === -1 && T.is(j + 1, 'past', 'last')) return null;
    return match(j, possessive(T, k + 1), { k: 'rel', gran, offset: det.v });
  }
  if (k > det.end) return null;
  const m = monthAt(T, k);
  if (m && !article) return match(j, m.end, { k: 'month', m: m.v, rel: det.v });
  const wd = weekdayAt(T, k);
  if (wd) return match(j, wd.end, { k: 'weekday', dow: wd.v, rel: det.v });
  const season = SEASONS.get(T.w(k));
  if (season && !article) return match(j, k + 1, { k: 'season', code: season, rel: det.v });
  return null;
}

const HEDGES = new Set(['about', 'nearly', 'almost', 'some', 'roughly', 'approximately', 'around', 'just', 'only', 'barely', 'fully', 'exactly', 'precisely', 'over', 'under', 'less', 'more']);
/** Words after "two years before" that end the clause, so "before" points back to the reference. */
const CLAUSE_END = new Set([',', '.', ';', ':', ')', '', 'and', 'but', 'when', 'while', 'as', 'that', 'in', 'at', 'on', '"', "'", '”']);

/** "two years ago", "nearly four years ago", "a year earlier", "three months later", "10 days
 * ago", "two years from now", "several years ago" (vague). */
export function parseShift(T: Toks, j: number): Match | null {
  let k = j;
  if (HEDGES.has(T.w(k))) k += T.is(k + 1, 'than') ? 2 : 1;
  const n = countAt(T, k);
  if (!n) return null;
  const u = UNITS.get(T.w(n.end));
  if (!u || u.unit === 'hour' || u.unit === 'minute' || u.unit === 'second') return null;
  let d = n.end + 1;
  if (T.is(d, 'or') && T.is(d + 1, 'so')) d += 2;
  const dir = phraseAt(T, d, DIRECTIONS);
  if (!dir) return null;
  const w = T.w(d);
  if ((w === 'before' || w === 'after' || w === 'prior' || w === 'on' || w === 'back') && !CLAUSE_END.has(T.w(dir.end))) return null;
  return match(j, dir.end, { k: 'shift', n: n.v, unit: u.unit, sign: dir.v.sign, from: dir.v.base, vague: Number.isNaN(n.v) || undefined });
}

const COMPARE_NOUNS: Record<string, Gran | undefined> = { quarter: 'quarter', period: undefined, month: 'month', year: 'year', week: 'week', half: 'half' };

/** The noun after an anaphoric head: "quarter", "third quarter", "period", "month". */
function comparedNoun(T: Toks, i: number): { gran?: Gran; end: number; q?: number } | null {
  let k = i;
  if (T.is(k, 'fiscal')) k++;
  const ord = ordinalAt(T, k);
  if (ord && ord.v >= 1 && ord.v <= 4 && T.is(ord.end, 'quarter')) return { gran: 'quarter', end: ord.end + 1, q: ord.v };
  if (T.w(k) in COMPARE_NOUNS) return { gran: COMPARE_NOUNS[T.w(k)], end: k + 1 };
  return null;
}

/** "the year-ago quarter", "year-earlier", "the comparable year-ago period", "the same period last
 * year", "the quarter a year ago", "last year's quarter": the period talked about, a year back. */
export function parseYearAgo(T: Toks, j: number): Match | null {
  let k = T.is(j, 'the', 'a') ? j + 1 : j;
  if (T.is(k, 'comparable', 'corresponding', 'same', 'prior') || T.is(k, 'previous')) k++;
  // year-ago, year-earlier, year-before, month-earlier
  const u = UNITS.get(T.w(k));
  if (u && !u.plural && T.w(k + 1) === '-' && T.glued(k + 1) && T.is(k + 2, 'ago', 'earlier', 'before', 'previous', 'prior') && T.glued(k + 2)) {
    const shift = toShift(u.unit, -1);
    if (!shift) return null;
    const noun = comparedNoun(T, k + 3);
    return match(j, noun ? noun.end : k + 3, { k: 'anaphor', gran: noun?.gran, shift });
  }
  // the same period last year, the same quarter a year ago, the quarter a year earlier
  if (k > j) {
    const noun = comparedNoun(T, k);
    if (noun && noun.gran !== 'year') {
      if (T.is(noun.end, 'last') && T.is(noun.end + 1, 'year')) return match(j, noun.end + 2, { k: 'anaphor', gran: noun.gran, shift: { n: -1, unit: 'year' } });
      if (T.is(noun.end, 'a', 'one') && T.is(noun.end + 1, 'year') && T.is(noun.end + 2, 'ago', 'earlier', 'before'))
        return match(j, noun.end + 3, { k: 'anaphor', gran: noun.gran, shift: { n: -1, unit: 'year' } });
    }
  }
  // last year's quarter, last year's third quarter is read as a quarter elsewhere
  if (T.is(j, 'last') && T.is(j + 1, 'year') && possessive(T, j + 2) === j + 4) {
    const noun = comparedNoun(T, j + 4);
    if (noun && noun.q === undefined && noun.gran !== 'year') return match(j, noun.end, { k: 'anaphor', gran: noun.gran, shift: { n: -1, unit: 'year' } });
  }
  return null;
}

/** "the quarter", "the latest quarter", "the period", "the year", "that day", "the same month",
 * "the following year", "the previous day", "the next day", "the 1988 period". */
export function parseAnaphor(T: Toks, j: number): Match | null {
  if (!T.is(j, 'the', 'that')) return null;
  let k = j + 1;
  let latest = false;
  let step = 0;
  let y: number | undefined;
  if (T.is(k, 'latest', 'most')) {
    latest = true;
    k += T.is(k, 'most') && T.is(k + 1, 'recent') ? 2 : 1;
  } else if (T.is(k, 'following', 'next', 'subsequent')) {
    step = 1;
    k++;
  } else if (T.is(k, 'previous', 'preceding', 'prior')) {
    step = -1;
    k++;
  } else if (T.is(k, 'same', 'full', 'entire', 'whole')) k++;
  else {
    const yr = yearAt(T, k);
    if (yr && T.t[k].kind === 'n') {
      y = yr.v;
      k = yr.end;
    }
  }
  if (T.is(k, 'fiscal')) k++;
  const w = T.w(k);
  let gran: Gran | undefined;
  if (w === 'period') gran = undefined;
  else {
    const g = periodUnit(T, k);
    if (!g || g === 'decade' || g === 'century') return null;
    gran = g;
  }
  if (T.w(k + 1) === '-' && T.glued(k + 1)) return null; // "quarter-to-quarter"
  if (gran === 'weekend') return match(j, k + 1, { k: 'rel', gran, offset: 0 });
  // "the next day" is anaphoric; "the next year" is read as relative to publication.
  if (step === 1 && T.is(j + 1, 'next') && gran !== 'day') return null;
  if (step === -1 && gran === undefined) return null;
  // "the year before", "the day after"
  let b = k + 1;
  if (step === 0 && !latest && y === undefined && T.is(b, 'before', 'after') && CLAUSE_END.has(T.w(b + 1))) {
    step = T.is(b, 'before') ? -1 : 1;
    b++;
  }
  if (y !== undefined && gran === 'year') return null;
  return match(j, b, { k: 'anaphor', gran, latest: latest || undefined, step: step || undefined, y });
}
