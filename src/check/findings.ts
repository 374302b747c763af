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

/**
 * Hash of what a finding is about: for each claim, the article's path key (never its id, which
 * changes with any edit of the file), the figure as written, its value and period, and its quote,
 * all normalised. Decisions survive re-adding an unchanged or lightly edited article (a fix
 * elsewhere in the text, re-spaced or re-quoted sentences) and reopen when a figure, a quote or the
 * set of articles behind the finding really changes.
 */
export function evidenceOf(claims: Claim[], articles: Map<string, ArticleInfo>): string {
  const parts = claims.map((c) =>
    [
      articles.get(c.article)?.key ?? c.article,
      normaliseEvidence(c.figure?.text ?? ''),
      JSON.stringify(c.value),
      c.period ? `${c.period.start}/${c.period.end}` : '',
      normaliseEvidence(c.quote),
    ].join('\u0001'),
  );
  return shortHash([...new Set(parts)].sort(), 16);
}

/** Text as evidence: compatibility forms folded, lower case, one kind of quote, dash and space. */
export function normaliseEvidence(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
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
    evidence: evidenceOf(claims, articles),
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
