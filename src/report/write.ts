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

/** The chart folder of a report file: "reports/report.md" → "report-charts" (beside it). */
export const chartFolderName = (out: string): string => `${basename(out, extname(out))}-charts`;

/** Render every disputed series to `FOLDER/SLUG.svg` beside `out`; returns the links, in report order. */
export async function writeCharts(report: Report, out: string): Promise<ChartLink[]> {
  const name = chartFolderName(out);
  const folder = join(dirname(out), name);
  const links: ChartLink[] = [];
  const written = new Set<string>();
  for (const s of disputedSeries(report)) {
    const file = `${s.slug}.svg`;
    await writeFileAtomic(join(folder, file), await timelineSvg(s.points, { title: s.title, axis: s.axis }));
    written.add(file);
    links.push({ path: `${encodeURIComponent(name)}/${encodeURIComponent(file)}`, title: `Timeline: ${s.title}`, caption: s.caption });
  }
  const present = await readdir(folder).catch(() => [] as string[]);
  for (const f of present) if (f.endsWith('.svg') && !written.has(f)) await rm(join(folder, f), { force: true });
  return links;
}

export interface MarkdownReportOptions {
  /** The report file; absent: the report goes to standard output and no chart is written. */
  out?: string;
  /** What changed since the last check (`diffChecks`), for "Changes since the last check". */
  changes?: Changes | null;
}

/** The Markdown report, its charts written beside `out` first. */
export async function markdownReport(report: Report, records: ArticleRecord[], options: MarkdownReportOptions = {}): Promise<string> {
  const charts = options.out ? await writeCharts(report, options.out) : null;
  return renderMarkdown(report, records, { charts, changes: options.changes ?? null });
}
