/**
 * Independence: corroboration counts distinct origins, not articles. Real articles as fixtures: the
 * five seeds' 140-trillion sentences, a syndicated wire sentence, a chain "X, citing Y, which cited Z".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linkArticle } from '../../src/link/index.js';
import { headlineSpeaker, originsOf } from '../../src/link/origins.js';
import type { Claim, Source } from '../../src/store/schema.js';
import { claimAt, readFile, readString } from './factory.js';

/** Link one article's claims; returns the linked claims and the article's sources. */
function linked(path: string, article: string, make: (r: ReturnType<typeof readFile>) => Claim[]): { claims: Claim[]; sources: Source[] } {
  const r = readFile(path);
  const { claims, sources } = linkArticle(r, article, make(r));
  return { claims, sources };
}

const T140 = { min: 1.4e14, unit: 'token', bound: 'lower' as const };

describe('the seeds: five articles repeating one speech are one origin', () => {
  // Attribution as each sentence gives it (what the extractor reads); sources as the linker links them.
  const seeds = [
    linked('sources/articles/000_3eecd60057be17cf.txt', 'a-000', (r) => [claimAt(r, 'a-000', '140 trillion', T140, { speaker: 'Liu Liehong', organisation: 'National Data Bureau' })]),
    // "China's top data official said on March 23 ...": no name in the sentence; the source list's China News Service entry is headed "Liu Liehong says ...".
    linked('sources/articles/001_ed238e00289bd11f.txt', 'a-001', (r) => [claimAt(r, 'a-001', '140 trillion', T140)]),
    linked('sources/articles/002_9c1f1b377c43c8ef.txt', 'a-002', (r) => [claimAt(r, 'a-002', '140 trillion', T140, { speaker: 'Liu Liehong', organisation: 'National Data Administration' })]),
    // No attribution in the sentence; the article's closing source statement names the National Data Administration.
    linked('sources/articles/003_2a34b782f9449a9c.txt', 'a-003', (r) => [claimAt(r, 'a-003', '140 trillion', T140)]),
    linked('sources/articles/004_4d2e783a8882e3a3.txt', 'a-004', (r) => [claimAt(r, 'a-004', '140 trillion', T140, { organisation: 'National Data Administration' })]),
  ];
  const claims = seeds.flatMap((s) => s.claims);
  const sources = seeds.flatMap((s) => s.sources);

  it('counts one origin', () => {
    const origins = originsOf(claims, sources);
    expect(origins).toHaveLength(1);
    expect(origins[0].articles).toEqual(['a-000', 'a-001', 'a-002', 'a-003', 'a-004']);
  });

  it('says why each claim joined', () => {
    const [origin] = originsOf(claims, sources);
    expect(origin.reasons).toEqual(
      expect.arrayContaining(['speaker Liu Liehong', 'cites China News Service', 'China News Service reports Liu Liehong', 'its article cites National Data Administration']),
    );
  });

  it('takes the sources as a map (as the check passes them)', () => {
    expect(originsOf(claims, new Map(sources.map((s) => [s.id, s])))).toHaveLength(1);
  });

  it('seed 001 unlinked still joins: its source list reports Liu Liehong; without the list it stands alone', () => {
    const unlinked = claims.map((c) => (c.article === 'a-001' ? { ...c, sources: [] } : c));
    expect(originsOf(unlinked, sources)).toHaveLength(1);
    const noList = sources.filter((s) => s.article !== 'a-001');
    expect(originsOf(unlinked, noList).map((o) => o.articles)).toEqual([['a-000', 'a-002', 'a-003', 'a-004'], ['a-001']]);
  });
});

describe('syndicated or copied text is one origin', () => {
  const dir = 'test/fixtures/link/cases/syndicated';
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { articles: string[]; figure: string; origins: number; originsWithoutC: number };
  const claims = expected.articles.map((f, k) => claimAt(readFile(join(dir, f)), `a-${k}`, expected.figure, { min: 4.4 }));

  it('a and b (one wire sentence, b lightly edited) are one origin; c is another', () => {
    expect(originsOf(claims, [])).toHaveLength(expected.origins);
    expect(originsOf(claims.slice(0, 2), [])).toHaveLength(expected.originsWithoutC);
    expect(originsOf(claims, [])[0].reasons).toContain(`near copy of ${claims[0].id}`);
  });

  it('short formulaic sentences written apart are not copies', () => {
    const one = readString('Exports rose 5% in May.');
    const two = readString('Exports rose 5% in May.', 'b.txt');
    expect(originsOf([claimAt(one, 'a-1', '5%', { min: 5, unit: '%' }), claimAt(two, 'a-2', '5%', { min: 5, unit: '%' })], [])).toHaveLength(2);
  });
});

describe('chains and shared primary sources', () => {
  const chain = linked('test/fixtures/link/cases/chain/article.txt', 'a-chain', (r) => [claimAt(r, 'a-chain', '5% in May', { min: 5, unit: '%' })]);
  const direct = (() => {
    const r = readString('Exports climbed 5% in May from a year earlier, Xinhua reported on Sunday.', 'direct.txt');
    return linkArticle(r, 'a-direct', [claimAt(r, 'a-direct', '5%', { min: 5, unit: '%' })]);
  })();
  const other = (() => {
    const r = readString('Exports climbed 5% in May from a year earlier, Bloomberg reported on Sunday.', 'other.txt');
    return linkArticle(r, 'a-other', [claimAt(r, 'a-other', '5%', { min: 5, unit: '%' })]);
  })();

  const cases: Array<[string, Array<{ claims: Claim[]; sources: Source[] }>, number]> = [
    ['"Sina Finance, citing Yicai, which cited Xinhua" and "Xinhua reported" lead back to Xinhua', [chain, direct], 1],
    ['Xinhua and Bloomberg are two origins', [direct, other], 2],
    ['the chain and Bloomberg are two origins', [chain, other], 2],
  ];
  it.each(cases)('%s', (_what, parts, n) => {
    expect(originsOf(parts.flatMap((p) => p.claims), parts.flatMap((p) => p.sources))).toHaveLength(n);
  });

  it('an unattributed claim joins the one stated origin its article cites elsewhere, but not one of two', () => {
    const r = readString('Exports rose 5% in May.\n\nSources: Xinhua; Bloomberg.', 'two.txt');
    const two = linkArticle(r, 'a-two', [claimAt(r, 'a-two', '5%', { min: 5, unit: '%' })]);
    expect(two.claims[0].sources).toEqual([]);
    const all = (...parts: Array<{ claims: Claim[]; sources: Source[] }>) => originsOf(parts.flatMap((p) => p.claims), parts.flatMap((p) => p.sources));
    // Only Xinhua states the figure: the article citing Xinhua and Bloomberg repeats Xinhua's.
    expect(all(direct, two)).toHaveLength(1);
    // Xinhua and Bloomberg both state it: which one the article repeats cannot be told.
    expect(all(direct, other, two)).toHaveLength(3);
    const r1 = readString('Exports rose 5% in May.\n\nSources: Xinhua.', 'one.txt');
    const one = linkArticle(r1, 'a-one', [claimAt(r1, 'a-one', '5%', { min: 5, unit: '%' })]);
    expect(all(direct, other, one)).toHaveLength(2);
  });
});

describe('headlineSpeaker', () => {
  it.each([
    ['“Liu Liehong says China’s daily AI token usage has surpassed 140 trillion” — Key use in this article: ...', 'Liu Liehong'],
    ['"Powell says rates will stay high"', 'Powell'],
    ['“Token as a “settlement unit,” data-value release year”', null],
    ['“Commercialization signal behind the token surge”', null],
    [null, null],
  ])('%s → %s', (note, who) => {
    expect(headlineSpeaker(note)).toBe(who);
  });
});
