/**
 * How much of a large store the Markdown report spells out. An archive of thousands of articles
 * would otherwise give a report of tens of megabytes that nobody reads and that takes longer to
 * write than the check itself; every cut leaves a line saying how much was left out and where to
 * see all of it. The JSON report (`--format json`) always holds everything.
 */
import type { RootContent } from 'mdast';
import { code, paragraph, text } from './mdast.js';

export interface ReportLimits {
  /** Claims listed per side of a finding. */
  sideRows: number;
  /** Errors and warnings detailed (the most severe first), and info findings after them. */
  findings: number;
  infoFindings: number;
  /** Claim groups whose provenance is spelled out. */
  provenanceGroups: number;
  /** Distinct wordings listed per claim group. */
  wordings: number;
  /** Origins listed per claim group in the provenance section. */
  origins: number;
  /** Single-source figures listed. */
  singleSource: number;
  /** Claim groups reported by more than one article listed (the conflicting and best-supported). */
  groups: number;
  /** Timelines of disputed series drawn beside a saved report (in the order of the findings). */
  charts: number;
  /** Articles detailed in the appendix, and claims listed per article there. */
  articles: number;
  articleClaims: number;
}

export const REPORT_LIMITS: ReportLimits = {
  sideRows: 5,
  findings: 300,
  infoFindings: 50,
  provenanceGroups: 200,
  wordings: 5,
  origins: 10,
  singleSource: 200,
  groups: 300,
  charts: 40,
  articles: 100,
  articleClaims: 200,
};

/** Where everything left out is: the JSON report, or another command. */
export const JSON_REPORT = 'claimtrace check --format json';

/** "Left out here: 274 more claims; `claimtrace check --format json` lists them all." */
export function leftOut(what: string, where = JSON_REPORT): RootContent {
  return paragraph(text(`Left out here: ${what}; `), code(where), text(' lists them all.'));
}

/** `items` cut to `limit`, and how many were cut. */
export function cut<T>(items: readonly T[], limit: number): { shown: T[]; more: number } {
  return { shown: items.slice(0, limit), more: Math.max(0, items.length - limit) };
}

