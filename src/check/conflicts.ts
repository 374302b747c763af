/**
 * Cross-article disagreements inside groups, shared by the rules that report them: value-conflict
 * takes those between reports of a fixed fact, changed-between-reports those of a figure that
 * moves over time, so exactly one of them reports each.
 */
import type { Claim } from '../store/schema.js';
import { claimsDiffer, compareValues, sideOf } from './compare.js';
import { precisionOf } from './precision.js';
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

/**
 * Where each article stands in a group: the class of its most telling claim (unhedged before
 * hedged, then the finest written precision). "Roughly $141 million" agrees with "$139 million",
 * but the article that also writes "$140,937,785" stands on that figure.
 */
export function positions(classes: ValueClass[]): Map<string, { index: number; claim: Claim }> {
  const out = new Map<string, { index: number; claim: Claim; rank: [number, number] }>();
  classes.forEach((k, index) => {
    for (const c of k.claims) {
      const p = precisionOf(c.value!, c.figure?.text ?? null);
      const size = Math.max(Math.abs(c.value!.max), 1e-12);
      const rank: [number, number] = [c.value!.approx || c.value!.bound !== null ? 1 : 0, Math.max(p.min, p.max) / size];
      const cur = out.get(c.article);
      if (!cur || rank[0] < cur.rank[0] || (rank[0] === cur.rank[0] && rank[1] < cur.rank[1])) out.set(c.article, { index, claim: c, rank });
    }
  });
  return out;
}

/** Every minority value that clashes with the value most articles give, group by group. */
export function crossArticleConflicts(ctx: RuleContext): Conflict[] {
  const cached = cache.get(ctx);
  if (cached) return cached;
  const out: Conflict[] = [];
  cache.set(ctx, out);
  for (const group of ctx.groups) {
    if (group.group.articles.length < 2 || group.classes.length < 2) continue;
    const stand = positions(group.classes);
    const standing = (i: number): string[] => [...stand.entries()].filter(([, p]) => p.index === i).map(([a]) => a).sort();
    const counts = group.classes.map((_, i) => standing(i).length);
    // The side most articles stand on (ties: the class order, largest support first).
    const e = counts.indexOf(Math.max(...counts));
    const expected = group.classes[e];
    for (let i = 0; i < group.classes.length; i++) {
      if (i === e) continue;
      const actual = group.classes[i];
      let onlyX = standing(i);
      let onlyY = standing(e);
      if (onlyX.length === 0 || onlyY.length === 0) {
        ({ onlyX, onlyY } = sidesOf(actual, expected));
        if (onlyX.length === 0 || onlyY.length === 0 || !clash(actual, expected)) continue;
      } else if (!onlyX.every((a) => onlyY.every((b) => claimsDiffer(stand.get(a)!.claim, stand.get(b)!.claim)))) continue;
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
