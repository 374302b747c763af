/**
 * `series-conflict`: two articles give a series of the same metric and subject ("from X in T1 to Y
 * by T2") that agree on some points but start (or end) differently: a point in one whose period
 * matches no point of the other, while its value appears in neither.
 *
 * Conflicting pair:
 *   A: "from 100 billion in early 2024 to 100 trillion by the end of 2025 and over 140 trillion in March 2026"
 *   B: "from 1 trillion in early 2025 to 100 trillion by the end of the year, and over 140 trillion by March 2026"
 * Harmless pair (B only adds a later point; nothing A says is contradicted):
 *   A: "from 100 billion in early 2024 to 100 trillion by the end of 2025"
 *   B: "100 trillion at the end of 2025 and over 140 trillion in March 2026"
 *
 * Warning. One finding per differing start (or end): it names both, and lists the odd article
 * and every article it disagrees with. Points of the same period with other values are
 * `value-conflict`'s.
 */
import type { Claim } from '../../store/schema.js';
import { claimsAgree } from '../compare.js';
import { figureAt, nameArticles, verb, whatOf } from '../describe.js';
import { cmp } from '../hash.js';
import type { ClaimGroup, FindingDraft, Rule, RuleContext } from '../types.js';

interface Point {
  claim: Claim;
  group: ClaimGroup;
  /** Fact id: group key and agreement class. */
  fact: string;
  /** Articles giving this fact. */
  support: number;
}

interface Clash {
  side: 'before' | 'after';
  odd: Point[];
  other: Point[];
  oddArticle: string;
  otherArticle: string;
}

/** Points of each article in each block (metric and subject), from dated groups. */
function blocks(ctx: RuleContext): Map<string, Map<string, Point[]>> {
  const out = new Map<string, Map<string, Point[]>>();
  for (const group of ctx.groups) {
    if (!group.group.period) continue;
    const block = group.key.split('|').slice(0, 2).join('|');
    group.classes.forEach((k, i) => {
      for (const c of k.claims) {
        if (c.kind !== 'figure' || !c.period) continue;
        if (!out.has(block)) out.set(block, new Map());
        const byArticle = out.get(block)!;
        if (!byArticle.has(c.article)) byArticle.set(c.article, []);
        byArticle.get(c.article)!.push({ claim: c, group, fact: `${group.key}#${i}`, support: k.articles.size });
      }
    });
  }
  return out;
}

const start = (p: Point): string => p.claim.period!.start;

/** X's points whose time Y does not cover and whose value Y never gives. */
function oddPoints(x: Point[], y: Point[]): Point[] {
  const times = new Set(y.map((p) => p.group.key));
  return x.filter((p) => !times.has(p.group.key) && !y.some((q) => claimsAgree(p.claim, q.claim)));
}

/** Two articles' series clash: they share a fact, and each has an odd point on the same side of the shared ones. */
function compare(x: Point[], y: Point[]): { oddX: Point[]; oddY: Point[]; side: 'before' | 'after' } | null {
  const yFacts = new Set(y.map((p) => p.fact));
  const shared = x.filter((p) => yFacts.has(p.fact));
  if (shared.length === 0) return null;
  const first = shared.map(start).sort()[0];
  const last = shared.map(start).sort().pop()!;
  const oddX = oddPoints(x, y);
  const oddY = oddPoints(y, x);
  for (const side of ['before', 'after'] as const) {
    const on = (p: Point): boolean => (side === 'before' ? start(p) < first : start(p) > last);
    const ox = oddX.filter(on);
    const oy = oddY.filter(on);
    if (ox.length > 0 && oy.length > 0) return { oddX: ox, oddY: oy, side };
  }
  return null;
}

const supportOf = (points: Point[]): number => Math.max(...points.map((p) => p.support));

export const seriesConflict: Rule = {
  id: 'series-conflict',
  severity: 'warning',
  doc:
    'Two series of the same metric agree on some points and start (or end) differently. Conflicting: "from 100 billion in early 2024 to 100 trillion by the end of 2025" / ' +
    '"from 1 trillion in early 2025 to 100 trillion by the end of the year". Harmless: one series only adds a later point.',
  run(ctx) {
    const out: FindingDraft[] = [];
    const keyOf = (id: string): string => ctx.articles.get(id)?.key ?? id;
    for (const [block, byArticle] of blocks(ctx)) {
      const articles = [...byArticle.keys()].sort((a, b) => cmp(keyOf(a), keyOf(b)) || cmp(a, b));
      const hasSeries = (a: string): boolean => byArticle.get(a)!.some((p) => p.claim.series !== null);
      const clashes: Clash[] = [];
      for (let i = 0; i < articles.length; i++) {
        for (let j = i + 1; j < articles.length; j++) {
          const [a, b] = [articles[i], articles[j]];
          if (!hasSeries(a) && !hasSeries(b)) continue;
          const r = compare(byArticle.get(a)!, byArticle.get(b)!);
          if (!r) continue;
          // The odd side is the one fewer articles back; on a tie, the later path.
          const aOdd = supportOf(r.oddX) < supportOf(r.oddY) || (supportOf(r.oddX) === supportOf(r.oddY) && keyOf(a) > keyOf(b));
          clashes.push(
            aOdd
              ? { side: r.side, odd: r.oddX, other: r.oddY, oddArticle: a, otherArticle: b }
              : { side: r.side, odd: r.oddY, other: r.oddX, oddArticle: b, otherArticle: a },
          );
        }
      }
      // One finding per differing point (the facts the odd side gives), with every article it disagrees with.
      const bySignature = new Map<string, Clash[]>();
      for (const k of clashes) {
        const sig = `${k.side}:${[...new Set(k.odd.map((p) => p.fact))].sort().join(',')}`;
        if (!bySignature.has(sig)) bySignature.set(sig, []);
        bySignature.get(sig)!.push(k);
      }
      for (const [sig, list] of bySignature) {
        const oddArticles = [...new Set(list.map((k) => k.oddArticle))];
        const otherArticles = [...new Set(list.map((k) => k.otherArticle))].filter((a) => !oddArticles.includes(a));
        if (otherArticles.length === 0) continue;
        const oddClaims = uniqueClaims(list.flatMap((k) => k.odd));
        const otherClaims = uniqueClaims(list.filter((k) => otherArticles.includes(k.otherArticle)).flatMap((k) => k.other));
        const a = oddClaims[0];
        const e = otherClaims[0];
        const [verbs, noun] = list[0].side === 'before' ? [['starts', 'start'], 'starting point'] : [['ends', 'end'], 'latest point'];
        out.push({
          rule: 'series-conflict',
          severity: 'warning',
          key: [block, sig.replace(/#\d+/g, ''), ...oddArticles.map(keyOf).sort()],
          claims: [...oddClaims, ...otherClaims],
          articles: [...oddArticles, ...otherArticles],
          message:
            `${nameArticles(oddArticles, ctx.articles)} ${verb(oddArticles.length, verbs[0], verbs[1])} the series of ${whatOf(a, e, ...oddClaims, ...otherClaims)} at ${figureAt(a)}, ` +
            `while ${nameArticles(otherArticles, ctx.articles)} ${verb(otherArticles.length, verbs[0], verbs[1])} it at ${figureAt(e)}; ` +
            `their other points agree: check which ${noun} the source gave.`,
          actual: a.figure?.text ?? null,
          expected: e.figure?.text ?? null,
        });
      }
    }
    return out;
  },
};

function uniqueClaims(points: Point[]): Claim[] {
  const seen = new Map<string, Claim>();
  for (const p of points) seen.set(p.claim.id, p.claim);
  return [...seen.values()];
}
