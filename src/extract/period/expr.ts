/**
 * What the period grammar reads out of a time expression before it is resolved to days: the
 * calendar fields that were written, or the relation to the publication date or to an earlier
 * expression. `y` is a year written out; `yRel` a year relative to publication ("this year's").
 */
import type { Gran, ShiftUnit } from './calendar.js';
import type { Holiday, RefValue, Unit } from './lexicon.js';
import type { Part } from './parts.js';

export type Base =
  /** A calendar day: "March 23, 2026", "Sept. 30", "2026-03-23". */
  | { k: 'day'; y?: number; yRel?: number; m: number; d: number }
  /** A month: "March 2026", "in March", "last April" (`rel`), "June last year" (`yRel`). */
  | { k: 'month'; y?: number; yRel?: number; m: number; rel?: number }
  | { k: 'year'; y: number }
  | { k: 'quarter'; y?: number; yRel?: number; q: number }
  | { k: 'half'; y?: number; yRel?: number; h: number }
  | { k: 'season'; y?: number; code: string; rel?: number }
  | { k: 'decade'; y0: number }
  | { k: 'century'; c: number }
  /** "the first week of April 2026": days 1–7 (or the last seven days for `nth` -1). */
  | { k: 'weekOfMonth'; y?: number; m: number; nth: number }
  /** The unit containing the publication date, moved by `offset`: "last year", "yesterday", "this week". */
  | { k: 'rel'; gran: Gran; offset: number }
  /** "Wednesday" (`rel` undefined: the latest on or before publication, or the next after it when
   * the sentence is about the future), "last Friday" (-1), "this Friday" (0), "next Friday" (1). */
  | { k: 'weekday'; dow: number; rel?: number; future?: boolean }
  /** "two years ago" (from publication), "a year earlier" (from the period just talked about). */
  | { k: 'shift'; n: number; unit: Unit; sign: number; from: 'published' | 'reference'; vague?: boolean }
  /** The period just talked about ("the quarter", "the year", "the 1988 period", "the year-ago
   * quarter"), optionally of a granularity, moved by `shift`, by `step` units of its own
   * granularity ("the following year"), or with its year replaced by `y`. `latest`: "the latest
   * quarter" (the last one completed before publication when nothing was talked about). */
  | { k: 'anaphor'; gran?: Gran; shift?: { n: number; unit: ShiftUnit }; y?: number; latest?: boolean; step?: number }
  | { k: 'ref'; value: RefValue }
  | { k: 'holiday'; h: Holiday; y?: number; yRel?: number }
  /** "2019–2024", "2019-20". */
  | { k: 'range'; from: Base; to: Base };

export interface Expr {
  /** The dated part; absent for pure durations and SETs. */
  base?: Base;
  part?: Part;
  /** The expression is a DURATION (ISO 8601 value); with `base` set it is also a dated span
   * ("the first nine months of 1990"). */
  duration?: string;
  /** "the first N months of": keep the first `firstMonths` months of the base. */
  firstMonths?: number;
  /** TIME of day suffix for TIMEX3 ("T15:50", "TMO"); makes the mention a TIME. */
  clock?: string;
  /** A SET ("every month"), with its TIMEX3 value. */
  set?: string;
}

/** A grammar match over tokens [a, b) of a window. */
export interface Match {
  a: number;
  b: number;
  expr: Expr;
}

export type { Gran, Unit, Part };
