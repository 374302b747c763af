/**
 * What follows a number: percent and percentage points, multipliers, currencies written after the
 * figure, units of measurement, ages, hyphen compounds ("48-page") and the head noun of the noun
 * phrase it counts ("100 million output tokens" → "token"), then the denominator of a rate
 * ("per million output tokens", "a day", "annually").
 */
import relData from '../data/units-relative.json' with { type: 'json' };
import type { QuantityKind } from '../types.js';
import { NUM, PUNCT, WORD, isChar, low, raw, type Tokens } from './lex.js';
import {
  ages,
  cardinals,
  changeAfter,
  clockWords,
  currencySuffix,
  functionWords,
  invariantNouns,
  irregularPlurals,
  measures,
  months,
  notPlural,
  perWords,
  rateAdjectives,
  rateAdverbs,
  rateNouns,
  scaleWords,
} from './lexicon.js';
import { PhraseTable } from './phrases.js';

const percentForms = new PhraseTable<string>();
for (const f of relData.percent.forms) percentForms.add(f, '%');
for (const f of relData.percentagePoint.forms) percentForms.add(f, 'pp');
for (const f of relData.basisPoint.forms) percentForms.add(f, 'bp');
const gluedX = new Set(relData.multiplierGlued.forms);
const foldForms = new Set(relData.multiplierFold.forms);
const timesBefore = new Set(relData.times.before);
const magnitude = new PhraseTable<true>();
for (const f of relData.magnitude.forms) magnitude.add(f, true);
/** Words that state a multiple on their own ("doubled", "tenfold"). */
export const multiplierWords = new Map<string, number>(Object.entries(relData.multiplierWords.words));
const pointForms = new Set(relData.points.forms);

/** What was read after the number. */
export interface UnitRead {
  kind: QuantityKind;
  unit: string | null;
  unitText: string | null;
  /** Last token consumed: unit, head noun or rate denominator (the number's last token when none). */
  last: number;
  /** Last token of the unit as written, before any rate denominator. */
  textLast?: number;
  per: string | null;
  /** The value is multiplied (orders of magnitude: 10^n). */
  pow10?: boolean;
  /** A scale read inside the unit ("£5m" is read by the numeral; "5 million yuan" too). */
  bound?: 'lower' | 'upper' | null;
}

/** Singular lemma of a noun ("protesters" → "protester", "people" → "person" is left as "people"). */
export function singular(w: string): string {
  const l = w.toLowerCase();
  if (l === 'people') return 'people';
  const irr = irregularPlurals.get(l);
  if (irr) return irr;
  if (invariantNouns.has(l) || notPlural.has(l)) return l;
  if (l.length <= 3) return l;
  if (l.endsWith('ies') && l.length > 4) return l.slice(0, -3) + 'y';
  if (/(?:ss|sh|ch|x|z)es$/.test(l)) return l.slice(0, -2);
  if (l.endsWith('ss') || l.endsWith('us') || l.endsWith('is')) return l;
  if (l.endsWith('s')) return l.slice(0, -1);
  return l;
}

/** The word looks like a plural count noun. */
function isPlural(w: string): boolean {
  if (irregularPlurals.has(w) || w === 'people') return true;
  if (notPlural.has(w)) return false;
  if (invariantNouns.has(w)) return true;
  return w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is') && !w.endsWith("'s");
}

/** Word token j may belong to a noun phrase after a number: 0 no, 1 yes, 2 a capitalised word. */
function npWord(t: Tokens, j: number, firstWord: boolean): 0 | 1 | 2 {
  if (j >= t.n || t.kind[j] !== WORD || t.gap[j] === 2) return 0;
  const w = low(t, j);
  if (w === 'other' && npWord(t, j + 1, false)) return 1;
  if (functionWords.has(w) || cardinals.has(w) || scaleWords.has(w) || clockWords.has(w)) return 0;
  if (w.length === 1) return 0;
  if (w.endsWith("'s") || w.endsWith("'")) return 0;
  const c = t.text.charCodeAt(t.start[j]);
  if (c >= 65 && c <= 90) {
    if (months.has(w)) return 0;
    return 2;
  }
  if (months.has(w) && !firstWord) return 0;
  return 1;
}

function textOf(t: Tokens, a: number, b: number): string {
  return t.text.slice(t.start[a], t.end[b]);
}

/** Words that make "a year" a time back or ahead ("a year earlier"), not a rate. */
const TIME_BACK = /^(earlier|ago|later|prior|previously|back|hence)$/;
/** Token `k` is such a word: "4 pence a year earlier", "a week later" are a time back or ahead. */
const timeBack = (t: Tokens, k: number): boolean => k < t.n && t.gap[k] !== 2 && t.kind[k] === WORD && TIME_BACK.test(low(t, k));

/** A rate denominator after token `last`: "per day", "a barrel", "annually", "/kWh", "per million output tokens". */
export function readPer(t: Tokens, last: number): { per: string; last: number } | null {
  let j = last + 1;
  // "52,000 barrel-a-day"
  if (isChar(t, j, '-') && t.gap[j] === 0 && t.kind[j + 1] === WORD && t.gap[j + 1] === 0) {
    const a = rateAdverbs.match(t, j + 1);
    if (a && t.gap[a.last] === 0) return { per: a.value, last: a.last };
  }
  if (j >= t.n || t.gap[j] === 2) return null;
  const adv = rateAdverbs.match(t, j);
  if (adv && (t.kind[j] === WORD || t.gap[j] === 0)) {
    // "annual" and "daily" adjectives before a noun belong to the noun phrase, not here
    const w = low(t, j);
    if (!(adv.last === j && rateAdjectives.has(w) && npWord(t, j + 1, false)) && !timeBack(t, adv.last + 1)) return { per: adv.value, last: adv.last };
  }
  const w = low(t, j);
  if (!perWords.has(w)) return null;
  if (w === '/' && t.gap[j] !== 0) return null;
  const isPer = w === 'per' || w === '/';
  let k = j + 1;
  if (k >= t.n || t.gap[k] === 2 || t.kind[k] !== WORD) return null;
  if (!isPer) {
    // "a barrel", "an ounce", "each share"
    const n = low(t, k);
    if (!rateNouns.has(n) && !rateNouns.has(singular(n))) return null;
    if (timeBack(t, k + 1)) return null;
    return { per: n, last: k };
  }
  // "per X": scale words and modifiers up to the head noun ("per million output tokens")
  let end = -1;
  for (let m = 0; m < 4 && k < t.n && t.gap[k] !== 2; m++, k++) {
    if (t.kind[k] !== WORD) break;
    const x = low(t, k);
    if (m > 0 && (functionWords.has(x) || cardinals.has(x))) break;
    end = k;
    if (!scaleWords.has(x) && !rateAdjectives.has(x) && (isPlural(x) || m > 0 && !npWord(t, k + 1, false))) break;
    if (!npWord(t, k + 1, false) && !scaleWords.has(x)) break;
  }
  if (end < 0) return null;
  return { per: textOf(t, j + 1, end), last: end };
}

/** Words for a figure itself, after an attributive count noun ("the 140 trillion token number"). */
const FIGURE_NOUNS = new Set(['number', 'figure', 'mark', 'milestone', 'threshold', 'level', 'count', 'total', 'estimate', 'target', 'tally', 'barrier']);

/** Read a head noun phrase starting at token j; `one` takes a singular head. */
function readNoun(t: Tokens, j: number, one: boolean): { unit: string; unitText: string; last: number; per: string | null; first: number } | null {
  let k = j;
  // "one of the people", "one of its tokens"
  if (one && low(t, k) === 'of') {
    k++;
    const d = low(t, k);
    if (d === 'the' || d === 'its' || d === 'their' || d === 'his' || d === 'her' || d === 'our' || d === 'these' || d === 'those') k++;
    const r = readNoun(t, k, false);
    return r;
  }
  const words: number[] = [];
  let per: string | null = null;
  let hyphen = false;
  let caps = false;
  for (let kind = npWord(t, k, true); words.length < 5 && kind; kind = npWord(t, k, false)) {
    if (words.length > 0 && t.gap[k] === 0) break;
    if (kind === 2) caps = true;
    const w = low(t, k);
    words.push(k);
    const ra = rateAdjectives.get(w);
    if (ra && !per) per = ra;
    // a hyphen compound inside the phrase ("first-team player")
    if (isChar(t, k + 1, '-') && t.gap[k + 1] === 0 && t.kind[k + 2] === WORD && t.gap[k + 2] === 0) {
      k += 2;
      hyphen = true;
      words[words.length - 1] = k;
      if (isPlural(low(t, k))) break;
      k++;
      continue;
    }
    if (!one && isPlural(w) && !ra) break;
    k++;
  }
  if (!words.length) return null;
  let head = words.length - 1;
  if (!one) {
    // the first plural word is the head ("different bosses", "rushing yards", "NBA teams")
    const p = words.findIndex((x) => isPlural(low(t, x)) && !rateAdjectives.has(low(t, x)));
    if (p >= 0) head = p;
    // "the 140 trillion token figure", "the 1 million user mark": the counted noun modifies a word for the figure itself
    else if (words.length >= 2 && FIGURE_NOUNS.has(low(t, words[words.length - 1]))) {
      const noun = words.slice(0, -1).find((x) => !rateAdjectives.has(low(t, x)));
      const hw = noun === undefined ? '' : low(t, noun);
      if (noun === undefined || /(?:ed|ing|ly)$/.test(hw)) return null;
      return { unit: singular(hw), unitText: textOf(t, j, noun), last: noun, per, first: j };
    }
    // a count above one takes a plural head ("40k cheaper" has none)
    else return null;
  } else if (caps && words.length === 1) return null;
  const headTok = words[head];
  const hw = low(t, headTok);
  if (rateAdjectives.has(hw)) return null;
  if (changeAfter.has(hw) && !isPlural(hw)) return null;
  if (/(?:ed|ing|ly)$/.test(hw) && !isPlural(hw)) return null;
  void hyphen;
  return { unit: singular(hw), unitText: textOf(t, j, headTok), last: headTok, per, first: j };
}

/** Units and head nouns after the number ending at token `last`. `value` decides singular heads. */
export function readUnit(t: Tokens, last: number, value: number, scaled: boolean): UnitRead {
  const none: UnitRead = { kind: 'number', unit: null, unitText: null, last, per: null };
  const j = last + 1;
  if (j >= t.n || t.gap[j] === 2) return none;
  const glued = t.gap[j] === 0;
  const r = raw(t, j);
  // percent and points
  const pc = percentForms.match(t, j);
  if (pc && !(pc.value === 'bp' && !glued && r === 'bp' && false)) {
    // "pc" and "pp" are ambiguous spaced: accept them only glued or before a non-word
    const ok = !(r === 'pc' || r === 'pp' || r === 'bp') || glued || t.kind[pc.last + 1] !== WORD;
    if (ok) {
      const kind: QuantityKind = pc.value === '%' ? 'percent' : pc.value === 'pp' ? 'percentage-point' : 'measure';
      return finish(t, { kind, unit: pc.value, unitText: textOf(t, j, pc.last), last: pc.last, per: null });
    }
  }
  // multipliers
  if (glued && gluedX.has(r) && !(t.kind[j + 1] === NUM && t.gap[j + 1] === 0) && !(t.kind[j + 1] === WORD && t.gap[j + 1] === 0)) {
    return { kind: 'multiplier', unit: 'x', unitText: r, last: j, per: null };
  }
  if (isChar(t, j, '-') && glued && low(t, j + 1) === 'fold' && t.gap[j + 1] === 0) return { kind: 'multiplier', unit: 'x', unitText: textOf(t, j, j + 1), last: j + 1, per: null };
  if (foldForms.has(low(t, j))) return { kind: 'multiplier', unit: 'x', unitText: r, last: j, per: null };
  if (low(t, j) === 'times' && !glued) {
    const nx = low(t, j + 1);
    if (timesBefore.has(nx) || nx.endsWith('er')) return { kind: 'multiplier', unit: 'x', unitText: r, last: j, per: null };
  }
  const mag = magnitude.match(t, j);
  if (mag) return { kind: 'multiplier', unit: 'x', unitText: textOf(t, j, mag.last), last: mag.last, per: null, pow10: true };
  // currencies after the figure ("800 yuan", "420 million finnish markka", "5 euros")
  const cur = currencySuffix.match(t, j);
  if (cur) {
    let code = cur.value.code;
    if (code.endsWith('?')) {
      // "won" only as money after a scale or with money around; "pounds" money unless weight is likely
      if (code === 'KRW?') code = scaled ? 'KRW' : '';
      else if (code === 'GBP?') code = scaled ? 'GBP' : '';
    }
    if (code) return finish(t, { kind: 'money', unit: code, unitText: textOf(t, j, cur.last), last: cur.last, per: null });
  }
  // ages: "15-year-old", "15 year-old students", "six months old"
  {
    let k = j;
    if (isChar(t, k, '-') && glued) k++;
    const age = ages.match(t, k);
    if (age) return { kind: 'measure', unit: age.value, unitText: textOf(t, k, age.last), last: age.last, per: null };
  }
  // measures: "890 petabytes", "3.4 terawatts", "87 mph", "500g", "3-inch"
  {
    let k = j;
    if (isChar(t, k, '-') && glued && t.kind[k + 1] === WORD && t.gap[k + 1] === 0) k++;
    const m = measures.match(t, k);
    if (m && (!m.value.gluedOnly || (k === j && glued))) {
      const nxt = m.last + 1;
      // a measure abbreviation must not run into more letters ("5 mi" fine, "5 mice" is read by the lexer as one word anyway)
      if (!(t.kind[nxt] === WORD && t.gap[nxt] === 0)) {
        const time = m.value.time;
        return finish(t, { kind: time ? 'measure' : 'measure', unit: m.value.unit, unitText: textOf(t, k, m.last), last: m.last, per: null });
      }
    }
  }
  // points ("up 58.06 points")
  if (pointForms.has(low(t, j)) && !glued) return finish(t, { kind: 'count', unit: 'point', unitText: r, last: j, per: null });
  // hyphen compounds: "12-cent-a-share dividend", "one-yen bid", "48-page indictment"
  if (isChar(t, j, '-') && glued && t.kind[j + 1] === WORD && t.gap[j + 1] === 0) {
    const hc = currencySuffix.match(t, j + 1);
    if (hc && !hc.value.code.endsWith('?') && (hc.last === j + 1 || t.gap[hc.last] === 0)) return finish(t, { kind: 'money', unit: hc.value.code, unitText: textOf(t, j + 1, hc.last), last: hc.last, per: null });
    const w = low(t, j + 1);
    const c = t.text.charCodeAt(t.start[j + 1]);
    if (!(c >= 65 && c <= 90) && !functionWords.has(w) && w.length > 1) {
      return { kind: 'count', unit: singular(w), unitText: raw(t, j + 1), last: j + 1, per: null };
    }
    return none;
  }
  if (glued && t.kind[j] === WORD) return none;
  // head noun
  const np = readNoun(t, j, value === 1);
  if (np) return finish(t, { kind: 'count', unit: np.unit, unitText: textOf(t, j, np.last), last: np.last, per: np.per });
  return finish(t, none);
}

/** Attach a rate denominator after the unit. */
function finish(t: Tokens, u: UnitRead): UnitRead {
  u.textLast = u.last;
  if (u.per) return u;
  const p = readPer(t, u.last);
  if (p) return { ...u, per: p.per, last: p.last };
  return u;
}

export { PUNCT };
