/**
 * The data model, as zod schemas: everything that crosses a boundary (the store on disk, the JSON
 * report of `../shared/CONTRACT.md`, sidecar files) is parsed with these, so nothing unvalidated
 * enters the program. Types are inferred from the schemas.
 */
import { z } from 'zod';

export const SCHEMA_VERSION = 1;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** A normalised value (see `Value` in `src/extract/types.ts`). */
export const valueSchema = z.object({
  min: z.number().finite(),
  max: z.number().finite(),
  unit: z.string().nullable(),
  per: z.string().nullable(),
  approx: z.boolean(),
  bound: z.enum(['lower', 'upper']).nullable(),
});
export type ClaimValue = z.infer<typeof valueSchema>;

/** The time a claim is about, as an inclusive day interval and the words that gave it. */
export const periodSchema = z.object({
  start: isoDay,
  end: isoDay,
  text: z.string(),
});
export type ClaimPeriod = z.infer<typeof periodSchema>;

export const metaFieldSchema = z.object({
  value: z.string(),
  origin: z.enum(['declared', 'inferred']),
  how: z.string(),
});

/** How a claim came to be: a figure, a stated change, a dated event (a statement, a launch), or the span of a figure's time. */
export const claimKindSchema = z.enum(['figure', 'change', 'event', 'span']);

/** A claim, as the contract has it, plus what the checks need. */
export const claimSchema = z.object({
  id: z.string(),
  article: z.string(),
  quote: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  subject: z.string().nullable(),
  metric: z.string().nullable(),
  value: valueSchema.nullable(),
  period: periodSchema.nullable(),
  attribution: z.string().nullable(),
  sources: z.array(z.string()),
  // --- beyond the contract ---
  kind: claimKindSchema,
  /** The quantity as written ("over 140 trillion"), with its range in the file. */
  figure: z.object({ text: z.string(), start: z.number().int(), end: z.number().int() }).nullable(),
  /** Normalised keys for grouping: synonyms meet, different things stay apart. */
  subjectKey: z.string().nullable(),
  metricKey: z.string().nullable(),
  /** Speaker and organisation behind the attribution, when known. */
  speaker: z.string().nullable(),
  organisation: z.string().nullable(),
  /** Points of one series ("from X in T1 to Y by T2") share an id; index is the order. */
  series: z.object({ id: z.string(), index: z.number().int().nonnegative() }).nullable(),
  /** For a stated change: direction, and the claims it relates (from, to) when found. */
  change: z
    .object({
      direction: z.enum(['up', 'down', 'to', 'from']).nullable(),
      from: z.string().nullable(),
      to: z.string().nullable(),
    })
    .nullable(),
  /** The value a movement started from, at no time of its own ("raised its offer to $57.50 from $50"): an earlier value, not a rival one. */
  earlier: z.boolean().optional(),
  /** For an event claim: what happened ("statement", "launch") and who did it. */
  event: z.object({ type: z.string(), actor: z.string().nullable(), place: z.string().nullable() }).nullable(),
  /** For a span (how long a figure's time is): the figure's claim id, and whether the length was written ("in seven years") or counted from a range ("2007 to 2014"). */
  span: z.object({ of: z.string(), written: z.boolean() }).optional(),
  /** Entity names as written in the claim's sentence, with the canonical entity they resolve to. */
  entities: z.array(z.object({ text: z.string(), canonical: z.string(), start: z.number().int(), end: z.number().int() })),
  /** Where in the article: the block kind ("title", "paragraph", "list-item", "meta"). */
  block: z.string(),
});
export type Claim = z.infer<typeof claimSchema>;

/** A source an article cites. */
export const sourceSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  url: z.string().nullable(),
  kind: z.enum(['link', 'named', 'listed']),
  // --- beyond the contract ---
  article: z.string(),
  /** Where the citation stands in the article file. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** What a source list says the source supports ("Key use in this article: ..."). */
  note: z.string().nullable(),
  /** For "X, citing Y": the id of the source X cites. */
  via: z.string().nullable(),
});
export type Source = z.infer<typeof sourceSchema>;

/** An article as the store keeps it (its claims live in its shard). */
export const articleSchema = z.object({
  id: z.string(),
  /** The path as given when added, relative to the working folder when inside it. */
  path: z.string(),
  format: z.enum(['text', 'markdown', 'html']),
  /** sha256 of the file's bytes. */
  hash: z.string(),
  title: metaFieldSchema.nullable(),
  outlet: metaFieldSchema.nullable(),
  author: metaFieldSchema.nullable(),
  published: metaFieldSchema.nullable(),
  url: metaFieldSchema.nullable(),
  notes: z.array(z.string()),
  claimCount: z.number().int().nonnegative(),
  sourceCount: z.number().int().nonnegative(),
  /** Fingerprint of the reading and extraction code that made the shard: when it changes, adding
   * the same file again reads it again (absent in stores written before it existed). */
  pipeline: z.string().optional(),
});
export type ArticleRecord = z.infer<typeof articleSchema>;

/** One article's shard: everything read out of it. Immutable once written (named by article id). */
export const shardSchema = z.object({
  schema: z.literal(SCHEMA_VERSION),
  article: articleSchema,
  claims: z.array(claimSchema),
  sources: z.array(sourceSchema),
});
export type Shard = z.infer<typeof shardSchema>;

/** A finding's evidence in words: the articles (by path) and the figures it rests on. */
export const basisSchema = z.object({
  articles: z.array(z.string()),
  figures: z.array(z.object({ article: z.string(), text: z.string() })),
});
export type Basis = z.infer<typeof basisSchema>;

export const reviewStatusSchema = z.enum(['open', 'confirmed', 'dismissed', 'noted']);

/** An editor's decision on a finding, with the evidence it was taken on. */
export const reviewSchema = z.object({
  status: reviewStatusSchema,
  by: z.string().nullable(),
  at: z.string().nullable(),
  reason: z.string().nullable(),
  /** Hash of the finding's evidence when decided: if it changes, the decision reopens. */
  evidence: z.string().nullable(),
  /** What the evidence was, readably (article paths, figures): says why a decision reopened. */
  basis: basisSchema.nullable().optional(),
});
export type Review = z.infer<typeof reviewSchema>;

/** A finding as remembered from the last check, to say what changed. */
export const findingDigestSchema = z.object({
  id: z.string(),
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  evidence: z.string(),
  articles: z.array(z.string()),
  /** The evidence readably (absent in stores written before it existed). */
  basis: basisSchema.optional(),
  /** Its review status at that check, and why a decision reopened (when one did). */
  review: reviewStatusSchema.optional(),
  reopened: z.string().nullable().optional(),
});
export type FindingDigest = z.infer<typeof findingDigestSchema>;

/** A finding that went away because the claims it rested on were removed or edited. */
export const resolvedFindingSchema = findingDigestSchema.extend({
  /** When the check that no longer found it ran, and why it went away. */
  at: z.string(),
  why: z.string(),
});
export type ResolvedFinding = z.infer<typeof resolvedFindingSchema>;

/** What the last check found, to say what changed at the next one. */
export const lastCheckSchema = z.object({
  findings: z.array(findingDigestSchema),
  groups: z.array(z.object({ id: z.string(), articles: z.array(z.string()), status: z.string(), label: z.string().optional() })),
  /** When it ran, and the articles it read (id → path), to name articles that changed since. */
  at: z.string().optional(),
  articles: z.array(z.object({ id: z.string(), path: z.string() })).optional(),
});
export type LastCheck = z.infer<typeof lastCheckSchema>;

/** The file the last check is kept in, beside the index (`FILE.last-check.json`). */
export const lastCheckFileSchema = z.object({
  schema: z.literal(SCHEMA_VERSION),
  lastCheck: lastCheckSchema.nullable(),
});

/**
 * The store's index file. Article shards sit beside it in `<file>.d/`, the last check in
 * `<file>.last-check.json`: on disk `lastCheck` is null (stores written before the split hold it
 * here, and it moves out at their next write); in memory it holds the last check.
 */
export const storeSchema = z.object({
  schema: z.literal(SCHEMA_VERSION),
  articles: z.array(articleSchema),
  /** Decisions by finding id; the history is kept, the last entry is current. */
  reviews: z.record(z.string(), z.array(reviewSchema)),
  lastCheck: lastCheckSchema.nullable(),
  /** Findings that went away since they were found (their claims removed or edited), by id. */
  resolved: z.record(z.string(), resolvedFindingSchema).optional(),
});
export type StoreData = z.infer<typeof storeSchema>;

export const emptyStore = (): StoreData => ({ schema: SCHEMA_VERSION, articles: [], reviews: {}, lastCheck: null });

// ---------------------------------------------------------------------------------------------
// The report of `claimtrace check --format json` (CONTRACT.md, version 1).

export const groupSchema = z.object({
  id: z.string(),
  claims: z.array(z.string()),
  articles: z.array(z.string()),
  status: z.enum(['corroborated', 'conflicting', 'single-source']),
  // --- beyond the contract ---
  subject: z.string().nullable(),
  metric: z.string().nullable(),
  period: periodSchema.nullable(),
  /** Distinct origins behind the group's claims (syndicated copies and shared primaries collapse). */
  origins: z.number().int().nonnegative(),
});
export type Group = z.infer<typeof groupSchema>;

export const severitySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof severitySchema>;

export const findingSchema = z.object({
  id: z.string(),
  rule: z.string(),
  severity: severitySchema,
  message: z.string(),
  claims: z.array(z.string()),
  articles: z.array(z.string()),
  review: z.object({
    status: reviewStatusSchema,
    by: z.string().nullable(),
    at: z.string().nullable(),
    reason: z.string().nullable(),
  }),
  // --- beyond the contract ---
  /** What was found and what was expected, for the report ("1 trillion", "100 billion"). */
  actual: z.string().nullable(),
  expected: z.string().nullable(),
  /** Hash of the claims' values, quotes and articles: a review reopens when it changes. */
  evidence: z.string(),
  /** Set when a decision reopened because the evidence changed. */
  reopened: z.string().nullable(),
});
export type Finding = z.infer<typeof findingSchema>;

export const reportArticleSchema = z.object({
  id: z.string(),
  path: z.string(),
  title: z.string().nullable(),
  outlet: z.string().nullable(),
  published: z.string().nullable(),
});

export const reportSchema = z.object({
  version: z.literal(1),
  articles: z.array(reportArticleSchema),
  claims: z.array(claimSchema),
  sources: z.array(sourceSchema),
  groups: z.array(groupSchema),
  findings: z.array(findingSchema),
});
export type Report = z.infer<typeof reportSchema>;
