/**
 * Cross-article disagreements inside groups, shared by the rules that report them: value-conflict
 * takes those between reports of a fixed fact, changed-between-reports those of a figure that
 * moves over time, so exactly one of them reports each.
 */
import type { Claim } from '../store/schema.js';
import { compareValues, sideOf } from './compare.js';
import { precisionOf } from './precision.js';
import { COMPARED_CLASSES, clash, sidesOf } from './group.js';
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
  /** Each side gives the figure on its own, different authority ("analysts at City Herald" / "at Open Gazette"). */
  otherAuthorities: boolean;
  /**
   * The articles of one side give the other side's value as the one the figure moved from
   * ("raised its offer to $57.50 from $50" against "$50"): the figure changed between the reports.
   * Which side: `actual` when the minority's articles tell the movement.
   */
  moved: 'actual' | 'expected' | null;
}

/** Who a claim gives the figure on: organisation, else speaker, else the attribution as written. */
const authorityOf = (c: Claim): string | null => (c.organisation ?? c.speaker ?? c.attribution)?.toLowerCase().replace(/^the\s+/, '').trim() || null;

/** Both sides are attributed, and no authority of one side is one of the other's. */
function otherAuthorities(xs: Claim[], ys: Claim[]): boolean {
  const names = (cs: Claim[]): Set<string> | null => {
    const out = new Set<string>();
    for (const c of cs) {
      const a = authorityOf(c);
      if (a === null) return null;
      out.add(a);
      if (c.speaker) out.add(c.speaker.toLowerCase());
      if (c.organisation) out.add(c.organisation.toLowerCase().replace(/^the\s+/, ''));
    }
    return out;
  };
  const a = names(xs);
  const b = names(ys);
  return a !== null && b !== null && [...a].every((x) => ![...b].some((y) => x === y || abbreviates(x, y) || abbreviates(y, x)));
}

const MINOR_WORDS = new Set(['of', 'the', 'and', 'for', 'on', 'in', '&']);

/**
 * "usgs" abbreviates "u.s. geological survey" and "geological survey" (a national prefix of at most
 * two letters may be left out); "nasa" abbreviates "national aeronautics and space administration".
 */
export function abbreviates(short: string, long: string): boolean {
  if (!/^[a-z]{2,8}$/.test(short) || !/\s/.test(long)) return false;
  const initials = long
    .split(/[\s-]+/)
    .filter((w) => w !== '' && !MINOR_WORDS.has(w))
    .map((w) => (/^([a-z]\.){2,}$/.test(w) ? w.replace(/\./g, '') : w[0]))
    .join('');
  if (initials.length < 2) return false;
  if (short === initials) return true;
  const rest = short.length - initials.length;
  return short.endsWith(initials) && rest > 0 && rest <= 2;
}

const cache = new WeakMap<RuleContext, Conflict[]>();

/**
 * Where each article stands in a group: the class of its most telling claim (unhedged before
 * hedged, then the finest written precision). "Roughly $141 million" agrees with "$139 million",
 * but the article that also writes "$140,937,785" stands on that figure.
 */
export function positions(classes: ValueClass[]): Map<string, Set<number>> {
  const best = new Map<string, { rank: [number, number]; at: Set<number> }>();
  classes.forEach((k, index) => {
    for (const c of k.claims) {
      // The value a figure moved from is not where the article stands ("to $57.50 from $50").
      if (c.earlier) continue;
      const p = precisionOf(c.value!, c.figure?.text ?? null);
      const size = Math.max(Math.abs(c.value!.max), 1e-12);
      // Significant digits written: "$140,937,785" 9, "$139 million" 3, "four" and "six" 1.
      const digits = Math.floor(Math.log10(size / Math.max(p.min, p.max, 1e-12)) + 1e-9) + 1;
      const rank: [number, number] = [c.value!.approx || c.value!.bound !== null ? 1 : 0, -digits];
      const cur = best.get(c.article);
      const better = !cur || rank[0] < cur.rank[0] || (rank[0] === cur.rank[0] && rank[1] < cur.rank[1]);
      const same = cur && rank[0] === cur.rank[0] && rank[1] === cur.rank[1];
      if (better && !same) best.set(c.article, { rank, at: new Set([index]) });
      else if (same) cur!.at.add(index);
    }
  });
  // An article whose equally telling figures disagree with each other stands on all of them.
  return new Map([...best].map(([a, b]) => [a, b.at]));
}

/** Every minority value that clashes with the value most articles give, group by group. */
export function crossArticleConflicts(ctx: RuleContext): Conflict[] {
  const cached = cache.get(ctx);
  if (cached) return cached;
  const out: Conflict[] = [];
  cache.set(ctx, out);
  for (const group of ctx.groups) {
    if (group.group.articles.length < 2 || group.classes.length < 2) continue;
    // This group's conflicts so far (a merge looks only among them: searching `out` would take the square of the store).
    const mine: Conflict[] = [];
    const classes = group.classes.slice(0, COMPARED_CLASSES);
    const stand = positions(classes);
    const standing = (i: number): string[] => [...stand.entries()].filter(([, at]) => at.has(i)).map(([a]) => a).sort();
    const counts = classes.map((_, i) => standing(i).length);
    // The side most articles stand on (ties: the class order, largest support first).
    const e = counts.indexOf(Math.max(...counts));
    const expected = classes[e];
    for (let i = 0; i < classes.length; i++) {
      if (i === e) continue;
      const actual = classes[i];
      const onX = standing(i);
      const onY = standing(e);
      const onlyX = onX.filter((a) => !onY.includes(a));
      const onlyY = onY.filter((a) => !onX.includes(a));
      if (onlyX.length === 0 || onlyY.length === 0) continue;
      const telling = (k: ValueClass, articles: string[]): ValueClass => ({ claims: k.claims.filter((c) => articles.includes(c.article)), articles: new Set(articles) });
      if (!clash(telling(actual, onlyX), telling(expected, onlyY))) continue;
      const actualClaims = actual.claims.filter((c) => onlyX.includes(c.article));
      // The majority side's articles with every figure they stand on ("four miles" and "six miles"), in text order.
      const expectedClaims = classes
        .flatMap((k, j) => k.claims.filter((c) => onlyY.includes(c.article) && stand.get(c.article)!.has(j) && j !== i))
        .sort((a, b) => (a.article === b.article ? a.start - b.start : 0));
      let gap = Infinity;
      for (const a of actualClaims.slice(0, 12)) for (const b of expectedClaims.slice(0, 12)) gap = Math.min(gap, compareValues(sideOf(a), sideOf(b)).gap);
      const hedged = actualClaims.every((c) => c.value!.approx) || expectedClaims.every((c) => c.value!.approx);
      const timeBound = [...actualClaims, ...expectedClaims].some(isTimeBound);
      // Each article of one side gives the other side's value as an earlier one.
      const tells = (articles: string[], other: ValueClass): boolean => articles.every((a) => other.claims.some((c) => c.earlier && c.article === a));
      const moved = tells(onlyX, expected) ? 'actual' : tells(onlyY, actual) ? 'expected' : null;
      const changed = moved !== null || (timeBound && reportedApart(actualClaims, expectedClaims, ctx.articles));
      // An article that gives two figures against the same majority ("four miles" and "six miles west
      // of Cobb" against "about 3 miles") makes one disagreement, not two.
      const same = mine.find((o) => o.expected === expected && o.actualArticles.join() === onlyX.join());
      if (same) {
        same.actualClaims.push(...actualClaims.filter((c) => !same.actualClaims.includes(c)));
        same.actualClaims.sort((a, b) => (a.article === b.article ? a.start - b.start : 0));
        same.gap = Math.min(same.gap, gap);
        continue;
      }
      const conflict: Conflict = { group, actual, expected, actualArticles: onlyX, expectedArticles: onlyY, actualClaims, expectedClaims, gap, hedged, changed, otherAuthorities: otherAuthorities(actualClaims, expectedClaims), moved };
      mine.push(conflict);
      out.push(conflict);
    }
  }
  return out;
}
