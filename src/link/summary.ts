/**
 * Provenance across the whole store, for editors (`claimtrace provenance` without a claim): how many
 * independent origins each group of the same claim rests on, the cited outlets the registry does not
 * know yet, and what the saved pages under `sources/snapshots/` say about each linked claim.
 */
import type { Report } from '../store/schema.js';
import { originsOf, type Origin } from './origins.js';
import { loadOutlets, unknownOutlets, type OutletRegistry, type UnknownOutlet } from './outlets.js';
import { checkSnapshots, type SnapshotCheck, type SnapshotIndex } from './snapshots.js';

/** One group of the report with the origins behind it. */
export interface GroupOrigins {
  id: string;
  subject: string | null;
  metric: string | null;
  period: string | null;
  claims: number;
  articles: number;
  origins: Origin[];
}

export interface ProvenanceSummary {
  /** Groups carried by two articles or more, most articles first. */
  groups: GroupOrigins[];
  unknownOutlets: UnknownOutlet[];
  /** Every claim linked to a cited URL, against the saved page of that URL (or "no-snapshot"). */
  snapshots: SnapshotCheck[];
  /** Snapshot files that could not be used, each "FILE: reason". */
  snapshotErrors: string[];
}

/** Summarise a report's provenance; `snapshots` is the index of saved pages (none when absent). */
export function provenanceSummary(report: Report, options: { snapshots?: SnapshotIndex; outlets?: OutletRegistry } = {}): ProvenanceSummary {
  const byId = new Map(report.sources.map((s) => [s.id, s]));
  const claims = new Map(report.claims.map((c) => [c.id, c]));
  const groups = report.groups
    .filter((g) => g.articles.length >= 2)
    .map((g) => {
      const members = g.claims.map((id) => claims.get(id)).filter((c) => c !== undefined);
      return {
        id: g.id,
        subject: g.subject,
        metric: g.metric,
        period: g.period?.text ?? null,
        claims: g.claims.length,
        articles: g.articles.length,
        origins: originsOf(members, byId),
      };
    })
    .sort((a, b) => b.articles - a.articles || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index = options.snapshots ?? { snapshots: [], errors: [] };
  return {
    groups,
    unknownOutlets: unknownOutlets(report.sources, options.outlets ?? loadOutlets()),
    snapshots: checkSnapshots(report.claims, report.sources, { index }),
    snapshotErrors: index.errors,
  };
}

/** "5 articles, 1 independent origin". */
export function originCount(articles: number, origins: number): string {
  return `${articles} article${articles === 1 ? '' : 's'}, ${origins} independent origin${origins === 1 ? '' : 's'}`;
}

/**
 * What the check's JSON report adds beyond the contract (`provenance`): the cited outlets the
 * registry does not know, and the verdict of every saved page on the claims linked to its URL
 * (claims whose URL has no saved page are only counted).
 */
export interface ReportProvenance {
  unknownOutlets: UnknownOutlet[];
  snapshots: SnapshotCheck[];
  withoutSnapshot: number;
  snapshotErrors: string[];
}

export function reportProvenance(report: Report, options: { snapshots?: SnapshotIndex; outlets?: OutletRegistry } = {}): ReportProvenance {
  const index = options.snapshots ?? { snapshots: [], errors: [] };
  const checks = index.snapshots.length > 0 ? checkSnapshots(report.claims, report.sources, { index }) : [];
  const linked = new Set(report.sources.filter((s) => s.url).map((s) => s.id));
  const withUrl = report.claims.reduce((n, c) => n + c.sources.filter((id) => linked.has(id)).length, 0);
  const saved = checks.filter((c) => c.status !== 'no-snapshot');
  return {
    unknownOutlets: unknownOutlets(report.sources, options.outlets ?? loadOutlets()),
    snapshots: saved,
    withoutSnapshot: withUrl - saved.length,
    snapshotErrors: index.errors,
  };
}
