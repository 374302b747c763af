/**
 * The Markdown report as saved: the timeline of each disputed series rendered to SVG in a folder
 * beside the report file (`reports/report.md` → `reports/report-charts/*.svg`, stale charts of an
 * earlier run removed), linked from the Markdown by relative paths. Printed to standard output,
 * the report says where the charts would go instead.
 */
import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { writeFileAtomic } from '../store/adapter.js';
import type { ArticleRecord, Report } from '../store/schema.js';
import type { Changes } from '../workflow/changes.js';
import { timelineSvg } from './chart.js';
import { renderMarkdown, type ChartLink } from './markdown.js';
import { disputedSeries } from './timelines.js';
import { REPORT_LIMITS, cut, type ReportLimits } from './limits.js';

/** The chart folder of a report file: "reports/report.md" → "report-charts" (beside it). */
export const chartFolderName = (out: string): string => `${basename(out, extname(out))}-charts`;

/**
 * Render the disputed series to `FOLDER/SLUG.svg` beside `out`, up to `limit` of them in report
 * order (the series of the most severe findings first); returns the links and how many were left out.
 */
export async function writeCharts(report: Report, out: string, limit = REPORT_LIMITS.charts): Promise<{ links: ChartLink[]; more: number }> {
  const name = chartFolderName(out);
  const folder = join(dirname(out), name);
  const links: ChartLink[] = [];
  const written = new Set<string>();
  const { shown, more } = cut(disputedSeries(report), limit);
  for (const s of shown) {
    const file = `${s.slug}.svg`;
    await writeFileAtomic(join(folder, file), await timelineSvg(s.points, { title: s.title, axis: s.axis }));
    written.add(file);
    links.push({ path: `${encodeURIComponent(name)}/${encodeURIComponent(file)}`, title: `Timeline: ${s.title}`, caption: s.caption });
  }
  const present = await readdir(folder).catch(() => [] as string[]);
  for (const f of present) if (f.endsWith('.svg') && !written.has(f)) await rm(join(folder, f), { force: true });
  return { links, more };
}

export interface MarkdownReportOptions {
  /** The report file; absent: the report goes to standard output and no chart is written. */
  out?: string;
  /** What changed since the last check (`diffChecks`), for "Changes since the last check". */
  changes?: Changes | null;
  /** How much the report spells out, and how many timelines it draws (default `REPORT_LIMITS`). */
  limits?: Partial<ReportLimits>;
}

/** The Markdown report, its charts written beside `out` first. */
export async function markdownReport(report: Report, records: ArticleRecord[], options: MarkdownReportOptions = {}): Promise<string> {
  const charts = options.out ? await writeCharts(report, options.out, options.limits?.charts) : null;
  return renderMarkdown(report, records, { charts: charts?.links ?? null, chartsLeftOut: charts?.more ?? 0, changes: options.changes ?? null, limits: options.limits });
}
