/**
 * Adding article files to the store: read → extract → link → shard → index. Each file either lands
 * (added, unchanged, replaced) or gets one line on stderr naming it and the reason; readable files
 * still go through. Shards are written before the index entries that reference them.
 */
import { readFile } from 'node:fs/promises';
import { extractClaims } from '../extract/index.js';
import { listArticleFiles, readArticle } from '../ingest/read.js';
import { InputError } from '../ingest/types.js';
import type { DeclaredMeta, ReadResult } from '../ingest/types.js';
import { linkSources } from '../link/index.js';
import { SCHEMA_VERSION } from '../store/schema.js';
import type { ArticleRecord } from '../store/schema.js';
import { articleIdOf, articleLookup, classify, storedPath } from '../store/store.js';
import type { PutResult, Store } from '../store/store.js';
import { pipelineFingerprint } from './fingerprint.js';
import { fail, say } from './io.js';

/** Above this many files, each line carries a "[12/340]" counter. */
const PROGRESS_FROM = 20;

/** Index entries are committed in batches of this many (one locked index write each). */
const BATCH = 100;

export interface IngestOptions {
  declared?: DeclaredMeta;
  /** Largest file accepted, in bytes (the reader's default when absent). */
  maxBytes?: number;
}

export interface IngestSummary {
  results: Array<PutResult & { claims: number; sources: number }>;
  /** Inputs that could not be read (each already named on stderr). */
  failed: number;
}

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

/** Add the article files under `paths` to `store`, printing one line per file on stderr. */
export async function ingestPaths(store: Store, paths: string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const { maxBytes } = options;
  // Read the index first: a corrupt store stops everything before any work (and is not touched).
  const snapshot = articleLookup(await store.read());
  const listed = await listArticleFiles(paths);
  let failed = 0;
  for (const error of listed.errors) {
    fail(error.file, error.reason);
    failed++;
  }
  const files = listed.files;
  const counted = files.length > PROGRESS_FROM;
  const results: IngestSummary['results'] = [];
  const seen = new Map<string, string>();
  let pending: Array<{ record: ArticleRecord; status: PutResult['status'] }> = [];
  const counts = new Map<string, { claims: number; sources: number }>();

  const line = (r: PutResult, index: number): void => {
    const c = counts.get(r.id) ?? { claims: 0, sources: 0 };
    const prefix = counted ? `[${index + 1}/${files.length}] ` : '';
    const what = r.heldAs ? `same content as ${r.heldAs}` : `${c.claims} claims, ${c.sources} sources`;
    say(`${prefix}${r.status} ${r.path} (${r.id}): ${what}${r.replaced ? ` (replaces ${r.replaced})` : ''}`);
  };
  const done = (r: PutResult): void => {
    results.push({ ...r, ...(counts.get(r.id) ?? { claims: 0, sources: 0 }) });
  };

  const commit = async (): Promise<void> => {
    if (pending.length === 0) return;
    const predicted = new Map(pending.map((p) => [p.record.id, p.status]));
    const put = await store.putArticles(pending.map((p) => p.record));
    for (const r of put) {
      done(r);
      // Another process may have added or replaced the same article meanwhile: say what happened.
      if (predicted.get(r.id) !== r.status) say(`${r.status} ${r.path} (${r.id}): changed by another process meanwhile`);
    }
    pending = [];
  };

  for (const [i, file] of files.entries()) {
    let read: ReadResult;
    let bytes: Buffer;
    try {
      read = await readArticle(file, { declared: options.declared, maxBytes });
      bytes = await readFile(file);
    } catch (error) {
      if (error instanceof InputError) fail(error.file, error.reason);
      else fail(file, (error as Error).message);
      failed++;
      continue;
    }
    const path = storedPath(file);
    const { id, hash } = articleIdOf(bytes);
    const earlier = seen.get(id);
    const { status, previous } = classify(snapshot, articleRecord(read, path, id, hash, 0, 0));
    if (earlier !== undefined || status === 'unchanged') {
      if (previous) counts.set(id, { claims: previous.claimCount, sources: previous.sourceCount });
      const heldAs = earlier ?? (previous && previous.path !== path ? previous.path : null);
      const r: PutResult = { id, path, status: 'unchanged', heldAs: heldAs === path ? null : heldAs, replaced: null };
      line(r, i);
      done(r);
      continue;
    }
    seen.set(id, path);
    let record: ArticleRecord;
    let linked: ReturnType<typeof linkSources>;
    try {
      const extracted = extractClaims(read, { articleId: id, published: read.meta.published?.value ?? null });
      linked = linkSources(read, id, extracted);
      record = articleRecord(read, path, id, hash, linked.claims.length, linked.sources.length);
    } catch (error) {
      fail(file, `could not read claims out of it (${(error as Error).message.split('\n')[0]})`);
      failed++;
      continue;
    }
    try {
      await store.writeShard({ schema: SCHEMA_VERSION, article: record, claims: linked.claims, sources: linked.sources });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code) throw error; // the disk, not the article
      fail(file, `could not store its claims (${(error as Error).message.split('\n')[0]})`);
      failed++;
      continue;
    }
    counts.set(id, { claims: record.claimCount, sources: record.sourceCount });
    const replaced = status === 'replaced' && previous && previous.id !== id ? previous.id : null;
    line({ id, path, status, heldAs: null, replaced }, i);
    pending.push({ record, status });
    if (pending.length >= BATCH) await commit();
  }
  await commit();
  return { results, failed };
}
