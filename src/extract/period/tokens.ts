/**
 * Tokens of text for the period grammar: words, numbers (with a glued suffix
 * such as "1990s" or "23rd") and single punctuation marks, with their offsets and what lies in the
 * gap before them. Only paragraphs holding a trigger word are tokenized, each once.
 */

export interface Tok {
  s: number;
  e: number;
  /** Lower case; curly apostrophes and dashes normalised ("’" → "'", "—" → "–"). */
  w: string;
  kind: 'w' | 'n' | 'p';
  /** First character is an upper-case letter. */
  cap: boolean;
  /** Whitespace separates this token from the one before. */
  sp: boolean;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const LETTER = /\p{L}/u;
function isLetter(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return true;
  return c > 127 && LETTER.test(text[i]);
}
const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9 || c === 160 || c === 12;

/** Whether offset `i` is inside a word or number (so a window must not start or end there). */
export function insideWord(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const a = isLetter(text, i - 1) || isDigit(text.charCodeAt(i - 1));
  const b = isLetter(text, i) || isDigit(text.charCodeAt(i));
  return a && b;
}

function norm(raw: string): string {
  if (raw === '’' || raw === '‘' || raw === '`') return "'";
  if (raw === '—' || raw === '―') return '–';
  if (raw === '‐' || raw === '‑') return '-';
  return raw.toLowerCase();
}

/** Tokens of `text` between `start` and `end` (both should sit on word boundaries). */
export function tokenize(text: string, start: number, end: number): Tok[] {
  const out: Tok[] = [];
  let i = start;
  let sp = true;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      sp = true;
      i++;
      continue;
    }
    const s = i;
    let kind: Tok['kind'];
    if (isDigit(c)) {
      while (i < end && isDigit(text.charCodeAt(i))) i++;
      while (i < end && isLetter(text, i)) i++;
      kind = 'n';
    } else if (isLetter(text, i)) {
      while (i < end && isLetter(text, i)) i++;
      kind = 'w';
    } else {
      i++;
      kind = 'p';
    }
    const raw = text.slice(s, i);
    const cap = kind === 'w' && raw[0] !== raw[0].toLowerCase();
    const w = kind === 'n' ? raw : norm(raw);
    out.push({ s, e: i, w, kind, cap, sp });
    sp = false;
  }
  return out;
}

/** A token array with the small lookups the grammar needs. */
export class Toks {
  constructor(
    readonly text: string,
    readonly t: Tok[],
  ) {}

  get length(): number {
    return this.t.length;
  }

  /** Lower-case text of token `i`, or '' past either end. */
  w(i: number): string {
    return i >= 0 && i < this.t.length ? this.t[i].w : '';
  }

  /** Token `i` is one of the words given. */
  is(i: number, a: string, b?: string, c?: string, d?: string, e?: string): boolean {
    const w = this.w(i);
    return w !== '' && (w === a || w === b || w === c || w === d || w === e);
  }

  /** Token `i` is in `words`. */
  isIn(i: number, words: ReadonlySet<string>): boolean {
    return words.has(this.w(i));
  }

  /** Token `i` touches the one before it (no space between). */
  glued(i: number): boolean {
    return i > 0 && i < this.t.length && !this.t[i].sp;
  }

  /** Integer value of a plain number token, or NaN. */
  num(i: number): number {
    const t = this.t[i];
    return t && t.kind === 'n' && /^\d+$/.test(t.w) ? Number(t.w) : NaN;
  }

  /** Number of digits of a plain number token (0 if not one). */
  digits(i: number): number {
    const t = this.t[i];
    return t && t.kind === 'n' && /^\d+$/.test(t.w) ? t.w.length : 0;
  }

  /** The words from `i` on match `phrase` (already split); returns the index after it or -1. */
  phrase(i: number, words: readonly string[]): number {
    for (let k = 0; k < words.length; k++) if (this.w(i + k) !== words[k]) return -1;
    return i + words.length;
  }

  /** Whether a sentence boundary lies between tokens i-1 and i (a line break or end punctuation). */
  boundaryBefore(i: number): boolean {
    if (i <= 0) return true;
    const gap = this.text.slice(this.t[i - 1].e, this.t[i].s);
    if (gap.includes('\n')) return true;
    const p = this.w(i - 1);
    return p === ';' || p === '!' || p === '?' || (p === '.' && this.t[i].cap);
  }
}
