/**
 * Dates as metadata carries them ("March 23, 2026 at 03:50 PM", "2026-03-23T10:00:00+08:00",
 * "24 March 2026", "2026/03/24"), read to a calendar day, and the year of a dateline that gives none,
 * inferred from the article's own words. Nothing is guessed: an ambiguous or impossible date is null.
 */

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};
const MONTH = '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?';
const ORD = '(?:st|nd|rd|th)?';

const ISO = /(?<![\d])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])/;
const YMD_SLASH = /(?<![\d/.])(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?![\d])/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const CJK = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const MDY = new RegExp(`(?<![\\p{L}])${MONTH}[\\s-]+(\\d{1,2})${ORD}(?:,\\s*|[\\s-]+)(\\d{4})(?![\\d])`, 'iu');
const DMY = new RegExp(`(?<![\\d])(\\d{1,2})${ORD}[\\s-]+(?:of\\s+)?${MONTH},?[\\s-]+(\\d{4})(?![\\d])`, 'iu');
const MD = new RegExp(`(?<![\\p{L}])${MONTH}\\s+(\\d{1,2})${ORD}(?![\\d\\p{L}])`, 'iu');
const DM = new RegExp(`(?<![\\d])(\\d{1,2})${ORD}\\s+(?:of\\s+)?${MONTH}(?![\\p{L}])`, 'iu');
const NUMERIC = /(?<![\d/.])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?![\d])/;

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A valid calendar day as YYYY-MM-DD, or null. */
export function formatDay(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1800 || year > 2199) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (!Number.isInteger(day) || day < 1 || day > daysIn(year, month)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Month number of an English month name or abbreviation ("Sept.", "march"), or null. */
export function monthNumber(name: string): number | null {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')] ?? null;
}

interface Candidate {
  index: number;
  value: string | null;
  hasYear: boolean;
}

/**
 * Read the first date in a metadata text as YYYY-MM-DD. A date without a year ("March 24") uses
 * `context.yearHint` when given and is null otherwise; "03/04/2026" (day and month both ≤ 12) is null.
 */
export function parseDateText(text: string, context: { yearHint?: number } = {}): string | null {
  if (typeof text !== 'string') return null;
  const s = text.trim().slice(0, 500);
  if (s === '') return null;
  const compact = COMPACT.exec(s);
  if (compact) return formatDay(+compact[1], +compact[2], +compact[3]);
  const found: Candidate[] = [];
  const add = (m: RegExpExecArray | null, value: (m: RegExpExecArray) => string | null, hasYear = true): void => {
    if (m) found.push({ index: m.index, value: value(m), hasYear });
  };
  add(ISO.exec(s), (m) => formatDay(+m[1], +m[2], +m[3]));
  add(YMD_SLASH.exec(s), (m) => formatDay(+m[1], +m[2], +m[3]));
  add(CJK.exec(s), (m) => formatDay(+m[1], +m[2], +m[3]));
  add(MDY.exec(s), (m) => formatDay(+m[3], monthNumber(m[1]) ?? 0, +m[2]));
  add(DMY.exec(s), (m) => formatDay(+m[3], monthNumber(m[2]) ?? 0, +m[1]));
  add(NUMERIC.exec(s), (m) => {
    const a = +m[1];
    const b = +m[2];
    if (a > 12 && b <= 12) return formatDay(+m[3], b, a);
    if (b > 12 && a <= 12) return formatDay(+m[3], a, b);
    if (a === b) return formatDay(+m[3], a, b);
    return null;
  });
  const hint = context.yearHint;
  const withHint = (month: number | null, day: number): string | null =>
    hint === undefined || month === null ? null : formatDay(hint, month, day);
  add(MD.exec(s), (m) => withHint(monthNumber(m[1]), +m[2]), false);
  add(DM.exec(s), (m) => withHint(monthNumber(m[2]), +m[1]), false);
  if (found.length === 0) return null;
  // The earliest date in the text; at the same place, the reading that carries a year.
  found.sort((a, b) => a.index - b.index || Number(b.hasYear) - Number(a.hasYear));
  return found[0].value;
}

/** Words before a year that make it a target rather than the present ("by 2030", "until 2027"). */
const FUTURE_BEFORE = /\b(?:by|until|till|through|to|before|towards?)\s+$/i;
const YEAR = /(?<![\d.,$€£¥-])(1[89]\d{2}|2[01]\d{2})(?![\d%]|\s*(?:percent|per cent))/g;
const THIS_YEAR = /\bthis\s+year(?:['’]s)?\b/i;

/** A year read from the text for a date that gave none, with the words it was read from. */
export interface InferredYear {
  year: number;
  /** The words of the article the year was read from, as written. */
  evidence: string;
  /** How: "a full date", "'this year' with a year in the same sentence", "the month with a year", "the latest year mentioned". */
  rule: string;
}

/** The clause around [start, end), cut at word boundaries to about 60 characters. */
function around(text: string, start: number, end: number): string {
  let from = start;
  let to = end;
  while (from > 0 && start - from < 30 && !/[.!?\n;]/.test(text[from - 1])) from--;
  while (to < text.length && to - end < 45 && !/[.!?\n;]/.test(text[to])) to++;
  if (from > 0 && !/[.!?\n;]/.test(text[from - 1])) while (from < start && !/\s/.test(text[from - 1])) from++;
  const cut = to < text.length && !/[.!?\n;]/.test(text[to]);
  if (cut) while (to > end && !/\s/.test(text[to])) to--;
  const clause = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return cut ? `${clause}…` : clause;
}

/**
 * Infer the year of a dated event given as month and day (a dateline "March 24") from the text:
 * a full date with the same month and day, then "this year" next to a year in one sentence, then the
 * same month with a year ("in March 2026"), then the latest year the text mentions that is not a
 * target ("by 2030"). Null when the text names no year.
 */
export function inferYear(text: string, month: number, day?: number): InferredYear | null {
  const sample = text.length > 2_000_000 ? text.slice(0, 2_000_000) : text;
  // 1. the same month and day with a year
  const full = new RegExp(MDY.source, 'giu');
  for (let m = full.exec(sample); m; m = full.exec(sample)) {
    if (monthNumber(m[1]) === month && (day === undefined || +m[2] === day) && formatDay(+m[3], month, +m[2]))
      return { year: +m[3], evidence: m[0], rule: 'a full date' };
  }
  const fullDmy = new RegExp(DMY.source, 'giu');
  for (let m = fullDmy.exec(sample); m; m = fullDmy.exec(sample)) {
    if (monthNumber(m[2]) === month && (day === undefined || +m[1] === day) && formatDay(+m[3], month, +m[1]))
      return { year: +m[3], evidence: m[0], rule: 'a full date' };
  }
  // 2. "this year" in a sentence that names exactly one year
  const sentences = sample.split(/(?<=[.!?])\s+|\n+/);
  for (const sentence of sentences) {
    if (!THIS_YEAR.test(sentence)) continue;
    const years = new Set([...sentence.matchAll(YEAR)].map((m) => +m[1]));
    if (years.size === 1) {
      const year = [...years][0];
      return { year, evidence: sentence.trim().slice(0, 120), rule: "'this year' with a year in the same sentence" };
    }
  }
  // 3. the month with a year ("in March 2026")
  const monthYear = new RegExp(`(?<![\\p{L}])${MONTH},?\\s+(\\d{4})(?![\\d])`, 'giu');
  for (let m = monthYear.exec(sample); m; m = monthYear.exec(sample)) {
    if (monthNumber(m[1]) === month && +m[2] >= 1800 && +m[2] <= 2199) return { year: +m[2], evidence: m[0], rule: 'the month with a year' };
  }
  // 4. the latest year mentioned, leaving out targets
  let best: { year: number; index: number; end: number } | null = null;
  for (const m of sample.matchAll(YEAR)) {
    const index = m.index ?? 0;
    if (FUTURE_BEFORE.test(sample.slice(Math.max(0, index - 12), index))) continue;
    const year = +m[1];
    if (!best || year > best.year) best = { year, index, end: index + m[0].length };
  }
  if (best) return { year: best.year, evidence: around(sample, best.index, best.end), rule: 'the latest year mentioned' };
  return null;
}
