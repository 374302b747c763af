/**
 * A small tokenizer for claim reading: words, numbers and punctuation with their offsets. Fast
 * (one regular-expression pass), and enough for the phrase patterns the claim reader uses.
 */

export interface Token {
  text: string;
  /** Lower case, curly apostrophes made straight. */
  lower: string;
  start: number;
  end: number;
  kind: 'word' | 'num' | 'punct';
  /** Starts with a capital letter (or is an acronym). */
  cap: boolean;
  /** A word the article has already given as a person's surname ("Bush" after "Jeb Bush"): a name even where a sentence starts. */
  surname?: boolean;
}

const TOKEN = /['’]s\b|[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:[-.&][\p{L}\p{M}\p{N}]+)*|\p{N}[\p{N}]*(?:[.,]\p{N}+)*|[^\s\p{L}\p{N}]/gu;

const LETTER = /\p{L}/u;
const NUMBER = /\p{N}/u;

/** Tokens of `text` between `start` and `end`. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  const slice = text.slice(start, end);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
    const t = m[0];
    const first = t.codePointAt(0) ?? 0;
    const isLetter = first < 0x80 ? (first | 0x20) >= 0x61 && (first | 0x20) <= 0x7a : LETTER.test(String.fromCodePoint(first));
    const isNum = !isLetter && (first < 0x80 ? first >= 0x30 && first <= 0x39 : NUMBER.test(String.fromCodePoint(first)));
    const lower = t.toLowerCase();
    out.push({
      text: t,
      lower: lower.includes('’') ? lower.replace(/’/g, "'") : lower,
      start: start + m.index,
      end: start + m.index + t.length,
      kind: isLetter || t.startsWith("'") || t.startsWith('’') ? 'word' : isNum ? 'num' : 'punct',
      cap: isLetter && t[0] !== t[0].toLowerCase(),
    });
  }
  return out;
}

/** Index of the first token that ends after `offset` (binary search). */
export function tokenAt(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Crude English singular of a lower-case noun ("tokens" → "token", "petabytes" → "petabyte"). */
export function singular(word: string): string {
  if (word.length <= 3) return word;
  if (/(ss|us|is)$/.test(word)) return word;
  if (/ies$/.test(word)) return word.slice(0, -3) + 'y';
  if (/(ches|shes|xes|ses|zes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}
