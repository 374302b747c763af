/**
 * The review list: every finding of the last check with its status, and the findings that went
 * away since they were found, as `resolved`.
 */
import type { Report, Review, StoreData } from '../store/schema.js';
import { currentReview } from './reopen.js';

/** Where a finding stands: an editor's decision, open, or resolved (its claims were removed or edited). */
export type ReviewStatus = Review['status'] | 'resolved';

/** One line of the review list. */
export interface ReviewRow {
  id: string;
  status: ReviewStatus;
  severity: string;
  rule: string;
  message: string;
  /** Articles involved, by path. */
  articles: string[];
  by: string | null;
  at: string | null;
  reason: string | null;
  /** Why a decision reopened, or why the finding was resolved (null otherwise). */
  why: string | null;
}

/** The rows: current findings in the report's order, then resolved ones (most recent first). */
export function reviewRows(report: Report, data: Pick<StoreData, 'reviews' | 'resolved'>): ReviewRow[] {
  const paths = new Map(report.articles.map((a) => [a.id, a.path]));
  const current: ReviewRow[] = report.findings.map((f) => ({
    id: f.id,
    status: f.review.status,
    severity: f.severity,
    rule: f.rule,
    message: f.message,
    articles: f.articles.map((id) => paths.get(id) ?? id),
    by: f.review.by,
    at: f.review.at,
    reason: f.review.reason,
    why: f.reopened,
  }));
  const found = new Set(report.findings.map((f) => f.id));
  const resolved: ReviewRow[] = Object.values(data.resolved ?? {})
    .filter((r) => !found.has(r.id))
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? -1 : 1))
    .map((r) => {
      const last = currentReview(data.reviews, r.id);
      return {
        id: r.id,
        status: 'resolved',
        severity: r.severity,
        rule: r.rule,
        message: r.message,
        articles: r.basis?.articles ?? r.articles,
        by: last?.by ?? null,
        at: r.at,
        reason: last && last.status !== 'open' ? `${last.status}${last.reason ? `: ${last.reason}` : ''}` : null,
        why: r.why,
      };
    });
  return [...current, ...resolved];
}

/** Rows as text lines: "f-…  dismissed  warning  series-conflict  message", then who/why when known. */
export function rowLines(rows: ReviewRow[]): string[] {
  const width = Math.max(9, ...rows.map((r) => r.status.length));
  return rows.flatMap((r) => {
    const head = `${r.id}  ${r.status.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.rule}: ${r.message}`;
    const detail: string[] = [];
    if (r.status !== 'open' && r.status !== 'resolved' && (r.by || r.at || r.reason)) {
      detail.push(`    ${r.status}${r.by ? ` by ${r.by}` : ''}${r.at ? ` on ${r.at}` : ''}${r.reason ? `: ${r.reason}` : ''}`);
    }
    if (r.status === 'resolved') detail.push(`    resolved on ${r.at}: ${r.why}${r.reason ? ` (was ${r.reason})` : ''}`);
    else if (r.why) detail.push(`    reopened: ${r.why}`);
    return [head, ...detail];
  });
}
