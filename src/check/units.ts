/**
 * Units and rate denominators: whether two values are in the same unit, in units one converts to
 * the other ("per million tokens" and "per token"), or in different things ("calls" and "tokens").
 */
import lexicon from './data/units.json' with { type: 'json' };
import type { ClaimValue } from '../store/schema.js';

const SCALES = new Map(lexicon.scales.map((s) => [s.word, s.value]));
const TIME = new Set(lexicon.timeUnits.words);
const IRREGULAR = new Map(lexicon.irregularPlurals.pairs.map(([plural, single]) => [plural, single]));

/** How two values' units relate. */
export type UnitRelation = 'same' | 'convertible' | 'unknown' | 'incompatible';

/** A denominator read as a scale and a base ("million output tokens" → 1e6, "output token"). */
export interface Per {
  scale: number;
  base: string;
}

const isMoney = (unit: string): boolean => /^[A-Z]{3}$/.test(unit);

/** Singular of a lower-case English noun, good enough for unit head nouns. */
export function singular(word: string): string {
  const irregular = IRREGULAR.get(word);
  if (irregular) return irregular;
  if (word.length <= 3 || /(ss|us|is)$/.test(word)) return word;
  if (/ies$/.test(word)) return word.slice(0, -3) + 'y';
  if (/(ches|shes|xes|zes)$/.test(word)) return word.slice(0, -2);
  if (/s$/.test(word)) return word.slice(0, -1);
  return word;
}

/** A unit in comparable form: currency codes upper case, nouns lower-case singular. */
export function normaliseUnit(unit: string | null): string | null {
  if (unit === null) return null;
  const hit = unitMemo.get(unit);
  if (hit !== undefined) return hit;
  const out = normaliseUnitUncached(unit);
  if (unitMemo.size < MEMO_LIMIT) unitMemo.set(unit, out);
  return out;
}

/** Units and denominators recur across a store's claims: their parses are remembered (bounded). */
const MEMO_LIMIT = 50_000;
const unitMemo = new Map<string, string | null>();
const perMemo = new Map<string, Per | null>();

function normaliseUnitUncached(unit: string): string | null {
  const u = unit.trim();
  if (u === '') return null;
  if (isMoney(u)) return u;
  if (u === '%' || u === 'pp' || u === 'x') return u;
  return u
    .toLowerCase()
    .split(/\s+/)
    .map((w, i, all) => (i === all.length - 1 ? singular(w) : w))
    .join(' ');
}

/** Parse a denominator: an optional number or scale word, then the base it counts. */
export function parsePer(per: string | null): Per | null {
  if (per === null) return null;
  if (perMemo.has(per)) return perMemo.get(per)!;
  const out = parsePerUncached(per);
  if (perMemo.size < MEMO_LIMIT) perMemo.set(per, out);
  return out;
}

function parsePerUncached(per: string): Per | null {
  const words = per.toLowerCase().replace(/^(per|a|an|each|every)\s+/, '').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  let scale = 1;
  let i = 0;
  const numeric = /^\d[\d,]*(\.\d+)?$/.exec(words[0]);
  if (numeric) {
    scale = Number(words[0].replace(/,/g, ''));
    i = 1;
  } else {
    const attached = /^(\d+(?:\.\d+)?)([a-z]+)$/.exec(words[0]);
    if (attached && SCALES.has(attached[2])) {
      scale = Number(attached[1]) * SCALES.get(attached[2])!;
      i = 1;
    }
  }
  while (i < words.length - 1 && SCALES.has(words[i])) scale *= SCALES.get(words[i++])!;
  const rest = words.slice(i);
  if (rest.length === 0) return { scale, base: '' };
  rest[rest.length - 1] = singular(rest[rest.length - 1]);
  return { scale: scale || 1, base: rest.join(' ') };
}

/** True when a denominator is a unit of time ("day", "week"). */
export function isTimePer(per: Per | null): boolean {
  return per !== null && per.scale === 1 && TIME.has(per.base);
}

const head = (base: string): string => base.split(' ').pop() ?? base;

/** How the denominators of two values relate. */
function relatePer(a: string | null, b: string | null): UnitRelation {
  const pa = parsePer(a);
  const pb = parsePer(b);
  if (!pa && !pb) return 'same';
  if (!pa || !pb) return isTimePer(pa ?? pb) ? 'unknown' : 'incompatible';
  if (pa.base === pb.base) return pa.scale === pb.scale ? 'same' : 'convertible';
  if (head(pa.base) === head(pb.base) && pa.base !== '' && pb.base !== '') return 'convertible';
  return 'incompatible';
}

/** How the units (and denominators) of two values relate. */
export function relateUnits(a: ClaimValue, b: ClaimValue): UnitRelation {
  const per = relatePer(a.per, b.per);
  if (per === 'incompatible') return 'incompatible';
  const ua = normaliseUnit(a.unit);
  const ub = normaliseUnit(b.unit);
  let unit: UnitRelation;
  if (ua === null || ub === null) unit = ua === ub ? 'same' : 'unknown';
  else unit = ua === ub ? 'same' : 'incompatible';
  if (unit === 'incompatible') return 'incompatible';
  if (unit === 'unknown' || per === 'unknown') return 'unknown';
  return per === 'convertible' ? 'convertible' : 'same';
}

/** True for a unit that names a kind of thing counted ("token", "call", "mile"), not money, a share or a multiplier. */
export function isCountUnit(unit: string | null): boolean {
  const u = normaliseUnit(unit);
  return u !== null && !isMoney(u) && u !== '%' && u !== 'pp' && u !== 'x';
}

/** The factor that brings a value to one unit of its denominator ("$1.10 per million" → 1e-6). */
export function perFactor(value: ClaimValue): number {
  const p = parsePer(value.per);
  return p && p.scale > 0 ? 1 / p.scale : 1;
}
