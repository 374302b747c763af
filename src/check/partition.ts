/**
 * Parts of the store that the check may treat apart: articles are joined when anything the rules
 * read could make one meet the other. A part's findings and groups then depend only on its own
 * articles (and on which of their names are rare store-wide), so a re-check after an edit runs the
 * rules only on the parts the edit touched (`incremental.ts`).
 *
 * Joined (a superset of what really links them, so nothing is missed):
 * - a story fingerprint in common (`story.ts`: a key figure, a dated event by one actor), strong or
 *   weak, between articles published at most 90 days apart (or undated);
 * - a rare name in common (held by at most `nameCap` of the store's articles), between articles
 *   published at most 7 days apart (or undated);
 * - a grouping block in common: metric and subject of a claim that has its own subject (a claim
 *   without one stays in its story, or takes the subject a claim of its story gives); a stated
 *   change also joins the block of the figures it relates (`arithmetic`);
 * - a stated change without subject, with the figures without subject of the same metric (the
 *   figures `arithmetic` may take the ends of a change from), when such a change exists;
 * - a dated event of one type by one actor (first word) at one place, or anywhere for an event
 *   that happens once (a founding, a birth) (`date-conflict`).
 * `name-variant` reads names across the whole store: its parts are the canonical names and
 * speakers (`nameUnits`), apart from these.
 */
import { ONCE_EVENTS } from '../extract/event-types.js';
import type { Claim } from '../store/schema.js';
import { groupable } from './group.js';
import { fingerprints, linkingNames, plainFigures } from './story.js';

/** What one article contributes to the parts: its keys, the names that may link it, its name units. */
export interface ArticleKeys {
  /** Join keys; a key written `!k` is active: a passive `k` joins only when some article holds `!k`. */
  keys: string[];
  /** Canonical names that may link stories (counted store-wide to tell the rare ones). */
  names: string[];
  /** `name-variant` units: `n\u0001CANONICAL` per entity, `t\u0001speaker` per speaker. */
  units: string[];
  /** The article's plain figures, `metric\u0001value` (counted store-wide to tell the common metrics, `story.ts`). */
  metrics: string[];
}

const norm = (s: string): string => s.toLowerCase().replace(/^the\s+/, '').replace(/\s+/g, ' ').trim();
const baseMetric = (key: string): string => key.replace(/~change$/, '');

/** The keys of one article, from its claims. */
export function articleKeys(claims: readonly Claim[]): ArticleKeys {
  const keys = new Set<string>();
  const names = new Set<string>();
  const units = new Set<string>();
  for (const c of claims) {
    for (const fp of fingerprints(c)) keys.add(`f\u0001${fp}`);
    for (const n of linkingNames(c)) names.add(n);
    for (const e of c.entities) units.add(`n\u0001${e.canonical}`);
    if (c.speaker) units.add(`t\u0001${c.speaker.toLowerCase()}`);
    if (groupable(c) && c.subjectKey) {
      keys.add(`b\u0001${c.metricKey}\u0001${c.subjectKey}`);
      if (c.kind === 'change') keys.add(`b\u0001${baseMetric(c.metricKey!)}\u0001${c.subjectKey}`);
    }
    if (!c.subjectKey && c.metricKey) {
      if (c.kind === 'change' && c.value && (c.value.unit === '%' || c.value.unit === 'x') && c.period) keys.add(`!a\u0001${baseMetric(c.metricKey)}`);
      if (c.kind === 'figure' && c.value) keys.add(`a\u0001${c.metricKey}`);
    }
    if (c.kind === 'event' && c.event?.actor && c.period && c.event.place) {
      keys.add(`p\u0001${c.event.type}\u0001${norm(c.event.actor).split(' ')[0]}\u0001${norm(c.event.place)}`);
    }
    // A founding or a birth is the same event wherever told: one actor's meet whatever their place.
    if (c.kind === 'event' && c.event?.actor && c.period && ONCE_EVENTS.has(c.event.type)) keys.add(`p\u0001${c.event.type}\u0001${norm(c.event.actor).split(' ')[0]}`);
  }
  const sorted = (s: Set<string>): string[] => [...s].sort();
  return { keys: sorted(keys), names: sorted(names), units: sorted(units), metrics: plainFigures(claims) };
}

/** Days apart beyond which a shared figure (`f`) or name never links two dated articles (`story.ts`). */
const WINDOW = { f: 90, n: 7 } as const;

/**
 * The parts: article ids joined through their keys and the names `rare` accepts. A story
 * fingerprint or a rare name joins only holders published within its window of each other (or
 * undated), as `findStories` links no others. Parts come out each sorted, in the order of their
 * first article; every article is in exactly one.
 */
export function partition(keysOf: ReadonlyMap<string, ArticleKeys>, rare: (name: string) => boolean, dayOf: (id: string) => number | null = () => null): string[][] {
  const ids = [...keysOf.keys()].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const parent = ids.map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const first = new Map<string, number>();
  const active = new Set<string>();
  const passive = new Map<string, number[]>();
  const windowed = new Map<string, number[]>();
  const join = (key: string, i: number): void => {
    const f = first.get(key);
    if (f === undefined) first.set(key, i);
    else union(f, i);
  };
  const add = (map: Map<string, number[]>, key: string, i: number): void => void (map.get(key) ?? map.set(key, []).get(key)!).push(i);
  for (const id of ids) {
    const i = index.get(id)!;
    const k = keysOf.get(id)!;
    for (const key of k.keys) {
      if (key.startsWith('!')) {
        active.add(key.slice(1));
        join(key.slice(1), i);
      } else if (key.startsWith('a\u0001')) add(passive, key, i);
      else if (key.startsWith('f\u0001')) add(windowed, key, i);
      else join(key, i);
    }
    for (const n of k.names) if (rare(n)) add(windowed, `n\u0001${n}`, i);
  }
  for (const [key, list] of passive) if (active.has(key)) for (const i of list) join(key, i);
  for (const [key, list] of windowed) {
    if (list.length < 2) continue;
    const window = WINDOW[key[0] as 'f' | 'n'];
    const days = new Map(list.map((i) => [i, dayOf(ids[i])]));
    const dated = list.filter((i) => days.get(i) !== null).sort((a, b) => days.get(a)! - days.get(b)!);
    for (let j = 1; j < dated.length; j++) if (!(days.get(dated[j])! - days.get(dated[j - 1])! > window)) union(dated[j - 1], dated[j]);
    for (const i of list) if (days.get(i) === null) for (const o of list) union(i, o);
  }
  const parts = new Map<number, string[]>();
  ids.forEach((id, i) => {
    const r = find(i);
    (parts.get(r) ?? parts.set(r, []).get(r)!).push(id);
  });
  return [...parts.values()];
}
