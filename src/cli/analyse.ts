/**
 * Checking what the store holds: load the index and every shard (in parallel), run the checks over
 * all claims and build the contract report; then remember the findings for the next check.
 */
import { checkClaims } from '../check/index.js';
import { buildReport } from '../report/json.js';
import type { ArticleRecord, Report, StoreData } from '../store/schema.js';
import type { Store } from '../store/store.js';
import { fail, say } from './io.js';

export interface Analysis {
  data: StoreData;
  /** Index entries of the articles, in the report's order. */
  records: ArticleRecord[];
  report: Report;
  /** Shards that could not be read (each named on stderr). */
  failed: number;
}

/** Check everything the store holds and build the report. */
export async function analyseStore(store: Store): Promise<Analysis> {
  const data = await store.read();
  const { shards, errors } = await store.loadShards(data.articles);
  for (const error of errors) fail(error.file, error.reason);
  const claims = shards.flatMap((s) => s.claims);
  const sources = shards.flatMap((s) => s.sources);
  const { groups, findings } = checkClaims({ articles: data.articles, claims, sources, reviews: data.reviews });
  const report = buildReport({ articles: data.articles, claims, sources, groups, findings });
  const order = new Map(report.articles.map((a, i) => [a.id, i]));
  const records = [...data.articles].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return { data, records, report, failed: errors.length };
}

/**
 * Remember the findings and groups of this check in the index (for "what changed" next time).
 * Best effort: a store that cannot be written (read-only, locked too long) only gets a warning.
 */
export async function rememberCheck(store: Store, report: Report): Promise<void> {
  try {
    await store.update((fresh) => {
      fresh.lastCheck = {
        findings: report.findings.map((f) => ({ id: f.id, rule: f.rule, severity: f.severity, message: f.message, evidence: f.evidence, articles: f.articles })),
        groups: report.groups.map((g) => ({ id: g.id, articles: g.articles, status: g.status })),
      };
    });
  } catch (error) {
    say(`claimtrace: warning: could not record this check in ${store.file} (${(error as Error).message.split('\n')[0]})`);
  }
}
