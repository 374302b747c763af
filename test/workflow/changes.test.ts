import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { diffChecks, nothingChanged, snapshotOf } from '../../src/workflow/changes.js';
import type { CheckSnapshot } from '../../src/workflow/changes.js';
import { checkStore, recordCheck } from '../../src/workflow/current.js';
import { changeLines } from '../../src/workflow/summary.js';
import { START_2024, putArticles, storyClaims, storyStore } from './story.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ct-changes-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const snap = async (file: string): Promise<CheckSnapshot> => {
  const store = await storyStore(file);
  return snapshotOf((await checkStore(store)).report, '2026-03-25T10:00:00.000Z');
};
const rules = (list: Array<{ rule: string }>): string[] => list.map((f) => f.rule).sort();

describe('diffChecks', () => {
  it('first check: everything is new, nothing resolved', async () => {
    const current = await snap(join(dir, 's.json'));
    const c = diffChecks(null, current);
    expect(c.first).toBe(true);
    expect(c.articles.added).toEqual(['articles/a.txt', 'articles/b.txt', 'articles/c.txt', 'articles/d.txt']);
    expect(c.findings.new.map((f) => f.id)).toEqual(current.findings.map((f) => f.id));
    expect(c.findings.resolved).toEqual([]);
    expect(changeLines(c)).toEqual([`changes: first check of this store (4 articles, ${current.findings.length} findings)`]);
  });

  it('the same check twice: nothing changed', async () => {
    const current = await snap(join(dir, 's.json'));
    const c = diffChecks(current, { ...current, at: '2026-03-26T00:00:00.000Z' });
    expect(nothingChanged(c)).toBe(true);
    expect(changeLines(c)).toEqual(['changes since the last check (2026-03-25T10:00:00.000Z): none']);
  });

  it('adding the article that starts the series differently: new series and value conflicts, groups joined and broken', async () => {
    const store = await storyStore(join(dir, 's.json'), ['a', 'b', 'c']);
    const before = snapshotOf((await checkStore(store)).report, 't1');
    await putArticles(store, { d: storyClaims().d });
    const c = diffChecks(before, snapshotOf((await checkStore(store)).report, 't2'));
    expect(c.articles).toEqual({ added: ['articles/d.txt'], edited: [], removed: [] });
    expect(rules(c.findings.new)).toEqual(['series-conflict', 'single-source', 'value-conflict']);
    expect(c.findings.new.find((f) => f.rule === 'series-conflict')!.paths).toContain('articles/d.txt');
    expect(c.findings.resolved).toEqual([]);
    expect(c.groups.joined.map((g) => g.joined)).toEqual([['articles/d.txt'], ['articles/d.txt'], ['articles/d.txt']]);
    expect(c.groups.broken.map((g) => [g.previousStatus, g.status, g.joined])).toEqual([['corroborated', 'conflicting', ['articles/d.txt']]]);
    expect(changeLines(c).filter((l) => l.startsWith('  group'))).toEqual([
      expect.stringMatching(/^ {2}group broken: g-\w+ is now conflicting after articles\/d\.txt joined$/),
      expect.stringMatching(/^ {2}group joined: articles\/d\.txt joined g-\w+ \(daily token usage of China, 2025-10-01\/2025-12-31\) \(corroborated\)$/),
      expect.stringMatching(/^ {2}group joined: articles\/d\.txt joined g-\w+ \(daily token usage of China, 2026-03\) \(corroborated\)$/),
    ]);
  });

  it('editing the odd article into line: the series conflict is resolved, saying the article was edited', async () => {
    const store = await storyStore(join(dir, 's.json'));
    const before = snapshotOf((await checkStore(store)).report, 't1');
    await putArticles(store, { d: storyClaims(START_2024).d }, { d: 'd2' });
    const c = diffChecks(before, snapshotOf((await checkStore(store)).report, 't2'));
    expect(c.articles).toEqual({ added: [], edited: ['articles/d.txt'], removed: [] });
    const resolved = c.findings.resolved.find((f) => f.rule === 'series-conflict')!;
    expect(resolved.why).toBe('articles/d.txt was edited: the claims it rested on no longer disagree');
    expect(c.findings.new.filter((f) => f.rule === 'series-conflict')).toEqual([]);
  });

  it('remembering a check marks the findings that went away as resolved, and unmarks them when they come back', async () => {
    const store = await storyStore(join(dir, 's.json'));
    await recordCheck(store, (await checkStore(store)).report, new Date('2026-03-25T10:00:00Z'));
    await putArticles(store, { d: storyClaims(START_2024).d }, { d: 'd2' });
    const changes = await recordCheck(store, (await checkStore(store)).report, new Date('2026-03-26T10:00:00Z'));
    const gone = changes.findings.resolved.find((f) => f.rule === 'series-conflict')!;
    const data = await store.read();
    expect(data.resolved?.[gone.id]).toMatchObject({ rule: 'series-conflict', at: '2026-03-26T10:00:00.000Z', why: expect.stringContaining('edited') });
    expect(data.lastCheck?.at).toBe('2026-03-26T10:00:00.000Z');
    await putArticles(store, { d: storyClaims().d }, { d: 'd3' });
    const back = await recordCheck(store, (await checkStore(store)).report);
    expect(back.findings.new.map((f) => f.id)).toContain(gone.id);
    expect((await store.read()).resolved?.[gone.id]).toBeUndefined();
  });
});
