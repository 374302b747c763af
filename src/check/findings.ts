/**
 * Findings after the rules: stable ids, evidence hashes, and post-processing as small pure
 * functions (dedupe, reviews, sort), in the manner of textlint's message filters.
 */
import type { Claim, Finding, Review, Severity } from '../store/schema.js';
import { orderArticles } from './describe.js';
import { sortClaims } from './group.js';
import { cmp, shortHash } from './hash.js';
import type { ArticleInfo, FindingDraft } from './types.js';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Hash of what a finding rests on: the claims' values, quotes, periods and articles. */
export function evidenceOf(claims: Claim[]): string {
  const parts = claims
    .map((c) => `${c.article}\u0001${c.quote}\u0001${JSON.stringify(c.value)}\u0001${c.period ? `${c.period.start}/${c.period.end}` : ''}`)
    .sort();
  return shortHash(parts, 16);
}

/** A drafted finding with its id (from rule and key only: never from claim or article ids), evidence and no review yet. */
export function finalise(draft: FindingDraft, articles: Map<string, ArticleInfo>): Finding {
  const claims = sortClaims([...new Map(draft.claims.map((c) => [c.id, c])).values()], articles);
  return {
    id: `f-${shortHash([draft.rule, ...draft.key])}`,
    rule: draft.rule,
    severity: draft.severity,
    message: draft.message,
    claims: claims.map((c) => c.id),
    articles: orderArticles(draft.articles, articles),
    review: { status: 'open', by: null, at: null, reason: null },
    actual: draft.actual,
    expected: draft.expected,
    evidence: evidenceOf(claims),
    reopened: null,
  };
}

/**
 * Drop repeats: a finding whose claims another finding (of a rule listed earlier in `priority`)
 * already reports in full, and second findings under one id (renamed by their evidence so both stay).
 */
export function dedupe(findings: Finding[], priority: string[]): Finding[] {
  const rank = (f: Finding): number => {
    const i = priority.indexOf(f.rule);
    return i < 0 ? priority.length : i;
  };
  const ordered = [...findings].sort((a, b) => rank(a) - rank(b) || cmp(a.id, b.id) || cmp(a.evidence, b.evidence));
  const bySet = new Set<string>();
  const ids = new Set<string>();
  const out: Finding[] = [];
  for (const f of ordered) {
    const set = [...f.claims].sort().join(',');
    if (bySet.has(set)) continue;
    bySet.add(set);
    let id = f.id;
    if (ids.has(id)) id = `f-${shortHash([f.id, f.evidence])}`;
    ids.add(id);
    out.push(id === f.id ? f : { ...f, id });
  }
  return out;
}

/**
 * Apply editors' decisions: the last review for an id is current; a confirmed or dismissed
 * decision taken on other evidence reopens, saying why.
 */
export function applyReviews(findings: Finding[], reviews: Record<string, Review[]> | undefined): Finding[] {
  if (!reviews) return findings;
  return findings.map((f) => {
    const history = reviews[f.id];
    const last = history && history.length > 0 ? history[history.length - 1] : null;
    if (!last) return f;
    const decided = last.status === 'dismissed' || last.status === 'confirmed';
    if (decided && last.evidence !== null && last.evidence !== f.evidence) {
      const who = last.by ? ` by ${last.by}` : '';
      const when = last.at ? ` on ${last.at}` : '';
      return {
        ...f,
        review: { status: 'open', by: null, at: null, reason: null },
        reopened: `${last.status}${who}${when}, but the figures, quotes or articles behind it have changed since`,
      };
    }
    return { ...f, review: { status: last.status, by: last.by, at: last.at, reason: last.reason } };
  });
}

/** Most severe first, then by id. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || cmp(a.id, b.id));
}
