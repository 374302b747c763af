/**
 * The period lexicons (`src/extract/data/period-*.json`) as lookup tables, and the trigger
 * expression the scanner pre-scans text with.
 */
import calendar from '../data/period-calendar.json' with { type: 'json' };
import parts from '../data/period-parts.json' with { type: 'json' };
import units from '../data/period-units.json' with { type: 'json' };
import relative from '../data/period-relative.json' with { type: 'json' };
import holidays from '../data/period-holidays.json' with { type: 'json' };
import years from '../data/period-years.json' with { type: 'json' };
import type { Part } from './parts.js';
import { tokenize, type Toks } from './tokens.js';

export type Unit =
  | 'year'
  | 'month'
  | 'week'
  | 'day'
  | 'quarter'
  | 'half'
  | 'decade'
  | 'century'
  | 'millennium'
  | 'fortnight'
  | 'weekend'
  | 'hour'
  | 'minute'
  | 'second';

export interface UnitInfo {
  unit: Unit;
  iso: string;
  per: number;
  plural: boolean;
}

export type RefValue = 'PRESENT_REF' | 'PAST_REF' | 'FUTURE_REF';

export interface Holiday {
  month?: number;
  day?: number;
  weekday?: number;
  nth?: number;
  shift?: number;
  easter?: number;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function table<T>(entries: Array<{ words?: string[]; names?: string[] }>, value: (e: never) => T): Map<string, T> {
  const map = new Map<string, T>();
  for (const e of entries) for (const w of e.words ?? e.names ?? []) map.set(w, value(e as never));
  return map;
}

/** Month number by lower-case name or abbreviation. */
export const MONTHS = table(calendar.months, (e: { month: number }) => e.month);
/** ISO weekday by lower-case name or abbreviation. */
export const WEEKDAYS = table(calendar.weekdays, (e: { day: number }) => e.day);
/** Season TIMEX3 code by name. */
export const SEASONS = table(calendar.seasons, (e: { season: string }) => e.season);
/** First year of a decade named in words ("nineties" → 1990). */
export const DECADE_WORDS = table(calendar.decades, (e: { decade: number }) => e.decade);

/** Single-word part modifiers ("early", "mid", "late"). */
export const PART_WORDS = table(parts.modifiers, (e: { part: string }) => e.part as Part);

/** Phrases by their first token, each as the tokens the window tokenizer makes of it. */
export type Phrases<T> = Map<string, Array<{ words: string[]; v: T }>>;

function phrases<T>(map: Map<string, T>): Phrases<T> {
  const out: Phrases<T> = new Map();
  for (const [phrase, v] of map) {
    const words = tokenize(phrase, 0, phrase.length).map((t) => t.w);
    const list = out.get(words[0]) ?? [];
    list.push({ words, v });
    list.sort((a, b) => b.words.length - a.words.length);
    out.set(words[0], list);
  }
  return out;
}

/** First tokens of every phrase in `tables`. */
export function firstTokens(...tables: Array<Phrases<unknown>>): string[] {
  return tables.flatMap((t) => [...t.keys()]);
}

/** The longest phrase of `table` at token `i`: its value and the index after it. */
export function phraseAt<T>(T: Toks, i: number, table: Phrases<T>): { v: T; end: number } | null {
  const list = table.get(T.w(i));
  if (!list) return null;
  for (const p of list) {
    const end = T.phrase(i, p.words);
    if (end >= 0) return { v: p.v, end };
  }
  return null;
}

/** Part phrases ("the end of", "the first half of"). */
export const PART_PHRASES = phrases(table(parts.phrases, (e: { part: string }) => e.part as Part));
/** "year-end", "year's end", "month-end" with the unit they end. */
export const PART_ADJECTIVES = phrases(
  table(parts.adjectival, (e: { unit: string; part: string }) => ({ unit: e.unit as 'year' | 'month', part: e.part as Part })),
);

/** Unit by word, singular and plural ("years" → year). */
export const UNITS = new Map<string, UnitInfo>();
for (const u of units.units) {
  for (const w of u.words) {
    UNITS.set(w, { unit: u.unit as Unit, iso: u.iso, per: u.per, plural: w !== u.words[0] && w.endsWith('s') });
  }
}
/** Cardinal number words. */
export const NUMBER_WORDS = table(units.numbers, (e: { value: number }) => e.value);
/** Words for an unspecified count ("several years"). */
export const VAGUE = new Set(units.vague.flatMap((e) => e.words));
/** Ordinals ("first" → 1, "last" → -1). */
export const ORDINALS = table(units.ordinals, (e: { value: number }) => e.value);

/** Day offsets of "today", "yesterday", … by phrase. */
export const DEICTIC_DAYS = table(relative.days, (e: { offset: number }) => e.offset);
export const DEICTIC_PHRASES = phrases(DEICTIC_DAYS);
/** PRESENT_REF / PAST_REF / FUTURE_REF phrases. */
export const REFERENCES = table(relative.references, (e: { value: string }) => e.value as RefValue);
export const REFERENCE_PHRASES = phrases(REFERENCES);
/** Adjectives that carry a reference when alone ("current"). */
export const REF_ADJECTIVES = table(relative.adjectives, (e: { value: string }) => e.value as RefValue);
/** Relative determiners ("last" → -1) by phrase. */
export const DETERMINERS = phrases(table(relative.determiners, (e: { offset: number }) => e.offset));
/** Direction words after a count ("ago", "earlier") with the base they count from. */
export const DIRECTIONS = phrases(
  table(relative.direction, (e: { sign: number; base: string }) => ({ sign: e.sign, base: e.base as 'published' | 'reference' })),
);
/** Parts of the day by word (TIMEX3 MO, AF, EV, NI). */
export const DAYPARTS = table(relative.dayparts, (e: { timex: string }) => e.timex);
const apostrophe = (w: string): string => escape(w).replace(/'/g, "['’]");
const cueWords = (tense: string): string =>
  relative.tense
    .filter((e) => e.tense === tense)
    .flatMap((e) => e.words)
    .sort((a, b) => b.length - a.length)
    .map((w) => (w.startsWith("'") ? apostrophe(w) : `(?<![\\p{L}])${apostrophe(w)}`))
    .join('|');
/**
 * A tense cue in a clause: group 1 matches a future cue, group 2 a past one. A past form right
 * after "be", "been" or "being" is a participle of any tense ("will be held Friday"): no cue.
 */
export const TENSE_CUE = new RegExp(`(?:(${cueWords('future')})|(?<!\\b(?:be|been|being)\\s+)(${cueWords('past')}))(?![\\p{L}])`, 'giu');

/** Time zone abbreviations written after a clock time. */
export const TIMEZONES = new Set(relative.timezones.flatMap((e) => e.words));

/** Holidays by lower-case name. */
export const HOLIDAYS = table(holidays.holidays, (e: Holiday) => e);
export const HOLIDAY_PHRASES = phrases(HOLIDAYS);

const set = (entries: Array<{ words: string[] }>): Set<string> => new Set(entries.flatMap((e) => e.words));
/** Words before a four-digit number that make it a label ("Route 2024"). */
export const YEAR_LABELS = set(years.labels);
/** Words before a number that announce a count ("about 2000 people"). */
export const YEAR_QUANTIFIERS = set(years.quantifiers);
/** Nouns after a four-digit number that make it a count. */
export const YEAR_COUNTED = set(years.counted);


function firstWords(): string[] {
  const words = new Set<string>();
  const add = (phrase: string): void => {
    const w = phrase.split(' ')[0].replace(/['.]+$/, '');
    if (w.length > 1) words.add(w);
  };
  for (const k of MONTHS.keys()) add(k);
  for (const k of WEEKDAYS.keys()) add(k);
  for (const k of SEASONS.keys()) add(k);
  for (const [k, u] of UNITS) if (u.unit !== 'second' && !['mo', 'mos', 'min'].includes(k)) add(k);
  for (const k of DEICTIC_DAYS.keys()) add(k.split(' ').pop()!);
  for (const k of REFERENCES.keys()) add(k.split(' ').pop()!);
  for (const k of HOLIDAYS.keys()) add(k.split(' ').pop()!);
  for (const k of REF_ADJECTIVES.keys()) add(k);
  for (const k of DAYPARTS.keys()) add(k);
  for (const k of ['ago', 'noon', 'midnight', 'nineteen', 'thousand', 'yearend', 'fy', 'period']) words.add(k);
  for (const k of ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties']) words.add(k);
  return [...words].sort((a, b) => b.length - a.length);
}

/**
 * Where a time expression may be: a calendar or time word, a four-digit number, a clock time,
 * "Q3"/"H1", a numeric date. The scanner parses around each hit; most text is skipped.
 */
export const TRIGGER = new RegExp(
  [
    `\\b(?:${firstWords().map(escape).join('|')})\\b`,
    '\\b\\d{4}(?!\\d)',
    '\\bfy(?=\\d)',
    '\\b\\d{1,2}(?::\\d{2}|\\s?[ap]\\.?m\\b|/\\d{1,2}/\\d{2,4})',
    "['’]\\d0s",
    '\\b[qh][1-4]\\b',
    '\\b[1-4][qh]',
  ].join('|'),
  'gi',
);
