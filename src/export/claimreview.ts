/**
 * Publishing what editors confirmed: one schema.org `ClaimReview` (JSON-LD) per confirmed finding,
 * reviewing the claim that stands apart, with the article(s) carrying it as `appearance`. Every
 * object is validated against `claimReviewSchema`: the properties Google's fact-check markup
 * requires (`claimReviewed`, `reviewRating.alternateName`, `url`) and the ones it recommends that
 * we can fill (`author`, `datePublished`, `itemReviewed` with `appearance`, `author`, `datePublished`).
 */
import { z } from 'zod';
import { apartIn } from '../report/timelines.js';
import type { ArticleRecord, Claim, Finding, Report } from '../store/schema.js';
import { describeZodError } from '../store/adapter.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/, 'expected an ISO 8601 date');
const httpUrl = z.url({ protocol: /^https?$/ });
const text = z.string().trim().min(1);

const agentSchema = z.object({ '@type': z.enum(['Organization', 'Person']), name: text, url: httpUrl.optional() });

const appearanceSchema = z.object({
  '@type': z.literal('CreativeWork'),
  headline: text.optional(),
  url: httpUrl.optional(),
  datePublished: isoDate.optional(),
  publisher: agentSchema.optional(),
  /** Where the article sits in the newsroom's files (the path claimtrace read). */
  identifier: text,
});

/** A ClaimReview as Google's Fact Check markup reads it. */
export const claimReviewSchema = z.object({
  '@context': z.literal('https://schema.org'),
  '@type': z.literal('ClaimReview'),
  url: httpUrl,
  claimReviewed: text,
  author: agentSchema,
  datePublished: isoDate,
  reviewRating: z.object({ '@type': z.literal('Rating'), alternateName: text, ratingExplanation: text.optional() }),
  itemReviewed: z.object({
    '@type': z.literal('Claim'),
    author: agentSchema.optional(),
    datePublished: isoDate.optional(),
    appearance: z.array(appearanceSchema).min(1),
    firstAppearance: appearanceSchema.optional(),
  }),
});
export type ClaimReview = z.infer<typeof claimReviewSchema>;

/** The textual rating of each rule's confirmed finding (what a reader sees in search results). */
export const RATINGS: Record<string, string> = {
  'series-conflict': 'Inconsistent with other reports',
  'value-conflict': 'Inconsistent with other reports',
  'date-conflict': 'Inconsistent with other reports on the date',
  'unit-conflict': 'Inconsistent with other reports: wrong unit',
  'internal-contradiction': 'Contradicted within the same article',
  arithmetic: 'Miscalculated',
  'single-source': 'Unsupported: no source given',
  'name-variant': 'Inconsistent with other reports on a name or title',
  'changed-between-reports': 'Changed since an earlier report',
  'span-conflict': 'Inconsistent on the period the figure covers',
  'deal-date': 'Inconsistent with other reports on when it was paid',
  'occasion-date': 'Inconsistent with other reports on the date',
};

export interface ExportOptions {
  /** The fact-check page: each review's url is this with `#FINDING-ID`; a function for one page per finding. */
  url: string | ((finding: Finding) => string);
  /** The publishing organisation (default: the editor who confirmed, as a Person). */
  publisher?: string | null;
}

/** A ClaimReview that does not validate: which finding, and why. */
export class ExportError extends Error {
  constructor(
    readonly finding: string,
    readonly reason: string,
  ) {
    super(`${finding}: ${reason}`);
    this.name = 'ExportError';
  }
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
const MAX_CLAIM = 280;
const shorten = (s: string): string => (s.length <= MAX_CLAIM ? s : `${s.slice(0, MAX_CLAIM - 1).replace(/\s+\S*$/, '')}…`);
const day = (iso: string | null | undefined): string | undefined => (iso ? iso.slice(0, 10) : undefined);

/** The claims a confirmed finding is about: those standing apart, else all of them. */
export function reviewedClaims(f: Finding, report: Report): Claim[] {
  const claims = f.claims.map((id) => report.claims.find((c) => c.id === id)).filter((c): c is Claim => c !== undefined);
  const apart = apartIn(f, claims);
  const reviewed = claims.filter((c) => apart.has(c.id));
  return reviewed.length > 0 ? reviewed : claims;
}

/** One ClaimReview for a confirmed finding (not validated: see `claimReviews`). */
export function claimReviewOf(f: Finding, report: Report, records: ReadonlyMap<string, ArticleRecord>, options: ExportOptions): ClaimReview {
  const claims = reviewedClaims(f, report);
  const first = claims[0];
  const articleIds = [...new Set(claims.map((c) => c.article))];
  const appearances = articleIds.map((id) => {
    const a = report.articles.find((x) => x.id === id);
    const r = records.get(id);
    return {
      '@type': 'CreativeWork' as const,
      ...(a?.title ? { headline: a.title } : {}),
      ...(r?.url && httpUrl.safeParse(r.url.value).success ? { url: r.url.value } : {}),
      ...(a?.published ? { datePublished: a.published } : {}),
      ...(a?.outlet ? { publisher: { '@type': 'Organization' as const, name: a.outlet } } : {}),
      identifier: a?.path ?? id,
    };
  });
  const dated = appearances.filter((a) => a.datePublished).sort((a, b) => String(a.datePublished).localeCompare(String(b.datePublished)));
  // Who made the claim: the speaker (a person), else the organisation or attribution as stated.
  const said = first?.speaker ? { '@type': 'Person' as const, name: first.speaker } : (first?.organisation ?? first?.attribution) ? { '@type': 'Organization' as const, name: (first.organisation ?? first.attribution) as string } : null;
  const url = typeof options.url === 'function' ? options.url(f) : `${options.url}#${f.id}`;
  const by = options.publisher ? { '@type': 'Organization' as const, name: options.publisher } : { '@type': 'Person' as const, name: f.review.by ?? 'claimtrace' };
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url,
    claimReviewed: first ? shorten(squash(first.quote)) : f.message,
    author: by,
    datePublished: day(f.review.at) ?? new Date().toISOString().slice(0, 10),
    reviewRating: {
      '@type': 'Rating',
      alternateName: RATINGS[f.rule] ?? 'Inconsistent with other reports',
      ratingExplanation: f.review.reason ? `${f.message} Editor's note: ${f.review.reason}` : f.message,
    },
    itemReviewed: {
      '@type': 'Claim',
      ...(said ? { author: said } : {}),
      ...(dated[0] ? { datePublished: dated[0].datePublished, firstAppearance: dated[0] } : {}),
      appearance: appearances,
    },
  };
}

/** The ClaimReviews of every confirmed finding of `report`, validated; throws ExportError on the first that does not validate. */
export function claimReviews(report: Report, records: ArticleRecord[], options: ExportOptions): ClaimReview[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  return report.findings
    .filter((f) => f.review.status === 'confirmed')
    .map((f) => {
      const checked = claimReviewSchema.safeParse(claimReviewOf(f, report, byId, options));
      if (!checked.success) throw new ExportError(f.id, `its ClaimReview does not validate (${describeZodError(checked.error)})`);
      return checked.data;
    });
}
