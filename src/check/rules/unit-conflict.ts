/**
 * `unit-conflict`: the same value for the same metric and period, counted in different units
 * (often a translation: "call volume" for "token volume").
 *
 * Reported (info):
 *   A: "from 100 billion daily calls in early 2024"   B: "100 billion daily tokens at the start of 2024"
 * Not reported (the same unit at another scale, or a unit one converts to the other):
 *   A: "$1.10 per million output tokens"              B: "$0.0000011 per output token"
 */
import { figureAt, nameArticles, quoteFigure, verb, whatOf } from '../describe.js';
import type { Claim } from '../../store/schema.js';
import type { FindingDraft, Rule } from '../types.js';
import { isCountUnit, normaliseUnit } from '../units.js';

export const unitConflict: Rule = {
  id: 'unit-conflict',
  severity: 'info',
  doc:
    'The same value for the same metric and period in incompatible units. Reported: "100 billion daily calls" / "100 billion daily tokens". ' +
    'Not reported: "$1.10 per million output tokens" / "$0.0000011 per output token".',
  run(ctx) {
    const out: FindingDraft[] = [];
    const keyOf = (id: string): string => ctx.articles.get(id)?.key ?? id;
    for (const group of ctx.groups) {
      if (group.group.articles.length < 2) continue;
      for (const k of group.classes) {
        const byUnit = new Map<string, Claim[]>();
        for (const c of k.claims) {
          if (!isCountUnit(c.value!.unit)) continue;
          const u = normaliseUnit(c.value!.unit)!;
          if (!byUnit.has(u)) byUnit.set(u, []);
          byUnit.get(u)!.push(c);
        }
        if (byUnit.size < 2) continue;
        const units = [...byUnit.entries()]
          .map(([unit, claims]) => ({ unit, claims, articles: new Set(claims.map((c) => c.article)) }))
          .sort((x, y) => y.articles.size - x.articles.size || (x.unit < y.unit ? -1 : 1));
        const main = units[0];
        for (const odd of units.slice(1)) {
          const oddArticles = [...odd.articles].filter((a) => !main.articles.has(a));
          const mainArticles = [...main.articles].filter((a) => !odd.articles.has(a));
          if (oddArticles.length === 0 || mainArticles.length === 0) continue;
          const a = odd.claims.find((c) => oddArticles.includes(c.article))!;
          const e = main.claims.find((c) => mainArticles.includes(c.article))!;
          out.push({
            rule: 'unit-conflict',
            severity: 'info',
            key: [group.key, odd.unit, ...oddArticles.map(keyOf).sort()],
            claims: [...odd.claims.filter((c) => oddArticles.includes(c.article)), ...main.claims.filter((c) => mainArticles.includes(c.article))],
            articles: [...oddArticles, ...mainArticles],
            message:
              `${nameArticles(oddArticles, ctx.articles)} ${verb(oddArticles.length, 'counts', 'count')} ${figureAt(a)} in ${odd.unit}s for ${whatOf(a, e, ...k.claims)}, ` +
              `where ${nameArticles(mainArticles, ctx.articles)} ${verb(mainArticles.length, 'counts', 'count')} the same figure (${quoteFigure(e)}) in ${main.unit}s: check the unit.`,
            actual: odd.unit,
            expected: main.unit,
          });
        }
      }
    }
    return out;
  },
};
