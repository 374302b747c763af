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
  const quantities = findQuantities(read.text);
  const periods = findPeriods(read.text, { published: options.published });
  const claims = readClaims({ read, articleId: options.articleId, quantities, periods, aliases: options.aliases });
  return capQuotes(read, claims);
}
