/**
 * The contract report (`claimtrace check --format json`, CONTRACT.md version 1): articles, claims,
 * sources, groups and findings in a stable order, parsed with `reportSchema` before it leaves.
 */
import { reportSchema } from '../store/schema.js';
import type { ArticleRecord, Claim, Finding, Group, Report, Source } from '../store/schema.js';

export interface ReportInput {
  articles: ArticleRecord[];
  claims: Claim[];
  sources: Source[];
  groups: Group[];
  findings: Finding[];
}

const SEVERITY_RANK: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 };

/** Code-unit order: the same on every machine and locale. */
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** An article as the report lists it. */
export function reportArticle(record: ArticleRecord): Report['articles'][number] {
  return {
    id: record.id,
    path: record.path,
    title: record.title?.value ?? null,
    outlet: record.outlet?.value ?? null,
    published: record.published?.value ?? null,
  };
}

/**
 * Build the report. Order: articles by path; claims by article, then place in the file; sources
 * likewise; groups by their first claim; findings most severe first, then by their first claim.
 */
export function buildReport(input: ReportInput): Report {
  const articles = [...input.articles].sort((a, b) => cmp(a.path, b.path) || cmp(a.id, b.id));
  const articleRank = new Map(articles.map((a, i) => [a.id, i]));
  const rankOf = (id: string): number => articleRank.get(id) ?? articles.length;

  const claims = [...input.claims].sort(
    (a, b) => rankOf(a.article) - rankOf(b.article) || a.start - b.start || a.end - b.end || cmp(a.id, b.id),
  );
  const claimRank = new Map(claims.map((c, i) => [c.id, i]));
  const firstClaim = (ids: string[]): number => Math.min(claims.length, ...ids.map((id) => claimRank.get(id) ?? claims.length));

  const sources = [...input.sources].sort(
    (a, b) => rankOf(a.article) - rankOf(b.article) || a.start - b.start || a.end - b.end || cmp(a.id, b.id),
  );
  const groups = [...input.groups].sort((a, b) => firstClaim(a.claims) - firstClaim(b.claims) || cmp(a.id, b.id));
  const findings = [...input.findings].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || firstClaim(a.claims) - firstClaim(b.claims) || cmp(a.id, b.id),
  );

  return reportSchema.parse({
    version: 1,
    articles: articles.map(reportArticle),
    claims,
    sources,
    groups,
    findings,
  });
}

/** The report as printed: two-space JSON and a final newline. */
export const reportJson = (report: Report): string => [...reportJsonChunks(report)].join('');

/**
 * The same bytes as `reportJson`, in pieces of a few hundred items: a report of 200,000 claims is
 * written without ever holding it as one string.
 */
export function* reportJsonChunks(report: Report & { provenance?: unknown }, itemsPerChunk = 500): Generator<string> {
  const keys = Object.keys(report) as Array<keyof Report>;
  yield '{\n';
  for (const [k, key] of keys.entries()) {
    const value = report[key];
    const tail = k < keys.length - 1 ? ',\n' : '\n';
    if (!Array.isArray(value) || value.length === 0) {
      yield `  ${JSON.stringify(key)}: ${JSON.stringify(value)}${tail}`;
      continue;
    }
    yield `  ${JSON.stringify(key)}: [\n`;
    // Stringify each slice at its real depth, so JSON.stringify indents it, and keep the items.
    const open = `{\n  ${JSON.stringify(key)}: [\n`;
    const close = '\n  ]\n}';
    for (let i = 0; i < value.length; i += itemsPerChunk) {
      const body = JSON.stringify({ [key]: value.slice(i, i + itemsPerChunk) }, null, 2);
      yield body.slice(open.length, body.length - close.length) + (i + itemsPerChunk < value.length ? ',\n' : '\n');
    }
    yield `  ]${tail}`;
  }
  yield '}\n';
}
