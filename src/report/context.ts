/**
 * What every section of the Markdown report looks things up in: the report's articles, claims,
 * sources and groups by id, the store's article records (metadata with its origin), and how an
 * article and a claim's place are named.
 */
import type { PhrasingContent } from 'mdast';
import type { ArticleRecord, Claim, Group, Report, Source } from '../store/schema.js';
import { REPORT_LIMITS, type ReportLimits } from './limits.js';
import { code, text } from './mdast.js';

export interface ReportContext {
  report: Report;
  records: Map<string, ArticleRecord>;
  articles: Map<string, Report['articles'][number]>;
  claims: Map<string, Claim>;
  sources: Map<string, Source>;
  /** The group of each claim, by claim id. */
  groupOf: Map<string, Group>;
  /** How much each section spells out. */
  limits: ReportLimits;
}

/** Index a report (and the store's records of its articles) for the sections. */
export function reportContext(report: Report, records: ArticleRecord[] = [], limits: Partial<ReportLimits> = {}): ReportContext {
  const groupOf = new Map<string, Group>();
  for (const g of report.groups) for (const id of g.claims) groupOf.set(id, g);
  return {
    report,
    records: new Map(records.map((r) => [r.id, r])),
    articles: new Map(report.articles.map((a) => [a.id, a])),
    claims: new Map(report.claims.map((c) => [c.id, c])),
    sources: new Map(report.sources.map((s) => [s.id, s])),
    groupOf,
    limits: { ...REPORT_LIMITS, ...limits },
  };
}

/** Claims by id, in the order given, skipping unknown ids. */
export const claimsOf = (ctx: ReportContext, ids: string[]): Claim[] =>
  ids.map((id) => ctx.claims.get(id)).filter((c): c is Claim => c !== undefined);

const fileName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** An article as a reader knows it: its outlet, else its file name. */
export function articleName(ctx: ReportContext, id: string): string {
  const a = ctx.articles.get(id);
  return a?.outlet ?? (a ? fileName(a.path) : id);
}

/** An article's publication day, or "undated". */
export const articleDate = (ctx: ReportContext, id: string): string => ctx.articles.get(id)?.published ?? 'undated';

/** Where a claim stands in its file: `path:line`. */
export function claimPlace(ctx: ReportContext, c: Claim): PhrasingContent {
  return code(`${ctx.articles.get(c.article)?.path ?? c.article}:${c.line}`);
}

/** "Outlet, 2026-03-23" for a claim's article. */
export const claimWho = (ctx: ReportContext, c: Claim): PhrasingContent => text(`${articleName(ctx, c.article)}, ${articleDate(ctx, c.article)}`);

/** What a group is about: "China · daily token usage · March 2026". */
export function groupFact(g: Group, claims: Claim[]): string {
  const first = claims[0];
  const metric = g.metric ?? first?.metric ?? (first?.kind === 'event' ? (first.event?.type ?? 'event') : null);
  const subject = g.subject ?? first?.subject ?? null;
  const parts = [subject && metric?.toLowerCase().includes(subject.toLowerCase()) ? null : subject, metric, g.period?.text ?? first?.period?.text];
  const named = parts.filter((p): p is string => !!p);
  return named.length > 0 ? named.join(' · ') : g.id;
}
