/**
 * `single-source`: a figure only one article gives, with no source it can be followed to (no
 * linked citation). One finding per such group; figures with a metric only; only when the article
 * has company in its story, so checking one article alone does not list its every number.
 *
 * Reported (info):
 *   A: "Chinese models contributed 12.96 trillion tokens in the first week of April 2026"
 *   (no other article gives it, and no source is linked)
 * Not reported:
 *   A and B: "over 140 trillion tokens a day in March 2026" (two articles)
 *   A: "12.96 trillion tokens, according to OpenRouter data [link]" (a source to follow)
 */
import { figureAt, nameArticle, whatOf } from '../describe.js';
import { bareMetric } from '../story.js';
import type { FindingDraft, Rule } from '../types.js';

const isTimeUnit = (unit: string | null): boolean => unit !== null && /^(second|minute|hour|day|week|month|quarter|year|decade|century)s?$/.test(unit);

export const singleSource: Rule = {
  id: 'single-source',
  severity: 'info',
  doc:
    'A figure only one article gives, with no source to follow. Reported: "12.96 trillion tokens in the first week of April" in one article, unlinked. ' +
    'Not reported: a figure two articles give, or one linked to its source.',
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const group of ctx.groups) {
      if (group.group.articles.length !== 1) continue;
      // Figures named only by their noun ("140 Trillion Tokens" in a heading) or lengths of time are not facts to trace.
      const figures = group.claims.filter((c) => c.kind === 'figure' && c.metricKey !== null && !bareMetric(c) && !isTimeUnit(c.value?.unit ?? null));
      if (figures.length === 0 || group.claims.some((c) => c.sources.length > 0)) continue;
      const article = group.group.articles[0];
      if (ctx.storySize(ctx.storyOf(article)) < 2) continue;
      // The figure now, not the one it moved from ("to 66.7%, from the 18.7% it already owns").
      const c = figures.find((f) => !f.earlier) ?? figures[0];
      const info = ctx.articles.get(article);
      out.push({
        rule: 'single-source',
        severity: 'info',
        key: [group.key, info?.key ?? article],
        claims: figures,
        articles: [article],
        message: `Only ${nameArticle(info, article)} gives ${figureAt(c)} for ${whatOf(c, ...figures)}, and it links no source: find the origin or attribute it.`,
        actual: c.figure?.text ?? null,
        expected: null,
      });
    }
    return out;
  },
};
