/**
 * A large store says what its check is doing (the check of 10,000 articles takes seconds): reading
 * the claims, then how many of its articles it checks (what the others gave is reused). A small
 * store says nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Claim } from '../../src/store/schema.js';
import { openStore } from '../../src/store/store.js';
import { checkStore, recordCheck } from '../../src/workflow/current.js';
import { PROGRESS_FROM, recheckStore } from '../../src/workflow/incremental.js';
import { claim, v } from '../check/factory.js';
import { putArticles } from './story.js';

/** One figure per article, each of its own metric and subject: every article is a part of its own. */
const articles = (n: number, from = 0): Record<string, Claim[]> =>
  Object.fromEntries(
    Array.from({ length: n }, (_, i) => {
      const a = `x${from + i}`;
      return [a, [claim({ id: `c-${a}`, article: a, metricKey: `count:${a}`, subjectKey: `place-${a}`, value: v(1234 + i, { unit: 'person' }), figure: `${1234 + i} people` })]];
    }),
  );

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ct-progress-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('progress of a check', () => {
  it('is said for a large store: what is read, what is checked, what is reused', async () => {
    const store = openStore(join(dir, 'large', 's.json'));
    await putArticles(store, articles(PROGRESS_FROM));
    const lines: string[] = [];
    const first = await checkStore(store, new Date(), (line) => lines.push(line));
    expect(lines).toEqual(['reading the claims of 1,000 articles', 'checking 1,000 articles']);
    await recordCheck(store, first.report);

    await putArticles(store, articles(1, PROGRESS_FROM));
    lines.length = 0;
    await recheckStore(store, new Date(), (line) => lines.push(line));
    expect(lines).toEqual([expect.stringMatching(/^checking [\d,]+ of 1,001 articles \(what the others gave is unchanged since the last check\)$/)]);

    lines.length = 0;
    await checkStore(store, new Date(), (line) => lines.push(line));
    expect(lines).toEqual(['reading the claims of 1,001 articles', 'nothing changed in 1,001 articles since the last check']);
  }, 60_000);

  it('is not said for a small store', async () => {
    const store = openStore(join(dir, 'small', 's.json'));
    await putArticles(store, articles(3));
    const lines: string[] = [];
    await checkStore(store, new Date(), (line) => lines.push(line));
    await recheckStore(store, new Date(), (line) => lines.push(line));
    expect(lines).toEqual([]);
  });
});
