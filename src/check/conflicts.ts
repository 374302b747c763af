/**
 * Cross-article disagreements inside groups, shared by the rules that report them: value-conflict
 * takes those between reports of a fixed fact, changed-between-reports those of a figure that
 * moves over time, so exactly one of them reports each.
 */
import type { Claim } from '../store/schema.js';
import { compareValues, sideOf } from './compare.js';
import { clash, sidesOf } from './group.js';
import { isTimeBound, reportedApart } from './timebound.js';
import type { ClaimGroup, RuleContext, ValueClass } from './types.js';

export interface Conflict {
  group: ClaimGroup;
  /** The side fewer articles give. */
  actual: ValueClass;
  /** The side most articles give. */
  expected: ValueClass;
  actualArticles: string[];
  expectedArticles: string[];
  /** Claims of each side, from the articles that give only that side. */
  actualClaims: Claim[];
  expectedClaims: Claim[];
  /** Smallest relative distance between the two sides' values. */
  gap: number;
  /** Every claim of a side is hedged. */
  hedged: boolean;
  /** The figure moves over time and the two sides were reported apart. */
  changed: boolean;
}

const cache = new WeakMap<RuleContext, Conflict[]>();

/** Every minority value that clashes with the value most articles give, group by group. */
export function crossArticleConflicts(ctx: RuleContext): Conflict[] {
  const cached = cache.get(ctx);
  if (cached) return cached;
  const out: Conflict[] = [];
  cache.set(ctx, out);
  for (const group of ctx.groups) {
    if (group.group.articles.length < 2 || group.classes.length < 2) continue;
    const expected = group.classes[0];
    for (const actual of group.classes.slice(1)) {
      const { onlyX, onlyY } = sidesOf(actual, expected);
      if (onlyX.length === 0 || onlyY.length === 0 || !clash(actual, expected)) continue;
      const actualClaims = actual.claims.filter((c) => onlyX.includes(c.article));
      const expectedClaims = expected.claims.filter((c) => onlyY.includes(c.article));
      let gap = Infinity;
      for (const a of actualClaims.slice(0, 12)) for (const b of expectedClaims.slice(0, 12)) gap = Math.min(gap, compareValues(sideOf(a), sideOf(b)).gap);
      const hedged = actualClaims.every((c) => c.value!.approx) || expectedClaims.every((c) => c.value!.approx);
      const timeBound = [...actualClaims, ...expectedClaims].some(isTimeBound);
      const changed = timeBound && reportedApart(actualClaims, expectedClaims, ctx.articles);
      out.push({ group, actual, expected, actualArticles: onlyX, expectedArticles: onlyY, actualClaims, expectedClaims, gap, hedged, changed });
    }
  }
  return out;
}
