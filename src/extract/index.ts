/**
 * Claim extraction for one article: finds the quantities and time expressions in the plain text of
 * a `ReadResult` and reads claims out of its sentences, with positions in the original file.
 */
import type { ReadResult } from '../ingest/types.js';
import type { Claim } from '../store/schema.js';
import { readClaims } from './claims.js';
import { findPeriods } from './period.js';
import { findQuantities } from './quantity.js';
import { capQuotes } from './quote.js';

export interface ExtractOptions {
  /** The article's id (claims carry it). */
  articleId: string;
  /** Publication date YYYY-MM-DD, the anchor for relative dates. */
  published: string | null;
  /** Alias table: name slug → canonical display name. */
  aliases?: Map<string, string>;
}

/** Read the claims of one article. */
export function extractClaims(read: ReadResult, options: ExtractOptions): Claim[] {
  // A file with far more numerals than any article is scanned only up to its first ones.
  const text = read.text.slice(0, scanLimit(read.text));
  let quantities = findQuantities(text);
  let periods = findPeriods(text, { published: options.published });
  let scope = read;
  if (quantities.length > MAX_FIGURES) {
    // No article carries this many figures; a file that does (a data dump, a hostile input) is read
    // up to the sentence of its 20,000th figure, and says so, rather than exhausting memory.
    const limit = quantities[MAX_FIGURES].start;
    quantities = quantities.slice(0, MAX_FIGURES);
    periods = periods.filter((p) => p.start < limit);
    scope = { ...read, sentences: read.sentences.filter((s) => s.end <= limit) };
    read.notes.push(`over ${MAX_FIGURES.toLocaleString('en-US')} figures: claims read up to offset ${limit} only`);
  }
  else if (text.length < read.text.length) {
    scope = { ...read, sentences: read.sentences.filter((s) => s.end <= text.length) };
    read.notes.push(`over ${MAX_FIGURES.toLocaleString('en-US')} figures: claims read up to offset ${text.length} only`);
  }
  const claims = readClaims({ read: scope, articleId: options.articleId, quantities, periods, aliases: options.aliases });
  return capQuotes(read, claims);
}

/** The most figures read out of one article. */
export const MAX_FIGURES = 20_000;

/** Where scanning stops: after twice MAX_FIGURES runs of digits (the whole text when it has fewer). */
function scanLimit(text: string): number {
  const digits = /\d+/g;
  let n = 0;
  for (let m = digits.exec(text); m; m = digits.exec(text)) {
    if (++n > 2 * MAX_FIGURES) return m.index;
  }
  return text.length;
}
