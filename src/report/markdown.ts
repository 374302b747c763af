/**
 * The Markdown report for editors, built as an mdast tree and serialised by remark-stringify with
 * remark-gfm (tables), never glued from strings. Sections, in order: summary, changes since the
 * last check (when known), discrepancies (with the timelines), claim groups, provenance,
 * single-source figures, the per-article appendix. The same input gives the same bytes: nothing
 * depends on the clock or the machine. On a large store each section lists up to `REPORT_LIMITS`
 * and says how much it left out (`limits.ts`); the JSON report holds everything.
 */
import type { Root } from 'mdast';
import type { ArticleRecord, Report } from '../store/schema.js';
import type { Changes } from '../workflow/changes.js';
import { reportContext } from './context.js';
import type { ReportLimits } from './limits.js';
import { heading, text, toMarkdown } from './mdast.js';
import { appendixSection } from './sections/appendix.js';
import { changesSection } from './sections/changes.js';
import { discrepanciesSection, type ChartLink } from './sections/discrepancies.js';
import { groupsSection } from './sections/groups.js';
import { provenanceSection } from './sections/provenance.js';
import { singleSourceSection } from './sections/single-source.js';
import { summarySection } from './sections/summary.js';

export { formatNumber, formatValue } from './format.js';
export { toMarkdown } from './mdast.js';
export { articlesSection } from './sections/appendix.js';
export { summarySection } from './sections/summary.js';
export type { ChartLink } from './sections/discrepancies.js';
export { REPORT_LIMITS, type ReportLimits } from './limits.js';

export interface MarkdownOptions {
  /** What changed since the last check; null or absent leaves the section out. */
  changes?: Changes | null;
  /** Charts written beside the report; null: the report is not saved to a file, so none could be. */
  charts?: ChartLink[] | null;
  /** Timelines of disputed series not drawn (`ReportLimits.charts`). */
  chartsLeftOut?: number;
  /** How much each section spells out (default `REPORT_LIMITS`; Infinity for everything). */
  limits?: Partial<ReportLimits>;
}

/** The whole report as an mdast tree. */
export function reportTree(report: Report, records: ArticleRecord[] = [], options: MarkdownOptions = {}): Root {
  const ctx = reportContext(report, records, options.limits);
  return {
    type: 'root',
    children: [
      heading(1, text('claimtrace report')),
      ...summarySection(report),
      ...changesSection(options.changes ?? null),
      ...discrepanciesSection(ctx, options.charts === undefined ? [] : options.charts, options.chartsLeftOut ?? 0),
      ...groupsSection(ctx),
      ...provenanceSection(ctx),
      ...singleSourceSection(ctx),
      ...appendixSection(ctx),
    ],
  };
}

/** The report as Markdown (GFM). */
export function renderMarkdown(report: Report, records: ArticleRecord[] = [], options: MarkdownOptions = {}): string {
  return toMarkdown(reportTree(report, records, options));
}
