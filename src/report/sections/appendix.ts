/**
 * Section 6, per article: its metadata and where each field came from (declared or inferred, and
 * how), the claims read out of it and the sources it cites. Also the store listing of
 * `claimtrace articles`.
 */
import type { RootContent } from 'mdast';
import type { ArticleRecord } from '../../store/schema.js';
import { asWritten, plural } from '../format.js';
import { claimPlace, type ReportContext } from '../context.js';
import { JSON_REPORT, cut, leftOut } from '../limits.js';
import { code, heading, item, list, paragraph, strong, table, text, type Cell } from '../mdast.js';

const ORIGIN_FIELDS = ['title', 'outlet', 'author', 'published', 'url'] as const;

/** Section 6. */
export function appendixSection(ctx: ReportContext): RootContent[] {
  const blocks: RootContent[] = [heading(2, text('Articles'))];
  const claimsBy = new Map<string, typeof ctx.report.claims>();
  for (const c of ctx.report.claims) claimsBy.set(c.article, [...(claimsBy.get(c.article) ?? []), c]);
  const sourcesBy = new Map<string, typeof ctx.report.sources>();
  for (const s of ctx.report.sources) sourcesBy.set(s.article, [...(sourcesBy.get(s.article) ?? []), s]);
  const { shown, more } = cut(ctx.report.articles, ctx.limits.articles);
  for (const a of shown) {
    const r = ctx.records.get(a.id);
    blocks.push(heading(3, text(a.title ?? a.path)));
    const rows: Cell[][] = [
      ['file', [code(a.path)], '–'],
      ['id', [code(a.id)], '–'],
    ];
    for (const field of ORIGIN_FIELDS) {
      const m = r?.[field] ?? null;
      rows.push([field, m ? m.value : '–', m ? `${m.origin}: ${m.how}` : 'unknown']);
    }
    blocks.push(table(['Field', 'Value', 'Origin'], rows));
    if (r && r.notes.length > 0) blocks.push(list(r.notes.map((note) => item(paragraph(text(note))))));
    const claims = claimsBy.get(a.id) ?? [];
    blocks.push(paragraph(strong(`Claims read: ${claims.length}`)));
    if (claims.length > 0) {
      const line = (c: (typeof claims)[number]) => {
        const about = [c.subject, c.metric, c.period?.text].filter(Boolean).join(' · ');
        return item(paragraph(claimPlace(ctx, c), text(` “${asWritten(c)}”${about ? ` — ${about}` : ''}${c.attribution ? ` (${c.attribution})` : ''}`)));
      };
      const { shown: listed, more: unlisted } = cut(claims, ctx.limits.articleClaims);
      blocks.push(list([...listed.map(line), ...(unlisted > 0 ? [item(paragraph(text(`and ${plural(unlisted, 'more claim')}`)))] : [])]));
    }
    const sources = sourcesBy.get(a.id) ?? [];
    blocks.push(paragraph(strong(`Sources cited: ${sources.length}`)));
    if (sources.length > 0) {
      const line = (s: (typeof sources)[number]) =>
        item(paragraph(text(`${s.name ?? 'unnamed'} (${s.kind})`), ...(s.url ? [text(' '), code(s.url)] : []), ...(s.note ? [text(` — ${s.note}`)] : [])));
      blocks.push(list(sources.map(line)));
    }
  }
  if (more > 0) blocks.push(leftOut(plural(more, 'more article'), 'claimtrace articles'), paragraph(text('Their claims and sources are in '), code(JSON_REPORT), text('.')));
  return blocks;
}

/** A metadata value with where it came from: "Yicai (inferred: dateline)". */
const withOrigin = (m: ArticleRecord['title']): string => (m ? `${m.value} (${m.origin}: ${m.how})` : '–');

/** The articles a store holds, one row each, every metadata value with its origin. */
export function articlesSection(records: ArticleRecord[]): RootContent[] {
  if (records.length === 0) return [paragraph(text('The store holds no articles.'))];
  return [
    table(
      ['Article', 'File', 'Title', 'Outlet', 'Published', 'Author', 'URL', 'Claims', 'Sources'],
      records.map((r) => [
        [code(r.id)],
        [code(r.path)],
        withOrigin(r.title),
        withOrigin(r.outlet),
        withOrigin(r.published),
        withOrigin(r.author),
        withOrigin(r.url),
        String(r.claimCount),
        String(r.sourceCount),
      ]),
    ),
  ];
}
