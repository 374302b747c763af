/**
 * Shapes shared by the extractors. Offsets are UTF-16 code-unit offsets into the text the
 * extractor was given, end-exclusive, as JavaScript counts them.
 */

/** A normalised value: a point (`min === max`) or a range, with its unit and denominator. */
export interface Value {
  min: number;
  max: number;
  /** Canonical unit: ISO 4217 code for money ("USD"), "%" for percent, "pp" for percentage
   * points, "x" for multipliers, otherwise the singular head noun ("token", "petabyte"). */
  unit: string | null;
  /** Denominator of a rate as written: "day", "million output tokens", "kWh". */
  per: string | null;
  /** Hedged: "roughly", "about", "nearly", "some". */
  approx: boolean;
  /** "over 140 trillion" is a lower bound, "up to 5" an upper bound. */
  bound: 'lower' | 'upper' | null;
}

/** Direction of a stated change around the quantity ("up 40 percent", "fell to", "jumped to"). */
export type Change = 'up' | 'down' | 'to' | 'from' | null;

export type QuantityKind =
  | 'count'
  | 'money'
  | 'percent'
  | 'percentage-point'
  | 'multiplier'
  | 'measure'
  | 'number';

/** A quantity mention found in text. */
export interface QuantityMention {
  text: string;
  start: number;
  end: number;
  value: Value;
  kind: QuantityKind;
  /** The unit (or head noun) as written, e.g. "output tokens", "daily calls", "$". */
  unitText: string | null;
  change: Change;
}

/** A time expression found in text, resolved to an interval of whole days when it can be. */
export interface PeriodMention {
  text: string;
  start: number;
  end: number;
  /** First day of the interval, YYYY-MM-DD (absent for durations and unresolved expressions). */
  from?: string;
  /** Last day of the interval, inclusive, YYYY-MM-DD. */
  to?: string;
  /** ISO 8601 duration for durations ("in 24 months": "P24M"). */
  duration?: string;
  /** TIMEX3-style value: "2026-03", "2024-Q1", "2025-12-31", "P24M", "PAST_REF". */
  timex?: string;
  type: 'DATE' | 'DURATION' | 'TIME' | 'SET';
  /** How the interval was found: written out, relative to the publication date, or to an
   * earlier time expression in the same paragraph. */
  anchor: 'absolute' | 'relative' | 'anaphoric' | 'none';
}
