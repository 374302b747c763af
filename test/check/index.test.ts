import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkClaims, RULES } from '../../src/check/index.js';
import type { Claim, Review } from '../../src/store/schema.js';
import { article, articlesFor, claim, p, usage, v } from './factory.js';

type Point = [number, string, string];
const series = (a: string, points: Point[]): Claim[] => points.map(([x, when, text], index) => usage(a, x, when, text, { series: { id: `${a}:s`, index } }));
const SEEDS_LIKE: Claim[] = [
  ...['a', 'b', 'c'].flatMap((a) => series(a, [[1e11, '2024-01-01/2024-04-30', '100 billion'], [1e14, '2025-10-01/2025-12-31', '100 trillion'], [1.4e14, '2026-03', 'over 140 trillion']])),
  ...series('d', [[1e12, '2025-01-01/2025-04-30', '1 trillion'], [1e14, '2025-10-01/2025-12-31', '100 trillion'], [1.4e14, '2026-03', 'over 140 trillion']]),
  claim({ article: 'd', metricKey: 'length:page', subjectKey: 'report', value: v(47, { unit: 'page' }), figure: '47-page' }),
  claim({ article: 'a', metricKey: 'length:page', subjectKey: 'report', value: v(48, { unit: 'page' }), figure: '48-page' }),
  claim({ article: 'b', metricKey: 'length:page', subjectKey: 'report', value: v(48, { unit: 'page' }), figure: '48-page' }),
  claim({ article: 'c', metricKey: 'share:global-usage', subjectKey: 'china', value: v(61, { unit: '%' }), period: p('2026-04'), figure: '61%' }),
];
const run = (claims: Claim[], extra: Partial<Parameters<typeof checkClaims>[0]> = {}) => checkClaims({ articles: articlesFor(claims), claims, sources: [], ...extra });

describe('checkClaims', () => {
  it('finds what the seeds-like input holds', () => {
    const { findings } = run(SEEDS_LIKE);
    expect(findings.map((f) => `${f.severity} ${f.rule}`)).toEqual(['error value-conflict', 'warning series-conflict', 'info single-source', 'info single-source']);
  });

  it('gives the same output for the same input in any order', () => {
    const reference = JSON.stringify(run(SEEDS_LIKE));
    fc.assert(
      fc.property(fc.shuffledSubarray(SEEDS_LIKE, { minLength: SEEDS_LIKE.length, maxLength: SEEDS_LIKE.length }), (shuffled) => {
        const articles = articlesFor(shuffled).reverse();
        expect(JSON.stringify(checkClaims({ articles, claims: shuffled, sources: [] }))).toBe(reference);
      }),
      { numRuns: 25 },
    );
  });

  it('keeps finding ids when claims get new ids and articles new ids (same paths)', () => {
    const renamed = SEEDS_LIKE.map((c) => ({ ...c, id: `x-${c.id}`, article: `z-${c.article}` }));
    const articles = ['a', 'b', 'c', 'd'].map((id) => article(`z-${id}`, { path: `articles/${id}.txt`, outlet: id.toUpperCase() }));
    const before = run(SEEDS_LIKE).findings.map((f) => f.id);
    const after = checkClaims({ articles, claims: renamed, sources: [] }).findings.map((f) => f.id);
    expect(after).toEqual(before);
  });

  it('keeps the id and changes the evidence when a figure is edited', () => {
    const before = run(SEEDS_LIKE).findings.find((f) => f.rule === 'value-conflict')!;
    const edited = SEEDS_LIKE.map((c) => (c.figure?.text === '47-page' ? { ...c, value: v(46, { unit: 'page' }), figure: { ...c.figure, text: '46-page' } } : c));
    const after = run(edited).findings.find((f) => f.rule === 'value-conflict')!;
    expect(after.id).toBe(before.id);
    expect(after.evidence).not.toBe(before.evidence);
  });

  it('applies the last review, and reopens a decision taken on other evidence', () => {
    const f = run(SEEDS_LIKE).findings.find((x) => x.rule === 'value-conflict')!;
    const review = (status: Review['status'], evidence: string | null): Review => ({ status, by: 'ed', at: '2026-03-25T10:00:00Z', reason: 'checked', evidence });
    const kept = run(SEEDS_LIKE, { reviews: { [f.id]: [review('confirmed', 'old'), review('dismissed', f.evidence)] } }).findings.find((x) => x.id === f.id)!;
    expect(kept.review).toEqual({ status: 'dismissed', by: 'ed', at: '2026-03-25T10:00:00Z', reason: 'checked' });
    expect(kept.reopened).toBeNull();
    const reopened = run(SEEDS_LIKE, { reviews: { [f.id]: [review('dismissed', 'another-evidence')] } }).findings.find((x) => x.id === f.id)!;
    expect(reopened.review.status).toBe('open');
    expect(reopened.reopened).toContain('dismissed by ed');
    const noted = run(SEEDS_LIKE, { reviews: { [f.id]: [review('noted', 'another-evidence')] } }).findings.find((x) => x.id === f.id)!;
    expect(noted.review.status).toBe('noted');
  });

  it('runs only the rules asked for, and names the known ones for an unknown id', () => {
    expect(run(SEEDS_LIKE, { rules: ['series-conflict'] }).findings.map((f) => f.rule)).toEqual(['series-conflict']);
    expect(() => run(SEEDS_LIKE, { rules: ['no-such-rule'] })).toThrow(/known: value-conflict/);
  });

  it('reports a price read two ways in one article with exactly one rule', () => {
    const claims = [
      claim({ article: 'cm', metricKey: 'price:output-token', subjectKey: 'deepseek-v3.2', value: v(0.42, { unit: 'USD', per: 'million output tokens', approx: true }), figure: '$42', quote: 'pays roughly $42 for 100 million output tokens on DeepSeek V3.2' }),
      claim({ article: 'cm', metricKey: 'price:output-token', subjectKey: 'deepseek-v3.2', value: v(1.1, { unit: 'USD', per: 'million output tokens' }), figure: '$1.10', quote: 'DeepSeek V3.2 at $1.10 per million output tokens' }),
    ];
    const rules = run(claims).findings.filter((f) => f.severity !== 'info').map((f) => f.rule);
    expect(rules).toEqual(['internal-contradiction']);
  });

  it('every rule has an id, a severity and a doc', () => {
    for (const r of RULES) {
      expect(r.id).toMatch(/^[a-z-]+$/);
      expect(['error', 'warning', 'info']).toContain(r.severity);
      expect(r.doc.length).toBeGreaterThan(40);
    }
  });

  it('runs over 20,000 generated claims', () => {
    const claims: Claim[] = [];
    let seed = 7;
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 20000; i++) {
      const story = Math.floor(rand() * 400);
      const art = `s${story}-${Math.floor(rand() * 5)}`;
      const metric = Math.floor(rand() * 6);
      const month = 1 + Math.floor(rand() * 12);
      const x = Math.round((1 + metric) * 1000 * (rand() < 0.9 ? 1 : 1 + rand()));
      claims.push(
        claim({
          article: art,
          metricKey: `count:m${metric}`,
          subjectKey: rand() < 0.8 ? `place-${story}` : null,
          value: v(x, { unit: 'item', approx: rand() < 0.2 }),
          period: rand() < 0.8 ? p(`2025-${String(month).padStart(2, '0')}`) : null,
          figure: x.toLocaleString('en-US'),
          series: rand() < 0.3 ? { id: `${art}:s${metric}`, index: month } : null,
        }),
      );
    }
    const { groups, findings } = run(claims);
    expect(groups.length).toBeGreaterThan(1000);
    expect(findings.length).toBeGreaterThan(0);
  });
});
