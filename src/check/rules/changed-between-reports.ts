/**
 * `changed-between-reports`: a time-bound figure (a death toll, arrests "so far", a crowd "by
 * midday") that differs between reports published at different times: a change to note, not a
 * contradiction.
 *
 * Reported (info):
 *   A (afternoon wire, published 2018-11-24): "Police detained 22 people."
 *   B (evening wire, published 2018-11-25): "Police detained 130 people in Paris."
 * Not reported (the same count at the same time is a contradiction: `value-conflict`):
 *   A (2018-08-21): "a 48-page indictment"   B (2018-08-21): "a 47-page indictment"
 */
import { crossArticleConflicts } from '../conflicts.js';
import { figureAt, nameArticles, verb, whatOf } from '../describe.js';
import type { FindingDraft, Rule } from '../types.js';

export const changedBetweenReports: Rule = {
  id: 'changed-between-reports',
  severity: 'info',
  doc:
    'A time-bound figure that moves between reports published at different times: a change, not a contradiction. ' +
    'Reported: "detained 22 people" (afternoon) / "detained 130 people" (evening). Not reported: "48-page" / "47-page" on the same day (value-conflict).',
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const k of crossArticleConflicts(ctx)) {
      if (!k.changed) continue;
      const a = k.actualClaims[0];
      const e = k.expectedClaims[0];
      const keyOf = (id: string): string => ctx.articles.get(id)?.key ?? id;
      out.push({
        rule: 'changed-between-reports',
        severity: 'info',
        key: [k.group.key, ...k.actualArticles.map(keyOf).sort()],
        claims: [...k.actualClaims, ...k.expectedClaims],
        articles: [...k.actualArticles, ...k.expectedArticles],
        message:
          `${nameArticles(k.actualArticles, ctx.articles)} ${verb(k.actualArticles.length, 'gives', 'give')} ${figureAt(a)} for ${whatOf(a, e, ...k.actualClaims, ...k.expectedClaims)}, ` +
          `${nameArticles(k.expectedArticles, ctx.articles)} ${verb(k.expectedArticles.length, 'gives', 'give')} ${figureAt(e)}: ` +
          'a count that moves over time, reported at different times; say which time each figure is from.',
        actual: a.figure?.text ?? null,
        expected: e.figure?.text ?? null,
      });
    }
    return out;
  },
};
