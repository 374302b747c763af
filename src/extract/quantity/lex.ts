/**
 * The quantity scanner's tokenizer: one linear pass over the text into typed arrays of words
 * (letter runs, with inner apostrophes), digit runs and single punctuation characters. Each token
 * remembers what separates it from the one before (nothing, spaces, or a line break), which is how
 * the scanner tells "10k" from "10 k" and "GPT-5" from "- 5".
 */

export const WORD = 1;
export const NUM = 2;
export const PUNCT = 3;

/** Tokens of one text, as parallel arrays (no object per token). */
export interface Tokens {
  text: string;
  n: number;
  start: Int32Array;
  end: Int32Array;
  kind: Uint8Array;
  /** What separates token i from token i-1: 0 nothing (glued), 1 spaces, 2 a line break (or text start). */
  gap: Uint8Array;
  /** `raw` and `low` of the tokens asked for so far (the phrase tables ask for the same ones often). */
  raws?: string[];
  lows?: string[];
}

const letterCache = new Int8Array(65536);
const LETTER = /[\p{L}\p{M}]/u;

function isLetter(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  let v = letterCache[c];
  if (v === 0) {
    v = LETTER.test(String.fromCharCode(c)) ? 1 : -1;
    letterCache[c] = v;
  }
  return v === 1;
}

function spaceKind(c: number): number {
  if (c === 32 || c === 9 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x2007 || c === 0x200a || c === 0x2002 || c === 0x2003 || c === 0x3000 || c === 0xfeff || c === 0x200b || c === 12 || c === 11) return 1;
  if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029 || c === 0x85) return 2;
  return 0;
}

/** Split `text` into tokens. */
export function lex(text: string): Tokens {
  const len = text.length;
  let cap = Math.max(16, (len >> 2) + 16);
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let kind = new Uint8Array(cap);
  let gap = new Uint8Array(cap);
  let n = 0;
  let g = 2;
  let i = 0;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c >= 0x80) {
      const s = spaceKind(c);
      if (s) {
        if (s === 2) g = 2;
        else if (g === 0) g = 1;
        i++;
        continue;
      }
    }
    let j = i + 1;
    let k: number;
    if (c >= 48 && c <= 57) {
      k = NUM;
      while (j < len) {
        const d = text.charCodeAt(j);
        if (d < 48 || d > 57) break;
        j++;
      }
    } else if (isLetter(c)) {
      k = WORD;
      while (j < len) {
        const d = text.charCodeAt(j);
        if (isLetter(d)) j++;
        else if ((d === 39 || d === 0x2019) && j + 1 < len && isLetter(text.charCodeAt(j + 1))) j += 2;
        else break;
      }
    } else {
      k = PUNCT;
      if (c >= 0xd800 && c <= 0xdbff && j < len) j++;
    }
    if (n === cap) {
      cap *= 2;
      const s2 = new Int32Array(cap);
      s2.set(start);
      start = s2;
      const e2 = new Int32Array(cap);
      e2.set(end);
      end = e2;
      const k2 = new Uint8Array(cap);
      k2.set(kind);
      kind = k2;
      const g2 = new Uint8Array(cap);
      g2.set(gap);
      gap = g2;
    }
    start[n] = i;
    end[n] = j;
    kind[n] = k;
    gap[n] = g;
    n++;
    g = 0;
    i = j;
  }
  return { text, n, start, end, kind, gap };
}

/** The text of token i as written. */
export function raw(t: Tokens, i: number): string {
  if (i < 0 || i >= t.n) return '';
  const raws = (t.raws ??= []);
  return (raws[i] ??= t.text.slice(t.start[i], t.end[i]));
}

/** The text of token i in lower case, curly apostrophes made straight. */
export function low(t: Tokens, i: number): string {
  if (i < 0 || i >= t.n) return '';
  const lows = (t.lows ??= []);
  let s = lows[i];
  if (s === undefined) {
    s = raw(t, i).toLowerCase();
    if (t.kind[i] === WORD && s.indexOf('’') >= 0) s = s.replace(/’/g, "'");
    lows[i] = s;
  }
  return s;
}

/** Token i is the single character `ch`. */
export function isChar(t: Tokens, i: number, ch: string): boolean {
  return i >= 0 && i < t.n && t.end[i] - t.start[i] === ch.length && t.text.startsWith(ch, t.start[i]);
}

/** Token i is a word containing an upper-case letter ("Qwen", "iPhone", "GPT"). */
export function hasCapital(t: Tokens, i: number): boolean {
  if (i < 0 || i >= t.n || t.kind[i] !== WORD) return false;
  for (let p = t.start[i]; p < t.end[i]; p++) {
    const c = t.text.charCodeAt(p);
    if (c >= 65 && c <= 90) return true;
    if (c >= 128) {
      const ch = t.text[p];
      if (ch !== ch.toLowerCase() && ch === ch.toUpperCase()) return true;
    }
  }
  return false;
}

/** Token i is written entirely in capitals, at least two letters ("GDP", "NBA"). */
export function isAcronym(t: Tokens, i: number): boolean {
  if (i < 0 || i >= t.n || t.kind[i] !== WORD) return false;
  const s = raw(t, i);
  return s.length >= 2 && s === s.toUpperCase() && s !== s.toLowerCase();
}

/** Token i starts a line (or the text). */
export function lineStart(t: Tokens, i: number): boolean {
  return i === 0 || t.gap[i] === 2;
}
