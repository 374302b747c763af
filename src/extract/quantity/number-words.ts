/**
 * Numbers written in words: cardinals ("one hundred and sixty-one", "three lakh crore"), decimals
 * ("two hundred point zero three"), fractions ("two-thirds", "five eighths", "a hundredth",
 * "one hundred and three quarters", "one and a half") and "half a dozen". A grammar over tokens,
 * not a regular expression: it reads left to right and stops where the words stop making a number.
 */
import { NUM, PUNCT, WORD, isChar, low, type Tokens } from './lex.js';
import { cardinals, ordinals, scaleWords, type CardinalKind, type OrdinalKind } from './lexicon.js';

interface Atom {
  kind: CardinalKind | 'scale' | 'a';
  value: number;
  tok: number;
  /** The atom follows "and" ("one hundred and three"). */
  and: boolean;
  dozen?: boolean;
}

/** A number read from words. */
export interface WordNumber {
  value: number;
  /** Last token of the number. */
  last: number;
  fraction: boolean;
  /** Tokens were only "a"/"an" + scale or ordinal ("a dozen", "a third"). */
  article: boolean;
}

/** Token j continues a phrase from token j-1 on the same line. */
function near(t: Tokens, j: number): boolean {
  return j < t.n && t.gap[j] !== 2;
}

function cardinalAt(t: Tokens, j: number): { value: number; kind: CardinalKind } | undefined {
  return j < t.n && t.kind[j] === WORD ? cardinals.get(low(t, j)) : undefined;
}

function scaleAt(t: Tokens, j: number): { value: number; dozen: boolean } | undefined {
  if (j >= t.n || t.kind[j] !== WORD) return undefined;
  const w = low(t, j);
  // plural scale words ("millions") are vague quantities, not scales, inside a word number
  if (w.endsWith('s') && w !== 'dozens' && w !== 'lakhs' && w !== 'crores') return undefined;
  const s = scaleWords.get(w);
  return s && s.value !== 100 ? s : undefined;
}

/** A hyphen (or spaced dash) joining two words of one number ("twenty-one", "fifty - two"). */
function isJoin(t: Tokens, j: number): boolean {
  return isChar(t, j, '-') || isChar(t, j, '‐') || isChar(t, j, '–');
}

/** Read cardinal atoms from token i; null if none. */
function readAtoms(t: Tokens, i: number): { atoms: Atom[]; last: number } | null {
  const atoms: Atom[] = [];
  let j = i;
  let and = false;
  let last = -1;
  while (j < t.n) {
    if (j > i && !near(t, j)) break;
    const prev = atoms.length ? atoms[atoms.length - 1] : null;
    if (t.kind[j] === PUNCT) {
      if (prev?.kind === 'tens' && isJoin(t, j) && cardinalAt(t, j + 1)?.kind === 'unit' && near(t, j + 1)) {
        j++;
        continue;
      }
      break;
    }
    if (t.kind[j] !== WORD) break;
    const w = low(t, j);
    if (w === 'and') {
      if (prev && (prev.kind === 'hundred' || prev.kind === 'scale') && !and) {
        const nk = cardinalAt(t, j + 1)?.kind;
        if (nk === 'unit' || nk === 'teen' || nk === 'tens') {
          and = true;
          j++;
          continue;
        }
      }
      break;
    }
    if ((w === 'a' || w === 'an') && atoms.length === 0) {
      const nw = low(t, j + 1);
      if (near(t, j + 1) && (nw === 'hundred' || scaleAt(t, j + 1))) {
        atoms.push({ kind: 'a', value: 1, tok: j, and: false });
        last = j;
        j++;
        continue;
      }
      break;
    }
    const c = cardinals.get(w);
    if (c) {
      const pk = prev?.kind;
      if (c.kind === 'unit' && (pk === 'unit' || pk === 'teen' || pk === 'a')) break;
      if ((c.kind === 'teen' || c.kind === 'tens') && (pk === 'unit' || pk === 'teen' || pk === 'tens' || pk === 'a')) break;
      if (c.kind === 'hundred' && (pk === undefined || pk === 'hundred')) {
        if (pk === 'hundred') break;
      }
      atoms.push({ kind: c.kind, value: c.value, tok: j, and });
      and = false;
      last = j;
      j++;
      continue;
    }
    const s = scaleAt(t, j);
    if (s && prev) {
      atoms.push({ kind: 'scale', value: s.value, tok: j, and, dozen: s.dozen });
      and = false;
      last = j;
      j++;
      continue;
    }
    break;
  }
  if (!atoms.length || atoms[0].kind === 'a' && atoms.length === 1) return null;
  if (atoms[0].kind === 'hundred') return null;
  return { atoms, last };
}

/** The value of cardinal atoms ("three hundred and two dozen" = 324). */
function valueOf(atoms: Atom[]): number {
  let total = 0;
  let current = 0;
  let group = 0;
  let lastScale = 0;
  for (const a of atoms) {
    switch (a.kind) {
      case 'a':
        current = 1;
        group = 1;
        break;
      case 'unit':
      case 'teen':
      case 'tens':
        current += a.value;
        group = group && (a.kind === 'unit' && !a.and) ? group + a.value : a.value;
        break;
      case 'hundred':
        current = (current || 1) * 100;
        group = 0;
        break;
      case 'scale':
        if (a.dozen) {
          current = current - group + (group || 1) * 12;
          group = 0;
        } else if (current === 0 && total > 0 && a.value > lastScale) {
          total *= a.value;
          lastScale = a.value;
        } else {
          total += (current || 1) * a.value;
          current = 0;
          lastScale = a.value;
        }
        group = 0;
        break;
    }
  }
  return total + current;
}

interface Ordinal {
  value: number;
  kind: OrdinalKind;
  plural: boolean;
  last: number;
  word: string;
}

/** An ordinal denominator at token j ("fifths", "quarter", "twenty-first" is read by the caller). */
function ordinalAt(t: Tokens, j: number, allowRank = false): Ordinal | null {
  if (j >= t.n || t.kind[j] !== WORD || !near(t, j)) return null;
  const w = low(t, j);
  let o = ordinals.get(w);
  let plural = false;
  if (!o && w.endsWith('s')) {
    o = ordinals.get(w.slice(0, -1)) ?? (w === 'halves' ? ordinals.get('half') : undefined);
    plural = Boolean(o);
  }
  if (!o) return null;
  if (w === 'halves' || w === 'quarters') plural = true;
  if (!allowRank && (w === 'first' || w === 'second' || w === 'firsts' || w === 'seconds')) return null;
  return { value: o.value, kind: o.kind, plural, last: j, word: w.replace(/s$/, '') };
}

/** "quarter(s)" is a fraction only before "of", at a clause end, or after "and a" ("two quarters in a row" is time). */
function quarterOk(t: Tokens, o: Ordinal, afterAnd: boolean): boolean {
  if (o.word !== 'quarter' && o.word !== 'quarters') return true;
  if (afterAnd) return true;
  const j = o.last + 1;
  return j >= t.n || t.gap[j] === 2 || t.kind[j] === PUNCT || low(t, j) === 'of';
}

/** Compound denominator from atoms ending in tens + a unit ordinal ("thirty fifths" = 35ths). */
function readFraction(t: Tokens, atoms: Atom[], last: number): { value: number; last: number } | null {
  let j = last + 1;
  // "hundred-fifths", "five - eighths": a hyphen inside the phrase is only a separator
  if (isJoin(t, j) && t.kind[j + 1] === WORD && (t.gap[j] === 0 || (t.gap[j] === 1 && t.gap[j + 1] === 1))) j++;
  const o = ordinalAt(t, j);
  if (!o) return null;
  if (!quarterOk(t, o, false)) return null;
  const lastAtom = atoms[atoms.length - 1];
  let numerator = valueOf(atoms);
  let den = o.value;
  if (o.kind === 'unit' && lastAtom.kind === 'tens' && !lastAtom.and && atoms.length > 1) {
    numerator = valueOf(atoms.slice(0, -1));
    den = lastAtom.value + o.value;
  } else if (lastAtom.kind === 'unit' && lastAtom.and && atoms.length > 1 && (o.plural || lastAtom.value === 1)) {
    // "one hundred and three quarters" = 100 + 3/4
    return { value: valueOf(atoms.slice(0, -1)) + lastAtom.value / den, last: o.last };
  }
  if (!o.plural && numerator !== 1) return null; // "two millionth" is a rank, not a fraction
  return { value: numerator / den, last: o.last };
}

/** "twenty-first" / "twenty first" / "hundred fifth" as a compound ordinal starting at j; used after a numerator. */
function compoundOrdinal(t: Tokens, j: number): { den: number; plural: boolean; last: number } | null {
  const r = readAtoms(t, j);
  if (!r) {
    // a unit ordinal after tens written with a hyphen is read through readAtoms' stop; plain ordinal:
    return null;
  }
  let k = r.last + 1;
  const lastAtom = r.atoms[r.atoms.length - 1];
  if (low(t, k) === 'and' && near(t, k)) k++;
  if (isJoin(t, k) && t.gap[k] === 0) k++;
  const o = ordinalAt(t, k, true);
  if (!o) return null;
  if (lastAtom.kind === 'tens' && (o.kind === 'unit') && !lastAtom.and) return { den: valueOf(r.atoms) + o.value, plural: o.plural, last: o.last };
  if ((lastAtom.kind === 'hundred' || lastAtom.kind === 'scale') && o.kind !== 'special') return { den: valueOf(r.atoms) + o.value, plural: o.plural, last: o.last };
  return null;
}

/** Digits after "point": each word gives its digits ("seventy-one" → "71", "nought" → "0"). */
function readPointDigits(t: Tokens, j: number): { digits: string; last: number } | null {
  let digits = '';
  let last = -1;
  let k = j;
  while (k < t.n && near(t, k)) {
    const c = cardinalAt(t, k);
    if (!c || c.kind === 'hundred') break;
    let v = c.value;
    last = k;
    if (c.kind === 'tens' && isJoin(t, k + 1) && cardinalAt(t, k + 2)?.kind === 'unit') {
      v += cardinalAt(t, k + 2)!.value;
      last = k + 2;
      k += 2;
    }
    digits += String(v);
    k++;
  }
  return digits ? { digits, last } : null;
}

/** Mixed numbers after a whole: "and a half", "and three fifths", "and three and three fifths". */
function readMixed(t: Tokens, whole: number, last: number): { value: number; last: number } {
  let value = whole;
  let j = last + 1;
  for (let guard = 0; guard < 4 && low(t, j) === 'and' && near(t, j); guard++) {
    const k = j + 1;
    const w = low(t, k);
    if (w === 'a' || w === 'an') {
      const o = ordinalAt(t, k + 1);
      if (o && !o.plural) return { value: value + 1 / o.value, last: o.last };
      break;
    }
    const c = cardinalAt(t, k);
    if (c?.kind === 'unit' && near(t, k)) {
      const o = ordinalAt(t, k + 1);
      if (o && (o.plural || c.value === 1)) return { value: value + c.value / o.value, last: o.last };
    }
    const r = readAtoms(t, k);
    if (r && low(t, r.last + 1) === 'and') {
      value += valueOf(r.atoms);
      j = r.last + 1;
      continue;
    }
    break;
  }
  return { value, last: j - 1 === last ? last : j - 1 };
}

/** A number written in words starting at token i, or null. */
export function readWordNumber(t: Tokens, i: number): WordNumber | null {
  if (i >= t.n || t.kind[i] !== WORD) return null;
  const w = low(t, i);
  // "half", "half a dozen", "half a million"
  if (w === 'half') {
    const a = low(t, i + 1);
    if ((a === 'a' || a === 'an') && near(t, i + 1) && near(t, i + 2)) {
      const s = scaleWords.get(low(t, i + 2));
      if (s && !low(t, i + 2).endsWith('s')) return { value: 0.5 * (s.dozen ? 12 : s.value), last: i + 2, fraction: false, article: false };
    }
    return { value: 0.5, last: i, fraction: true, article: false };
  }
  // "a third", "a hundredth", "a twenty-first", "an eighth"
  if (w === 'a' || w === 'an') {
    const atoms = readAtoms(t, i);
    if (atoms) return finishCardinal(t, atoms.atoms, atoms.last, true);
    const o = ordinalAt(t, i + 1);
    if (o && !o.plural && quarterOk(t, o, false)) return { value: 1 / o.value, last: o.last, fraction: true, article: true };
    const c = compoundOrdinal(t, i + 1);
    if (c && !c.plural) return { value: 1 / c.den, last: c.last, fraction: true, article: true };
    return null;
  }
  const r = readAtoms(t, i);
  if (!r) return null;
  return finishCardinal(t, r.atoms, r.last, false);
}

function finishCardinal(t: Tokens, atoms: Atom[], last: number, article: boolean): WordNumber {
  const whole = valueOf(atoms);
  // decimals: "two hundred point zero three"
  if (low(t, last + 1) === 'point' && near(t, last + 1)) {
    const d = readPointDigits(t, last + 2);
    if (d) return { value: parseFloat(`${whole}.${d.digits}`), last: d.last, fraction: false, article };
  }
  const f = readFraction(t, atoms, last);
  if (f) return { value: f.value, last: f.last, fraction: true, article };
  // "one one hundred fifth", "twenty twenty fifths": the cardinal stopped where a compound denominator starts
  if (near(t, last + 1) && cardinalAt(t, last + 1)) {
    const c = compoundOrdinal(t, last + 1);
    if (c && (c.plural || whole === 1)) return { value: whole / c.den, last: c.last, fraction: true, article };
  }
  const m = readMixed(t, whole, last);
  if (m.last !== last) return { value: m.value, last: m.last, fraction: m.value !== Math.floor(m.value), article };
  return { value: whole, last, fraction: false, article: article && atoms.length <= 2 };
}

/** Token j is a word that can start a written number (cheap check before parsing). */
export function mayStartWordNumber(w: string): boolean {
  return w === 'half' || w === 'a' || w === 'an' || cardinals.has(w);
}

export { NUM };
