/**
 * Section 3: each fact reported by more than one article, against the articles that give it: the
 * figure as each article writes it, the group's status and its independent origins.
 */
import type { RootContent } from 'mdast';
import { asWritten, plural } from '../format.js';
import { claimsOf, articleName, groupFact, type ReportContext } from '../context.js';
import { cut, leftOut } from '../limits.js';
import { code, heading, paragraph, table, text } from '../mdast.js';

/** Section 3. Single-source groups are counted here and listed in section 5. */
export function groupsSection(ctx: ReportContext): RootContent[] {
  const shared = ctx.report.groups.filter((g) => g.status !== 'single-source');
  const single = ctx.report.groups.length - shared.length;
  const blocks: RootContent[] = [heading(2, text('Claim groups'))];
  if (shared.length === 0) blocks.push(paragraph(text('No claim is reported by more than one article.')));
  else {
    // A large store lists the conflicting groups first, then those most articles give, in report order.
    const rank = (g: (typeof shared)[number]): number => (g.status === 'conflicting' ? 1e9 : 0) + g.articles.length;
    const kept = new Set(cut([...shared].sort((a, b) => rank(b) - rank(a)), ctx.limits.groups).shown);
    const rows = shared.filter((g) => kept.has(g)).map((g) => {
      const claims = claimsOf(ctx, g.claims);
      const { shown, more } = cut([...new Set(claims.map((c) => `${articleName(ctx, c.article)}: “${asWritten(c)}”`))], ctx.limits.wordings);
      const written = shown.join('; ') + (more > 0 ? `; and ${more} more` : '');
      return [[code(g.id)], groupFact(g, claims), g.status, String(g.articles.length), String(g.origins), written];
    });
    blocks.push(table(['Group', 'Fact', 'Status', 'Articles', 'Origins', 'As each article writes it'], rows));
    if (shared.length > kept.size) blocks.push(leftOut(plural(shared.length - kept.size, 'more claim group')));
  }
  if (single > 0) blocks.push(paragraph(text(`${plural(single, 'other group')} rest on a single article (section “Single-source figures”).`)));
  return blocks;
}
