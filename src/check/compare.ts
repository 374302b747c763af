/**
 * Value compatibility: do two figures admit a common value? Bounds ("over 140 trillion" agrees with
 * "140 trillion"), hedges ("roughly 100 trillion" with "100 trillion", "about 310 times" with 312:
 * a hedge widens the tolerance to 5%), written precision (a rounded figure agrees with a more
 * precise one that rounds or truncates to it, i.e. within one unit of its last written digit above
 * and half a unit below: "$43 million" with $43,885,310, not "$139 million" with $140,937,785, not
 * "1 trillion" with 100 billion), ranges (overlap), and units (the same, or convertible: per
 * million tokens and per token; money figures are stored unscaled, so "$139 million" and
 * "$140,937,785" are both USD).
 */
import type { Claim, ClaimValue } from '../store/schema.js';
import { precisionOf } from './precision.js';
import { perFactor, relateUnits, type UnitRelation } from './units.js';

/** Relative tolerance a hedge ("about", "roughly", "nearly") adds. */
export const HEDGE_TOLERANCE = 0.05;

/** A value with the figure as written (for its precision). */
export interface Side {
  value: ClaimValue;
  figure: string | null;
}

export interface Comparison {
  units: UnitRelation;
  /** The two admit a common value (bounds, hedges and written precision considered). */
  agree: boolean;
  /** Distance between the values as written, relative to the larger (0 when they overlap). */
  gap: number;
  /** Either side is hedged. */
  hedged: boolean;
}

/** A closed interval of admitted values (ends may be infinite). */
export interface Interval {
  lo: number;
  hi: number;
}

const EPS = 1e-9;

/** A claim as a comparable side. */
export const sideOf = (c: Claim): Side => ({ value: c.value!, figure: c.figure?.text ?? null });

/** The interval a value states, in units of its denominator, before any tolerance. */
function stated(v: ClaimValue): Interval {
  const f = perFactor(v);
  return {
    lo: v.bound === 'upper' ? -Infinity : v.min * f,
    hi: v.bound === 'lower' ? Infinity : v.max * f,
  };
}

/**
 * How written precision widens a value: not at all, to what rounds to it (±u/2), or to what rounds
 * or truncates to it ([-u/2, +u), how news rounds a precise figure it quotes).
 */
export type Widening = 'none' | 'round' | 'round-or-truncate';

/** The interval a value admits, widened by its hedge and by its written precision. */
export function admitted(side: Side, widening: Widening): Interval {
  const v = side.value;
  const f = perFactor(v);
  const { lo, hi } = stated(v);
  const p = precisionOf(v, side.figure);
  const hedgeLo = v.approx ? Math.abs(v.min * f) * HEDGE_TOLERANCE : 0;
  const hedgeHi = v.approx ? Math.abs(v.max * f) * HEDGE_TOLERANCE : 0;
  // A rounded figure R written to unit u stands for what rounds to it or truncates to it:
  // [R - u/2, R + u). "$43 million" covers $43,885,310; "1 trillion" does not cover 100 billion.
  const precLo = widening === 'none' ? 0 : (p.min * f) / 2;
  const precHi = widening === 'none' ? 0 : widening === 'round' ? (p.max * f) / 2 : p.max * f * (1 - EPS);
  return { lo: lo - hedgeLo - precLo, hi: hi + hedgeHi + precHi };
}

const isPoint = (v: ClaimValue): boolean => v.min === v.max && v.bound === null;

/** The unit of the last written digit of a value, in units of its denominator. */
function coarseness(side: Side): number {
  const p = precisionOf(side.value, side.figure);
  return Math.max(p.min, p.max) * perFactor(side.value);
}

/** The intervals share a value (up to rounding error). */
export function overlaps(a: Interval, b: Interval): boolean {
  const scale = Math.max(1e-300, Math.abs(a.lo), Math.abs(a.hi), Math.abs(b.lo), Math.abs(b.hi));
  const slack = Number.isFinite(scale) ? scale * EPS : 0;
  return a.lo <= b.hi + slack && b.lo <= a.hi + slack;
}

function gapOf(a: Interval, b: Interval): number {
  if (overlaps(a, b)) return 0;
  const [low, high] = a.hi < b.lo ? [a, b] : [b, a];
  const size = Math.max(Math.abs(Number.isFinite(high.lo) ? high.lo : high.hi), Math.abs(Number.isFinite(low.hi) ? low.hi : low.lo));
  return size === 0 ? 0 : (high.lo - low.hi) / size;
}

/** Compare two values as written. */
export function compareValues(a: Side, b: Side): Comparison {
  const units = relateUnits(a.value, b.value);
  const ca = coarseness(a);
  const cb = coarseness(b);
  // Only the coarser figure is read as a rounding of the other; two figures written to the same
  // precision must be equal ("7,000" and "8,000" differ, "48" and "47" differ). A range or a bound
  // already says how far it reaches: it is not widened ("$2–3" does not admit $1.10).
  const aCoarse = ca > cb * (1 + 1e-6) && isPoint(a.value);
  const bCoarse = cb > ca * (1 + 1e-6) && isPoint(b.value);
  const agree = overlaps(admitted(a, aCoarse ? 'round-or-truncate' : 'none'), admitted(b, bCoarse ? 'round-or-truncate' : 'none'));
  return { units, agree, gap: gapOf(stated(a.value), stated(b.value)), hedged: a.value.approx || b.value.approx };
}

/** Units that can be compared (the same, convertible, or one unknown). */
export const comparableUnits = (u: UnitRelation): boolean => u !== 'incompatible';

/** Two claims' values agree in compatible units. */
export function claimsAgree(a: Claim, b: Claim): boolean {
  if (!a.value || !b.value) return false;
  const c = compareValues(sideOf(a), sideOf(b));
  return c.agree && comparableUnits(c.units);
}

/** Two claims' values differ in units that can be compared: a disagreement, not another measure. */
export function claimsDiffer(a: Claim, b: Claim): boolean {
  if (!a.value || !b.value) return false;
  const c = compareValues(sideOf(a), sideOf(b));
  return !c.agree && comparableUnits(c.units);
}
