/**
 * Saying why a decision reopened. The check reopens a confirmed or dismissed finding whose evidence
 * hash changed (`applyReviews` in `src/check/findings.ts`); when the decision kept its basis (the
 * articles and figures it was taken on), this names what changed: an article that joined or left,
 * a figure edited.
 */
import type { Finding, Report, Review } from '../store/schema.js';
import { basisChanges, basisOf } from './basis.js';

/** The current (last) review of a finding, or null. */
export function currentReview(reviews: Record<string, Review[]>, id: string): Review | null {
  const history = reviews[id];
  return history && history.length > 0 ? history[history.length - 1] : null;
}

/** The findings of `report` with each reopened one saying what changed since the decision. */
export function explainReopened(report: Report, reviews: Record<string, Review[]>): Finding[] {
  const claims = new Map(report.claims.map((c) => [c.id, c]));
  const paths = new Map(report.articles.map((a) => [a.id, a.path]));
  return report.findings.map((f) => {
    const last = currentReview(reviews, f.id);
    if (f.reopened === null || !last?.basis) return f;
    const changes = basisChanges(last.basis, basisOf(f, claims, paths));
    const phrases = changes.length > 0 ? changes : ['the text around its figures changed (the articles and figures read the same)'];
    const who = last.by ? ` by ${last.by}` : '';
    const when = last.at ? ` on ${last.at}` : '';
    const why = last.reason ? ` ("${last.reason}")` : '';
    return { ...f, reopened: `${last.status}${who}${when}${why}; since then ${phrases.join('; ')}` };
  });
}
