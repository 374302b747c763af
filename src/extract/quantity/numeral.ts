/**
 * Reading the number itself: digits ("1,000", "3.5", ".25", "10 1/2"), number words (through
 * `number-words.ts`), vague plurals ("hundreds of", "tens of thousands") and the scale that follows
 * ("2.5 billion", "$1.7bn", "25k", "3 dozen").
 */
import { NUM, PUNCT, WORD, isChar, low, raw, type Tokens } from './lex.js';
import { cardinals, scaleAbbr, scaleWords, vague } from './lexicon.js';
import { mayStartWordNumber, readWordNumber } from './number-words.js';

/** A number read at a token, before units. */
export interface Numeral {
  value: number;
  /** Upper end when the number itself is vague ("hundreds" → 100..1000). */
  max: number;
  first: number;
  last: number;
  /** Written in digits (as opposed to words). */
  digits: boolean;
  /** Plain integer digits without separators or decimals ("2024"), for year and label tests. */
  plainInt: boolean;
  /** Number of digits of a plain integer. */
  width: number;
  /** A scale word or abbreviation was read. */
  scaled: boolean;
  /** A vague plural ("dozens of"): a lower bound in CQE's convention when `lower`. */
  vague: boolean;
  lowerBound: boolean;
  /** Only an article + scale/ordinal ("a dozen", "a third"). */
  article: boolean;
  /** A fraction ("two-thirds", "1/2"). */
  fraction: boolean;
  /** The product of the scales read ("2.5 billion" → 1e9), 1 when none. */
  scale: number;
}

const DASHES = new Set(['-', '‐', '‑', '–', '—', '−']);
/** Token j is a dash or hyphen. */
export function isDash(t: Tokens, j: number): boolean {
  return j >= 0 && j < t.n && t.kind[j] === PUNCT && DASHES.has(t.text[t.start[j]]);
}

function digitsAt(t: Tokens, j: number): boolean {
  return j >= 0 && j < t.n && t.kind[j] === NUM;
}

/** Read a number written in digits starting at token i (a NUM token, or "." before one). */
function readDigits(t: Tokens, i: number): Numeral | null {
  let j = i;
  let s = '';
  let plain = true;
  if (t.kind[i] === PUNCT) {
    // ".25": a leading decimal point, not glued to a number before it
    if (!isChar(t, i, '.') || !digitsAt(t, i + 1) || t.gap[i + 1] !== 0) return null;
    if (i > 0 && t.gap[i] === 0 && (t.kind[i - 1] === NUM || t.kind[i - 1] === WORD)) return null;
    s = '0.' + raw(t, i + 1);
    return mk(parseFloat(s), i, i + 1, false, 0);
  }
  s = raw(t, i);
  const firstWidth = s.length;
  // thousands separators: "1,000,000" (groups of exactly three digits, glued)
  while (
    (isChar(t, j + 1, ',') || isChar(t, j + 1, '’') && false) &&
    t.gap[j + 1] === 0 &&
    digitsAt(t, j + 2) &&
    t.gap[j + 2] === 0 &&
    t.end[j + 2] - t.start[j + 2] === 3 &&
    firstWidth <= 3
  ) {
    // "1,2,3" lists and "3,4567" are not separators
    s += raw(t, j + 2);
    j += 2;
    plain = false;
  }
  // spaces separating thousands ("1 414 021 100", "40 000"): groups of exactly three digits after a
  // first group of one to three, on the same line; a no-break or thin space always counts
  if (plain && firstWidth <= 3 && !(i > 0 && t.kind[i - 1] === NUM && t.gap[i] === 1)) {
    while (digitsAt(t, j + 1) && t.gap[j + 1] === 1 && t.end[j + 1] - t.start[j + 1] === 3 && spaceOnly(t, j + 1) && !(isChar(t, j + 2, '/') && t.gap[j + 2] === 0) && !(t.kind[j + 2] === NUM && t.gap[j + 2] === 1 && t.end[j + 2] - t.start[j + 2] !== 3)) {
      s += raw(t, j + 1);
      j++;
      plain = false;
    }
  }
  // a decimal comma ("5,00", "1,3 million"): one or two digits after the comma, where a thousands
  // separator would need three, and not a list ("1,2,3")
  if (
    plain &&
    isChar(t, j + 1, ',') &&
    t.gap[j + 1] === 0 &&
    digitsAt(t, j + 2) &&
    t.gap[j + 2] === 0 &&
    t.end[j + 2] - t.start[j + 2] <= 2 &&
    !(isChar(t, j + 3, ',') && t.gap[j + 3] === 0 && digitsAt(t, j + 4)) &&
    !(i > 1 && isChar(t, i - 1, ',') && t.gap[i] === 0 && digitsAt(t, i - 2))
  ) {
    s += '.' + raw(t, j + 2);
    j += 2;
    plain = false;
  }
  if (isChar(t, j + 1, '.') && t.gap[j + 1] === 0 && digitsAt(t, j + 2) && t.gap[j + 2] === 0) {
    // "192.168.1.2" (an address or version): not a decimal
    if (isChar(t, j + 3, '.') && t.gap[j + 3] === 0 && digitsAt(t, j + 4) && t.gap[j + 4] === 0) return null;
    s += '.' + raw(t, j + 2);
    j += 2;
    plain = false;
  }
  let value = parseFloat(s);
  if (!Number.isFinite(value)) return null;
  // e-notation "1.3e6", "12.32e+14", "-12e-1" (the lexer reads "e6" as a word, "e" then "+14")
  if (t.kind[j + 1] === WORD && t.gap[j + 1] === 0 && /^[eE]$/.test(raw(t, j + 1))) {
    let k = j + 2;
    let sign = 1;
    if ((isChar(t, k, '+') || isChar(t, k, '-')) && t.gap[k] === 0) {
      sign = isChar(t, k, '-') ? -1 : 1;
      k++;
    }
    if (digitsAt(t, k) && t.gap[k] === 0 && t.end[k] - t.start[k] <= 3 && !(t.kind[k + 1] === WORD && t.gap[k + 1] === 0)) {
      value = parseFloat(`${value}e${sign * parseInt(raw(t, k), 10)}`);
      j = k;
      plain = false;
    }
  }
  // powers "1.1^23", "2.5^-1", "10^−9"; the exponent's signs fold as in arithmetic ("^--23" is ^23)
  if (isChar(t, j + 1, '^') && t.gap[j + 1] === 0) {
    let k = j + 2;
    let sign = 1;
    while ((isChar(t, k, '+') || isChar(t, k, '-') || isChar(t, k, '−')) && t.gap[k] === 0 && k < j + 5) {
      if (!isChar(t, k, '+')) sign = -sign;
      k++;
    }
    if (digitsAt(t, k) && t.gap[k] === 0 && t.end[k] - t.start[k] <= 3) {
      value = Math.pow(value, sign * parseInt(raw(t, k), 10));
      j = k;
      plain = false;
    }
  }
  // scientific notation written out: "2.998×10−8", "6.02 x 10^23"
  let e = j + 1;
  if (t.gap[e] !== 2 && (isChar(t, e, '×') || isChar(t, e, '*') || (low(t, e) === 'x' && t.gap[e] !== 0 || raw(t, e) === 'x' && t.gap[e] === 0 && raw(t, e + 1) === '10')) && raw(t, e + 1) === '10' && t.gap[e + 1] !== 2) {
    let k = e + 2;
    if (isChar(t, k, '^') && t.gap[k] === 0) k++;
    let sign = 1;
    if ((isChar(t, k, '-') || isChar(t, k, '−')) && t.gap[k] === 0) {
      sign = -1;
      k++;
    }
    if (digitsAt(t, k) && t.gap[k] === 0 && t.end[k] - t.start[k] <= 3) {
      value *= Math.pow(10, sign * parseInt(raw(t, k), 10));
      j = k;
      plain = false;
    }
  }
  const n = mk(value, i, j, true, plain ? firstWidth : 0);
  n.plainInt = plain;
  // a simple fraction "1/2" (not "24/7" or a date "3/23/2026")
  const slash = isChar(t, j + 1, '/') || isChar(t, j + 1, '⁄');
  if (plain && slash && t.gap[j + 1] === 0 && digitsAt(t, j + 2) && t.gap[j + 2] === 0 && !(isChar(t, j + 3, '/') && t.gap[j + 3] === 0)) {
    const b = parseInt(raw(t, j + 2), 10);
    if (b > value && value > 0 && (b <= 16 || isChar(t, j + 1, '⁄'))) {
      n.value = value / b;
      n.max = n.value;
      n.last = j + 2;
      n.plainInt = false;
      n.fraction = true;
      return n;
    }
  }
  // mixed fraction "10 1/2"
  if (plain && digitsAt(t, j + 1) && t.gap[j + 1] === 1 && isChar(t, j + 2, '/') && t.gap[j + 2] === 0 && digitsAt(t, j + 3) && t.gap[j + 3] === 0) {
    const a = parseInt(raw(t, j + 1), 10);
    const b = parseInt(raw(t, j + 3), 10);
    if (b > a && a > 0 && b <= 16) {
      n.value += a / b;
      n.max = n.value;
      n.last = j + 3;
      n.plainInt = false;
      n.fraction = true;
    }
  }
  return n;
}

/** The space before token j is a single space, no-break space or thin space. */
function spaceOnly(t: Tokens, j: number): boolean {
  const gap = t.text.slice(t.end[j - 1], t.start[j]);
  return gap === ' ' || gap === '\u00a0' || gap === '\u202f' || gap === '\u2009';
}

function mk(value: number, first: number, last: number, digits: boolean, width: number): Numeral {
  return { value, max: value, first, last, digits, plainInt: false, width, scaled: false, vague: false, lowerBound: false, article: false, fraction: false, scale: 1 };
}

/** Vague plural at token i ("hundreds", "tens of thousands", "millions"), followed by "of" or a scale. */
function readVague(t: Tokens, i: number): Numeral | null {
  const w = low(t, i);
  const v = vague.get(w);
  if (!v) return null;
  let last = i;
  let min = v.min;
  let max = v.max;
  // "tens of thousands", "hundreds of millions"
  if (low(t, i + 1) === 'of' && t.gap[i + 1] === 1) {
    const w2 = low(t, i + 2);
    const v2 = vague.get(w2);
    if (v2 && w2 !== 'dozens' && w2 !== 'scores' && w !== 'dozens' && w !== 'scores') {
      min *= v2.min;
      max = v.max * v2.min;
      last = i + 2;
    }
  }
  // "hundreds of" / "dozens of" must be followed by "of" to be a number ("scores" alone is a noun)
  if (low(t, last + 1) !== 'of') return null;
  const n = mk(min, i, last, false, 0);
  n.max = v.lower ? min : max;
  n.vague = true;
  n.lowerBound = v.lower;
  return n;
}

/** Scale after a number: "2.5 billion", "1.7bn", "25k", "3 dozen"; updates n in place. */
function readScale(t: Tokens, n: Numeral): void {
  for (let guard = 0; guard < 2; guard++) {
    const j = n.last + 1;
    if (j >= t.n || t.kind[j] !== WORD || t.gap[j] === 2) return;
    const glued = t.gap[j] === 0;
    const r = raw(t, j);
    const w = r.toLowerCase();
    const word = scaleWords.get(w);
    if (word && !glued && !(w.endsWith('s') && low(t, j + 1) === 'of' && !n.digits)) {
      // "hundreds" after digits is "2 hundreds"? rare; plural scales after numbers are accepted ("5 millions")
      if (word.dozen) {
        n.value *= 12;
        n.max *= 12;
        n.scale *= 12;
      } else {
        if (n.scaled && word.value <= n.scale) return;
        n.value *= word.value;
        n.max *= word.value;
        n.scale *= word.value;
      }
      n.scaled = true;
      n.last = j;
      continue;
    }
    const abbr = scaleAbbr.get(r);
    if (abbr && n.digits && !n.scaled) {
      if (glued ? !abbr.glued : !abbr.spaced) return;
      if (abbr.alone) {
        // a following letter means a unit or a name ("5G", "10 K Street", "3 MB")
        const k = j + 1;
        if (k < t.n && t.gap[k] === 0 && (t.kind[k] === WORD || t.kind[k] === NUM)) return;
        if (!glued && k < t.n && t.kind[k] === WORD) return;
      } else if (j + 1 < t.n && t.gap[j + 1] === 0 && t.kind[j + 1] === WORD) return;
      n.value *= abbr.value;
      n.max *= abbr.value;
      n.scale *= abbr.value;
      n.scaled = true;
      n.last = j;
      return;
    }
    return;
  }
}

/** Token i can start a number (cheap test for the scanner's main loop). */
export function mayStartNumber(t: Tokens, i: number): boolean {
  const k = t.kind[i];
  if (k === NUM) return true;
  if (k === PUNCT) return isChar(t, i, '.') && digitsAt(t, i + 1) && t.gap[i + 1] === 0;
  // cheap filter on the first two letters before any string is made
  const len = t.end[i] - t.start[i];
  const a = t.text.charCodeAt(t.start[i]) | 32;
  const b = len > 1 ? t.text.charCodeAt(t.start[i] + 1) | 32 : 0;
  if (!STARTS.has(a * 256 + b + Math.min(len, 40) * 65536)) return false;
  const w = low(t, i);
  return mayStartWordNumber(w) || vague.has(w) || multiplierStart(w);
}

/** First two letters (ASCII-lowercased codes) of the words that can start a written number. */
const STARTS = new Set<number>();
function addStart(w: string): void {
  const a = w.charCodeAt(0) | 32;
  const b = w.length > 1 ? w.charCodeAt(1) | 32 : 0;
  STARTS.add(a * 256 + b + w.length * 65536);
}
for (const w of [...cardinals.keys(), ...vague.keys(), 'a', 'an', 'half']) addStart(w);
function multiplierStart(_w: string): boolean {
  return false;
}

/** Read the number (with its scale) starting at token i, or null. */
export function readNumeral(t: Tokens, i: number): Numeral | null {
  let n: Numeral | null = null;
  if (t.kind[i] === NUM || t.kind[i] === PUNCT) n = readDigits(t, i);
  else if (t.kind[i] === WORD) {
    n = readVague(t, i);
    if (!n) {
      const w = readWordNumber(t, i);
      if (!w) return null;
      n = mk(w.value, i, w.last, false, 0);
      n.article = w.article;
      n.fraction = w.fraction;
      // "one hundred billion" read the scales already; the flag matters for "a million"
      for (let k = i; k <= w.last; k++) if (scaleWords.has(low(t, k)) && low(t, k) !== 'hundred') n.scaled = true;
    }
  }
  if (!n) return null;
  if (!n.vague) readScale(t, n);
  return n;
}
