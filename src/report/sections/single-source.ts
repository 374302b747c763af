/** Section 5: figures only one article gives, each with its sentence and place, to confirm before use. */
import type { RootContent } from 'mdast';
import { articleDate, articleName, claimPlace, claimsOf, groupFact, type ReportContext } from '../context.js';
import { heading, paragraph, table, text, type Cell } from '../mdast.js';
import { plural } from '../format.js';
import { cut, leftOut } from '../limits.js';
import { quoted } from '../quote.js';

/** Section 5: the claims of single-source groups that carry a value. */
export function singleSourceSection(ctx: ReportContext): RootContent[] {
  const blocks: RootContent[] = [heading(2, text('Single-source figures'))];
  const rows: Cell[][] = ctx.report.groups
    .filter((g) => g.status === 'single-source')
    .flatMap((g) => claimsOf(ctx, g.claims).filter((c) => c.value !== null).map((c) => ({ g, c })))
    .map(({ g, c }) => [groupFact(g, [c]), quoted(c), articleName(ctx, c.article), articleDate(ctx, c.article), [claimPlace(ctx, c)]]);
  if (rows.length === 0) return [...blocks, paragraph(text('Every figure is given by more than one article.'))];
  const { shown, more } = cut(rows, ctx.limits.singleSource);
  return [
    ...blocks,
    paragraph(text('No other article gives these figures: confirm them with the source before use.')),
    table(['Fact', 'Quoted sentence', 'Outlet', 'Date', 'Where'], shown),
    ...(more > 0 ? [leftOut(plural(more, 'more single-source figure'))] : []),
  ];
}
