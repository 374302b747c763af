/**
 * NewsQuant (CQE, EMNLP 2023) dev set: quantities in 295 news sentences. Micro P/R/F1 over values
 * (|gold − pred| ≤ 1e-8 + 1e-5·|pred|, a range only matches a range, both ends) and over value+unit,
 * with our unit names mapped to the gold `normalized_unit` vocabulary by the table below. Matching is
 * greedy and one-to-one within a sentence, as the paper's `evaluate_models.py` does.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findQuantities } from '../../src/extract/quantity.js';
import type { QuantityMention } from '../../src/extract/types.js';
import type { EvalResult } from './types.js';

interface GoldQuantity {
  change: string;
  value: string;
  unit: string;
  normalized_unit: string;
}
interface Sentence {
  text: string;
  quantities: GoldQuantity[];
}

/**
 * Our canonical unit → the gold vocabulary's name for it. Only naming differs here: ISO codes are
 * spelled out, "%" is "percentage", British spellings are the gold's own. Count nouns (our singular
 * head noun) match a gold unit that is the same lemma or a phrase containing it.
 */
const UNIT_NAMES: Record<string, string[]> = {
  '%': ['percentage'],
  pp: ['percentage point', 'percentage'],
  bp: ['basis point'],
  x: ['count', '-', 'times'],
  USD: ['dollar', 'united states dollar'],
  AUD: ['australian dollar'],
  CAD: ['canadian dollar'],
  HKD: ['hong kong dollar'],
  NZD: ['new zealand dollar'],
  SGD: ['singapore dollar'],
  EUR: ['euro'],
  GBP: ['pound sterling'],
  JPY: ['japanese yen'],
  CNY: ['chinese yuan'],
  INR: ['indian rupee'],
  ILS: ['shekel', 'israeli new shekel'],
  MYR: ['malaysian ringgit'],
  KRW: ['south korean won'],
  RUB: ['russian ruble'],
  CHF: ['swiss franc'],
  cent: ['cent'],
  penny: ['penny', 'pence'],
  'year-old': ['year of age', 'age'],
  'month-old': ['month of age'],
  'week-old': ['week of age'],
  'day-old': ['day of age'],
  tonne: ['ton', 'tonne', 'metric ton'],
  pound: ['pound', 'pound-mass'],
  gigatonne: ['gigaton'],
  megatonne: ['megaton'],
  'degree Celsius': ['celsius', 'degree celsius'],
  'degree Fahrenheit': ['fahrenheit', 'degree fahrenheit'],
  'part per billion': ['parts-per-billion'],
  'part per million': ['parts-per-million', 'part per million'],
  'pound-foot': ['foot pound-force', 'pound-foot'],
  'square foot': ['square foot'],
  'kilowatt hour': ['kilowatt hour'],
  person: ['people', 'person'],
  people: ['people', 'person'],
  point: ['point'],
  calorie: ['calorie'],
};

const tol = (g: number, p: number) => Math.abs(g - p) <= 1e-8 + 1e-5 * Math.abs(p);

function parseGold(v: string): [number, number] | null {
  const m = /^\s*(-?[\d.]+(?:[eE][-+]?\d+)?)\s*-\s*(-?[\d.]+(?:[eE][-+]?\d+)?)\s*$/.exec(v);
  if (m) {
    const a = parseFloat(m[1]);
    const b = parseFloat(m[2]);
    return [Math.min(a, b), Math.max(a, b)];
  }
  const x = parseFloat(v);
  return Number.isFinite(x) ? [x, x] : null;
}

function valueMatch(g: [number, number], q: QuantityMention): boolean {
  const gr = g[0] !== g[1];
  const pr = q.value.min !== q.value.max;
  if (gr !== pr) return false;
  return tol(g[0], q.value.min) && tol(g[1], q.value.max);
}

/** Words of a gold unit phrase, each with a plural -s taken off, to compare with our singular lemmas. */
function lemmaWords(s: string): string[] {
  return s
    .toLowerCase()
    .split(/[\s]+/)
    .filter(Boolean)
    .flatMap((w) => [w, w.replace(/ies$/, 'y').replace(/(?<=[^s])s$/, '')]);
}

function unitMatch(gold: string, q: QuantityMention): boolean {
  const g = gold.trim();
  const gl = g.toLowerCase();
  const u = q.value.unit;
  if (u === null) return gl === '-';
  const names = UNIT_NAMES[u] ?? [u.toLowerCase()];
  const per = q.value.per ? ` per ${q.value.per.toLowerCase().replace(/s$/, '')}` : '';
  for (const n of names) if (gl === n || gl === n + per) return true;
  // count nouns: the gold phrase contains our head lemma ("different boss" ∋ "boss")
  if (q.kind === 'count') return lemmaWords(gl).includes(u.toLowerCase()) || lemmaWords(gl).some((w) => w.replace(/-/g, ' ') === u);
  return false;
}

/** Greedy one-to-one matching; returns the number of matched pairs and the unmatched on each side. */
function greedy<G>(gold: G[], pred: QuantityMention[], ok: (g: G, p: QuantityMention) => boolean): { tp: number; missed: G[]; extra: QuantityMention[] } {
  const used = new Set<number>();
  const missed: G[] = [];
  let tp = 0;
  for (const g of gold) {
    const k = pred.findIndex((p, idx) => !used.has(idx) && ok(g, p));
    if (k >= 0) {
      used.add(k);
      tp++;
    } else missed.push(g);
  }
  return { tp, missed, extra: pred.filter((_, idx) => !used.has(idx)) };
}

const f1 = (tp: number, np: number, ng: number) => {
  const p = np ? tp / np : 0;
  const r = ng ? tp / ng : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};

/** Score the extractor on `<data>/newsquant/dev.json`. */
export async function evaluate(dataDir: string): Promise<EvalResult | null> {
  const file = join(dataDir, 'newsquant', 'dev.json');
  if (!existsSync(file)) return null;
  const data = JSON.parse(readFileSync(file, 'utf8')) as Sentence[];
  let ng = 0;
  let np = 0;
  let tpV = 0;
  let tpU = 0;
  const misses: string[] = [];
  const fps: string[] = [];
  const unitMisses: string[] = [];
  for (const s of data) {
    const pred = findQuantities(s.text);
    const gold = s.quantities.map((g) => ({ g, v: parseGold(g.value) })).filter((x) => x.v !== null) as Array<{ g: GoldQuantity; v: [number, number] }>;
    ng += gold.length;
    np += pred.length;
    const rv = greedy(gold, pred, (g, p) => valueMatch(g.v, p));
    tpV += rv.tp;
    const ru = greedy(gold, pred, (g, p) => valueMatch(g.v, p) && unitMatch(g.g.normalized_unit, p));
    tpU += ru.tp;
    for (const m of rv.missed) misses.push(`miss ${m.g.value} ${m.g.unit} | ${s.text.slice(0, 160)}`);
    for (const e of rv.extra) fps.push(`fp "${e.text}" = ${e.value.min}${e.value.max !== e.value.min ? '-' + e.value.max : ''} ${e.value.unit ?? ''} | ${s.text.slice(0, 160)}`);
    for (const m of ru.missed) {
      const p = pred.find((x) => valueMatch(m.v, x));
      if (p) unitMisses.push(`unit gold "${m.g.normalized_unit}" pred "${p.value.unit}"${p.value.per ? ' per ' + p.value.per : ''} (${p.text})`);
    }
  }
  const v = f1(tpV, np, ng);
  const u = f1(tpU, np, ng);
  const pct = (x: number) => (100 * x).toFixed(1);
  const show = Number(process.env.NEWSQUANT_SHOW ?? 8);
  const lines = [
    `sentences ${data.length}, gold ${ng}, predicted ${np}`,
    `value       P ${pct(v.p)}  R ${pct(v.r)}  F1 ${pct(v.f)}   (target F1 ≥ 92.0; CQE 92.0)`,
    `value+unit  P ${pct(u.p)}  R ${pct(u.r)}  F1 ${pct(u.f)}   (target F1 ≥ 86.0; CQE 85.6)`,
    ...misses.slice(0, show),
    ...fps.slice(0, show),
    ...unitMisses.slice(0, show),
  ];
  return {
    name: 'newsquant',
    lines,
    metrics: { valueP: v.p, valueR: v.r, valueF1: v.f, unitP: u.p, unitR: u.r, unitF1: u.f, gold: ng, predicted: np },
  };
}
