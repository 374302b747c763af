/**
 * Parts of a period: "early 2025", "the end of last year", "mid-November", "so far this month".
 * The intervals follow the conventions written at the top of `src/extract/period.ts`.
 */
import { addMonths, type Span, ymd, dayOf, daysInMonth } from './calendar.js';

export type Part = 'early' | 'mid' | 'late' | 'start' | 'end' | 'h1' | 'h2' | 'sofar' | 'earlier' | 'later';

/** Months in a month-based span, or 0 when the span is not made of whole months. */
function monthsIn(span: Span): number {
  switch (span.gran) {
    case 'year':
      return 12;
    case 'half':
      return 6;
    case 'quarter':
    case 'season':
      return 3;
    default:
      return 0;
  }
}

/** The first and last index (inclusive) of `n` equal-ish parts a part selects. */
function slice(part: Part, n: number, cuts: [number, number]): [number, number] {
  switch (part) {
    case 'early':
      return [0, cuts[0] - 1];
    case 'mid':
      return [cuts[0], cuts[1] - 1];
    case 'late':
      return [cuts[1], n - 1];
    case 'start':
      return [0, Math.max(1, Math.round(n / 4)) - 1];
    case 'end':
      return [n - Math.max(1, Math.round(n / 4)), n - 1];
    case 'h1':
      return [0, Math.floor(n / 2) - 1];
    default:
      return [Math.floor(n / 2), n - 1];
  }
}

/** Narrows `span` to the part named; `published` bounds 'sofar', 'earlier' and 'later'. */
export function applyPart(span: Span, part: Part, published: number | null): { from: number; to: number } {
  if (part === 'sofar' || part === 'earlier') {
    return published !== null && published >= span.from && published <= span.to ? { from: span.from, to: published } : span;
  }
  if (part === 'later') {
    return published !== null && published >= span.from && published <= span.to ? { from: published, to: span.to } : span;
  }
  const months = monthsIn(span);
  if (months) {
    const third = months / 3;
    const [a, b] = slice(part, months, [third, 2 * third]);
    return { from: addMonths(span.from, a), to: addMonths(span.from, b + 1) - 1 };
  }
  switch (span.gran) {
    case 'month': {
      const { y, m } = ymd(span.from);
      const days = daysInMonth(y, m);
      if (part === 'h1') return { from: span.from, to: dayOf(y, m, 15) };
      if (part === 'h2') return { from: dayOf(y, m, 16), to: span.to };
      const [a, b] = slice(part === 'start' ? 'early' : part === 'end' ? 'late' : part, days, [10, 20]);
      return { from: span.from + a, to: span.from + b };
    }
    case 'week': {
      const [a, b] = slice(part === 'start' ? 'early' : part === 'end' ? 'late' : part, 7, [2, 4]);
      return { from: span.from + a, to: span.from + b };
    }
    case 'decade':
    case 'century': {
      const years = span.gran === 'decade' ? 10 : 100;
      const cuts: [number, number] = span.gran === 'decade' ? [4, 7] : [33, 67];
      const p = part === 'start' ? 'early' : part === 'end' ? 'late' : part;
      const [a, b] = slice(p, years, cuts);
      const y0 = ymd(span.from).y;
      return { from: dayOf(y0 + a, 1, 1), to: dayOf(y0 + b + 1, 1, 1) - 1 };
    }
    default:
      return span;
  }
}
