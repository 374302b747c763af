/**
 * The check of what a store holds, without printing anything: the CLI (`analyseStore`), the review
 * functions and a web review desk all start from it. Then, remembering a check: what changed since
 * the last one, resolved findings marked, the new snapshot kept.
 */
import { PROGRESS_FROM, checkParts, type Progress } from './incremental.js';
import { buildReport } from '../report/json.js';
import type { StoreError } from '../store/adapter.js';
import type { ArticleRecord, Claim, Report, Source, StoreData } from '../store/schema.js';
import type { Store } from '../store/store.js';
import { diffChecks, snapshotOf } from './changes.js';
import { holdsAll, mergeDecisions, readDecisions, saveDecisions } from './decisions.js';
import type { Changes } from './changes.js';
import { applyCarried, carryDecisions, explainMoved } from './carry.js';
import { explainReopened } from './reopen.js';
import { decidedResolved, markResolved } from './resolved.js';
import type { ResolvedReportFinding } from './resolved.js';

export interface StoreCheck {
  data: StoreData;
  /** Index entries of the articles, in the report's order. */
  records: ArticleRecord[];
  report: Report;
  /** What changed since the check the store last remembered. */
  changes: Changes;
  /** Shards that could not be read (their articles are left out). */
  errors: StoreError[];
  /** Decided findings that went away, for the JSON report's findings (after `report.findings`). */
  resolved: ResolvedReportFinding[];
}

/** Check everything the store holds: the contract report, with the editors' decisions applied. */
export async function checkStore(store: Store, now: Date = new Date(), progress?: Progress): Promise<StoreCheck> {
  const data = await store.read();
  if (progress && data.articles.length >= PROGRESS_FROM) progress(`reading the claims of ${data.articles.length.toLocaleString('en-US')} articles`);
  // Decisions live beside the index too: an index deleted and rebuilt gets them back.
  data.reviews = mergeDecisions(data.reviews, await readDecisions(store));
  const { shards, errors } = await store.loadShards(data.articles);
  const claims = shards.flatMap((s) => s.claims);
  const sources = shards.flatMap((s) => s.sources);
  // Part by part, reusing the parts the last check found unchanged (`src/check/incremental.ts`).
  const byId = new Map(shards.map((s) => [s.article.id, s]));
  const load = async (ids: string[]): Promise<{ claims: Claim[]; sources: Source[] }> => ({
    claims: ids.flatMap((id) => byId.get(id)?.claims ?? []),
    sources: ids.flatMap((id) => byId.get(id)?.sources ?? []),
  });
  const checked = await checkParts(store, data, load, errors.length === 0, progress);
  // A decision follows a finding whose id alone changed (`carry.ts`).
  const carried = carryDecisions(checked.findings, data);
  data.reviews = carried.reviews;
  const built = buildReport({ articles: data.articles, claims, sources, groups: checked.groups, findings: applyCarried(checked.findings, carried) });
  const report: Report = { ...built, findings: explainReopened(built, data.reviews) };
  const order = new Map(report.articles.map((a, i) => [a.id, i]));
  const records = [...data.articles].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  const changes = diffChecks(data.lastCheck, snapshotOf(report, now.toISOString()));
  explainMoved(changes, carried);
  // Resolved as of this check: those remembered, and those that went away since the last one.
  const gone: Pick<StoreData, 'resolved'> = { resolved: data.resolved };
  markResolved(gone, changes, now.toISOString(), report.findings.map((f) => f.id));
  return { data, records, report, changes, errors, resolved: decidedResolved(report, { reviews: data.reviews, resolved: gone.resolved }) };
}

/**
 * Remember this check in the index (locked): what changed since the one remembered before (read
 * under the lock, so two checks at once each diff against what the other left), resolved findings
 * marked, the snapshot replaced; the index and the decisions file made to hold the same decisions.
 * Returns the changes.
 */
export async function recordCheck(store: Store, report: Report, now: Date = new Date()): Promise<Changes> {
  const at = now.toISOString();
  const decisions = await readDecisions(store);
  const { changes, reviews } = await store.update((fresh) => {
    // The index gets back decisions only the decisions file kept (an index deleted and rebuilt).
    if (!holdsAll(fresh.reviews, decisions)) fresh.reviews = mergeDecisions(fresh.reviews, decisions);
    // Decisions carried to findings whose id alone changed are kept under the new id, and the old
    // finding says where its decision went.
    const carried = carryDecisions(report.findings, fresh);
    fresh.reviews = carried.reviews;
    const snapshot = snapshotOf({ ...report, findings: applyCarried(report.findings, carried) }, at);
    const changes = diffChecks(fresh.lastCheck, snapshot);
    explainMoved(changes, carried);
    markResolved(fresh, changes, at, report.findings.map((f) => f.id));
    fresh.lastCheck = snapshot;
    return { changes, reviews: fresh.reviews };
  });
  // And the decisions file those only the index held (a store from before the file existed).
  await saveDecisions(store, reviews);
  return changes;
}
