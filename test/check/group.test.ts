import { describe, expect, it } from 'vitest';
import { checkClaims } from '../../src/check/index.js';
import type { Claim, Group } from '../../src/store/schema.js';
import { articlesFor, claim, p, usage, v } from './factory.js';

const groupsOf = (claims: Claim[]): Group[] => checkClaims({ articles: articlesFor(claims), claims, sources: [], rules: [] }).groups;
/** Groups as lists of claim ids, sorted, for comparison. */
const partition = (claims: Claim[]): string[][] => groupsOf(claims).map((g) => [...g.claims].sort()).sort((a, b) => (a[0] < b[0] ? -1 : 1));
const ids = (...cs: Claim[]): string[] => cs.map((c) => c.id).sort();

const income = (article: string, x: number, when: string, text: string, extra: Partial<Claim> = {}): Claim =>
  claim({ article, metricKey: 'income', metric: 'earnings', subjectKey: 'clintons', subject: 'the Clintons', value: v(x, { unit: 'USD' }), period: p(when), figure: text, ...extra });
const taxRate = (article: string, x: number, when: string, text: string): Claim =>
  claim({ article, metricKey: 'rate:effective-federal-tax', metric: 'effective federal tax rate', subjectKey: 'clintons', value: v(x, { unit: '%' }), period: p(when), figure: text });

describe('groupClaims: what counts as the same claim', () => {
  const a1 = usage('a', 1.4e14, '2026-03', 'over 140 trillion', { bound: 'lower' });
  const b1 = usage('b', 1.4e14, '2026-01-01/2026-04-30', '140 trillion');
  const c1 = usage('c', 1.4e14, '2026-03-01/2026-03-24', 'more than 140 trillion', { bound: 'lower' });
  const a2 = usage('a', 1e11, '2024-01-01/2024-04-30', '100 billion');
  const b2 = usage('b', 1e11, '2024-01', '100 billion');
  const cases: Array<[string, Claim[], string[][]]> = [
    ['March, early 2026 and "so far this month" name one observation of a rate', [a1, b1, c1], [ids(a1, b1, c1)]],
    ['early 2024 and March 2026 are different facts', [a1, a2, b1, b2], [ids(a1, b1), ids(a2, b2)].sort((x, y) => (x[0] < y[0] ? -1 : 1))],
    [
      'another subject is another fact',
      [a1, usage('b', 1.4e14, '2026-03', '140 trillion', { subjectKey: 'us', subject: 'the US' })],
      [[a1.id], []],
    ],
  ];
  it.each(cases)('%s', (_what, claims, expected) => {
    const got = partition(claims);
    if (expected.some((g) => g.length === 0)) expect(got).toHaveLength(expected.length);
    else expect(got).toEqual(expected.sort((x, y) => (x[0] < y[0] ? -1 : 1)));
  });

  it('keeps a flow over one year apart from the same flow over eight years', () => {
    const eight = income('a', 140937785, '2007/2014', '$140,937,785', { period: p('2007-01-01/2014-12-31') });
    const one = income('b', 28e6, '2014', '$28 million');
    expect(partition([eight, one])).toHaveLength(2);
  });

  it('keeps a rate over 2007-2014 apart from the 2014 rate', () => {
    const avg = claim({ ...taxRate('a', 31.55, '2014', '31.55 percent'), period: p('2007-01-01/2014-12-31') });
    const y2014 = taxRate('b', 35.7, '2014', '35.7 percent');
    expect(partition([avg, y2014])).toHaveLength(2);
  });

  it('puts an undated figure with the only dated time of its metric', () => {
    const dated = claim({ article: 'a', metricKey: 'depth', subjectKey: 'quake', value: v(1.2, { unit: 'mile' }), period: p('2013-03-14'), figure: '1.2 miles' });
    const undated = claim({ article: 'b', metricKey: 'depth', subjectKey: 'quake', value: v(12, { unit: 'mile' }), figure: '12 miles' });
    // the two articles share a story through the magnitude they both give
    const m1 = claim({ article: 'a', metricKey: 'magnitude', subjectKey: 'quake', value: v(4.6), figure: '4.6' });
    const m2 = claim({ article: 'b', metricKey: 'magnitude', subjectKey: 'quake', value: v(4.6), figure: '4.6' });
    expect(partition([dated, undated, m1, m2])).toContainEqual(ids(dated, undated));
  });

  it('puts an undated figure with the dated time whose value it gives, when there are several', () => {
    const march = usage('a', 1.4e14, '2026-03', '140 trillion');
    const end2025 = usage('a', 1e14, '2025-10-01/2025-12-31', '100 trillion');
    const undated = usage('b', 1.4e14, null, '140 trillion');
    const other = usage('b', 1e11, null, '100 billion');
    const got = partition([march, end2025, undated, other]);
    expect(got).toContainEqual(ids(march, undated));
    expect(got).toContainEqual([other.id]);
  });

  it('gives a claim without subject the subject its story agrees on', () => {
    const named = usage('a', 1.4e14, '2026-03', '140 trillion');
    const bare = usage('b', 1.4e14, '2026-03', '140 trillion', { subjectKey: null, subject: null });
    // Article b is about China: its other claims name it.
    const about = claim({ article: 'b', metricKey: 'count:model', value: v(17, { unit: 'model' }), figure: '17 models', entities: [{ text: 'China', canonical: 'china', start: 0, end: 5 }] });
    expect(partition([named, bare, about])).toEqual([ids(named, bare), [about.id]].sort((x, y) => (x[0] < y[0] ? -1 : 1)));
  });

  it("does not give it the subject one other article gives, of a party its own article is not about", () => {
    // "Bush paid an effective tax rate of roughly 36 percent" / "the couple paid … an effective tax rate of 31.55 percent" (on the Clintons).
    const clintons = [{ text: 'Clinton', canonical: 'hillary-clinton', start: 0, end: 7 }];
    const bush = claim({ article: 'a', metricKey: 'rate:effective', subjectKey: 'bush', subject: 'Bush', value: v(36, { unit: '%', approx: true }), figure: 'roughly 36 percent' });
    const couple = claim({ article: 'b', metricKey: 'rate:effective', value: v(31.55, { unit: '%' }), figure: '31.55 percent', entities: clintons });
    const taxes = claim({ article: 'b', metricKey: 'tax:federal', value: v(43885310, { unit: 'USD' }), figure: '$43,885,310', entities: clintons });
    // Linked into one story by the taxes figure both give.
    const linked = claim({ article: 'a', metricKey: 'tax:federal', value: v(43885310, { unit: 'USD' }), figure: '$43,885,310' });
    const groups = partition([bush, couple, taxes, linked]);
    expect(groups.find((g) => g.includes(couple.id))).toEqual([couple.id]);
  });

  it('never groups claims without subject across unrelated stories', () => {
    const x = claim({ article: 'a', metricKey: 'arrests', value: v(42, { unit: 'person' }), figure: '42 people' });
    const y = claim({ article: 'b', metricKey: 'arrests', value: v(130, { unit: 'person' }), figure: '130 people' });
    expect(partition([x, y])).toHaveLength(2);
  });
});

describe('group status and origins', () => {
  const cases: Array<[string, Claim[], Group['status']]> = [
    ['two articles agree', [usage('a', 1.4e14, '2026-03', 'over 140 trillion', { bound: 'lower' }), usage('b', 1.4e14, '2026-03', '140 trillion')], 'corroborated'],
    ['two articles disagree', [usage('a', 1e12, '2025-01', '1 trillion'), usage('b', 1e11, '2025-01', '100 billion')], 'conflicting'],
    ['one article', [usage('a', 1.296e13, '2026-04-01/2026-04-07', '12.96 trillion')], 'single-source'],
    [
      'a minority value from an article that also gives the majority value is not a conflict',
      [usage('a', 1.4e14, '2026-03', '140 trillion'), usage('a', 1e14, '2026-03', '100 trillion'), usage('b', 1.4e14, '2026-03', '140 trillion')],
      'corroborated',
    ],
  ];
  it.each(cases)('%s', (_what, claims, status) => {
    const groups = groupsOf(claims);
    expect(groups).toHaveLength(1);
    expect(groups[0].status).toBe(status);
  });

  it('counts one origin for articles quoting one organisation', () => {
    const claims = ['a', 'b', 'c'].map((x) => usage(x, 1.4e14, '2026-03', '140 trillion', { organisation: 'National Data Administration', speaker: 'Liu Liehong' }));
    claims.push(usage('d', 1.4e14, '2026-03', '140 trillion'));
    expect(groupsOf(claims)[0].origins).toBe(2);
  });

  it('takes a replacement origin counter', () => {
    const claims = ['a', 'b'].map((x) => usage(x, 1.4e14, '2026-03', '140 trillion'));
    const { groups } = checkClaims({ articles: articlesFor(claims), claims, sources: [], rules: [], countOrigins: () => 7 });
    expect(groups[0].origins).toBe(7);
  });

  it('names the group by metric, subject and period, not by claim or article ids', () => {
    const one = groupsOf([usage('a', 1.4e14, '2026-03', '140 trillion'), usage('b', 1.4e14, '2026-03', '140 trillion')]);
    const two = groupsOf([usage('x', 1.4e14, '2026-03', 'over 140 trillion', { bound: 'lower' }), usage('y', 1.4e14, '2026-03', '140 trillion')]);
    expect(one[0].id).toBe(two[0].id);
  });
});
