/**
 * Shapes the check passes between its steps: the grouped claims (with the agreement classes inside
 * each group), the context every rule reads, and the finding a rule drafts before it gets its id,
 * evidence hash and review.
 */
import type { ArticleRecord, Claim, Group, Severity, Source } from '../store/schema.js';

/** An article as the messages name it. */
export interface ArticleInfo {
  id: string;
  record: ArticleRecord;
  /** Normalised path (last two segments, lower case): stable part of finding ids. */
  key: string;
  /** The outlet, else the file name. */
  label: string;
  outlet: string | null;
  /** YYYY-MM-DD or null. */
  published: string | null;
}

/** Claims of one group whose values agree with each other. */
export interface ValueClass {
  claims: Claim[];
  articles: Set<string>;
}

/** A group as the rules see it: the contract `Group` plus its claims and agreement classes. */
export interface ClaimGroup {
  group: Group;
  /** Stable key: metricKey, subject (or story), period bucket. */
  key: string;
  metricKey: string;
  /** Subject used for grouping (adopted from the story when the claim had none). */
  subjectKey: string | null;
  claims: Claim[];
  /** Agreement classes, largest support first. */
  classes: ValueClass[];
}

/** Counts distinct origins behind a set of claims (replaceable: provenance may refine it). */
export type CountOrigins = (claims: Claim[], ctx: { sources: Map<string, Source>; articles: Map<string, ArticleInfo> }) => number;

/** Everything a rule may read. Claims and articles are in a stable order. */
export interface RuleContext {
  articles: Map<string, ArticleInfo>;
  claims: Claim[];
  byId: Map<string, Claim>;
  sources: Map<string, Source>;
  groups: ClaimGroup[];
  /** Group of a claim, by claim id. */
  groupOf: Map<string, ClaimGroup>;
  /** Story (articles linked by shared key figures) of an article id. */
  storyOf: (articleId: string) => string;
  /** Number of articles in a story. */
  storySize: (story: string) => number;
  /** Subject used for grouping: the claim's own, or the one its story agrees on. */
  subjectOf: (claim: Claim) => string | null;
}

/** A finding as a rule drafts it; `index.ts` adds id, evidence and review. */
export interface FindingDraft {
  rule: string;
  severity: Severity;
  /** Normalised content the id is made of (group key, article paths, entity variant). */
  key: string[];
  claims: Claim[];
  articles: string[];
  message: string;
  actual: string | null;
  expected: string | null;
}

/** A consistency rule: one module under `rules/`. */
export interface Rule {
  id: string;
  /** The usual severity (a rule may lower or raise it per finding, as its doc says). */
  severity: Severity;
  /** What the rule reports, with a conflicting and a harmless pair. */
  doc: string;
  run(ctx: RuleContext): FindingDraft[];
}
