/**
 * Calendar arithmetic on whole days for the period extractor. A day is an integer: days since
 * 1970-01-01 (UTC, proleptic Gregorian). A `Span` is an inclusive run of days with the
 * granularity it was named at and its TIMEX3 value ("2026-03", "2024-Q1", "1998-W33", "199").
 */

export type Gran =
  | 'day'
  | 'week'
  | 'weekend'
  | 'month'
  | 'quarter'
  | 'half'
  | 'season'
  | 'year'
  | 'decade'
  | 'century';

export interface Span {
  from: number;
  to: number;
  gran: Gran;
  timex: string;
}

/** Coarseness order of granularities (a quarter is finer than a year). */
export const GRAN_RANK: Record<Gran, number> = {
  day: 0,
  weekend: 1,
  week: 2,
  month: 3,
  quarter: 4,
  season: 4,
  half: 5,
  year: 6,
  decade: 7,
  century: 8,
};

const MS_DAY = 86_400_000;
const SEASONS: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

/** Day number of a calendar date; months and days out of range roll over as in `Date.UTC`. */
export function dayOf(y: number, m: number, d: number): number {
  if (y >= 100) return Math.floor(Date.UTC(y, m - 1, d) / MS_DAY);
  const date = new Date(Date.UTC(2000, m - 1, d));
  date.setUTCFullYear(y + Math.floor((m - 1) / 12));
  return Math.floor(date.getTime() / MS_DAY);
}

/** Calendar date of a day number. */
export function ymd(day: number): { y: number; m: number; d: number } {
  const date = new Date(day * MS_DAY);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n));
const pad4 = (n: number): string => String(n).padStart(4, '0');

/** YYYY-MM-DD of a day number. */
export function isoDay(day: number): string {
  const { y, m, d } = ymd(day);
  return `${pad4(y)}-${pad2(m)}-${pad2(d)}`;
}

/** Day number of a YYYY-MM-DD string, or null when it is not a valid date. */
export function parseIsoDay(s: string | null | undefined): number | null {
  const m = s ? /^(\d{4})-(\d{2})-(\d{2})/.exec(s) : null;
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return dayOf(y, mo, d);
}

export function daysInMonth(y: number, m: number): number {
  return dayOf(y, m + 1, 1) - dayOf(y, m, 1);
}

/** ISO weekday, Monday = 1 … Sunday = 7. */
export function weekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Adds calendar months, clamping the day to the end of the target month (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(day: number, months: number): number {
  const { y, m, d } = ymd(day);
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = total - ty * 12 + 1;
  return dayOf(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

export function daySpan(day: number): Span {
  return { from: day, to: day, gran: 'day', timex: isoDay(day) };
}

export function monthSpan(y: number, m: number): Span {
  return { from: dayOf(y, m, 1), to: dayOf(y, m + 1, 1) - 1, gran: 'month', timex: `${pad4(y)}-${pad2(m)}` };
}

export function quarterSpan(y: number, q: number): Span {
  return { from: dayOf(y, 3 * q - 2, 1), to: dayOf(y, 3 * q + 1, 1) - 1, gran: 'quarter', timex: `${pad4(y)}-Q${q}` };
}

export function halfSpan(y: number, h: number): Span {
  return { from: dayOf(y, 6 * h - 5, 1), to: dayOf(y, 6 * h + 1, 1) - 1, gran: 'half', timex: `${pad4(y)}-H${h}` };
}

export function yearSpan(y: number): Span {
  return { from: dayOf(y, 1, 1), to: dayOf(y + 1, 1, 1) - 1, gran: 'year', timex: pad4(y) };
}

/** A season by its TIMEX3 code; winter runs from December of `y` to the end of February after. */
export function seasonSpan(y: number, code: string): Span {
  const m = SEASONS[code] ?? 6;
  return { from: dayOf(y, m, 1), to: dayOf(y, m + 3, 1) - 1, gran: 'season', timex: `${pad4(y)}-${code}` };
}

/** The decade starting at year `y0` (1990 → "199"). */
export function decadeSpan(y0: number): Span {
  const d = Math.floor(y0 / 10);
  return { from: dayOf(d * 10, 1, 1), to: dayOf(d * 10 + 10, 1, 1) - 1, gran: 'decade', timex: String(d) };
}

/** A century by its first two digits (19 → 1900–1999, as TIMEX3 writes "19"). */
export function centurySpan(c: number): Span {
  return { from: dayOf(c * 100, 1, 1), to: dayOf(c * 100 + 100, 1, 1) - 1, gran: 'century', timex: pad2(c) };
}

/** ISO 8601 week-numbering year and week of a day. */
export function isoWeek(day: number): { year: number; week: number } {
  const thursday = day - weekday(day) + 4;
  const year = ymd(thursday).y;
  return { year, week: Math.floor((thursday - dayOf(year, 1, 1)) / 7) + 1 };
}

/** The Monday-to-Sunday week containing `day`. */
export function weekSpan(day: number): Span {
  const from = day - weekday(day) + 1;
  const { year, week } = isoWeek(day);
  return { from, to: from + 6, gran: 'week', timex: `${pad4(year)}-W${pad2(week)}` };
}

/** Saturday and Sunday of the week containing `day`. */
export function weekendSpan(day: number): Span {
  const w = weekSpan(day);
  return { from: w.from + 5, to: w.to, gran: 'weekend', timex: `${w.timex}-WE` };
}

/** The span of granularity `gran` that contains `day`. */
export function spanOf(gran: Gran, day: number): Span {
  const { y, m } = ymd(day);
  switch (gran) {
    case 'day':
      return daySpan(day);
    case 'week':
      return weekSpan(day);
    case 'weekend':
      return weekendSpan(day);
    case 'month':
      return monthSpan(y, m);
    case 'quarter':
      return quarterSpan(y, Math.ceil(m / 3));
    case 'half':
      return halfSpan(y, m <= 6 ? 1 : 2);
    case 'season': {
      const code = m >= 3 && m <= 5 ? 'SP' : m >= 6 && m <= 8 ? 'SU' : m >= 9 && m <= 11 ? 'FA' : 'WI';
      return seasonSpan(code === 'WI' && m <= 2 ? y - 1 : y, code);
    }
    case 'year':
      return yearSpan(y);
    case 'decade':
      return decadeSpan(y);
    case 'century':
      return centurySpan(Math.floor(y / 100));
  }
}

export type ShiftUnit = 'day' | 'week' | 'month' | 'year';

/** Moves a day by `n` units (negative goes back). */
export function addUnits(day: number, n: number, unit: ShiftUnit): number {
  switch (unit) {
    case 'day':
      return day + n;
    case 'week':
      return day + 7 * n;
    case 'month':
      return addMonths(day, n);
    case 'year':
      return addMonths(day, 12 * n);
  }
}

/** The span of the same granularity `n` units away ("a year earlier" than 1989-Q3 is 1988-Q3). */
export function shiftSpan(span: Span, n: number, unit: ShiftUnit): Span {
  return spanOf(span.gran, addUnits(span.from, n, unit));
}

/**
 * The interval a TIMEX3 DATE value denotes: a day, a month, a quarter ("1998-Q3"), a half
 * ("1990-H1"), a week ("1998-W33"), a weekend ("1989-W43-WE"), a season ("1989-SU"), a year, a
 * decade ("199") or a century ("19"). Times ("1998-02-11T22:00") give their day. Null for
 * values with unknown parts ("1989-WXX", "PAST_REF").
 */
export function timexSpan(value: string): Span | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(value);
  if (m) {
    const day = parseIsoDay(`${m[1]}-${m[2]}-${m[3]}`);
    return day === null ? null : daySpan(day);
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? monthSpan(+m[1], +m[2]) : null;
  if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) return quarterSpan(+m[1], +m[2]);
  if ((m = /^(\d{4})-H([12])$/.exec(value))) return halfSpan(+m[1], +m[2]);
  if ((m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(value))) {
    const jan4 = dayOf(+m[1], 1, 4);
    const monday = jan4 - weekday(jan4) + 1 + 7 * (+m[2] - 1);
    return m[3] ? weekendSpan(monday) : weekSpan(monday);
  }
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value))) return seasonSpan(+m[1], m[2]);
  if ((m = /^(\d{4})$/.exec(value))) return yearSpan(+m[1]);
  if ((m = /^(\d{3})$/.exec(value))) return decadeSpan(+m[1] * 10);
  if ((m = /^(\d{2})$/.exec(value))) return centurySpan(+m[1]);
  return null;
}

/** The `nth` (1-based; -1 for the last) ISO weekday `dow` of a month. */
export function nthWeekday(y: number, m: number, dow: number, nth: number): number {
  if (nth > 0) {
    const first = dayOf(y, m, 1);
    return first + ((dow - weekday(first) + 7) % 7) + 7 * (nth - 1);
  }
  const last = dayOf(y, m + 1, 1) - 1;
  return last - ((weekday(last) - dow + 7) % 7);
}

/** Gregorian Easter Sunday (anonymous algorithm, Meeus, Astronomical Algorithms ch. 8). */
export function easterDay(y: number): number {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayOf(y, month, day);
}

/** Moves a span by `n` of its own granularity ("the following quarter"). */
export function stepSpan(span: Span, n: number): Span {
  switch (span.gran) {
    case 'day':
      return shiftSpan(span, n, 'day');
    case 'week':
    case 'weekend':
      return shiftSpan(span, n, 'week');
    case 'month':
      return shiftSpan(span, n, 'month');
    case 'quarter':
    case 'season':
      return shiftSpan(span, 3 * n, 'month');
    case 'half':
      return shiftSpan(span, 6 * n, 'month');
    case 'year':
      return shiftSpan(span, n, 'year');
    case 'decade':
      return shiftSpan(span, 10 * n, 'year');
    case 'century':
      return shiftSpan(span, 100 * n, 'year');
  }
}
