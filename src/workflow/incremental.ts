/**
 * Checking a store with its check cache (`src/check/incremental.ts`,
 * `src/store/check-cache.ts`), and the re-check after an add: only what the added articles touch
 * is read and checked; what the store remembers of the check is built from the cache.
 */
import { checkIncremental, type CheckPlan, type IncrementalResult } from '../check/incremental.js';
import { checkVersion } from '../check/version.js';
import { reportArticle } from '../report/json.js';
import type { StoreError } from '../store/adapter.js';
import { nameClaimStore, readCheckCache, syncNameClaims, writeCheckCache } from '../store/check-cache.js';
import type { Claim, Report, Source, StoreData } from '../store/schema.js';
import type { Store } from '../store/store.js';
import { claimText } from './basis.js';
import type { Changes } from './changes.js';
import { recordCheck } from './current.js';
import { mergeDecisions, readDecisions } from './decisions.js';
import { explainReopened } from './reopen.js';

type Loader = (ids: string[]) => Promise<{ claims: Claim[]; sources: Source[] }>;

/** Where progress lines go (stderr in the CLI); they are said only for large stores. */
export type Progress = (line: string) => void;

/** Stores from this many articles on get progress lines: their check takes seconds. */
export const PROGRESS_FROM = 1000;

const count = (n: number, what: string): string => `${n.toLocaleString('en-US')} ${what}${n === 1 ? '' : 's'}`;

/** The line saying what the check will do, for a large store. */
function planLine(data: StoreData, progress: Progress | undefined): ((plan: CheckPlan) => void) | undefined {
  if (!progress || data.articles.length < PROGRESS_FROM) return undefined;
  return (p) =>
    progress(
      p.checked === 0
        ? `nothing changed in ${count(p.articles, 'article')} since the last check`
        : p.checked === p.articles
          ? `checking ${count(p.articles, 'article')}`
          : `checking ${p.checked.toLocaleString('en-US')} of ${count(p.articles, 'article')} (what the others gave is unchanged since the last check)`,
    );
}

/**
 * Check `data`'s articles with the check cache, then keep the new cache (best effort: a cache that cannot
 * be written only makes the next check a full one). `keep: false` (some shard unreadable) leaves
 * the cache as it was, so no part is remembered without its claims.
 */
export async function checkParts(store: Store, data: StoreData, load: Loader, keep: boolean, progress?: Progress): Promise<IncrementalResult> {
  const { cache } = await readCheckCache(store.file);
  const nameClaims = nameClaimStore(store.file);
  const result = await checkIncremental({ articles: data.articles, load, cache, version: checkVersion(), reviews: data.reviews, describe: claimText, nameClaims, plan: planLine(data, progress) });
  if (keep) await keepCache(store, result, nameClaims);
  return result;
}

/** Write the new cache after the name claims it refers to, then drop those it does not (best effort). */
async function keepCache(store: Store, result: IncrementalResult, nameClaims: ReturnType<typeof nameClaimStore>): Promise<void> {
  if (result.unchanged) return;
  try {
    await syncNameClaims(store.file);
    await writeCheckCache(store.file, result.cache);
    await nameClaims.prune(Object.values(result.cache.names ?? {}));
  } catch {
    // The next check is a full one, or reads the shards the missing name claims came from.
  }
}

/** What `recheckStore` did. */
export interface Recheck {
  changes: Changes;
  /** Shards that could not be read. */
  errors: StoreError[];
  /** Findings now (with decisions applied). */
  findings: number;
  stats: IncrementalResult['stats'];
}

/**
 * The re-check after adding articles: checks what the change touches (everything with no usable
 * cache), remembers the check like `claimtrace check` does, and says what changed. Reads only
 * the shards of the articles it checks, and builds no full report.
 */
export async function recheckStore(store: Store, now: Date = new Date(), progress?: Progress): Promise<Recheck> {
  const data = await store.readIndex();
  data.reviews = mergeDecisions(data.reviews, await readDecisions(store));
  const errors: StoreError[] = [];
  const records = new Map(data.articles.map((a) => [a.id, a]));
  const load: Loader = async (ids) => {
    const loaded = await store.loadShards(ids.map((id) => records.get(id)!));
    errors.push(...loaded.errors);
    return { claims: loaded.shards.flatMap((s) => s.claims), sources: loaded.shards.flatMap((s) => s.sources) };
  };
  const nameClaims = nameClaimStore(store.file);
  const result = await checkIncremental({ articles: data.articles, load, cache: (await readCheckCache(store.file)).cache, version: checkVersion(), reviews: data.reviews, describe: claimText, nameClaims, plan: planLine(data, progress) });
  if (errors.length === 0) await keepCache(store, result, nameClaims);
  // What the remembered check reads of claims is their text (`basisOf`): the cache keeps it.
  const claims = [...result.texts].map(([id, [article, text]]) => ({ id, article, figure: { text, start: 0, end: 0 }, period: null, quote: text }) as unknown as Claim);
  const thin: Report = {
    version: 1,
    articles: [...data.articles].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.id < b.id ? -1 : 1)).map(reportArticle),
    claims,
    sources: [],
    groups: result.groups,
    findings: result.findings,
  } as Report;
  const report: Report = { ...thin, findings: explainReopened(thin, data.reviews) };
  const changes = await recordCheck(store, report, now);
  return { changes, errors, findings: report.findings.length, stats: result.stats };
}
