/**
 * Saved copies of cited pages: a linked claim is supported (the figure is on the page), contradicted
 * (the page gives the same metric another figure) or not found, with the page's sentence as quote.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMarkdown } from '../../src/ingest/markdown.js';
import { linkArticle } from '../../src/link/index.js';
import { checkSnapshots, checkText, findSnapshot, indexSnapshots, snapshotName } from '../../src/link/snapshots.js';
import { claimAt, readString } from './factory.js';

const ROOT = 'test/fixtures/link/snapshots';

interface Expected {
  checks: Array<{ figure: string; value: { min: number; unit: string }; metric: string; status: string; found: string | null; quote: string | null }>;
  errors: string[];
}

describe('a snapshot supports one claim and contradicts another', () => {
  const expected = JSON.parse(readFileSync(join(ROOT, 'expected.json'), 'utf8')) as Expected;
  const file = join(ROOT, 'article.md');
  const r = readMarkdown(file, readFileSync(file, 'utf8'));
  const claims = expected.checks.map((c) => claimAt(r, 'a-snap', c.figure, c.value, { metric: c.metric }));
  const { claims: linked, sources } = linkArticle(r, 'a-snap', claims);
  const index = indexSnapshots({ root: ROOT });
  const checks = checkSnapshots(linked, sources, { index });

  it.each(expected.checks.map((c, k) => [c.figure, c.status, k] as const))('%s: %s', (_figure, status, k) => {
    const want = expected.checks[k];
    const got = checks.filter((x) => x.claim === linked[k].id);
    expect(got).toHaveLength(1);
    expect(got[0].status).toBe(status);
    expect(got[0].found).toBe(want.found);
    if (want.quote) expect(got[0].quote).toContain(want.quote);
    else expect(got[0].quote).toBeNull();
  });

  it('names the saved page and how it was matched to the URL', () => {
    const cns = findSnapshot(index, 'https://chinanews.com.cn/cj/2026/03-23/10591500.shtml');
    expect(cns).toMatchObject({ shown: 'sources/snapshots/chinanews-liu-liehong.html', how: 'canonical link' });
    const ithome = findSnapshot(index, 'https://www.ithome.com/0/931/873.htm');
    expect(ithome).toMatchObject({ shown: 'sources/snapshots/ithome.com-0-931-873.txt', how: null });
    expect(checks.find((c) => c.status === 'supported')?.snapshot).toBe('sources/snapshots/chinanews-liu-liehong.html');
  });

  it('refuses a sidecar whose page lies outside the project, naming the file', () => {
    expect(index.errors).toHaveLength(expected.errors.length);
    expected.errors.forEach((e, k) => {
      expect(index.errors[k]).toContain(e);
      expect(index.errors[k]).toMatch(/^escape\.yaml|sources\/snapshots\/escape\.yaml/);
    });
  });

  it('never reads scripts as page text', () => {
    // The page's script holds "1 trillion": were it read, the 1 trillion claim would be "supported".
    expect(checks.find((c) => c.claim === linked[1].id)?.status).toBe('contradicted');
  });

  it('reads nothing when the folder does not exist', () => {
    expect(indexSnapshots({ root: resolve(ROOT, 'nowhere') })).toEqual({ snapshots: [], errors: [] });
  });
});

describe('checkText: one claim against one page', () => {
  const r = readString("China's daily token usage passed 140 trillion in March.");
  const claim = claimAt(r, 'a', '140 trillion', { min: 1.4e14, unit: 'token', bound: 'lower' }, { metric: 'daily token usage' });
  const cases: Array<[string, string, string | null]> = [
    ['Daily token usage exceeded 140 trillion in March.', 'supported', '140 trillion'],
    ['日均Token消耗量已突破140万亿。', 'supported', '140万亿'],
    ['Daily token usage reached 14 trillion in March.', 'contradicted', '14 trillion'],
    ['Daily token usage reached 100 trillion at the end of 2025 and 140 trillion in March.', 'supported', '140 trillion'],
    ['The company raised $140 million in March.', 'not-found', null],
    ['Shares rose 14% on the news.', 'not-found', null],
  ];
  it.each(cases)('%s → %s', (page, status, found) => {
    const got = checkText(claim, page);
    expect(got.status).toBe(status);
    expect(got.found).toBe(found);
  });
});

describe('snapshotName', () => {
  it.each([
    ['https://www.ithome.com/0/931/873.htm', 'ithome.com-0-931-873.htm'],
    ['https://news.qq.com/rain/a/20260323A06PN300', 'news.qq.com-rain-a-20260323a06pn300'],
    ['http://example.org/a?b=c#top', 'example.org-a-b-c'],
  ])('%s → %s', (url, name) => expect(snapshotName(url)).toBe(name));
});
