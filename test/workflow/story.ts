/**
 * A small story for the workflow tests, modelled on the seeds: three articles give China's daily
 * token usage as the series 100 billion (early 2024) → 100 trillion (end of 2025) → over 140
 * trillion (March 2026); a fourth starts it at 1 trillion (early 2025); a report's length is 48
 * pages in two articles and 47 in the fourth. Articles are stored as real shards in a temp store.
 */
import { SCHEMA_VERSION } from '../../src/store/schema.js';
import type { Claim } from '../../src/store/schema.js';
import { openStore } from '../../src/store/store.js';
import type { Store } from '../../src/store/store.js';
import { article, claim, usage, v } from '../check/factory.js';

type Point = [number, string, string];

/** One article's series of daily token usage, claim ids made of the article id. */
export function series(a: string, points: Point[]): Claim[] {
  return points.map(([x, when, text], index) => usage(a, x, when, text, { id: `c-${a}-${index}`, series: { id: `${a}:s`, index } }));
}

export const START_2024: Point = [1e11, '2024-01-01/2024-04-30', '100 billion'];
export const START_2025: Point = [1e12, '2025-01-01/2025-04-30', '1 trillion'];
const REST: Point[] = [
  [1e14, '2025-10-01/2025-12-31', '100 trillion'],
  [1.4e14, '2026-03', 'over 140 trillion'],
];

const pages = (a: string, n: number): Claim =>
  claim({ id: `c-${a}-pages`, article: a, metricKey: 'length:page', subjectKey: 'report', value: v(n, { unit: 'page' }), figure: `${n}-page` });

/** The claims of each article of the story, by article id; `d` may start in 2025 (the seeds) or 2024 (edited). */
export function storyClaims(dStart: Point = START_2025): Record<string, Claim[]> {
  return {
    a: [...series('a', [START_2024, ...REST]), pages('a', 48)],
    b: [...series('b', [START_2024, ...REST]), pages('b', 48)],
    c: series('c', [START_2024, ...REST]),
    d: [...series('d', [dStart, ...REST]), pages('d', 47)],
  };
}

/** Put articles into `store`: shard, then index entry. `ids` renames an article (an edited file gets a new id). */
export async function putArticles(store: Store, claims: Record<string, Claim[]>, ids: Record<string, string> = {}): Promise<void> {
  const records = Object.entries(claims).map(([a, list]) => {
    const id = ids[a] ?? a;
    const record = { ...article(id, { path: `articles/${a}.txt`, outlet: a.toUpperCase() }), claimCount: list.length };
    return { record, claims: list.map((c) => ({ ...c, id: c.id.replace(`c-${a}-`, `c-${id}-`), article: id })) };
  });
  for (const { record, claims: list } of records) await store.writeShard({ schema: SCHEMA_VERSION, article: record, claims: list, sources: [] });
  await store.putArticles(records.map((r) => r.record));
}

/** A store at `file` holding the articles `only` of the story (default all). */
export async function storyStore(file: string, only: string[] = ['a', 'b', 'c', 'd']): Promise<Store> {
  const store = openStore(file);
  const all = storyClaims();
  await putArticles(store, Object.fromEntries(only.map((a) => [a, all[a]])));
  return store;
}
