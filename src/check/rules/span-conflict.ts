/**
 * `span-conflict`: one figure, two lengths of time. The same figure is said to cover one span of
 * time in one place ("$139 Million in Seven Years") and another in another (the same $139 million
 * "from 2007 to 2014", eight years).
 *
 * Conflicting pair (one article, headline against body):
 *   title: "Clintons Report Earnings of $139 Million in Seven Years"
 *   body:  "earned $139 million in adjusted gross income from 2007 to 2014"
 * Harmless pair (two figures that differ, so two facts):
 *   "$2 billion over five years" / "$1.2 billion from 2011 to 2014"
 *
 * Spans are claims of kind `span`, read by the extractor next to their figure: written ("in seven
 * years", "over the past three years") or counted from a range of whole years. At least one side
 * must be written (two ranges are the period rules' business), and the figures must agree and be
 * precise enough to be one figure (two significant digits). Error inside one article; warning
 * across articles of one story, where the figures must also share their metric.
 */
import type { Claim } from '../../store/schema.js';
import { claimsAgree } from '../compare.js';
import { nameArticle, nameArticles, quoteFigure } from '../describe.js';
import { significantDigits } from '../precision.js';
import { byStory } from '../story.js';
import type { FindingDraft, Rule, RuleContext } from '../types.js';

const HEDGE = /\b(more than|over|nearly|almost|about|around|some|at least|roughly|under|less than|up to)\b/i;

interface Span {
  span: Claim;
  figure: Claim;
}

function sameFigure(a: Span, b: Span, sameArticle: boolean): boolean {
  const [x, y] = [a.figure, b.figure];
  if (!x.value || !y.value || !claimsAgree(x, y)) return false;
  if (significantDigits(x.value.min) < 2 || significantDigits(y.value.min) < 2) return false;
  if (x.metricKey && y.metricKey && x.metricKey === y.metricKey) return sameArticle || x.subjectKey === null || y.subjectKey === null || x.subjectKey === y.subjectKey;
  // A headline often names its figure in other words than the body ("Earnings" / "adjusted gross income").
  return sameArticle && (x.block === 'title') !== (y.block === 'title');
}

const where = (c: Claim): string => (c.block === 'title' ? 'the headline' : 'the text');

function draft(ctx: RuleContext, a: Span, b: Span): FindingDraft {
  const [first, second] = a.figure.block !== 'title' && b.figure.block === 'title' ? [b, a] : [a, b];
  const one = first.span.article === second.span.article;
  const name = (s: Span): string => `${quoteFigure(s.figure)} ${s.span.span?.written ? `in ${quoteFigure(s.span)}` : `for ${quoteFigure(s.span)}`} (${s.span.value!.min} ${s.span.value!.unit}${s.span.value!.min === 1 ? '' : 's'})`;
  const message = one
    ? `${nameArticle(ctx.articles.get(first.span.article), first.span.article)} gives ${name(first)} in ${where(first.figure)} and ${name(second)} in ${where(second.figure) === where(first.figure) ? 'another sentence' : where(second.figure)}: one of the two lengths of time is wrong.`
    : `${nameArticles([first.span.article], ctx.articles)} gives ${name(first)}, while ${nameArticles([second.span.article], ctx.articles)} gives ${name(second)}: check how long a time the figure covers.`;
  return {
    rule: 'span-conflict',
    severity: one ? 'error' : 'warning',
    key: [first.span.metricKey ?? '', first.span.article, second.span.article, String(first.span.value!.min), String(second.span.value!.min)],
    claims: [first.span, second.span, first.figure, second.figure],
    articles: one ? [first.span.article] : [first.span.article, second.span.article],
    message,
    actual: first.span.figure?.text ?? null,
    expected: second.span.figure?.text ?? null,
  };
}

export const spanConflict: Rule = {
  id: 'span-conflict',
  severity: 'error',
  doc:
    'One figure, two lengths of time. Conflicting: headline "$139 Million in Seven Years" / body "$139 million … from 2007 to 2014". ' +
    'Harmless: "$2 billion over five years" / "$1.2 billion from 2011 to 2014" (two figures).',
  run(ctx) {
    const spans: Span[] = [];
    for (const c of ctx.claims) {
      if (c.kind !== 'span' || !c.span || !c.value) continue;
      const figure = ctx.byId.get(c.span.of);
      // "over more than five years" is hedged; "over five years" is not ("over" is the preposition).
      const words = (c.figure?.text ?? '').replace(/^(in|over|during|across)\s+/i, '');
      if (figure?.value && !(c.span.written && HEDGE.test(words))) spans.push({ span: c, figure });
    }
    const out: FindingDraft[] = [];
    const seen = new Set<string>();
    for (const story of byStory(ctx.storyOf, spans, (s) => s.span.article).values()) {
      for (const a of story) {
        if (!a.span.span!.written) continue;
        for (const b of story) {
          if (b === a || b.figure.id === a.figure.id) continue;
          if (b.span.value!.unit !== a.span.value!.unit || b.span.value!.min === a.span.value!.min) continue;
          const pair = [a.span.id, b.span.id].sort().join('|');
          if (seen.has(pair)) continue;
          if (!sameFigure(a, b, a.span.article === b.span.article)) continue;
          seen.add(pair);
          out.push(draft(ctx, a, b));
        }
      }
    }
    return out;
  },
};
