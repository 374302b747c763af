/**
 * A finding's evidence: what an editor's decision was taken on. It must stay the same when an
 * article is re-added unchanged or lightly edited (its id changes with any byte), and change when
 * a figure, a quote or the set of articles behind the finding really changes.
 */
import { describe, expect, it } from 'vitest';
import { articleInfo } from '../../src/check/describe.js';
import { evidenceOf, normaliseEvidence } from '../../src/check/findings.js';
import type { ArticleInfo } from '../../src/check/types.js';
import type { Claim } from '../../src/store/schema.js';
import { article, usage } from '../check/factory.js';

const infos = (paths: Record<string, string>): Map<string, ArticleInfo> =>
  new Map(Object.entries(paths).map(([id, path]) => [id, articleInfo(article(id, { path }))]));

const PATHS = { 'a-1111': 'sources/articles/000_china.txt', 'a-2222': 'sources/articles/004_yicai.txt' };
const before: Claim[] = [
  usage('a-1111', 1e11, '2024-01-01/2024-04-30', '100 billion', { quote: "China's daily token usage was “100 billion” in early 2024." }),
  usage('a-2222', 1e12, '2025-01-01/2025-04-30', '1 trillion', { quote: 'Usage started at 1 trillion in early 2025.' }),
];
const base = evidenceOf(before, infos(PATHS));

/** Each case: the claims and article paths after an edit, and whether the decision must survive. */
const cases: { name: string; claims: Claim[]; paths?: Record<string, string>; same: boolean }[] = [
  { name: 'the same claims', claims: before, same: true },
  { name: 'the claims in another order', claims: [...before].reverse(), same: true },
  {
    name: 'an article re-added after an edit elsewhere in it (new id, new offsets)',
    claims: [{ ...before[0], id: 'c-new', article: 'a-9999', start: 512, end: 570, line: 9 }, before[1]],
    paths: { 'a-9999': PATHS['a-1111'], 'a-2222': PATHS['a-2222'] },
    same: true,
  },
  {
    name: 'the quote re-spaced, with straight quotes and a line break',
    claims: [{ ...before[0], quote: "China's  daily token\nusage was \"100 billion\" in early 2024." }, before[1]],
    same: true,
  },
  { name: 'the store rebuilt from another checkout (same last two path segments)', claims: before, paths: { 'a-1111': '/home/ed/story/sources/articles/000_china.txt', 'a-2222': 'articles/004_yicai.txt' }, same: true },
  { name: 'a figure edited', claims: [usage('a-1111', 1e11, '2024-01-01/2024-04-30', '100 billion', { quote: before[0].quote }), usage('a-2222', 1e11, '2024-01-01/2024-04-30', '100 billion', { quote: 'Usage started at 100 billion in early 2024.' })], same: false },
  { name: 'the figure written otherwise', claims: [{ ...before[0], figure: { text: '100bn', start: 0, end: 5 } }, before[1]], same: false },
  { name: 'the quote reworded', claims: [{ ...before[0], quote: "China's daily token usage was 100 billion at the start of 2024." }, before[1]], same: false },
  { name: 'the period changed', claims: [{ ...before[0], period: { start: '2024-01-01', end: '2024-12-31', text: '2024' } }, before[1]], same: false },
  {
    name: 'a new article joining the conflict',
    claims: [...before, usage('a-3333', 1e12, '2025-01-01/2025-04-30', '1 trillion', { quote: 'It began at 1 trillion in early 2025.' })],
    paths: { ...PATHS, 'a-3333': 'sources/articles/005_wire.txt' },
    same: false,
  },
  { name: 'an article renamed', claims: before, paths: { 'a-1111': 'sources/articles/000_china-v2.txt', 'a-2222': PATHS['a-2222'] }, same: false },
];

describe('evidenceOf: decisions survive light edits, reopen on real changes', () => {
  for (const c of cases) {
    it(c.name, () => {
      const after = evidenceOf(c.claims, infos(c.paths ?? PATHS));
      if (c.same) expect(after).toBe(base);
      else expect(after).not.toBe(base);
    });
  }
});

describe('normaliseEvidence', () => {
  const table: [string, string][] = [
    ['  Usage  rose\n5% ', 'usage rose 5%'],
    ['“over 140 trillion”', '"over 140 trillion"'],
    ['China’s ‘record’', "china's 'record'"],
    ['2024–2025 — a year', '2024-2025 - a year'],
    ['ﬁve\u00a0million', 'five million'],
  ];
  for (const [input, output] of table) it(JSON.stringify(input), () => expect(normaliseEvidence(input)).toBe(output));
});
