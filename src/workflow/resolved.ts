/**
 * Findings that went away are marked resolved in the store (not silently dropped): `review` lists
 * them, with when and why; a finding that comes back is no longer resolved.
 */
import type { Finding, Report, StoreData } from '../store/schema.js';
import type { Changes } from './changes.js';
import { currentReview } from './reopen.js';

/** Record the resolved findings of `changes` in `data.resolved` and unmark those found again. */
export function markResolved(data: Pick<StoreData, 'resolved'>, changes: Changes, at: string, current: string[]): void {
  const resolved = { ...(data.resolved ?? {}) };
  for (const f of changes.findings.resolved) {
    const { paths: _paths, why, ...digest } = f;
    resolved[f.id] = { ...digest, at, why: why ?? 'the check no longer finds it' };
  }
  for (const id of current) delete resolved[id];
  if (Object.keys(resolved).length > 0 || data.resolved !== undefined) data.resolved = resolved;
}

/** A finding that went away, as the JSON report lists it: with its decision, and when and why it went. */
export type ResolvedReportFinding = Finding & { resolved: { at: string; why: string } };

/**
 * The decided findings (confirmed, dismissed, noted) that went away, for the JSON report's
 * `findings` after the current ones: `review` is the decision, `claims` is empty (the claims are
 * gone or changed), `articles` are those of its articles the store still holds, and `resolved` says
 * when and why. Open findings that went away are only listed by `claimtrace review`.
 */
export function decidedResolved(report: Report, data: Pick<StoreData, 'reviews' | 'resolved'>): ResolvedReportFinding[] {
  const found = new Set(report.findings.map((f) => f.id));
  const held = new Set(report.articles.map((a) => a.id));
  const out: ResolvedReportFinding[] = [];
  for (const r of Object.values(data.resolved ?? {})) {
    const last = currentReview(data.reviews, r.id);
    if (found.has(r.id) || !last || last.status === 'open') continue;
    out.push({
      id: r.id,
      rule: r.rule,
      severity: r.severity,
      message: r.message,
      claims: [],
      articles: r.articles.filter((a) => held.has(a)),
      review: { status: last.status, by: last.by, at: last.at, reason: last.reason },
      actual: null,
      expected: null,
      evidence: r.evidence,
      reopened: null,
      resolved: { at: r.at, why: r.why },
    });
  }
  return out.sort((a, b) => (a.resolved.at < b.resolved.at ? 1 : a.resolved.at > b.resolved.at ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
