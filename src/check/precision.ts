/**
 * Written precision: how finely a figure was written. "$43 million" is written to the million,
 * "$13.6 million" to the hundred thousand, "$43,885,310" to the ten dollars. A rounded figure
 * agrees with a more precise one when the precise one lies within one unit of its last written
 * significant digit. Precision is read relative to the written numeral, so it survives unit conversion
 * ("$42 for 100 million tokens" read as $0.42 per million keeps the precision of "$42").
 */
import type { ClaimValue } from '../store/schema.js';

const NUMERAL = /\d[\d,]*(?:\.\d+)?/g;

/** Significant digits of a number: 2.50 → 2, 1.35 → 3, 3,609,800 → 5, "$139 million" → 3. */
export function significantDigits(x: number): number {
  const digits = Math.abs(x).toPrecision(15).replace(/e.*$/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.max(1, digits.length);
}

/**
 * Unit of the last significant digit of a numeral as written. An integer's trailing zeros are
 * ambiguous ("100" may be exact or rounded): the first one counts as significant, so "100" is
 * precise to 10 and "8,000" to 100, never to its own size.
 */
export function numeralUnit(numeral: string): number {
  const plain = numeral.replace(/,/g, '');
  const dot = plain.indexOf('.');
  if (dot >= 0) return 10 ** -(plain.length - dot - 1);
  const digits = plain.replace(/^0+/, '');
  if (digits === '') return 1;
  let zeros = digits.length - digits.replace(/0+$/, '').length;
  if (digits.length - zeros === 1 && zeros > 0) zeros -= 1;
  return 10 ** zeros;
}

/** Unit of the last significant digit of a number as stored (no written form known). */
export function valueUnit(x: number): number {
  const a = Math.abs(x);
  if (a === 0 || !Number.isFinite(a)) return 0;
  const mantissa = a.toPrecision(12).split('e')[0].replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  let significant = Math.max(1, mantissa.length);
  const magnitude = Math.floor(Math.log10(a) + 1e-12);
  if (significant === 1 && magnitude >= 1) significant = 2;
  return 10 ** (magnitude - significant + 1);
}

/** Absolute precision of each end of a value, in the value's own scale. */
export interface Precision {
  min: number;
  max: number;
}

/**
 * Precision of a value: for each end, the unit of its last written significant digit, read from
 * the figure as written when it has digits (the first numeral for the low end, the last for the
 * high end, scaled to the stored value), else from the stored number.
 */
export function precisionOf(value: ClaimValue, figureText: string | null): Precision {
  // Comparisons ask for the same claim's precision many times: remember it per value object.
  let byText = memo.get(value);
  const key = figureText ?? '';
  const hit = byText?.get(key);
  if (hit) return hit;
  const found = computePrecision(value, figureText);
  if (!byText) memo.set(value, (byText = new Map()));
  byText.set(key, found);
  return found;
}

const memo = new WeakMap<ClaimValue, Map<string, Precision>>();

function computePrecision(value: ClaimValue, figureText: string | null): Precision {
  const numerals = (figureText ? figureText.match(NUMERAL) ?? [] : []).filter((n) => Number(n.replace(/,/g, '')) > 0);
  if (numerals.length > 0) {
    const rel = (n: string): number => numeralUnit(n) / Number(n.replace(/,/g, ''));
    return { min: rel(numerals[0]) * Math.abs(value.min), max: rel(numerals[numerals.length - 1]) * Math.abs(value.max) };
  }
  // Words ("one mile", "four agents"): precise to the unit when small, else as stored.
  if (figureText && /[a-z]/i.test(figureText) && Number.isInteger(value.min) && Number.isInteger(value.max) && Math.abs(value.max) < 100) {
    return { min: 1, max: 1 };
  }
  return { min: valueUnit(value.min), max: valueUnit(value.max) };
}
