/**
 * Stories: articles linked by a key figure they share (the same metric with the same distinctive
 * value, or the same dated event by the same actor). Claims whose subject is unknown, or whose
 * period is unknown, are only compared inside a story, so two unrelated articles never meet
 * through a vague "the count was 42".
 */
import type { Claim } from '../store/schema.js';
import type { ArticleInfo } from './types.js';
import { normaliseUnit, perFactor } from './units.js';

export interface Stories {
  storyOf(articleId: string): string;
  size(story: string): number;
}

/** Same value to three significant digits. */
const round3 = (x: number): string => (x === 0 ? '0' : x.toPrecision(3));

/** Round small numbers recur across unrelated stories; they do not link articles. */
function distinctive(x: number): boolean {
  const a = Math.abs(x);
  return a >= 1000 || !Number.isInteger(a) || (a > 12 && a % 10 !== 0);
}

/** Lower-case actor with the last name kept: "Liu Liehong" and "Liu" meet only when written alike. */
const actorKey = (actor: string): string => actor.toLowerCase().replace(/\s+/g, ' ').trim();

/** The fingerprints of a claim that may link its article to others. */
function fingerprints(c: Claim): string[] {
  if (c.kind === 'event' && c.event?.actor && c.period && c.period.start === c.period.end) {
    return [`event|${c.event.type}|${actorKey(c.event.actor)}|${c.period.start}`];
  }
  if (!c.metricKey || !c.value) return [];
  const f = perFactor(c.value);
  if (!distinctive(c.value.min) && !distinctive(c.value.max)) return [];
  return [`fig|${c.metricKey}|${normaliseUnit(c.value.unit) ?? ''}|${round3(c.value.min * f)}|${round3(c.value.max * f)}`];
}

/** Link articles through shared key figures (union-find over article ids). */
export function findStories(claims: Claim[], articles: Map<string, ArticleInfo>): Stories {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    let y = x;
    while (parent.get(y) !== r) {
      const next = parent.get(y)!;
      parent.set(y, r);
      y = next;
    }
    return r;
  };
  const keyOf = (id: string): string => articles.get(id)?.key ?? id;
  const union = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    // The root is the article with the smallest key: story names do not depend on input order.
    if (keyOf(ra) < keyOf(rb) || (keyOf(ra) === keyOf(rb) && ra < rb)) parent.set(rb, ra);
    else parent.set(ra, rb);
  };
  for (const id of articles.keys()) parent.set(id, id);
  const firstBy = new Map<string, string>();
  for (const c of claims) {
    if (!parent.has(c.article)) parent.set(c.article, c.article);
    for (const fp of fingerprints(c)) {
      const first = firstBy.get(fp);
      if (first === undefined) firstBy.set(fp, c.article);
      else if (first !== c.article) union(first, c.article);
    }
  }
  const sizes = new Map<string, number>();
  const storyOf = (id: string): string => {
    if (!parent.has(id)) return `story:${keyOf(id)}`;
    return `story:${keyOf(find(id))}`;
  };
  for (const id of parent.keys()) sizes.set(storyOf(id), (sizes.get(storyOf(id)) ?? 0) + 1);
  return { storyOf, size: (story) => sizes.get(story) ?? 1 };
}
