/**
 * Decisions kept beside the index: merged by entry, written first, read back by every check, so an
 * index deleted and rebuilt, or a store moved by export and import, keeps every decision.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Review } from '../../src/store/schema.js';
import { openStore } from '../../src/store/store.js';
import { checkStore, recordCheck } from '../../src/workflow/current.js';
import { decisionsFileOf, holdsAll, mergeDecisions, parseDecisionsExport, readDecisions, saveDecisions } from '../../src/workflow/decisions.js';
import { recordReview } from '../../src/workflow/review.js';
import { START_2024, putArticles, storyClaims, storyStore } from './story.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ct-decisions-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const r = (status: Review['status'], at: string | null, reason: string | null = null): Review => ({ status, by: 'ed', at, reason, evidence: 'e1' });

describe('mergeDecisions', () => {
  const a1 = r('dismissed', '2026-03-25T10:00:00Z', 'explained');
  const a2 = r('open', '2026-03-26T10:00:00Z');
  const b1 = r('confirmed', '2026-03-24T09:00:00Z');
  const cases: Array<[string, Record<string, Review[]>[], Record<string, Review[]>]> = [
    ['nothing', [{}, {}], {}],
    ['one side only', [{ 'f-a': [a1] }, {}], { 'f-a': [a1] }],
    ['the same entry twice is kept once', [{ 'f-a': [a1] }, { 'f-a': [{ ...a1 }] }], { 'f-a': [a1] }],
    ['histories interleave by time', [{ 'f-a': [a1, a2] }, { 'f-a': [b1] }], { 'f-a': [b1, a1, a2] }],
    ['different findings are kept apart', [{ 'f-a': [a1] }, { 'f-b': [b1] }], { 'f-a': [a1], 'f-b': [b1] }],
  ];
  it.each(cases)('%s', (_name, inputs, expected) => {
    const merged = mergeDecisions(...inputs);
    expect(merged).toEqual(expected);
    for (const input of inputs) expect(holdsAll(merged, input)).toBe(true);
  });
  it('holdsAll sees a missing entry', () => {
    expect(holdsAll({ 'f-a': [a1] }, { 'f-a': [a1, a2] })).toBe(false);
  });
});

describe('the decisions file', () => {
  it('a decision goes to the file and the index; a deleted index gets it back at the next check', async () => {
    const file = join(dir, 's.json');
    const store = await storyStore(file);
    const f = (await checkStore(store)).report.findings.find((x) => x.rule === 'value-conflict')!;
    await recordReview(store, f.id, { status: 'dismissed', by: 'J. Chen', reason: 'annexes excluded', at: new Date('2026-03-25T10:00:00Z') });
    expect(Object.keys(await readDecisions(store))).toEqual([f.id]);
    expect(Object.keys((await store.read()).reviews)).toEqual([f.id]);

    // The index and its shards go; the articles are added again.
    for (const p of [file, `${file}.bak`, `${file}.d`, `${file}.last-check.json`]) rmSync(p, { recursive: true, force: true });
    const rebuilt = openStore(file);
    await putArticles(rebuilt, storyClaims());
    expect((await rebuilt.read()).reviews).toEqual({});
    const checked = await checkStore(rebuilt);
    expect(checked.report.findings.find((x) => x.id === f.id)?.review).toEqual({ status: 'dismissed', by: 'J. Chen', at: '2026-03-25T10:00:00.000Z', reason: 'annexes excluded' });
    // Remembering the check heals the index.
    await recordCheck(rebuilt, checked.report);
    expect(Object.keys((await rebuilt.read()).reviews)).toEqual([f.id]);
  });

  it('an index written before the file existed fills the file at the next check', async () => {
    const store = await storyStore(join(dir, 's.json'));
    const review = r('noted', '2026-03-25T10:00:00Z', 'ask the agency');
    await store.update((data) => {
      data.reviews['f-old'] = [review];
    });
    expect(existsSync(decisionsFileOf(store))).toBe(false);
    await recordCheck(store, (await checkStore(store)).report);
    expect(await readDecisions(store)).toEqual({ 'f-old': [review] });
  });

  it('a corrupt decisions file stops the check naming it, and is not overwritten', async () => {
    const store = await storyStore(join(dir, 's.json'));
    writeFileSync(decisionsFileOf(store), '{"claimtrace": "decisions", "version": 1, "reviews": {');
    await expect(checkStore(store)).rejects.toThrow(`${decisionsFileOf(store)}: `);
    await expect(saveDecisions(store, { 'f-a': [r('confirmed', null)] })).rejects.toThrow(decisionsFileOf(store));
    expect(readFileSync(decisionsFileOf(store), 'utf8')).toBe('{"claimtrace": "decisions", "version": 1, "reviews": {');
  });

  it('a check with no decisions writes no decisions file', async () => {
    const store = await storyStore(join(dir, 's.json'));
    await recordCheck(store, (await checkStore(store)).report);
    expect(existsSync(decisionsFileOf(store))).toBe(false);
  });
});

describe('parseDecisionsExport', () => {
  const good = JSON.stringify({ claimtrace: 'decisions', version: 1, reviews: { 'f-1a2b': [r('confirmed', '2026-03-25T10:00:00Z')] } });
  const bad: Array<[string, string, RegExp]> = [
    ['not JSON', '{"reviews": ', /not valid JSON|JSON/],
    ['another file', JSON.stringify({ schema: 1, articles: [] }), /claimtrace/],
    ['an unknown status', good.replace('confirmed', 'approved'), /status/],
    ['a key that is not a finding id', good.replace('f-1a2b', 'c-1a2b'), /reviews\.c-1a2b/],
  ];
  it('reads a good export', () => {
    expect(Object.keys(parseDecisionsExport('d.json', good))).toEqual(['f-1a2b']);
  });
  it.each(bad)('%s is refused, naming the file', (_name, text, reason) => {
    expect(() => parseDecisionsExport('d.json', text)).toThrow(/^d\.json: /);
    expect(() => parseDecisionsExport('d.json', text)).toThrow(reason);
  });
});

describe('decided findings that went away', () => {
  it('are listed with their decision and why they went, open ones are not', async () => {
    const file = join(dir, 's.json');
    const store = await storyStore(file);
    const first = await checkStore(store);
    const series = first.report.findings.find((x) => x.rule === 'series-conflict')!;
    const pages = first.report.findings.find((x) => x.rule === 'value-conflict')!;
    await recordCheck(store, first.report);
    await recordReview(store, series.id, { status: 'dismissed', by: 'ed', reason: 'the agency revised it', at: new Date('2026-03-25T10:00:00Z') });
    // d is edited to start in 2024 like the others, and drops its 47 pages: both findings go away.
    await putArticles(store, { d: storyClaims(START_2024).d.filter((c) => !c.id.endsWith('pages')) }, { d: 'd2' });
    await store.update((data) => {
      data.articles = data.articles.filter((a) => a.id !== 'd');
    });
    const after = await checkStore(store);
    expect(after.report.findings.map((x) => x.id)).not.toContain(series.id);
    expect(after.resolved.map((x) => x.id)).toEqual([series.id]);
    expect(after.resolved[0]).toMatchObject({
      id: series.id,
      rule: 'series-conflict',
      claims: [],
      review: { status: 'dismissed', by: 'ed', at: '2026-03-25T10:00:00.000Z', reason: 'the agency revised it' },
      resolved: { why: expect.any(String) },
    });
    expect(after.resolved[0].articles.every((a) => after.report.articles.some((x) => x.id === a))).toBe(true);
    expect(after.resolved.map((x) => x.id)).not.toContain(pages.id);
  });
});
