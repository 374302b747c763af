/**
 * Quantities in news text: every figure a fact-checker would check, normalised into
 * `QuantityMention`s (value or range, unit, rate denominator, bound, approximation, change).
 * The work is done by a single-pass scanner over tokens (`quantity/scan.ts`); this module only
 * guarantees the contract: sorted by start, non-overlapping, finite values, `text` equal to the
 * slice of the input it points at, and no exception on any input.
 */
import { scan } from './quantity/scan.js';
import type { QuantityMention } from './types.js';

/** Find the quantities in `text`, sorted by start and non-overlapping. */
export function findQuantities(text: string): QuantityMention[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  let found: QuantityMention[];
  try {
    found = scan(text);
  } catch {
    return [];
  }
  const out: QuantityMention[] = [];
  let end = 0;
  for (const q of found) {
    if (q.start < end || q.end <= q.start) continue;
    if (!Number.isFinite(q.value.min) || !Number.isFinite(q.value.max)) continue;
    if (q.value.min > q.value.max) q.value = { ...q.value, min: q.value.max, max: q.value.min };
    q.text = text.slice(q.start, q.end);
    out.push(q);
    end = q.end;
  }
  return out;
}
