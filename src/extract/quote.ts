/**
 * Quotes of a sane length. A claim quotes its sentence; a "sentence" of thousands of characters (a
 * table flattened into one paragraph, a list without full stops, a machine-made page) would make
 * every claim read out of it carry all of it, and the shard of such an article grow past the
 * longest string the runtime can build. Such a quote is cut to the words around the claim's figure,
 * at most `MAX_QUOTE` characters, its `start`, `end`, `line` and `column` moved with it: the quote
 * still stands at its place in the file.
 */
import { spanToSource, toPlain } from '../ingest/builder.js';
import type { ReadResult } from '../ingest/types.js';
import type { Claim } from '../store/schema.js';
import { lineColumn, lineStarts } from './claims.js';

/** The longest quote a claim keeps, in characters. */
export const MAX_QUOTE = 600;

const isSpace = (ch: string | undefined): boolean => ch === undefined || /\s/.test(ch);

/** The plain-text range of at most `max` characters around [at, atEnd) within [from, to), cut between words. */
export function windowAround(text: string, from: number, to: number, at: number, atEnd: number, max: number): { start: number; end: number } {
  const room = Math.max(0, max - (atEnd - at));
  let start = Math.max(from, at - (room >> 1));
  const end = Math.min(to, atEnd + room - (at - start));
  start = Math.max(from, Math.min(start, end - max));
  // Cut between words: forward to a word's start, back to a word's end (never past the figure).
  let s = start;
  if (s > from && !isSpace(text[s - 1])) while (s < at && !isSpace(text[s - 1])) s++;
  while (s < at && isSpace(text[s])) s++;
  let e = end;
  if (e < to && !isSpace(text[e])) while (e > atEnd && !isSpace(text[e])) e--;
  while (e > atEnd && isSpace(text[e - 1])) e--;
  return { start: s, end: e };
}

/** The claims with every quote over `max` characters cut to the words around its figure. */
export function capQuotes(read: ReadResult, claims: Claim[], max = MAX_QUOTE): Claim[] {
  let lines: number[] | null = null;
  return claims.map((c) => {
    if (c.quote.length <= max) return c;
    const from = toPlain(read.runs, c.start);
    const to = Math.max(from, toPlain(read.runs, c.end));
    const at = c.figure ? Math.max(from, toPlain(read.runs, c.figure.start)) : from;
    const atEnd = c.figure ? Math.min(to, Math.max(at, toPlain(read.runs, c.figure.end))) : at;
    const plain = windowAround(read.text, from, to, at, atEnd, max);
    const span = spanToSource(read.runs, plain);
    const start = Math.max(c.start, span.start);
    const end = Math.min(c.end, span.end);
    if (end <= start || (c.figure && (c.figure.start < start || c.figure.end > end))) return c;
    const quote = read.format === 'html' ? read.text.slice(plain.start, plain.end) : read.source.slice(start, end);
    lines ??= lineStarts(read.source);
    return { ...c, quote, start, end, ...lineColumn(lines, start) };
  });
}
