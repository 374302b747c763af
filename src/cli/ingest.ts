/**
 * Adding article files to the store: read → extract → link → shard → index. Each file either lands
 * (added, unchanged, replaced) or gets one line on stderr naming it and the reason; readable files
 * still go through. Shards are written before the index entries that reference them. With many
 * files, reading and extraction run on worker threads (`src/parallel`); the store is written here.
 */
import { listArticleFiles } from '../ingest/read.js';
import type { DeclaredMeta } from '../ingest/types.js';
import { extractRead, prepareArticle, type Prepared } from '../parallel/article-job.js';
import { prepareAll } from '../parallel/prepare-all.js';
import { SCHEMA_VERSION } from '../store/schema.js';
import type { ArticleRecord } from '../store/schema.js';
import { articleLookup, classify } from '../store/store.js';
import type { PutResult, Store } from '../store/store.js';
import { fail, say } from './io.js';

export { articleRecord } from '../parallel/article-job.js';

/** Above this many files, each line carries a "[12/340]" counter. */
const PROGRESS_FROM = 20;

/** Index entries are committed in batches of at least this many (one locked index write each)... */
const BATCH = 100;
/** ...and of more when there are many files: each index write rewrites the whole index. */
const MAX_INDEX_WRITES = 20;

/** Shards written at once (each holds a file open while it is written and synced). */
const SHARD_WRITES = 64;

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

/** A file's outcome waiting, in file order, for the shards queued before it to be written. */
type Queued =
  | { kind: 'failed'; file: string; reason: string }
  | { kind: 'unchanged'; index: number; result: PutResult }
  | { kind: 'write'; index: number; file: string; result: PutResult; record: ArticleRecord; write: Promise<string | Error | null> };

/** Add the article files under `paths` to `store`, printing one line per file on stderr. */
export async function ingestPaths(store: Store, paths: string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const { maxBytes } = options;
  // Read the index first: a corrupt store stops everything before any work (and is not touched).
  const snapshot = articleLookup(await store.readIndex());
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
  const counts = new Map<string, { claims: number; sources: number }>();
  // Lines and index entries wait here, in file order, while their shards are written (concurrently).
  let queue: Queued[] = [];
  const writing = new Set<Promise<unknown>>();
  // One batch may be flushing while the next fills, so the worker threads never wait for the disk.
  let flushing: Promise<void> = Promise.resolve();

  const line = (r: PutResult, index: number): void => {
    const c = counts.get(r.id) ?? { claims: 0, sources: 0 };
    const prefix = counted ? `[${index + 1}/${files.length}] ` : '';
    const what = r.heldAs ? `same content as ${r.heldAs}` : `${c.claims} claims, ${c.sources} sources`;
    say(`${prefix}${r.status} ${r.path} (${r.id}): ${what}${r.replaced ? ` (replaces ${r.replaced})` : ''}`);
  };
  const done = (r: PutResult): void => {
    results.push({ ...r, ...(counts.get(r.id) ?? { claims: 0, sources: 0 }) });
  };

  /** Wait for a batch's shards, print its lines in order, then index the articles that landed. */
  const flush = async (queued: Queued[]): Promise<void> => {
    const outcomes = await Promise.all(queued.map((q) => (q.kind === 'write' ? q.write : null)));
    const disk = outcomes.find((o): o is Error => o instanceof Error);
    if (disk) throw disk;
    const pending: Array<{ record: ArticleRecord; status: PutResult['status'] }> = [];
    queued.forEach((q, k) => {
      if (q.kind === 'failed') {
        fail(q.file, q.reason);
        failed++;
        return;
      }
      if (q.kind === 'unchanged') {
        line(q.result, q.index);
        done(q.result);
        return;
      }
      const reason = outcomes[k];
      if (typeof reason === 'string') {
        fail(q.file, reason);
        failed++;
        return;
      }
      counts.set(q.record.id, { claims: q.record.claimCount, sources: q.record.sourceCount });
      line(q.result, q.index);
      pending.push({ record: q.record, status: q.result.status });
    });
    if (pending.length === 0) return;
    const predicted = new Map(pending.map((p) => [p.record.id, p.status]));
    const put = await store.putArticles(pending.map((p) => p.record));
    for (const r of put) {
      done(r);
      // Another process may have added or replaced the same article meanwhile: say what happened.
      if (predicted.get(r.id) !== r.status) say(`${r.status} ${r.path} (${r.id}): changed by another process meanwhile`);
    }
  };

  // Files are read and their claims extracted in order, on worker threads when there are many;
  // the store is written here only.
  const job = { declared: options.declared, maxBytes };
  const batch = Math.max(BATCH, Math.ceil(files.length / MAX_INDEX_WRITES));
  let index = -1;
  for await (let prepared of prepareAll(files, { ...job, known: new Set(snapshot.byId.keys()) })) {
    index++;
    if (queue.length >= batch) {
      const previous = flushing;
      const queued = queue;
      queue = [];
      flushing = previous.then(() => flush(queued));
      flushing.catch(() => undefined); // awaited below or at the end; not unhandled meanwhile
      await previous;
    }
    if (prepared.kind === 'failed') {
      queue.push({ kind: 'failed', file: prepared.file, reason: prepared.reason });
      continue;
    }
    const { id, path } = prepared.record;
    const earlier = seen.get(id);
    const { status, previous } = classify(snapshot, prepared.record);
    if (earlier !== undefined || status === 'unchanged') {
      if (previous) counts.set(id, { claims: previous.claimCount, sources: previous.sourceCount });
      const heldAs = earlier ?? (previous && previous.path !== path ? previous.path : null);
      queue.push({ kind: 'unchanged', index, result: { id, path, status: 'unchanged', heldAs: heldAs === path ? null : heldAs, replaced: null } });
      continue;
    }
    seen.set(id, path);
    if (prepared.kind === 'read') prepared = await extractNow(prepared, job);
    if (prepared.kind !== 'extracted' && prepared.kind !== 'serialized') {
      queue.push({ kind: 'failed', file: prepared.file, reason: prepared.kind === 'failed' ? prepared.reason : 'could not read claims out of it' });
      continue;
    }
    const { record } = prepared;
    if (writing.size >= SHARD_WRITES) await Promise.race(writing);
    const shard =
      prepared.kind === 'serialized'
        ? store.writeShardText(record.id, prepared.shard)
        : store.writeShard({ schema: SCHEMA_VERSION, article: record, claims: prepared.claims, sources: prepared.sources });
    const write = shard.then(
      () => null,
      (error: Error) => ((error as NodeJS.ErrnoException).code ? error : `could not store its claims (${error.message.split('\n')[0]})`),
    );
    writing.add(write);
    void write.then(() => writing.delete(write));
    const replaced = status === 'replaced' && previous && previous.id !== id ? previous.id : null;
    queue.push({ kind: 'write', index, file: prepared.file, result: { id, path, status, heldAs: null, replaced }, record, write });
  }
  await flushing;
  await flush(queue);
  return { results, failed };
}

/** Extract the claims of a file the store holds under other metadata (read again when read elsewhere). */
async function extractNow(prepared: Extract<Prepared, { kind: 'read' }>, job: { declared?: DeclaredMeta; maxBytes?: number }): Promise<Prepared> {
  if (prepared.read) return extractRead(prepared.file, prepared.read, prepared.record);
  return prepareArticle(prepared.file, job);
}
