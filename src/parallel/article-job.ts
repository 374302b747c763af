/**
 * The work on one article file that can run on any thread: read it, name it by its bytes, and —
 * unless the store may already hold these bytes — extract its claims and link its sources. What
 * comes back is plain data (it crosses from a worker thread by structured clone); problems with the
 * file come back as a reason, never as a thrown error.
 */
import { slug } from '../extract/entities.js';
import { extractClaims } from '../extract/index.js';
import { readArticleBytes } from '../ingest/read.js';
import { InputError } from '../ingest/types.js';
import type { DeclaredMeta, ReadResult } from '../ingest/types.js';
import { aliasTable, loadAliases, type AliasRegistry } from '../link/entities.js';
import { linkSources } from '../link/index.js';
import type { ArticleRecord, Claim, Source } from '../store/schema.js';
import { SCHEMA_VERSION } from '../store/schema.js';
import { articleIdOf, shardText, storedPath } from '../store/store.js';
import { pipelineFingerprint } from '../cli/fingerprint.js';

export interface JobOptions {
  declared?: DeclaredMeta;
  /** Largest file accepted, in bytes (the reader's default when absent). */
  maxBytes?: number;
  /** Ids the store holds: for these the claims are not extracted (the caller decides if needed). */
  known?: ReadonlySet<string>;
}

/** What became of one file. `read` is there only on the thread that read it (it is not sent back). */
export type Prepared =
  | { kind: 'failed'; file: string; reason: string }
  | { kind: 'read'; file: string; record: ArticleRecord; read?: ReadResult }
  | { kind: 'extracted'; file: string; record: ArticleRecord; claims: Claim[]; sources: Source[] }
  /** Extracted, with the shard already made into its file's text (`shardText`, on a worker thread). */
  | { kind: 'serialized'; file: string; record: ArticleRecord; shard: string };

/** The index entry of an article read from `path`. */
export function articleRecord(read: ReadResult, path: string, id: string, hash: string, claims: number, sources: number): ArticleRecord {
  return {
    id,
    path,
    format: read.format,
    hash,
    title: read.meta.title,
    outlet: read.meta.outlet,
    author: read.meta.author,
    published: read.meta.published,
    url: read.meta.url,
    notes: read.notes,
    claimCount: claims,
    sourceCount: sources,
    pipeline: pipelineFingerprint(),
  };
}

const firstLine = (error: unknown): string => (error as Error).message.split('\n')[0];

let aliases: { registry: AliasRegistry; table: Map<string, string> } | null = null;

/** The extractor's alias table, built again only when the alias file changes (not per article). */
function currentAliases(): Map<string, string> {
  const registry = loadAliases();
  if (aliases?.registry !== registry) aliases = { registry, table: aliasTable(slug, registry) };
  return aliases.table;
}

/** Extract and link the claims of an article already read (a failure names the reason). */
export function extractRead(file: string, read: ReadResult, record: ArticleRecord): Prepared {
  try {
    const extracted = extractClaims(read, { articleId: record.id, published: read.meta.published?.value ?? null, aliases: currentAliases() });
    const linked = linkSources(read, record.id, extracted);
    return { kind: 'extracted', file, record: { ...record, claimCount: linked.claims.length, sourceCount: linked.sources.length }, claims: linked.claims, sources: linked.sources };
  } catch (error) {
    return { kind: 'failed', file, reason: `could not read claims out of it (${firstLine(error)})` };
  }
}

/**
 * `prepared` to send to another thread: an extracted article travels as the text of its shard (one
 * string is far cheaper to clone than thousands of claim objects, and the validation is done here);
 * one whose shard does not validate travels as it is, for the store to refuse with its reason.
 */
export function forTransfer(prepared: Prepared): Prepared {
  if (prepared.kind !== 'extracted') return prepared;
  const { file, record, claims, sources } = prepared;
  try {
    return { kind: 'serialized', file, record, shard: shardText({ schema: SCHEMA_VERSION, article: record, claims, sources }) };
  } catch {
    return prepared;
  }
}

/** Read `file` and, unless its id is `known`, extract its claims. */
export async function prepareArticle(file: string, options: JobOptions = {}): Promise<Prepared> {
  let read: ReadResult;
  let bytes: Buffer;
  try {
    ({ read, bytes } = await readArticleBytes(file, { declared: options.declared, maxBytes: options.maxBytes }));
  } catch (error) {
    return { kind: 'failed', file: error instanceof InputError ? error.file : file, reason: error instanceof InputError ? error.reason : (error as Error).message };
  }
  const { id, hash } = articleIdOf(bytes);
  const record = articleRecord(read, storedPath(file), id, hash, 0, 0);
  if (options.known?.has(id)) return { kind: 'read', file, record, read };
  return extractRead(file, read, record);
}
