/**
 * Taking articles out of the store when their files are gone (`claimtrace watch` sees a file
 * deleted): their index entries go in one locked update, then their shards. A crash in between
 * leaves at most orphan shards for `claimtrace doctor --fix`; the editors' decisions stay, and the
 * findings that rested on the articles are reported resolved at the next check.
 */
import { rm } from 'node:fs/promises';
import type { ArticleRecord } from '../store/schema.js';
import { storedPath } from '../store/store.js';
import type { Store } from '../store/store.js';

/** Remove the articles held under these file paths; returns the entries removed. */
export async function removeArticles(store: Store, paths: string[]): Promise<ArticleRecord[]> {
  const wanted = new Set(paths.map((p) => storedPath(p)));
  const removed = await store.update((data) => {
    const gone = data.articles.filter((a) => wanted.has(a.path));
    if (gone.length > 0) data.articles = data.articles.filter((a) => !wanted.has(a.path));
    return gone;
  });
  const held = new Set((await store.readIndex()).articles.map((a) => a.id));
  // The same bytes may still be held under another path: keep that shard.
  await Promise.all(removed.filter((a) => !held.has(a.id)).map((a) => rm(store.shardFile(a.id), { force: true })));
  return removed;
}
