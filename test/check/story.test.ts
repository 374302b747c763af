/**
 * Stories do not depend on what else the store holds: an article that links to none of a story's
 * articles leaves it as it was, whatever the order its claims come in; a story is named after its
 * first report, so later coverage joining it keeps the name (and the ids of the groups and findings
 * keyed by it, and with them the editors' decisions).
 */
import { describe, expect, it } from 'vitest';
import { articleInfo } from '../../src/check/describe.js';
import { sortClaims } from '../../src/check/group.js';
import { cmp } from '../../src/check/hash.js';
import { findStories } from '../../src/check/story.js';
import type { ArticleRecord, Claim } from '../../src/store/schema.js';
import type { ArticleInfo } from '../../src/check/types.js';
import { article, claim, v } from './factory.js';

/** A figure no unrelated story gives: it links the articles that share it. */
const figure = (articleId: string, metricKey: string, x: number): Claim =>
  claim({ article: articleId, metricKey, metric: metricKey, value: v(x, { unit: 'USD' }), figure: `$${x}` });

/** The stories of `records`, as sorted member lists keyed by story name. */
function stories(records: ArticleRecord[], claims: Claim[]): Map<string, string[]> {
  const articles = new Map<string, ArticleInfo>(
    [...records].sort((x, y) => cmp(x.path, y.path) || cmp(x.id, y.id)).map((r) => [r.id, articleInfo(r)]),
  );
  const found = findStories(sortClaims(claims, articles), articles);
  const out = new Map<string, string[]>();
  for (const id of [...articles.keys()].sort()) {
    const s = found.storyOf(id);
    out.set(s, [...(out.get(s) ?? []), id]);
  }
  return out;
}

describe('findStories', () => {
  // x and y share one figure, y and z another, each pair 70 days apart: joined, the three would
  // span 140 days, more than one story may, so only one pair is joined.
  const chain = [article('x', { path: 'b/x.txt', published: '2025-01-01' }), article('y', { path: 'b/y.txt', published: '2025-03-12' }), article('z', { path: 'b/z.txt', published: '2025-05-21' })];
  const chainClaims = [figure('x', 'spend', 4817.3), figure('y', 'spend', 4817.3), figure('y', 'cost', 9121.7), figure('z', 'cost', 9121.7)];

  it('joins the nearest articles first and refuses a story longer than its span', () => {
    const found = stories(chain, chainClaims);
    expect([...found.values()]).toEqual([['x', 'y'], ['z']]);
  });

  it('leaves a story as it was when an article that links to none of it is added', () => {
    const before = stories(chain, chainClaims);
    // An article whose path sorts first, published years later, giving y and z's figure: its claims
    // come first, but it is too far in time to link to anything.
    const late = article('n', { path: 'a/n.txt', published: '2029-06-01' });
    const after = stories([...chain, late], [...chainClaims, figure('n', 'cost', 9121.7)]);
    expect(after.get('story:b/x.txt')).toEqual(before.get('story:b/x.txt'));
    expect(after.get('story:b/z.txt')).toEqual(before.get('story:b/z.txt'));
    expect(after.get('story:a/n.txt')).toEqual(['n']);
  });

  it('names a story after its first report, so later coverage that joins keeps the name', () => {
    const first = [article('p', { path: 'm/p.txt', published: '2025-03-01' }), article('q', { path: 'm/q.txt', published: '2025-03-02' })];
    const claims = [figure('p', 'fine', 5250.5), figure('q', 'fine', 5250.5)];
    expect([...stories(first, claims).keys()]).toEqual(['story:m/p.txt']);
    // A later report whose path sorts before the others.
    const later = article('r', { path: 'a/r.txt', published: '2025-03-05' });
    const after = stories([...first, later], [...claims, figure('r', 'fine', 5250.5)]);
    expect([...after]).toEqual([['story:m/p.txt', ['p', 'q', 'r']]]);
  });

  it('puts undated articles after dated ones when naming a story', () => {
    const records = [article('u', { path: 'a/u.txt', published: null }), article('d', { path: 'z/d.txt', published: '2025-03-01' })];
    const found = stories(records, [figure('u', 'fine', 777.7), figure('d', 'fine', 777.7)]);
    expect([...found]).toEqual([['story:z/d.txt', ['d', 'u']]]);
  });

  describe('shared names', () => {
    const named = (articleId: string, ...names: string[]): Claim =>
      claim({ article: articleId, entities: names.map((text) => ({ text, canonical: text.toLowerCase().replace(/\s+/g, '-'), start: 0, end: text.length })) });
    const two = [article('s', { path: 'n/s.txt' }), article('t', { path: 'n/t.txt' })];

    it('link two articles of the same days that share two names', () => {
      expect([...stories(two, [named('s', 'Burt Sugarman', 'Louisville'), named('t', 'Burt Sugarman', 'Louisville')]).values()]).toEqual([['s', 't']]);
    });

    it('count a name and the sides it was split into once: "Securities and Exchange Commission" is one name', () => {
      const found = stories(two, [named('s', 'Securities and Exchange Commission'), named('t', 'Securities and Exchange Commission')]);
      expect([...found.values()]).toEqual([['s'], ['t']]);
    });

    it('leave out countries and nationalities, which every story of a country names', () => {
      expect([...stories(two, [named('s', 'Canadian', 'Toronto Stock Exchange'), named('t', 'Canadian', 'Toronto Stock Exchange')]).values()]).toEqual([['s'], ['t']]);
      expect([...stories(two, [named('s', 'Canada', 'United States', 'U.S.'), named('t', 'Canada', 'United States', 'U.S.')]).values()]).toEqual([['s'], ['t']]);
      expect([...stories(two, [named('s', 'Cineplex Odeon', 'Toronto Stock Exchange'), named('t', 'Cineplex Odeon', 'Toronto Stock Exchange')]).values()]).toEqual([['s', 't']]);
    });

    it('count the sides of a pair as two names when the other article writes them apart', () => {
      const found = stories(two, [named('s', 'Texas and Oklahoma'), named('t', 'Texas', 'Oklahoma')]);
      expect([...found.values()]).toEqual([['s', 't']]);
    });
  });
});
