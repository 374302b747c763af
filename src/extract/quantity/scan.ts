/**
 * The quantity scanner: one left-to-right pass over the tokens. At each token that can start a
 * number it reads the figure (currency before, number, scale, unit after), rejects labels, dates
 * and names (`labels.ts`), joins ranges ("$2–3 billion", "between 5 and 10 percent"), and attaches
 * qualifiers and the direction of change.
 */
import type { Change, QuantityKind, QuantityMention } from '../types.js';
import { changeAround, qualifierAfter, qualifierBefore } from './context.js';
import { isLabel, isPronounOne } from './labels.js';
import { NUM, PUNCT, WORD, isChar, low, raw, lex, type Tokens } from './lex.js';
import { currencyBefore, idioms, minusWords, type Qualifier } from './lexicon.js';
import { isDash, mayStartNumber, readNumeral, type Numeral } from './numeral.js';
import { multiplierWords, readPer, readUnit, type UnitRead } from './units.js';

/** One figure as read, before it becomes a mention. */
export interface Figure {
  n: Numeral;
  u: UnitRead;
  /** First token of the figure's text (currency or sign included). */
  first: number;
  /** Last token of the figure's text (units written as symbols or unit words included, head nouns not). */
  textLast: number;
  /** Last token consumed (head noun, rate denominator). */
  last: number;
  currency: string | null;
  negative: boolean;
}

/** When "from X to Y" follows a verb of change, keep X and Y apart (they are a change, not a range). */
const SPLIT_CHANGE_RANGES = false;

function tokenAtOffset(t: Tokens, from: number, offset: number): number {
  for (let k = from; k >= 0 && k >= from - 4; k--) if (t.start[k] === offset) return k;
  return -1;
}

/** Read a figure whose number starts at token i. */
function readFigure(t: Tokens, i: number): Figure | null {
  const n = readNumeral(t, i);
  if (!n) return null;
  let first = n.first;
  let currency: string | null = null;
  if (n.first > 0) {
    const cb = currencyBefore(t.text, t.start[n.first]);
    if (cb) {
      const k = tokenAtOffset(t, n.first - 1, cb.start);
      if (k >= 0) {
        currency = cb.code;
        first = k;
      }
    }
  }
  // lower-case "m" glued to digits: million for money and before "of"/a plural noun, metres otherwise
  if (n.digits && !n.scaled && raw(t, n.last + 1) === 'm' && t.gap[n.last + 1] === 0 && !(t.kind[n.last + 2] === WORD && t.gap[n.last + 2] === 0)) {
    const nx = low(t, n.last + 2);
    if (currency || nx === 'of' || (nx.length > 3 && nx.endsWith('s') && t.gap[n.last + 2] === 1) || nx === 'people') {
      n.value *= 1e6;
      n.max *= 1e6;
      n.scale *= 1e6;
      n.scaled = true;
      n.last++;
    }
  }
  let negative = false;
  if (first > 0 && !currency) {
    const p = first - 1;
    const c = t.text[t.start[p]];
    if ((c === '-' || c === '−') && t.kind[p] === PUNCT && t.gap[first] === 0) {
      if (p > 0 && minusWords.has(low(t, p - 1)) && t.gap[p] === 0) {
        // "minus-260 degrees"
        negative = true;
        first = p - 1;
      } else if (p === 0 || t.gap[p] !== 0 || t.kind[p - 1] === PUNCT) {
        // "-5", "$-50.8bn"
        if (!(p > 0 && t.kind[p - 1] === NUM)) {
          negative = true;
          first = p;
          const cb = p > 0 ? currencyBefore(t.text, t.start[p]) : null;
          const k = cb ? tokenAtOffset(t, p - 1, cb.start) : -1;
          if (cb && k >= 0) {
            currency = cb.code;
            first = k;
          }
        }
      }
    } else if (minusWords.has(low(t, p)) && t.gap[first] !== 2 && t.kind[p] === WORD) {
      negative = true;
      first = p;
    }
  }
  let u: UnitRead;
  if (currency) {
    const p = readPer(t, n.last);
    u = { kind: 'money', unit: currency, unitText: t.text.slice(t.start[first], t.start[n.first]).trim(), last: p ? p.last : n.last, per: p ? p.per : null };
    return { n, u, first, textLast: n.last, last: u.last, currency, negative };
  }
  // "millions of Americans", "tens of thousands of dollars": the unit follows "of"
  u = readUnit(t, n.vague ? n.last + 1 : n.last, n.value, n.scaled);
  if (n.vague && u.kind === 'number') u = { ...u, last: n.last };
  let textLast = n.last;
  if (u.kind !== 'count' && u.kind !== 'number') textLast = u.textLast ?? u.last;
  else if (u.kind === 'count' && u.last > n.last && isChar(t, n.last + 1, '-') && t.gap[n.last + 1] === 0) textLast = n.last + 2; // "48-page"
  if (u.pow10) {
    const p = Math.pow(10, n.value);
    n.value = p;
    n.max = p;
  }
  return { n, u, first, textLast: Math.min(textLast, u.last), last: u.last, currency: u.kind === 'money' ? u.unit : null, negative };
}

/** A range connector after token `last` and the token where the second figure starts. */
function rangeNext(t: Tokens, f: Figure, between: boolean): number {
  const j = f.textLast + 1;
  if (j >= t.n || t.gap[j] === 2) return -1;
  if (isDash(t, j) && !isChar(t, j, '−')) {
    // "10-20", "$2–3 billion", "2000 - 2500"
    if (t.gap[j + 1] === 2) return -1;
    return j + 1;
  }
  const w = low(t, j);
  if (w === 'to' || w === 'through' || (w === 'and' && between)) return j + 1;
  // "three or four years": only when the second figure carries the unit
  if (w === 'or' && f.u.unit === null && !f.n.scaled) return j + 1;
  return -1;
}

function sameKind(a: Figure, b: Figure): boolean {
  if (a.u.unit === null || b.u.unit === null) return true;
  return a.u.unit === b.u.unit;
}

/** Try to read "X–Y" or "X to Y" from figure a; returns the second figure or null. */
function readRange(t: Tokens, a: Figure): Figure | null {
  const bw = low(t, a.first - 1);
  const between = bw === 'between' || low(t, a.first - 2) === 'between';
  const from = bw === 'from' || low(t, a.first - 2) === 'from';
  const k = rangeNext(t, a, between);
  if (k < 0 || k >= t.n) return null;
  const conn = low(t, k - 1);
  // "to" joins a range only after "from"/"between", or when the second figure repeats or supplies the unit
  if (!mayStartNumber(t, k) && !(currencyBefore(t.text, t.end[k]) && mayStartNumber(t, k + 1))) return null;
  let start = k;
  if (!mayStartNumber(t, k)) start = k + 1;
  const b = readFigure(t, start);
  if (!b) return null;
  if (b.first !== k && start !== k) return null;
  if (!sameKind(a, b)) return null;
  if (a.u.kind === 'count' && a.u.last > a.textLast && isChar(t, a.textLast + 1, '-') === false) return null;
  if (isLabel(t, b)) return null;
  if (conn === 'or') {
    if (b.u.unit === null || b.n.value <= a.n.value || b.u.kind === 'money') return null;
  } else if (conn === 'to' || conn === 'through') {
    // "increased by $43.6 billion to $419.2 billion" is a change and a new level, not a range
    if (!between && !from) {
      const c = changeAround(t, a.first, a.textLast);
      if (c !== null) return null;
    }
    if (!between && !from && a.u.unit === null && b.u.unit === null && !b.n.scaled) return null;
    if (!between && !from && a.u.unit !== null && b.u.unit === null) return null;
    if (from && SPLIT_CHANGE_RANGES && changeAround(t, a.first, a.textLast) === 'from') return null;
  } else if (conn !== 'and') {
    // dashes: not phone numbers, dates or scores
    if (a.n.plainInt && b.n.plainInt && a.n.width === 3 && b.n.width === 4) return null;
    if (isDash(t, b.textLast + 1) && t.gap[b.textLast + 1] === 0 && t.kind[b.textLast + 2] === NUM) return null;
    if (a.u.unit !== null && a.u.kind !== 'money' && b.u.unit === null) return null;
  }
  if (a.n.vague || b.n.vague || a.n.fraction || b.n.fraction) return null;
  return b;
}

/** Merge a range's two figures into one mention's values. */
function rangeValues(a: Figure, b: Figure): { min: number; max: number } {
  let x = a.n.value;
  const y = b.n.value;
  // "$2–3 billion", "between 5 and 10 million": the second figure's scale applies to the first
  if (!a.n.scaled && b.n.scaled && a.u.unit === null) x *= b.n.scale;
  else if (!a.n.scaled && b.n.scaled && x * b.n.scale <= y) x *= b.n.scale;
  const sx = a.negative ? -x : x;
  const sy = b.negative ? -y : y;
  return { min: Math.min(sx, sy), max: Math.max(sx, sy) };
}

function mention(t: Tokens, f: Figure, end: Figure, min: number, max: number, kind: QuantityKind, unit: string | null): QuantityMention {
  let startTok = f.first;
  let approx = false;
  let bound: 'lower' | 'upper' | null = f.n.lowerBound ? 'lower' : null;
  const qb = qualifierBefore(t, f.first);
  if (qb) {
    applyQ(qb.q);
    if (!qb.q.verb) startTok = qb.first;
  }
  let lastTok = end.textLast;
  const qa = qualifierAfter(t, end.u.kind === 'count' || end.u.kind === 'number' ? end.textLast : end.last);
  if (qa) {
    applyQ(qa.q);
    if (qa.last === end.textLast + 1 || qa.last === end.textLast + 2) lastTok = Math.max(lastTok, qa.last);
  }
  function applyQ(q: Qualifier): void {
    if (q.approx) approx = true;
    if (q.bound) bound = q.bound;
  }
  let change: Change = changeAround(t, qb && qb.q.verb ? qb.first : startTok, lastTok);
  if (qb && qb.q.verb && change === null) change = null;
  const s = t.start[startTok];
  const e = t.end[lastTok];
  return {
    text: t.text.slice(s, e),
    start: s,
    end: e,
    value: { min, max, unit, per: end.u.per ?? f.u.per, approx, bound },
    kind,
    unitText: end.u.unitText ?? f.u.unitText,
    change,
  };
}

/** Skip the rest of a glued run ("2026-03-23", "GPT-5.4", "192.168.1.2") after token i. */
function runEnd(t: Tokens, i: number): number {
  let k = i;
  while (k + 1 < t.n && t.gap[k + 1] === 0) k++;
  return k;
}

/** First two letters of a token as a number (ASCII letters lower-cased), for cheap filtering. */
function prefixCode(t: Tokens, i: number): number {
  const len = t.end[i] - t.start[i];
  const a = t.text.charCodeAt(t.start[i]) | 32;
  const b = len > 1 ? t.text.charCodeAt(t.start[i] + 1) | 32 : 0;
  return a * 256 + b + Math.min(len, 40) * 65536;
}
/** Prefixes of the words other than numbers that start a figure ("doubled", "percent of 10"). */
const OTHER_STARTS = new Set<number>(['percent', 'percents', 'per'].concat([...multiplierWords.keys()]).map((w) => (w.charCodeAt(0) | 32) * 256 + (w.charCodeAt(1) | 32) + w.length * 65536));

/** Find the quantities of a text, in order. */
export function scan(text: string): QuantityMention[] {
  const t = lex(text);
  const out: QuantityMention[] = [];
  let i = 0;
  while (i < t.n) {
    if (!mayStartNumber(t, i)) {
      if (t.kind[i] !== WORD || !OTHER_STARTS.has(prefixCode(t, i))) {
        i++;
        continue;
      }
      const pc = percentOf(t, i);
      if (pc) {
        out.push(pc.q);
        i = pc.last + 1;
        continue;
      }
      const m = t.kind[i] === WORD ? multiplierWords.get(low(t, i)) : undefined;
      if (m !== undefined) {
        const s = t.start[i];
        const w = low(t, i);
        const change: Change = w.startsWith('halv') ? 'down' : 'up';
        out.push({ text: raw(t, i), start: s, end: t.end[i], value: { min: m, max: m, unit: 'x', per: null, approx: false, bound: null }, kind: 'multiplier', unitText: null, change });
      }
      i++;
      continue;
    }
    // inside a glued run that began before: "V3", "A380", "GPT-5"
    if (i > 0 && t.gap[i] === 0 && (t.kind[i - 1] === NUM || (t.kind[i - 1] === WORD && t.kind[i] === WORD))) {
      i = runEnd(t, i) + 1;
      continue;
    }
    // "192.168.1.2": an address is four numbers, none a decimal (a version "1.2.3" is none)
    const several = ipv4At(t, i) ?? digitWordsAt(t, i);
    if (several) {
      out.push(...several.qs);
      i = several.last + 1;
      continue;
    }
    const f = readFigure(t, i);
    if (!f) {
      i = t.kind[i] === WORD ? i + 1 : runEnd(t, i) + 1;
      continue;
    }
    if (isLabel(t, f) || (!f.n.digits && ((isPronounOne(t, f) && !f.negative && !ratioAfter(t, f)) || idiom(t, f)))) {
      i = f.n.digits ? Math.max(runEnd(t, f.n.last), f.n.last) + 1 : f.n.last + 1;
      continue;
    }
    const ratio = readRatio(t, f);
    if (ratio) {
      out.push(ratio.q);
      i = ratio.last + 1;
      continue;
    }
    const b = readRange(t, f);
    let kind: QuantityKind = f.u.kind;
    let unit = f.u.unit;
    let min = f.negative ? -f.n.value : f.n.value;
    let max = f.negative ? -f.n.max : f.n.max;
    let end = f;
    if (b) {
      ({ min, max } = rangeValues(f, b));
      if (unit === null) {
        unit = b.u.unit;
        kind = b.u.kind;
      }
      end = b;
    }
    if (!Number.isFinite(min) || !Number.isFinite(max)) {
      i = end.last + 1;
      continue;
    }
    const q = mention(t, f, end, min, max, kind, unit);
    if (q.kind === 'money' && !b) {
      const c = centsAfter(t, end);
      if (c) {
        q.value = { ...q.value, min: q.value.min + c.value, max: q.value.max + c.value };
        q.end = t.end[c.last];
        q.text = t.text.slice(q.start, q.end);
        out.push(q);
        i = c.last + 1;
        continue;
      }
    }
    if (q.kind === 'number' && f.n.digits && !f.n.fraction && !b) inheritUnit(text, out, q);
    out.push(q);
    i = Math.max(end.last, end.textLast) + 1;
  }
  return out;
}

/** "3 dollars 50 cents", "thirteen dollars and forty-five cents": the cents after a whole amount. */
function centsAfter(t: Tokens, f: Figure): { value: number; last: number } | null {
  if (!f.u.unitText || !/^[a-z]/i.test(f.u.unitText) || f.n.scaled || f.n.fraction || f.u.per) return null;
  let k = f.textLast + 1;
  if (low(t, k) === 'and') k++;
  if (k >= t.n || t.gap[k] === 2 || !mayStartNumber(t, k) || t.kind[k] === PUNCT) return null;
  const c = readFigure(t, k);
  if (!c || c.n.value >= 100 || c.n.scaled) return null;
  if (c.u.unit === 'cent') return { value: c.n.value / 100, last: c.textLast };
  // "thirteen dollars forty five", "a dollar and five": a bare whole number under 100 after a
  // written currency word, ending the phrase (not "5 dollars and 20 people")
  const next = c.textLast + 1;
  const ends = next >= t.n || t.gap[next] === 2 || (t.kind[next] === PUNCT && !isChar(t, next, '-')) || /^(and|or|but|for|to)$/.test(low(t, next));
  if (c.u.kind === 'number' && !c.n.fraction && Number.isInteger(c.n.value) && c.n.value > 0 && ends && /^(dollars?|euros?|pounds?|francs?|rupees?|yuan|yen|pesos?)$/i.test(f.u.unitText)) {
    return { value: c.n.value / 100, last: c.textLast };
  }
  return null;
}

const DIGIT_WORDS = new Map(Object.entries({ zero: 0, nought: 0, naught: 0, oh: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 }));

/** A plain number at token g, as written. */
function bareNumber(t: Tokens, g: number, value: number): QuantityMention {
  return { text: raw(t, g), start: t.start[g], end: t.end[g], value: { min: value, max: value, unit: null, per: null, approx: false, bound: null }, kind: 'number', unitText: null, change: null };
}

/** "three-nought-four", "nine-one-one": digits said one by one (three or more, hyphenated), each a number. */
function digitWordsAt(t: Tokens, i: number): { qs: QuantityMention[]; last: number } | null {
  if (t.kind[i] !== WORD || !DIGIT_WORDS.has(low(t, i)) || (i > 0 && t.gap[i] === 0)) return null;
  const words = [i];
  let k = i;
  while (isChar(t, k + 1, '-') && t.gap[k + 1] === 0 && t.kind[k + 2] === WORD && t.gap[k + 2] === 0 && DIGIT_WORDS.has(low(t, k + 2))) {
    k += 2;
    words.push(k);
  }
  if (words.length < 3 || (t.gap[k + 1] === 0 && k + 1 < t.n && t.kind[k + 1] !== PUNCT)) return null;
  return { qs: words.map((w) => bareNumber(t, w, DIGIT_WORDS.get(low(t, w))!)), last: k };
}

/** The four numbers of an IPv4 address glued at token i (each 0–255, not part of a longer run). */
function ipv4At(t: Tokens, i: number): { qs: QuantityMention[]; last: number } | null {
  if (t.kind[i] !== NUM || (i > 0 && t.gap[i] === 0 && t.kind[i - 1] !== PUNCT)) return null;
  const groups: number[] = [i];
  for (let k = 1; k < 4; k++) {
    const dot = i + 2 * k - 1;
    if (!isChar(t, dot, '.') || t.gap[dot] !== 0 || t.kind[dot + 1] !== NUM || t.gap[dot + 1] !== 0) return null;
    groups.push(dot + 1);
  }
  const after = i + 7;
  if (after < t.n && t.gap[after] === 0 && (t.kind[after] !== PUNCT || (isChar(t, after, '.') && t.kind[after + 1] === NUM && t.gap[after + 1] === 0))) return null;
  if (groups.some((g) => !/^\d{1,3}$/.test(raw(t, g)) || Number(raw(t, g)) > 255)) return null;
  return { qs: groups.map((g) => bareNumber(t, g, Number(raw(t, g)))), last: i + 6 };
}

/** "percent of 10", "per cent of twenty-two": the figure after "of" is the percentage. */
function percentOf(t: Tokens, i: number): { q: QuantityMention; last: number } | null {
  const w = low(t, i);
  let k = i + 1;
  if (w === 'per' && low(t, k) === 'cent') k++;
  else if (w !== 'percent' && w !== 'percents') return null;
  if (low(t, k) !== 'of' || i > 0 && t.kind[i - 1] === NUM) return null;
  if (i > 0 && t.gap[i] !== 2 && mayStartNumber(t, i - 1)) return null;
  k++;
  if (k >= t.n || t.gap[k] === 2 || !mayStartNumber(t, k) || t.kind[k] === PUNCT) return null;
  const f = readFigure(t, k);
  if (!f || f.u.kind !== 'number' || f.n.scaled || isLabel(t, f)) return null;
  const s = t.start[i];
  const e = t.end[f.textLast];
  const v = f.negative ? -f.n.value : f.n.value;
  return {
    q: { text: t.text.slice(s, e), start: s, end: e, value: { min: v, max: v, unit: '%', per: null, approx: false, bound: null }, kind: 'percent', unitText: t.text.slice(s, t.end[k - 2]), change: null },
    last: f.textLast,
  };
}

/** "one out of three Germans" (1/3 of Germans), "one over three" (1/3): a bare numerator and a denominator. */
function readRatio(t: Tokens, f: Figure): { q: QuantityMention; last: number } | null {
  if (f.u.kind !== 'number' || f.n.scaled || f.n.vague) return null;
  let k = f.textLast + 1;
  const w = low(t, k);
  const outOf = w === 'out' && low(t, k + 1) === 'of';
  if (!outOf && w !== 'over') return null;
  k += outOf ? 2 : 1;
  if (k >= t.n || t.gap[k] === 2 || !mayStartNumber(t, k) || t.kind[k] === PUNCT) return null;
  const b = readFigure(t, k);
  if (!b || b.n.scaled || b.n.vague || b.n.value === 0 || b.currency || isLabel(t, b)) return null;
  // "over 3 years" after a bare figure is a comparison, not a ratio
  if (!outOf && b.u.kind !== 'number') return null;
  if (outOf && b.u.kind !== 'number' && b.u.kind !== 'count') return null;
  if (!outOf && f.n.digits && b.n.digits && f.n.value > 100 && false) return null;
  const v = (f.negative ? -f.n.value : f.n.value) / b.n.value;
  if (!Number.isFinite(v)) return null;
  const end = Math.max(b.textLast, b.n.last);
  const s = t.start[f.first];
  const e = t.end[end];
  const q: QuantityMention = {
    text: t.text.slice(s, e),
    start: s,
    end: e,
    value: { min: v, max: v, unit: b.u.kind === 'count' ? b.u.unit : null, per: null, approx: false, bound: null },
    kind: b.u.kind === 'count' ? 'count' : 'number',
    unitText: b.u.unitText,
    change: null,
  };
  return { q, last: Math.max(b.last, end) };
}

/**
 * A bare figure after a counted one in the same sentence counts the same thing ("435 homes by open
 * sale and 187 by tender", "68400 people ... and 95800 who"): it takes the nearest count's unit.
 */
function inheritUnit(text: string, out: QuantityMention[], q: QuantityMention): void {
  for (let k = out.length - 1; k >= 0 && k >= out.length - 4; k--) {
    const p = out[k];
    if (q.start - p.end > 120 || /[.!?;:]\s/.test(text.slice(p.end, q.start))) return;
    if (p.kind !== 'count' || p.value.unit === null) continue;
    q.kind = 'count';
    q.value = { ...q.value, unit: p.value.unit };
    q.unitText = p.unitText;
    return;
  }
}

function ratioAfter(t: Tokens, f: Figure): boolean {
  const w = low(t, f.n.last + 1);
  return (w === 'out' && low(t, f.n.last + 2) === 'of') || (w === 'over' && mayStartNumber(t, f.n.last + 2));
}

function idiom(t: Tokens, f: Figure): boolean {
  if (!isChar(t, f.n.last + 1, '-') || t.gap[f.n.last + 1] !== 0) return false;
  return idioms.has(`${low(t, f.n.last)}-${low(t, f.n.last + 2)}`);
}
