/**
 * `changed-between-reports`: a time-bound figure (a death toll, arrests "so far", a crowd "by
 * midday") that differs between reports published at different times: a change to note, not a
 * contradiction. So is any figure one report says moved from the value the other gives.
 *
 * Reported (info):
 *   A (afternoon wire, published 2018-11-24): "Police detained 22 people."
 *   B (evening wire, published 2018-11-25): "Police detained 130 people in Paris."
 *   A (1989-10-31): "agreed to acquire Weisfield's for $50 a share"
 *   B (1989-11-02): "raised its price for Weisfield's to $57.50 a share … from $50 a share"
 * Not reported (the same count at the same time is a contradiction: `value-conflict`):
 *   A (2018-08-21): "a 48-page indictment"   B (2018-08-21): "a 47-page indictment"
 */
import { crossArticleConflicts, type Conflict } from '../conflicts.js';
import { figureAt, nameArticles, quoteFigure, verb, whatOf } from '../describe.js';
import type { FindingDraft, Rule, RuleContext } from '../types.js';

/** "A gives '$57.50' for price per share, up from '$50', the figure B gives: …" (a conflict one side explains as a movement). */
function movedMessage(k: Conflict, ctx: RuleContext): string {
  const [mover, other] = k.moved === 'actual' ? [k.actualArticles, k.expectedArticles] : [k.expectedArticles, k.actualArticles];
  const [now, then] = k.moved === 'actual' ? [k.actual, k.expected] : [k.expected, k.actual];
  const current = now.claims.find((c) => mover.includes(c.article) && !c.earlier) ?? now.claims[0];
  const earlier = then.claims.find((c) => mover.includes(c.article) && c.earlier) ?? then.claims[0];
  return (
    `${nameArticles(mover, ctx.articles)} ${verb(mover.length, 'gives', 'give')} ${figureAt(current)} for ${whatOf(current, earlier)}, moved from ${quoteFigure(earlier)}, ` +
    `the figure ${nameArticles(other, ctx.articles)} ${verb(other.length, 'gives', 'give')}: the figure changed between the reports; say which time each is from.`
  );
}

export const changedBetweenReports: Rule = {
  id: 'changed-between-reports',
  severity: 'info',
  doc:
    'A time-bound figure that moves between reports published at different times, or a figure one report says moved from the value the other gives: a change, not a contradiction. ' +
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
        message: k.moved ? movedMessage(k, ctx) :
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
