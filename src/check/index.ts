/**
 * Cross-article consistency, in two passes like remark-validate-links: claims from every article
 * are grouped (the same fact across articles), then each rule reads the groups and drafts
 * findings, which get stable ids, evidence hashes and the editors' reviews. Deterministic: the
 * same input in any order gives the same output.
 */
import type { ArticleRecord, Claim, Finding, Group, Review, Source } from '../store/schema.js';
import { articleInfo } from './describe.js';
import { applyReviews, dedupe, finalise, sortFindings } from './findings.js';
import { groupClaims, sortClaims } from './group.js';
import { cmp } from './hash.js';
import { RULES } from './rules/index.js';
import { findStories, type Stories } from './story.js';
import type { ArticleInfo, ClaimGroup, CountOrigins, Rule, RuleContext } from './types.js';

export { RULES } from './rules/index.js';
export { countOrigins } from './group.js';
export type { CountOrigins, FindingDraft, Rule, RuleContext } from './types.js';

export interface CheckInput {
  articles: ArticleRecord[];
  claims: Claim[];
  sources: Source[];
  reviews?: Record<string, Review[]>;
  /** Rule ids to run (default: all). */
  rules?: string[];
  /** How distinct origins are counted for `Group.origins` (default: `countOrigins`). */
  countOrigins?: CountOrigins;
  /** Which names are rare enough to link stories, when only part of the store is given (`incremental.ts`). */
  rare?: (name: string) => boolean;
  /** Which metrics are common store-wide, when only part of the store is given (`incremental.ts`). */
  common?: (metric: string) => boolean;
  /** The store's stories, when only part of the store is given (`incremental.ts`): not read again from these claims. */
  stories?: Stories;
}

export interface CheckResult {
  groups: Group[];
  findings: Finding[];
}

/** The rules to run, by id; an unknown id is an error that names the known ones. */
export function selectRules(ids: string[] | undefined): readonly Rule[] {
  if (!ids) return RULES;
  const known = new Map(RULES.map((r) => [r.id, r]));
  for (const id of ids) {
    if (!known.has(id)) throw new Error(`unknown rule '${id}' (known: ${RULES.map((r) => r.id).join(', ')})`);
  }
  return RULES.filter((r) => ids.includes(r.id));
}

/** Build what the rules read: articles by id, claims in a stable order, stories and groups. */
export function buildContext(input: CheckInput): RuleContext {
  const articles = new Map<string, ArticleInfo>();
  for (const a of [...input.articles].sort((x, y) => cmp(x.path, y.path) || cmp(x.id, y.id))) articles.set(a.id, articleInfo(a));
  const claims = sortClaims(input.claims, articles);
  const sources = new Map([...input.sources].sort((a, b) => cmp(a.id, b.id)).map((s) => [s.id, s]));
  const stories = input.stories ?? findStories(claims, articles, { rare: input.rare, common: input.common });
  const { groups, subjectOf } = groupClaims({ claims, articles, sources, stories, countOrigins: input.countOrigins });
  const groupOf = new Map<string, ClaimGroup>();
  for (const g of groups) for (const c of g.claims) groupOf.set(c.id, g);
  return {
    articles,
    claims,
    byId: new Map(claims.map((c) => [c.id, c])),
    sources,
    groups,
    groupOf,
    storyOf: stories.storyOf,
    storySize: stories.size,
    subjectOf,
  };
}

/** Group claims and run the rules (all, or `input.rules`). */
export function checkClaims(input: CheckInput): CheckResult {
  const rules = selectRules(input.rules);
  const ctx = buildContext(input);
  const drafts = rules.flatMap((r) => r.run(ctx));
  const findings = sortFindings(applyReviews(dedupe(drafts.map((d) => finalise(d, ctx.articles)), RULES.map((r) => r.id)), input.reviews));
  const groups = ctx.groups.map((g) => g.group).sort((a, b) => cmp(a.id, b.id));
  return { groups, findings };
}
