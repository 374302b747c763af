/**
 * Section 2: the findings, most severe first. Each gets its sentence, then its sides in one table
 * (outlet, date, the quoted sentence with the figure in bold, file:line), the rule, the finding id
 * and the editor's review; then the timelines of the disputed series.
 */
import type { RootContent } from 'mdast';
import type { Finding } from '../../store/schema.js';
import { claimPlace, claimsOf, articleDate, articleName, type ReportContext } from '../context.js';
import { code, emphasis, heading, image, paragraph, strong, table, text, type Cell } from '../mdast.js';
import { plural } from '../format.js';
import { cut, leftOut } from '../limits.js';
import { quoted } from '../quote.js';
import { sidesOf } from '../sides.js';

/** A chart written beside the report, as the Markdown links it. */
export interface ChartLink {
  /** Relative to the report file: "report-charts/china-daily-token-usage.svg". */
  path: string;
  title: string;
  /** What the picture shows, for the alt text and the caption. */
  caption: string;
}

const SIDE_NAMES = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The finding's review, rule and id, in one line. */
function findingFacts(f: Finding): RootContent {
  const parts = [text('Rule '), code(f.rule), text(' · finding '), code(f.id), text(` · review: ${f.review.status}`)];
  if (f.review.by) parts.push(text(` by ${f.review.by}`));
  if (f.review.at) parts.push(text(` on ${f.review.at}`));
  if (f.review.reason) parts.push(text(` (${f.review.reason})`));
  if (f.reopened) parts.push(text(`; reopened: ${f.reopened}`));
  return paragraph(...parts);
}

/** One finding: heading, found/expected, the sides table, the facts line. */
function findingBlocks(ctx: ReportContext, f: Finding, n: number): RootContent[] {
  const blocks: RootContent[] = [heading(3, text(`${n}. ${f.severity.toUpperCase()}: ${f.message}`))];
  if (f.actual !== null || f.expected !== null) {
    blocks.push(paragraph(strong('Found:'), text(` ${f.actual ?? '–'}; `), strong('expected:'), text(` ${f.expected ?? '–'}`)));
  }
  const sides = sidesOf(claimsOf(ctx, f.claims));
  const name = (k: number): string => (sides.length > 1 ? `${SIDE_NAMES[k % 26]}: ` : '');
  const more: string[] = [];
  const rows: Cell[][] = sides.flatMap((side, k) => {
    const { shown, more: n } = cut(side.claims, ctx.limits.sideRows);
    if (n > 0) more.push(`${plural(n, 'more claim')} ${sides.length > 1 ? `on side ${SIDE_NAMES[k % 26]} (${side.says})` : `saying ${side.says}`}`);
    return shown.map((c) => [`${name(k)}${side.says}`, articleName(ctx, c.article), articleDate(ctx, c.article), quoted(c), [claimPlace(ctx, c)]]);
  });
  if (rows.length > 0) blocks.push(table(['Side', 'Outlet', 'Date', 'Quoted sentence', 'Where'], rows));
  if (more.length > 0) blocks.push(leftOut(more.join('; ')));
  blocks.push(findingFacts(f));
  return blocks;
}

/** The timelines, or why there are none; `more` were not drawn (`ReportLimits.charts`). */
function chartBlocks(charts: ChartLink[] | null, more: number): RootContent[] {
  if (charts === null) return [paragraph(text('Timelines of the disputed series are written beside the report when it is saved to a file (--out).'))];
  if (charts.length === 0 && more === 0) return [];
  return [
    heading(3, text('Timelines of the disputed series')),
    ...charts.flatMap((c) => [paragraph(image(c.path, c.title)), paragraph(emphasis(c.caption))]),
    ...(more > 0 ? [paragraph(text(`Left out here: ${plural(more, 'more timeline')}; `), code('claimtrace serve'), text(' draws the timeline of each finding.'))] : []),
  ];
}

/**
 * Section 2. `charts` null: the report is not saved to a file, so no chart could be written;
 * `chartsLeftOut`: timelines not drawn.
 */
export function discrepanciesSection(ctx: ReportContext, charts: ChartLink[] | null = [], chartsLeftOut = 0): RootContent[] {
  const blocks: RootContent[] = [heading(2, text('Discrepancies'))];
  if (ctx.report.findings.length === 0) return [...blocks, paragraph(text('No findings.'))];
  // Errors and warnings up to one limit, info findings up to another.
  const severe = ctx.report.findings.filter((f) => f.severity !== 'info');
  const info = ctx.report.findings.filter((f) => f.severity === 'info');
  const shown = [...cut(severe, ctx.limits.findings).shown, ...cut(info, ctx.limits.infoFindings).shown];
  shown.forEach((f, i) => blocks.push(...findingBlocks(ctx, f, i + 1)));
  const more = (['error', 'warning', 'info'] as const)
    .map((s) => [s, ctx.report.findings.filter((f) => f.severity === s).length - shown.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => plural(n, `more ${s} finding`));
  if (more.length > 0) blocks.push(leftOut(more.join(', ')));
  return [...blocks, ...chartBlocks(charts, chartsLeftOut)];
}
