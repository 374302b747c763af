/**
 * A decision follows its finding when only the finding's id changed (`src/workflow/carry.ts`): a
 * table of what is carried and what is not, then the case that needs it, through the store: an
 * earlier report of a story is added, the story takes its name, and the finding keyed by the story
 * gets a new id on the very same claims.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Claim, Finding, FindingDigest, Review, StoreData } from '../../src/store/schema.js';
import { carryDecisions } from '../../src/workflow/carry.js';
import { checkStore, recordCheck } from '../../src/workflow/current.js';
import { recordReview } from '../../src/workflow/review.js';
import { reviewRows } from '../../src/workflow/status.js';
import { openStore } from '../../src/store/store.js';
import { claim, usage, v } from '../check/factory.js';
import { putArticles } from './story.js';

const decided = (status: Review['status'], evidence = 'e1'): Review[] => [{ status, by: 'J. Chen', at: '2026-03-25T10:00:00.000Z', reason: 'checked', evidence }];
const finding = (id: string, rule = 'value-conflict', evidence = 'e1'): Finding => ({ id, rule, evidence }) as Finding;
const digest = (id: string, rule = 'value-conflict', evidence = 'e1'): FindingDigest => ({ id, rule, evidence, severity: 'error', message: 'm', articles: [] });
const held = (reviews: Record<string, Review[]>, last: FindingDigest[]): Pick<StoreData, 'reviews' | 'lastCheck' | 'resolved'> => ({
  reviews,
  lastCheck: { findings: last, groups: [] },
});

describe('carryDecisions', () => {
  const cases: Array<[string, Finding[], ReturnType<typeof held>, Record<string, string>]> = [
    ['a dismissed finding gone, one new finding on its rule and evidence: carried', [finding('f-new')], held({ 'f-old': decided('dismissed') }, [digest('f-old')]), { 'f-new': 'f-old' }],
    ['a confirmed one too', [finding('f-new')], held({ 'f-old': decided('confirmed') }, [digest('f-old')]), { 'f-new': 'f-old' }],
    ['an open one is not a decision', [finding('f-new')], held({ 'f-old': decided('open') }, [digest('f-old')]), {}],
    ['the old finding still found keeps its decision', [finding('f-old'), finding('f-new')], held({ 'f-old': decided('dismissed') }, [digest('f-old')]), {}],
    ['another rule on the same claims is another finding', [finding('f-new', 'unit-conflict')], held({ 'f-old': decided('dismissed') }, [digest('f-old')]), {}],
    ['other evidence is another finding', [finding('f-new', 'value-conflict', 'e2')], held({ 'f-old': decided('dismissed') }, [digest('f-old')]), {}],
    ['two new findings on that evidence: neither takes it', [finding('f-new'), finding('f-new2')], held({ 'f-old': decided('dismissed') }, [digest('f-old')]), {}],
    ['a new finding with a decision of its own keeps it', [finding('f-new')], held({ 'f-old': decided('dismissed'), 'f-new': decided('confirmed') }, [digest('f-old')]), {}],
    ['a finding not in the last check is not carried from', [finding('f-new')], held({ 'f-old': decided('dismissed') }, []), {}],
  ];
  it.each(cases)('%s', (_, findings, store, expected) => {
    const carried = carryDecisions(findings, store);
    expect(Object.fromEntries(carried.moved)).toEqual(expected);
    for (const [now, was] of Object.entries(expected)) expect(carried.reviews[now]).toEqual(store.reviews[was]);
    if (Object.keys(expected).length === 0) expect(carried.reviews).toBe(store.reviews);
  });

  it('carries from a finding resolved at an earlier check', () => {
    const store = { reviews: { 'f-old': decided('dismissed') }, lastCheck: null, resolved: { 'f-old': { ...digest('f-old'), at: '2026-03-24', why: 'gone' } } };
    expect(Object.fromEntries(carryDecisions([finding('f-new')], store).moved)).toEqual({ 'f-new': 'f-old' });
  });
});

describe('a decision through a story renamed', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ct-carry-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  // A count with no subject of its own is grouped inside its story, and its group and findings are
  // keyed by the story's name: the story's first report.
  const pages = (a: string, n: number): Claim => claim({ id: `c-${a}-pages`, article: a, metricKey: 'length:page', value: v(n, { unit: 'page' }), figure: `${n}-page` });
  const link = (a: string): Claim => usage(a, 1.4e14, '2026-03', 'over 140 trillion', { id: `c-${a}-usage` });

  it('keeps the dismissal when an earlier report joins the story, and the old finding says where it went', async () => {
    const store = openStore(join(dir, 's.json'));
    await putArticles(store, { b: [link('b'), pages('b', 48)], c: [link('c'), pages('c', 47)] });
    const first = await checkStore(store);
    await recordCheck(store, first.report);
    const f = first.report.findings.find((x) => x.rule === 'value-conflict')!;
    expect(f).toBeDefined();
    await recordReview(store, f.id, { status: 'dismissed', by: 'J. Chen', reason: 'the 47 pages leave out the annex', at: new Date('2026-03-25T10:00:00Z') });

    // An earlier report: it gives the linking figure and no page count.
    await putArticles(store, { a: [link('a')] });
    await store.update((data) => {
      data.articles = data.articles.map((r) => (r.id === 'a' ? { ...r, published: { value: '2026-03-20', origin: 'declared' as const, how: 'test' } } : r));
    });

    const second = await checkStore(store);
    const g = second.report.findings.find((x) => x.rule === 'value-conflict')!;
    expect(g.id).not.toBe(f.id);
    expect(g.evidence).toBe(f.evidence);
    expect(g.review).toEqual({ status: 'dismissed', by: 'J. Chen', at: '2026-03-25T10:00:00.000Z', reason: 'the 47 pages leave out the annex' });
    const gone = second.changes.findings.resolved.find((x) => x.id === f.id);
    expect(gone?.why).toBe(`the same finding, on the same evidence, is now ${g.id}; its decision went with it`);

    // Remembered: the next check and the review list read the decision under the new id.
    await recordCheck(store, second.report);
    const data = await store.read();
    expect(data.reviews[g.id]?.at(-1)?.status).toBe('dismissed');
    const rows = reviewRows((await checkStore(store)).report, data);
    expect(rows.find((r) => r.id === g.id)?.status).toBe('dismissed');
    expect(rows.find((r) => r.id === f.id)?.why).toBe(`the same finding, on the same evidence, is now ${g.id}; its decision went with it`);
  });
});
