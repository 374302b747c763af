/**
 * What a store durably holds, for comparing before and after a fault: the articles (with their
 * shards readable) and the editors' decisions. `lastCheck` is left out: it is a cache of the last
 * check, rewritten by the next one.
 */
import { cpSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openStore } from '../../src/store/store.js';
import { checkStore } from '../../src/workflow/current.js';
import { mergeDecisions, readDecisions } from '../../src/workflow/decisions.js';

export interface Held {
  /** The index entries as JSON, order-free, without the pipeline fingerprint (a rebuilt dist/ changes it). */
  articles: string[];
  /** Finding ids with their decisions (the index's and the decisions file's, as every check reads them), as JSON. */
  reviews: string[];
}

/** Load the store at `db` the way every command does; throws (a StoreError) when it does not load. */
export async function held(db: string): Promise<Held> {
  const store = openStore(db);
  const data = await store.read();
  const { errors } = await store.loadShards(data.articles);
  if (errors.length > 0) throw errors[0];
  return {
    articles: data.articles.map(({ pipeline: _, ...a }) => JSON.stringify(a)).sort(),
    reviews: Object.entries(mergeDecisions(data.reviews, await readDecisions(store)))
      .map((r) => JSON.stringify(r))
      .sort(),
  };
}

/** Copy the store files of `from` (index, .bak, shards, last check, decisions) beside `to`, as `to`'s. */
export function copyStore(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  for (const suffix of ['', '.bak', '.d', '.last-check.json', '.decisions.json', '.decisions.json.bak']) {
    try {
      cpSync(`${from}${suffix}`, `${to}${suffix}`, { recursive: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

/** The findings of the store at `db` an editor can decide on, other than single-source notes (ids). */
export async function reviewableFindings(db: string): Promise<string[]> {
  const { report } = await checkStore(openStore(db));
  return report.findings.filter((f) => f.rule !== 'single-source').map((f) => f.id);
}
