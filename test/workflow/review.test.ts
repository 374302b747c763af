import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/store/schema.js';
import { checkStore } from '../../src/workflow/current.js';
import { ReviewError, findFinding, recordReview } from '../../src/workflow/review.js';
import { reviewRows, rowLines } from '../../src/workflow/status.js';
import { START_2024, putArticles, storyClaims, storyStore } from './story.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ct-review-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const AT = new Date('2026-03-25T10:00:00Z');
const byRule = async (store: Awaited<ReturnType<typeof storyStore>>, rule: string): Promise<Finding> =>
  (await checkStore(store)).report.findings.find((f) => f.rule === rule)!;

describe('findFinding', () => {
  const findings = [{ id: 'f-3a9c000001' }, { id: 'f-3a9c000002' }, { id: 'f-77aa000000' }] as Finding[];
  const cases: Array<[string, string | RegExp]> = [
    ['f-77aa000000', 'f-77aa000000'],
    ['f-77', 'f-77aa000000'],
    ['77aa', 'f-77aa000000'],
    ['3a9c', /names 2 findings \(f-3a9c000001, f-3a9c000002\)/],
    ['f-0000', /no finding 'f-0000' in the last check/],
  ];
  it.each(cases)('%s → %s', (id, expected) => {
    if (typeof expected === 'string') expect(findFinding(findings, id).id).toBe(expected);
    else expect(() => findFinding(findings, id)).toThrow(expected);
  });
});

describe('recordReview', () => {
  it('records who, when, why and the evidence, and the next check carries the decision', async () => {
    const store = await storyStore(join(dir, 's.json'));
    const f = await byRule(store, 'value-conflict');
    const { review, previous } = await recordReview(store, f.id, { status: 'dismissed', by: ' J. Chen ', reason: 'the 47-page  figure excludes annexes', at: AT });
    expect(previous).toBeNull();
    expect(review).toEqual({
      status: 'dismissed',
      by: 'J. Chen',
      at: '2026-03-25T10:00:00.000Z',
      reason: 'the 47-page figure excludes annexes',
      evidence: f.evidence,
      basis: {
        articles: ['articles/a.txt', 'articles/b.txt', 'articles/d.txt'],
        figures: [
          { article: 'articles/a.txt', text: '48-page' },
          { article: 'articles/b.txt', text: '48-page' },
          { article: 'articles/d.txt', text: '47-page' },
        ],
      },
    });
    expect((await store.read()).reviews[f.id]).toEqual([review]);
    const again = await byRule(store, 'value-conflict');
    expect(again.review).toEqual({ status: 'dismissed', by: 'J. Chen', at: '2026-03-25T10:00:00.000Z', reason: 'the 47-page figure excludes annexes' });
    expect(again.reopened).toBeNull();
  });

  it('keeps the history: the last decision is current, the previous one is returned', async () => {
    const store = await storyStore(join(dir, 's.json'));
    const f = await byRule(store, 'series-conflict');
    await recordReview(store, f.id, { status: 'noted', by: 'ed', reason: 'asked the NDA', at: AT });
    const { previous } = await recordReview(store, f.id.slice(0, 6), { status: 'confirmed', by: 'ed', at: AT });
    expect(previous?.status).toBe('noted');
    expect((await store.read()).reviews[f.id].map((r) => r.status)).toEqual(['noted', 'confirmed']);
    expect((await byRule(store, 'series-conflict')).review.status).toBe('confirmed');
  });

  const refused: Array<[string, Parameters<typeof recordReview>[2], RegExp]> = [
    ['a dismissal without a reason', { status: 'dismissed', reason: '  ' }, /a dismissal needs a reason/],
    ['a note without text', { status: 'noted' }, /a note needs its text/],
  ];
  it.each(refused)('refuses %s, and writes nothing', async (_name, decision, message) => {
    const store = await storyStore(join(dir, 's.json'));
    const f = await byRule(store, 'series-conflict');
    await expect(recordReview(store, f.id, decision)).rejects.toThrow(ReviewError);
    await expect(recordReview(store, f.id, decision)).rejects.toThrow(message);
    expect((await store.read()).reviews).toEqual({});
  });

  it('a dismissed finding whose figure is edited reopens, saying what changed', async () => {
    const store = await storyStore(join(dir, 's.json'));
    const f = await byRule(store, 'series-conflict');
    await recordReview(store, f.id, { status: 'dismissed', by: 'ed', reason: 'different sources', at: AT });
    const d = storyClaims().d.map((c) => (c.figure?.text === '1 trillion' ? { ...c, value: { ...c.value!, min: 1.2e12, max: 1.2e12 }, figure: { ...c.figure, text: '1.2 trillion' } } : c));
    await putArticles(store, { d }, { d: 'd2' });
    const after = await byRule(store, 'series-conflict');
    expect(after.id).toBe(f.id);
    expect(after.review.status).toBe('open');
    expect(after.reopened).toBe(
      'dismissed by ed on 2026-03-25T10:00:00.000Z ("different sources"); since then in articles/d.txt "1 trillion" became "1.2 trillion"',
    );
  });
});

describe('reviewRows', () => {
  it('lists current findings with their status, then resolved ones with why', async () => {
    const store = await storyStore(join(dir, 's.json'));
    const f = await byRule(store, 'series-conflict');
    await recordReview(store, f.id, { status: 'dismissed', by: 'ed', reason: 'different sources', at: AT });
    const { recordCheck } = await import('../../src/workflow/current.js');
    await recordCheck(store, (await checkStore(store)).report);
    await putArticles(store, { d: storyClaims(START_2024).d }, { d: 'd2' });
    await recordCheck(store, (await checkStore(store)).report, AT);
    const { report, data } = await checkStore(store);
    const rows = reviewRows(report, data);
    const last = rows.find((r) => r.id === f.id)!;
    expect(last).toMatchObject({ id: f.id, status: 'resolved', by: 'ed', reason: 'dismissed: different sources', articles: ['articles/a.txt', 'articles/b.txt', 'articles/c.txt', 'articles/d.txt'] });
    expect(rowLines([last])[1]).toBe('    resolved on 2026-03-25T10:00:00.000Z: articles/d.txt was edited: the claims it rested on no longer disagree (was dismissed: different sources)');
    expect(rows.filter((r) => r.status === 'open').length).toBe(report.findings.length);
  });
});

describe('reopening', () => {
  it('an article re-added with other bytes around the same figures and quotes (a new id): the decision stays', async () => {
    const store = await storyStore(join(dir, 's.json'));
    const f = await byRule(store, 'series-conflict');
    await recordReview(store, f.id, { status: 'confirmed', by: 'ed', reason: null, at: AT });
    await putArticles(store, { d: storyClaims().d }, { d: 'd2' });
    const after = await byRule(store, 'series-conflict');
    expect(after.articles).toContain('d2');
    expect(after.review.status).toBe('confirmed');
    expect(after.reopened).toBeNull();
  });

  it('a quote reworded around the same figures: reopened, saying the figures read the same', async () => {
    const store = await storyStore(join(dir, 's.json'));
    const f = await byRule(store, 'series-conflict');
    await recordReview(store, f.id, { status: 'confirmed', by: 'ed', reason: null, at: AT });
    const d = storyClaims().d.map((c) => ({ ...c, quote: c.quote.replace("China's daily token usage was", 'Daily token use in China stood at') }));
    await putArticles(store, { d }, { d: 'd2' });
    const after = await byRule(store, 'series-conflict');
    expect(after.reopened).toBe('confirmed by ed on 2026-03-25T10:00:00.000Z; since then the text around its figures changed (the articles and figures read the same)');
  });

  it('rebuilt with the same bytes: the decision stays, not reopened', async () => {
    const store = await storyStore(join(dir, 's.json'));
    const f = await byRule(store, 'series-conflict');
    await recordReview(store, f.id, { status: 'dismissed', by: 'ed', reason: 'different sources', at: AT });
    await store.update((data) => {
      data.articles = [];
    });
    await putArticles(store, Object.fromEntries(Object.entries(storyClaims()).reverse()));
    const after = await byRule(store, 'series-conflict');
    expect(after.review.status).toBe('dismissed');
    expect(after.reopened).toBeNull();
  });
});
