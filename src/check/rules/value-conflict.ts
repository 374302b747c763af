/**
 * `value-conflict`: the same fact (metric, subject, period) given with different figures by
 * different articles.
 *
 * Conflicting pair:
 *   A (Fox News): "Biden's son was charged in a 48-page indictment."
 *   B (HuffPost): "The 47-page indictment alleges ..."
 * Harmless pair (a truncation of the precise figure, and a bound):
 *   A: "the couple paid $43 million in federal taxes"   B: "paid $43,885,310 in federal taxes"
 *   A: "usage exceeded 140 trillion in March"           B: "usage hit 141.2 trillion in March"
 *
 * Info when each side gives the figure on its own, different authority (two analysts' counts).
 * Error; warning when either side is hedged ("about 3 miles" against "four miles") or the gap is
 * within 2% ("$139 million" against $140,937,785). A count that moves over time and was reported
 * at different times is `changed-between-reports` instead.
 */
import { crossArticleConflicts } from '../conflicts.js';
import { figureAt, nameArticles, quoteFigure, verb, whatOf } from '../describe.js';
import type { Claim } from '../../store/schema.js';
import { bareMetric } from '../story.js';
import type { FindingDraft, Rule } from '../types.js';

const vague = (a: Claim, e: Claim): boolean => bareMetric(a) && bareMetric(e) && a.subjectKey === null && e.subjectKey === null;

/** Gaps this small are rounding or a different definition more often than an error. */
export const SMALL_GAP = 0.02;

export const valueConflict: Rule = {
  id: 'value-conflict',
  severity: 'error',
  doc:
    'The same fact, different figures, across articles. Conflicting: "a 48-page indictment" / "the 47-page indictment". ' +
    'Harmless: "$43 million in federal taxes" / "$43,885,310 in federal taxes" (a truncation).',
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const k of crossArticleConflicts(ctx)) {
      if (k.changed) continue;
      const a = k.actualClaims[0];
      const e = k.expectedClaims[0];
      const keyOf = (id: string): string => ctx.articles.get(id)?.key ?? id;
      out.push({
        rule: 'value-conflict',
        // Two authorities that disagree are worth knowing, not a reporting error.
        // A count named only by its noun, of nothing named ("21 districts"), may be two different counts: info.
        severity: k.otherAuthorities || vague(a, e) ? 'info' : k.hedged || k.gap <= SMALL_GAP ? 'warning' : 'error',
        key: [k.group.key, ...k.actualArticles.map(keyOf).sort()],
        claims: [...k.actualClaims, ...k.expectedClaims],
        articles: [...k.actualArticles, ...k.expectedArticles],
        message:
          `${nameArticles(k.actualArticles, ctx.articles)} ${verb(k.actualArticles.length, 'gives', 'give')} ${figureAt(a)} for ${whatOf(a, e, ...k.actualClaims, ...k.expectedClaims)}, ` +
          `while ${nameArticles(k.expectedArticles, ctx.articles)} ${verb(k.expectedArticles.length, 'gives', 'give')} ${quoteFigure(e)}` +
          (k.otherAuthorities ? `, each on another source (${a.attribution ?? a.organisation ?? a.speaker}; ${e.attribution ?? e.organisation ?? e.speaker}): say whose figure is whose.` : ': check which is right.'),
        actual: a.figure?.text ?? quoteFigure(a),
        expected: e.figure?.text ?? quoteFigure(e),
      });
    }
    return out;
  },
};
