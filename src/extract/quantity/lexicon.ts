/**
 * The quantity scanner's lexicons, read once from the JSON data files under `../data/` and turned
 * into lookup tables. Each data file documents where its entries come from.
 */
import changeData from '../data/quantity-change-verbs.json' with { type: 'json' };
import currencyData from '../data/quantity-currencies.json' with { type: 'json' };
import functionData from '../data/quantity-function-words.json' with { type: 'json' };
import labelData from '../data/quantity-labels.json' with { type: 'json' };
import numberData from '../data/quantity-number-words.json' with { type: 'json' };
import qualifierData from '../data/quantity-qualifiers.json' with { type: 'json' };
import scaleData from '../data/quantity-scales.json' with { type: 'json' };
import measureData from '../data/units-measures.json' with { type: 'json' };
import nounData from '../data/units-nouns.json' with { type: 'json' };
import rateData from '../data/units-rates.json' with { type: 'json' };
import { PhraseTable } from './phrases.js';

export type CardinalKind = 'unit' | 'teen' | 'tens' | 'hundred';
export type OrdinalKind = 'unit' | 'teen' | 'tens' | 'scale' | 'special';

/** Number words: "seven" → {7, unit}. */
export const cardinals = new Map<string, { value: number; kind: CardinalKind }>();
for (const g of numberData.cardinals) for (const [w, v] of Object.entries(g.words)) cardinals.set(w, { value: v, kind: g.kind as CardinalKind });

/** Ordinals that name denominators: "fifth" → {5, unit}; plurals are looked up without their s. */
export const ordinals = new Map<string, { value: number; kind: OrdinalKind }>();
for (const g of numberData.ordinals) for (const [w, v] of Object.entries(g.words)) ordinals.set(w, { value: v, kind: g.kind as OrdinalKind });

/** Vague plurals: "hundreds" → [100, 1000]. */
export const vague = new Map<string, { min: number; max: number; lower: boolean }>();
for (const g of numberData.vague) for (const [w, v] of Object.entries(g.words)) vague.set(w, { min: v[0], max: v[1], lower: Boolean((g as { lower?: boolean }).lower) });

export const minusWords = new Set(numberData.minus.words);

/** Scale words after a number ("million", "lakh"); caseless. */
export const scaleWords = new Map<string, { value: number; dozen: boolean }>();
/** Scale abbreviations ("bn", "K"); exact case. */
export const scaleAbbr = new Map<string, { value: number; glued: boolean; spaced: boolean; alone: boolean }>();
for (const s of scaleData.scales) {
  const e = s as { forms: string[]; value: number; glued: boolean; spaced: boolean; caseless?: boolean; alone?: boolean; dozen?: boolean };
  for (const f of e.forms) {
    if (e.caseless) scaleWords.set(f.toLowerCase(), { value: e.value, dozen: Boolean(e.dozen) });
    else scaleAbbr.set(f, { value: e.value, glued: e.glued, spaced: e.spaced, alone: Boolean(e.alone) });
  }
}

/** A currency as found: ISO code (or "cent", "penny"); codes ending in "?" are decided in context. */
export interface CurrencyHit {
  code: string;
}
/** Currency names and symbols after a number. */
export const currencySuffix = new PhraseTable<CurrencyHit>();
/** Prefix forms, longest first, with their code; matched at the end of the text before a number. */
const prefixForms: Array<{ form: string; code: string; exact: boolean }> = [];
for (const c of currencyData.currencies) {
  const e = c as { code: string; prefix?: string[]; prefixExact?: string[]; suffix?: string[]; suffixExact?: string[] };
  for (const f of e.suffix ?? []) currencySuffix.add(f, { code: e.code });
  for (const f of e.suffixExact ?? []) currencySuffix.add(f, { code: e.code }, true);
  for (const f of e.prefix ?? []) prefixForms.push({ form: f, code: e.code, exact: false });
  for (const f of e.prefixExact ?? []) prefixForms.push({ form: f, code: e.code, exact: true });
}
prefixForms.sort((a, b) => b.form.length - a.form.length);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function prefixPattern(forms: typeof prefixForms, flags: string): RegExp {
  const alts = forms.map((f) => {
    const body = f.form
      .split(' ')
      .map(escape)
      .join('[ \\t\\u00a0]?');
    // letters at the start of a form must not continue a word ("ZUS$" is not "US$")
    return /^[A-Za-z]/.test(f.form) ? `(?<![\\p{L}\\p{N}])${body}` : body;
  });
  return new RegExp(`(?:${alts.join('|')})[ \\t\\u00a0]?$`, flags);
}
const prefixCaseless = prefixPattern(
  prefixForms.filter((f) => !f.exact),
  'iu',
);
const prefixExact = prefixPattern(
  prefixForms.filter((f) => f.exact),
  'u',
);
const prefixCodes = new Map<string, string>();
for (const f of prefixForms) prefixCodes.set(f.exact ? '=' + f.form : f.form.toLowerCase().replace(/\s+/g, ''), f.code);

/** A currency written just before `end` in `text` (e.g. "US$ ", "€", "RM"): its code and where it starts. */
export function currencyBefore(text: string, end: number): { code: string; start: number; form: string } | null {
  // cheap test first: a currency form ends in a symbol or a letter, right before the number or one space before
  let p = end - 1;
  if (p >= 0 && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9 || text.charCodeAt(p) === 0xa0)) p--;
  if (p < 0) return null;
  const c = text.charCodeAt(p);
  const plausible = c === 36 || c === 61 || c >= 0xa2 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46;
  if (!plausible) return null;
  const from = Math.max(0, end - 12);
  const slice = text.slice(from, end);
  if (slice.length === 0) return null;
  let best: { code: string; start: number; form: string } | null = null;
  for (const [re, exact] of [
    [prefixExact, true],
    [prefixCaseless, false],
  ] as const) {
    const m = re.exec(slice);
    if (!m) continue;
    const form = m[0].replace(/[ \t\u00a0]+$/, '');
    const code = prefixCodes.get(exact ? '=' + form : form.toLowerCase().replace(/[ \t\u00a0]+/g, '')) ?? prefixCodes.get('=' + form);
    if (!code) continue;
    const start = from + m.index;
    if (!best || start < best.start) best = { code, start, form };
  }
  // "music's $500 million": the letter before the symbol is a possessive s, not S$ (Singapore).
  if (best && /^[A-Za-z]/.test(best.form) && /['’]\s*$/.test(text.slice(Math.max(0, best.start - 3), best.start))) {
    const rest = currencyBefore(text.slice(best.start + 1), end - best.start - 1);
    return rest ? { ...rest, start: rest.start + best.start + 1 } : null;
  }
  return best;
}

/** A unit of measurement as found. */
export interface MeasureHit {
  unit: string;
  time: boolean;
  gluedOnly: boolean;
}
export const measures = new PhraseTable<MeasureHit>();
for (const u of measureData.units) {
  const e = u as { unit: string; abbr?: string[]; names?: string[]; gluedOnly?: string[]; time?: boolean };
  const glued = new Set(e.gluedOnly ?? []);
  for (const f of e.abbr ?? []) measures.add(f, { unit: e.unit, time: Boolean(e.time), gluedOnly: glued.has(f) }, true);
  for (const f of e.names ?? []) measures.add(f, { unit: e.unit, time: Boolean(e.time), gluedOnly: false });
}
/** Age forms: "year-old" → "year-old", "months old" → "month-old". */
export const ages = new PhraseTable<string>();
for (const f of measureData.age.forms) {
  const head = f.split(/[\s-]+/)[0].replace(/s$/, '');
  ages.add(f, `${head === 'yr' ? 'year' : head}-old`);
}

/** Qualifiers before a number. */
export interface Qualifier {
  bound: 'lower' | 'upper' | null;
  approx: boolean;
  verb: boolean;
}
export const qualifiersBefore = new PhraseTable<Qualifier>();
for (const g of qualifierData.before) {
  const e = g as { phrases: string[]; bound?: string; approx?: boolean; verb?: boolean };
  for (const p of e.phrases) qualifiersBefore.add(p, { bound: (e.bound as Qualifier['bound']) ?? null, approx: Boolean(e.approx), verb: Boolean(e.verb) });
}
export const qualifiersAfter = new PhraseTable<Qualifier>();
for (const g of qualifierData.after) {
  const e = g as { phrases: string[]; bound?: string; approx?: boolean };
  for (const p of e.phrases) qualifiersAfter.add(p, { bound: (e.bound as Qualifier['bound']) ?? null, approx: Boolean(e.approx), verb: false });
}

/** Change words: direction of movement before or after a figure. */
export const changeBefore = new Map<string, 'up' | 'down'>();
export const changeAfter = new Map<string, 'up' | 'down'>();
for (const w of changeData.up.before) changeBefore.set(w, 'up');
for (const w of changeData.down.before) changeBefore.set(w, 'down');
for (const w of changeData.up.after) changeAfter.set(w, 'up');
for (const w of changeData.down.after) changeAfter.set(w, 'down');
export const changeLink = new Set(changeData.link.words);
export const changeTo = new Set(changeData.to.words);
export const changeFrom = new Set(changeData.from.words);

export const labelNouns = new Set(labelData.labelNouns.words);
export const months = new Set(labelData.months.words);
export const weekdays = new Set(labelData.weekdays.words);
export const clockWords = new Set(labelData.clock.words);
export const eras = new Set(labelData.eras.words);
export const yearPrepositions = new Set(labelData.yearPrepositions.words);
export const ordinalSuffixes = new Set(labelData.ordinalSuffixes.words);
export const scoreWords = new Set(labelData.scoreWords.words);
export const idioms = new Set(labelData.idioms.words);

export const functionWords = new Set<string>();
for (const g of functionData.groups) for (const w of g.words) functionWords.add(w);

export const irregularPlurals = new Map<string, string>();
for (const g of nounData.irregular) for (const [p, s] of Object.entries(g.plurals)) irregularPlurals.set(p, s);
export const invariantNouns = new Set(nounData.invariant.words);
export const notPlural = new Set(nounData.notPlural.words);

/** Rate phrases after a figure ("a day", "per annum", "annually") → the normalised denominator. */
export const rateAdverbs = new PhraseTable<string>();
export const rateAdjectives = new Map<string, string>();
for (const a of rateData.adverbs) {
  for (const w of a.words) {
    rateAdverbs.add(w, a.per);
    if (/^[a-z]+$/.test(w) && /ly$|^annual$/.test(w)) rateAdjectives.set(w, a.per);
  }
}
export const perWords = new Set(rateData.per.words);
export const rateNouns = new Set(rateData.rateNouns.words);
