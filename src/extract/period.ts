/**
 * Time expressions in news text, resolved to intervals of whole days.
 *
 * `findPeriods(text, { published })` scans once (a regular-expression pre-scan for trigger words,
 * then a small token grammar around each hit) and returns non-overlapping mentions in text order.
 * Each mention has `from`/`to` (inclusive days, YYYY-MM-DD) when it names a stretch of calendar
 * time we can place, a TIMEX3-style `timex`, and how it was placed (`anchor`).
 *
 * Conventions
 * - Intervals are inclusive: "March 2026" is 2026-03-01 … 2026-03-31. A week is Monday to Sunday
 *   (ISO 8601; `timex` "2026-W13"); a weekend is its Saturday and Sunday.
 * - Parts of a year: early = Jan 1 – Apr 30, mid = May 1 – Aug 31, late = Sep 1 – Dec 31;
 *   start/beginning = the first quarter (Jan 1 – Mar 31); end = the last quarter (Oct 1 – Dec 31);
 *   first/second half = H1/H2. Parts of a month: early = days 1–10, mid = 11–20, late = 21–end;
 *   start = early, end = late. Parts of a quarter or season: its first, middle or last month
 *   (start = first month, end = last month). Parts of a week: early = Mon–Tue, mid = Wed–Thu,
 *   late/end = Fri–Sun. Parts of a decade: early = years 0–3, mid = 4–6, late = 7–9; of a century:
 *   00–32, 33–66, 67–99. A part narrows `from`/`to`; `timex` stays the TIMEX3 value of the whole
 *   period ("early 2025": timex "2025", 2025-01-01 … 2025-04-30), as TIMEX3 keeps parts in `mod`.
 * - Seasons are meteorological (northern hemisphere): spring Mar–May, summer Jun–Aug, fall Sep–Nov,
 *   winter Dec 1 of the year named to the end of February after it.
 * - Quarters and halves are calendar quarters; "fiscal 2025" is read as the calendar year 2025
 *   (we do not know the company's fiscal calendar). "The quarter ended Aug. 26" is the three months
 *   ending that day.
 * - A decade "the 1990s" is 1990–1999 (timex "199"); a century "the 20th century" is 1900–1999
 *   (timex "19", as TIMEX3 writes it).
 * - Relative to publication (`anchor: 'relative'`): "today", "yesterday", "tomorrow"; "this/last/
 *   next week|month|quarter|year" (the unit containing the publication day, moved by one);
 *   "so far this month" and "earlier this year" run from the start of the unit to the publication
 *   day, "later this year" from the publication day to its end; "two years ago" is the unit
 *   counted back ("2024" for a year, a month for months); "on Wednesday" is the latest Wednesday on
 *   or before publication, or the next one when the clause speaks of the future ("will meet
 *   Friday"); "last Friday" is the latest before publication; "last April" the latest April before
 *   the publication month; "this summer" the summer of the publication year.
 * - Anaphoric (`anchor: 'anaphoric'`): an expression without a year ("March 23", "the end of the
 *   year", "the third quarter") takes the year of the nearest earlier expression with a written year
 *   in the same paragraph; without one it takes the publication year (`relative`); with neither it
 *   stays unresolved. "A year earlier", "three months later" shift the period talked about before
 *   (at its own granularity when finer: after "the third quarter of 1989", "a year earlier" is
 *   1988-Q3); "two years ago" does the same after a month/quarter/half, otherwise counts from
 *   publication, and with no publication date counts from the nearest earlier dated expression of
 *   the paragraph. "The quarter", "the latest quarter", "the period", "the year-ago quarter", "the
 *   following year" refer to the nearest earlier period of that kind; with none, "the quarter" and
 *   "the latest quarter" are the last quarter completed before publication.
 * - Without a publication date, a day or month without a year takes the latest year the article
 *   writes out in a month or a day ("March 23" in an article that says "March 2026" is 2026-03-23,
 *   `anchor: 'anaphoric'`); "by 2030" does not count. Relative expressions ("this month", "today")
 *   are then placed from the latest day a statement is dated ("said on March 23"), when there is one.
 * - Without a publication date and without an anchor, `from`/`to` are absent (`anchor: 'none'`),
 *   with a partial timex where one can be written ("XXXX-03-23", "XXXX-WXX-3").
 * - "now", "currently", "current" are PRESENT_REF; "recently", "the past", "several years ago"
 *   PAST_REF; "the future", "soon" FUTURE_REF: DATE mentions with that timex and no interval.
 * - Durations ("two years", "in 24 months", "over the past three months", "a decade", "a 10-year
 *   plan") are DURATION mentions with an ISO 8601 `duration` ("P2Y", "P24M", "P3M", "P10Y") and no
 *   interval; "the first nine months of 1990" is a DATE (1990-01-01 … 1990-09-30) with duration P9M.
 * - Clock times ("03:50 PM", "5 p.m. EST Nov. 9", "this morning") are TIME mentions whose interval
 *   is their day; "every month", "$5 a year" are SET mentions.
 * - Not periods: numbers that are not years ("140 trillion", "2,024 people", "Route 2024"), model
 *   names ("GPT-4o", "Qwen 3.5"), "24/7".
 */
import { isoDay, parseIsoDay } from './period/calendar.js';
import { documentYearOf, resolveAll } from './period/resolve.js';
import { paragraphsOf, scan, type Range } from './period/scan.js';
import type { PeriodMention } from './types.js';

export interface PeriodOptions {
  /** Publication date of the article, YYYY-MM-DD: the anchor of relative expressions. */
  published?: string | null;
  /** For an undated article, the year of expressions written without one (default: the latest year
   * the article writes in a month or a day, "March 2026"; null: leave them unresolved). */
  documentYear?: number | null;
  /** Paragraph ranges (offsets into `text`); by default, text between blank lines. */
  paragraphs?: Range[];
}

const REPORTING_BEFORE = /\b(?:said|says|told|announced|revealed|disclosed|stated|reported|confirmed|declared)\s+(?:on\s+|in\s+)?$/i;

/** The latest single day written right after a reporting verb ("said on March 23"), or null. */
function reportingDayOf(text: string, resolved: ReturnType<typeof resolveAll>): number | null {
  let best: number | null = null;
  for (const r of resolved) {
    if (r.type !== 'DATE' || r.from === undefined || r.from !== r.to) continue;
    if (!REPORTING_BEFORE.test(text.slice(Math.max(0, r.raw.start - 40), r.raw.start))) continue;
    if (best === null || r.from > best) best = r.from;
  }
  return best;
}

/** Time expressions of `text`, sorted by start and non-overlapping, resolved where possible. */
export function findPeriods(text: string, options: PeriodOptions = {}): PeriodMention[] {
  const published = parseIsoDay(options.published);
  const paragraphs = options.paragraphs?.length ? [...options.paragraphs].sort((a, b) => a.start - b.start) : paragraphsOf(text);
  const raws = scan(text, paragraphs);
  let resolved = resolveAll(text, raws, published);
  if (published === null) {
    // Undated article: a day or month written without a year takes the latest year it writes out in full.
    const year = options.documentYear === undefined ? documentYearOf(resolved) : options.documentYear;
    if (year !== null) resolved = resolveAll(text, raws, null, year);
    // "said on March 23 that usage passed 140 trillion as of this month": the latest day a statement
    // is dated stands in for the publication day, so "this month" and "today" can be placed.
    const reported = options.documentYear === null ? null : reportingDayOf(text, resolved);
    if (reported !== null) resolved = resolveAll(text, raws, reported, year);
  }
  return resolved.map((r) => {
    const m: PeriodMention = {
      text: text.slice(r.raw.start, r.raw.end),
      start: r.raw.start,
      end: r.raw.end,
      type: r.type,
      anchor: r.anchor,
    };
    if (r.from !== undefined && r.to !== undefined) {
      m.from = isoDay(r.from);
      m.to = isoDay(r.to);
    }
    if (r.raw.expr.duration) m.duration = r.raw.expr.duration;
    if (r.timex) m.timex = r.timex;
    return m;
  });
}
