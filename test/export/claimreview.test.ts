/**
 * `claimtrace export --format claimreview`: the seeds' series conflicts, confirmed, come out as
 * ClaimReviews that validate and name the article that stands apart; the schema refuses what
 * Google's fact-check markup would refuse; the command line's mistakes are one line each.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimReviewSchema } from '../../src/export/claimreview.js';
import type { ClaimReview } from '../../src/export/claimreview.js';
import type { Report } from '../../src/store/schema.js';
import { claimtrace } from '../cli/helpers.js';
import { seededStore } from '../serve/fixture.js';
import type { SeededStore } from '../serve/fixture.js';

let seeded: SeededStore;
let report: Report;
const run = (args: string[]) => claimtrace([...args, '--db', seeded.db]);
const fileName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

beforeAll(async () => {
  seeded = await seededStore('ct-export-', false);
  report = JSON.parse((await run(['check', '--format', 'json'])).stdout) as Report;
}, 60_000);
afterAll(() => seeded.cleanup());

describe('claimtrace export --format claimreview', { timeout: 60_000 }, () => {
  it('writes nothing but an empty list while nothing is confirmed', async () => {
    const r = await run(['export', '--format', 'claimreview']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
    expect(r.lines).toEqual(['claimtrace: 0 confirmed findings exported as ClaimReview (give --url to link them to the published page)']);
  });

  it('exports each confirmed series conflict, naming the article that stands apart', async () => {
    const series = report.findings.filter((f) => f.rule === 'series-conflict');
    expect(series.length).toBeGreaterThan(0);
    for (const f of series) expect((await run(['review', f.id, '--confirm', '--by', 'J. Chen', '--reason', 'checked against the NDA release'])).status).toBe(0);
    const out = join(seeded.dir, 'out/claimreview.json');
    const r = await run(['export', '--format', 'claimreview', '--url', 'https://news.example/fact-checks/tokens', '--publisher', 'Example News', '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    const reviews = JSON.parse(readFileSync(out, 'utf8')) as ClaimReview[];
    expect(reviews.map((x) => x.url)).toEqual(series.map((f) => `https://news.example/fact-checks/tokens#${f.id}`));
    for (const [i, review] of reviews.entries()) {
      expect(claimReviewSchema.safeParse(review).success).toBe(true);
      const f = series[i];
      // The message opens with the article that stands apart ("004_….txt (undated) starts the series ... at '1 trillion'").
      const apart = report.articles.filter((a) => f.articles.includes(a.id) && f.message.startsWith(a.outlet ?? fileName(a.path)));
      expect(apart).toHaveLength(1);
      expect(review.itemReviewed.appearance.map((x) => x.identifier)).toEqual([apart[0].path]);
      expect(review).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'ClaimReview',
        author: { '@type': 'Organization', name: 'Example News' },
        reviewRating: { '@type': 'Rating', alternateName: 'Inconsistent with other reports' },
      });
      expect(review.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(review.reviewRating.ratingExplanation).toBe(`${f.message} Editor's note: checked against the NDA release`);
      expect(review.claimReviewed).toContain(f.actual);
    }
    // The seeds' undated 004 article starts its series at '1 trillion' (early 2025), against '100 billion' (early 2024).
    expect(reviews.flatMap((x) => x.itemReviewed.appearance.map((a) => a.identifier))).toContain('sources/articles/004_4d2e783a8882e3a3.txt');
  });

  it('names the confirming editor when no publisher is given, and the desk page as url', async () => {
    const r = await run(['export', '--format', 'claimreview']);
    const reviews = JSON.parse(r.stdout) as ClaimReview[];
    expect(reviews.length).toBeGreaterThan(0);
    for (const review of reviews) {
      expect(review.author).toEqual({ '@type': 'Person', name: 'J. Chen' });
      expect(review.url).toMatch(/^http:\/\/127\.0\.0\.1:4173\/findings\/f-[0-9a-f]+$/);
    }
  });

  const wrong: Array<[string[], RegExp]> = [
    [['export'], /^claimtrace export: --format claimreview is required\./],
    [['export', '--format', 'csv'], /^claimtrace export: --format must be claimreview, not 'csv'\./],
    [['export', '--format', 'claimreview', '--url', 'javascript:alert(1)'], /^claimtrace export: --url must be an http\(s\) address, not 'javascript:alert\(1\)'\./],
  ];
  it.each(wrong)('%j → exit 2 with one line', async (args, message) => {
    const r = await run(args);
    expect(r.status).toBe(2);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(message);
    expect(r.stdout).toBe('');
  });
});

describe('claimReviewSchema', () => {
  const valid: ClaimReview = {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: 'https://news.example/fc#f-1',
    claimReviewed: 'Daily token usage grew from 1 trillion in early 2025.',
    author: { '@type': 'Organization', name: 'Example News' },
    datePublished: '2026-03-25',
    reviewRating: { '@type': 'Rating', alternateName: 'Inconsistent with other reports' },
    itemReviewed: { '@type': 'Claim', appearance: [{ '@type': 'CreativeWork', identifier: 'sources/articles/004.txt' }] },
  };
  it('accepts a complete review', () => {
    expect(claimReviewSchema.safeParse(valid).success).toBe(true);
  });
  const broken: Array<[string, unknown, string]> = [
    ['no claimReviewed', { ...valid, claimReviewed: ' ' }, 'claimReviewed'],
    ['a rating without alternateName', { ...valid, reviewRating: { '@type': 'Rating' } }, 'reviewRating.alternateName'],
    ['no url', { ...valid, url: undefined }, 'url'],
    ['a url that is not http(s)', { ...valid, url: 'javascript:alert(1)' }, 'url'],
    ['a claim with no appearance', { ...valid, itemReviewed: { '@type': 'Claim', appearance: [] } }, 'itemReviewed.appearance'],
    ['an author without a name', { ...valid, author: { '@type': 'Person', name: '' } }, 'author.name'],
    ['a date in words', { ...valid, datePublished: 'March 25, 2026' }, 'datePublished'],
    ['another type', { ...valid, '@type': 'Review' }, '@type'],
  ];
  it.each(broken)('refuses %s', (_, review, path) => {
    const checked = claimReviewSchema.safeParse(review);
    expect(checked.success).toBe(false);
    expect(checked.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});

describe('ratings', () => {
  it('every rule has its own textual rating', async () => {
    const { RULES } = await import('../../src/check/rules/index.js');
    const { RATINGS } = await import('../../src/export/claimreview.js');
    expect(RULES.map((r) => r.id).filter((id) => !(id in RATINGS))).toEqual([]);
  });
});
