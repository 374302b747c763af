/**
 * Rebuilding the store from the article files, from scratch: every file is read afresh into a
 * scratch store beside the real one, then its shards are moved in and the index's article list is
 * replaced in one locked update; the editors' decisions (and the last check) stay. Decisions are
 * keyed by finding ids made of content, never of claim or article ids, so they are still attached.
 *
 * The real store is never half-rebuilt: a crash before the update leaves it as it was (plus, at
 * worst, orphan shards for `claimtrace doctor --fix`); the scratch store is removed in any case.
 */
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { openStore } from '../store/store.js';
import type { Store } from '../store/store.js';

export interface Rebuilt<T> {
  /** What `ingest` returned. */
  result: T;
  /** Articles the store held before and not after (their shards are deleted). */
  dropped: number;
  /** Articles the store holds now. */
  held: number;
}

/** Rebuild `store`'s articles with `ingest`, which reads the files into the scratch store it is given. */
export async function rebuildStore<T>(store: Store, ingest: (scratch: Store) => Promise<T>): Promise<Rebuilt<T>> {
  await store.read(); // a corrupt store stops here, untouched
  const scratchFile = join(dirname(store.file), `.${basename(store.file)}.rebuild-${process.pid}.json`);
  const scratch = openStore(scratchFile);
  try {
    const result = await ingest(scratch);
    const fresh = (await scratch.read()).articles;
    await mkdir(store.shardDir, { recursive: true });
    for (const a of fresh) await rename(scratch.shardFile(a.id), store.shardFile(a.id));
    const before = await store.update((data) => {
      const held = data.articles;
      data.articles = fresh;
      return held;
    });
    const kept = new Set(fresh.map((a) => a.id));
    const gone = before.filter((a) => !kept.has(a.id));
    await Promise.all(gone.map((a) => rm(store.shardFile(a.id), { force: true })));
    return { result, dropped: gone.length, held: fresh.length };
  } finally {
    await Promise.all(
      [scratchFile, `${scratchFile}.bak`, `${scratchFile}.lock`, scratch.shardDir].map((p) => rm(p, { recursive: true, force: true })),
    );
  }
}
