/**
 * A finding's evidence in words (the articles by path, the figures as written), so that when the
 * evidence hash changes an editor is told what changed: "004_….txt joined", "in 003_….txt
 * '1 trillion' became '100 billion'".
 */
import { cmp } from '../check/hash.js';
import type { Basis, Claim, Finding } from '../store/schema.js';

/** How a claim reads in a sentence about evidence: its figure, else its period, else its quote (cut). */
export function claimText(claim: Claim): string {
  if (claim.figure) return claim.figure.text;
  if (claim.period) return claim.period.text;
  return claim.quote.length > 80 ? `${claim.quote.slice(0, 77)}...` : claim.quote;
}

/** The basis of a finding, from the claims (by id) and article paths (by id) of the same check. */
export function basisOf(finding: Pick<Finding, 'claims' | 'articles'>, claims: Map<string, Claim>, paths: Map<string, string>): Basis {
  const pathOf = (id: string): string => paths.get(id) ?? id;
  const figures = finding.claims
    .map((id) => claims.get(id))
    .filter((c): c is Claim => c !== undefined)
    .map((c) => ({ article: pathOf(c.article), text: claimText(c) }))
    .sort((a, b) => cmp(a.article, b.article) || cmp(a.text, b.text));
  return { articles: [...new Set(finding.articles.map(pathOf))].sort(cmp), figures };
}

const quoted = (texts: string[]): string => texts.map((t) => `"${t}"`).join(', ');

/**
 * What changed between two bases, one phrase each: articles that joined or left, figures that
 * changed in an article. Empty when they read the same (the quotes around the figures changed).
 */
export function basisChanges(before: Basis, after: Basis): string[] {
  const out: string[] = [];
  const had = new Set(before.articles);
  const has = new Set(after.articles);
  for (const a of after.articles) if (!had.has(a)) out.push(`${a} joined`);
  for (const a of before.articles) if (!has.has(a)) out.push(`${a} left`);
  for (const a of after.articles) {
    if (!had.has(a)) continue;
    const was = before.figures.filter((f) => f.article === a).map((f) => f.text);
    const is = after.figures.filter((f) => f.article === a).map((f) => f.text);
    if (was.join('\u0000') !== is.join('\u0000')) out.push(`in ${a} ${quoted(was) || 'nothing'} became ${quoted(is) || 'nothing'}`);
  }
  return out;
}
