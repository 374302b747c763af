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
    const keyOf = (id: string): string => ctx.articles.get(id)?.key ?? id;
    // One finding per article and unit for a metric: "100 billion" and "100 trillion daily calls" of one series.
    const merged = new Map<string, { odd: Claim[]; main: Claim[]; oddUnit: string; mainUnit: string; oddArticles: Set<string>; mainArticles: Set<string>; all: Claim[] }>();
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
          const key = [group.metricKey.split('/')[0], group.subjectKey ?? '', odd.unit, main.unit, ...oddArticles.map(keyOf).sort()].join('\u0001');
          const m = merged.get(key) ?? { odd: [], main: [], oddUnit: odd.unit, mainUnit: main.unit, oddArticles: new Set<string>(), mainArticles: new Set<string>(), all: [] };
          merged.set(key, m);
          m.odd.push(...odd.claims.filter((c) => oddArticles.includes(c.article)));
          m.main.push(...main.claims.filter((c) => mainArticles.includes(c.article)));
          for (const a of oddArticles) m.oddArticles.add(a);
          for (const a of mainArticles) m.mainArticles.add(a);
          m.all.push(...k.claims);
        }
      }
    }
    const out: FindingDraft[] = [];
    for (const [key, m] of merged) {
      const oddArticles = [...m.oddArticles];
      const mainArticles = [...m.mainArticles];
      const odd = [...m.odd].sort((a, b) => a.start - b.start);
      const figures = odd.map((c) => figureAt(c));
      const listed = figures.length === 1 ? figures[0] : `${figures.slice(0, -1).join(', ')} and ${figures[figures.length - 1]}`;
      out.push({
        rule: 'unit-conflict',
        severity: 'info',
        key: key.split('\u0001'),
        claims: [...odd, ...m.main],
        articles: [...oddArticles, ...mainArticles],
        message:
          `${nameArticles(oddArticles, ctx.articles)} ${verb(oddArticles.length, 'counts', 'count')} ${listed} in ${m.oddUnit}s for ${whatOf(...m.all)}, ` +
          `where ${nameArticles(mainArticles, ctx.articles)} ${verb(mainArticles.length, 'counts', 'count')} the same ${figures.length === 1 ? `figure (${quoteFigure(m.main[0])})` : 'figures'} in ${m.mainUnit}s: check the unit.`,
        actual: m.oddUnit,
        expected: m.mainUnit,
      });
    }
    return out;
  },
};
