/**
 * Stories: articles linked by a key figure they share (the same metric with the same distinctive
 * value, or the same dated event by the same actor), or by the rare names they share when they
 * appeared within days of each other (the Geysers, Cobb and Healdsburg in two reports of a quake). Claims whose subject is unknown, or whose
 * period is unknown, are only compared inside a story, so two unrelated articles never meet
 * through a vague "the count was 42".
 */
import entityLexicon from '../extract/data/claim-entities.json' with { type: 'json' };
import { slug } from '../extract/entities.js';
import type { Claim } from '../store/schema.js';
import type { ArticleInfo } from './types.js';
import { cmp } from './hash.js';
import { significantDigits } from './precision.js';
import { normaliseUnit, perFactor } from './units.js';

export interface Stories {
  storyOf(articleId: string): string;
  size(story: string): number;
}

/** Same value to three significant digits. */
const round3 = (x: number): string => (x === 0 ? '0' : x.toPrecision(3));

/**
 * Small whole numbers (17 districts, 48 pages) recur across unrelated stories; they do not link
 * articles, unless the metric is qualified ("14 miles north-northeast of Healdsburg",
 * `distance:healdsburg`), where even a small count is telling.
 */
function distinctive(x: number, qualified: boolean): boolean {
  const a = Math.abs(x);
  return a >= 1000 || !Number.isInteger(a) || (a >= (qualified ? 13 : 100) && a % 10 !== 0);
}

/** Articles published further apart than this are not linked by a figure (the story has moved on). */
const FIGURE_LINK_DAYS = 90;
/** The longest stretch of publication days one story may span. */
const MAX_STORY_DAYS = 120;

/**
 * A plain figure: fewer than four significant digits ("$2.50 a share", "6.2%", "$1.8 million").
 * Such figures recur across unrelated stories on the same days; a precise one ("175.2 million",
 * "$13.65", "3,609,800") seldom does.
 */
function plain(v: NonNullable<Claim['value']>): boolean {
  return significantDigits(v.min) < 4 && significantDigits(v.max) < 4;
}

/**
 * How many articles hold each key, given each article's keys (its names), and the most that
 * may hold one for it to be rare: `nameCap` of the articles holding any.
 */
export function spread(perArticle: Iterable<readonly string[]>): { holders: Map<string, number>; cap: number } {
  const holders = new Map<string, number>();
  let holding = 0;
  for (const keys of perArticle) {
    if (keys.length > 0) holding++;
    for (const k of keys) holders.set(k, (holders.get(k) ?? 0) + 1);
  }
  return { holders, cap: nameCap(holding) };
}

/**
 * Metrics with more distinct plain figures store-wide than `nameCap` of the articles that give
 * any (`StoryOptions.common`), given each article's `plainFigures`. Many companies' "$2.50 a
 * share", "$1.35 a share", "$3.90 a share" make a common metric; thirty reports of one quake's
 * "magnitude 6.1" do not.
 */
export function commonMetrics(perArticle: Iterable<readonly string[]>): (metric: string) => boolean {
  const values = new Map<string, Set<string>>();
  let holding = 0;
  for (const figures of perArticle) {
    if (figures.length > 0) holding++;
    for (const f of figures) {
      const cut = f.indexOf('\u0001');
      const metric = f.slice(0, cut);
      (values.get(metric) ?? values.set(metric, new Set()).get(metric)!).add(f.slice(cut + 1));
    }
  }
  const cap = nameCap(holding);
  return (metric) => (values.get(metric)?.size ?? 0) > cap;
}

/** An article's plain figures, as `metric\u0001value` (counted store-wide by `commonMetrics`). */
export function plainFigures(claims: readonly Claim[]): string[] {
  const out = new Set<string>();
  for (const c of claims) {
    if (!c.value || !c.metricKey || !plain(c.value)) continue;
    const f = perFactor(c.value);
    out.add(`${c.metricKey}\u0001${round3(c.value.min * f)}|${round3(c.value.max * f)}`);
  }
  return [...out].sort();
}

/** The metric is only the counted noun ("inch", "mile", "token/day"). */
export function bareMetric(c: Claim): boolean {
  const unit = normaliseUnit(c.value?.unit ?? null);
  return unit !== null && c.metricKey !== null && c.metricKey.split('/')[0] === unit;
}

/** Lower-case actor with the last name kept: "Liu Liehong" and "Liu" meet only when written alike. */
const actorKey = (actor: string): string => actor.toLowerCase().replace(/\s+/g, ' ').trim();

/** The fingerprints of a claim that may link its article to others. */
export function fingerprints(c: Claim): string[] {
  if (c.kind === 'event' && c.event?.actor && c.period && c.period.start === c.period.end) {
    return [`event|${c.event.type}|${actorKey(c.event.actor)}|${c.period.start}`];
  }
  if (!c.metricKey || !c.value) return [];
  const f = perFactor(c.value);
  const qualified = /[:]/.test(c.metricKey);
  if (!distinctive(c.value.min, qualified) && !distinctive(c.value.max, qualified)) return [];
  return [`fig|${c.metricKey}|${normaliseUnit(c.value.unit) ?? ''}|${round3(c.value.min * f)}|${round3(c.value.max * f)}`];
}

/** A link between two articles (`a` has the smaller key) and the days between them. */
interface Link {
  a: string;
  b: string;
  gap: number;
  ka: string;
  kb: string;
}

/** Links with an undated end are made after every dated one. */
const UNDATED_GAP = Number.MAX_SAFE_INTEGER;

/** Options of `findStories`. */
export interface StoryOptions {
  /**
   * Which names are rare enough to link articles. Default: those held by at most `nameCap` of the
   * articles given. A check of part of the store passes the store-wide answer (`incremental.ts`).
   */
  rare?: (name: string) => boolean;
  /**
   * Which metrics are common: with more distinct plain figures than `nameCap` of the articles
   * (`commonMetrics`: their plain figures coincide by chance). Default: counted over the articles
   * given; a check of part of the store passes the store-wide answer (`incremental.ts`).
   */
  common?: (metric: string) => boolean;
}

/**
 * What one article gives the story links (`storyKeys`): its fingerprints, each with whether a
 * claim gives it by its counted noun alone (`bareMetric`) and, for a plain figure, its metric and
 * the subjects it is told of; and its linking names with the names they were read from. The
 * stories of a store follow from these and the articles' dates alone, so a re-check reads them
 * from the check cache instead of every article's claims (`incremental.ts`).
 */
export interface StoryKeys {
  fps: Array<[fp: string, bare: boolean, plainMetric: string | null, subjects: Array<string | null>]>;
  names: Array<[name: string, origins: string[]]>;
}

/** The story keys of one article's claims. */
export function storyKeys(claims: readonly Claim[]): StoryKeys {
  const fps = new Map<string, { bare: boolean; metric: string | null; subjects: Set<string | null> }>();
  const names = new Map<string, Set<string>>();
  for (const c of claims) {
    for (const fp of fingerprints(c)) {
      const e = fps.get(fp) ?? fps.set(fp, { bare: false, metric: null, subjects: new Set() }).get(fp)!;
      if (bareMetric(c)) e.bare = true;
      if (c.value && plain(c.value)) {
        e.metric = c.metricKey;
        e.subjects.add(c.subjectKey);
      }
    }
    for (const [n, origin] of linkingNameOrigins(c)) (names.get(n) ?? names.set(n, new Set()).get(n)!).add(origin);
  }
  const bySubject = (a: string | null, b: string | null): number => (a === b ? 0 : a === null ? -1 : b === null ? 1 : cmp(a, b));
  return {
    fps: [...fps].sort((a, b) => cmp(a[0], b[0])).map(([fp, e]) => [fp, e.bare, e.metric, [...e.subjects].sort(bySubject)]),
    names: [...names].sort((a, b) => cmp(a[0], b[0])).map(([n, o]) => [n, [...o].sort()]),
  };
}

/** Link articles through shared key figures (union-find over article ids). */
export function findStories(claims: Claim[], articles: Map<string, ArticleInfo>, options: StoryOptions = {}): Stories {
  const byArticle = new Map<string, Claim[]>();
  for (const c of claims) (byArticle.get(c.article) ?? byArticle.set(c.article, []).get(c.article)!).push(c);
  const keys = new Map([...byArticle].map(([id, list]) => [id, storyKeys(list)]));
  const common = options.common ?? commonMetrics([...byArticle.values()].map(plainFigures));
  return storiesFrom(keys, articles, { rare: options.rare, common });
}

/**
 * The stories of `articles` from each article's story keys (`storyKeys`; an article without keys
 * is a story of its own). `common` defaults to no metric being common.
 */
export function storiesFrom(keysOf: ReadonlyMap<string, StoryKeys>, articles: Map<string, ArticleInfo>, options: StoryOptions = {}): Stories {
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
  const dayOfArticle = (id: string): number | null => dayOf(articles.get(id)?.published ?? null);
  const before = (a: string, b: string): boolean => {
    const da = dayOfArticle(a) ?? Infinity;
    const db = dayOfArticle(b) ?? Infinity;
    return da < db || (da === db && (keyOf(a) < keyOf(b) || (keyOf(a) === keyOf(b) && a < b)));
  };
  // Publication days a story spans (by root): links that would stretch one story over more than
  // MAX_STORY_DAYS are refused, so a chain of look-alike figures cannot join a year of coverage.
  const span = new Map<string, { lo: number; hi: number } | null>();
  const spanOf = (root: string): { lo: number; hi: number } | null => {
    if (!span.has(root)) {
      const d = dayOf(articles.get(root)?.published ?? null);
      span.set(root, d === null ? null : { lo: d, hi: d });
    }
    return span.get(root)!;
  };
  const union = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    const sa = spanOf(ra);
    const sb = spanOf(rb);
    const joined = sa && sb ? { lo: Math.min(sa.lo, sb.lo), hi: Math.max(sa.hi, sb.hi) } : (sa ?? sb);
    if (joined && joined.hi - joined.lo > MAX_STORY_DAYS) return;
    // The root, which names the story, is its first report (then the smallest key): the name does
    // not depend on input order, and stays when later coverage joins, as it mostly does.
    if (before(ra, rb)) {
      parent.set(rb, ra);
      span.set(ra, joined);
    } else {
      parent.set(ra, rb);
      span.set(rb, joined);
    }
  };
  for (const id of articles.keys()) parent.set(id, id);
  // Every link is collected first and made in one order that depends only on the links: nearest
  // in time first, then by the articles' keys. Made in the order the claims came, an article added
  // anywhere in the store could change which links the span limit refuses far from it.
  const links: Link[] = [];
  const link = (a: string, b: string): void => {
    const [x, y] = keyOf(a) < keyOf(b) || (keyOf(a) === keyOf(b) && a < b) ? [a, b] : [b, a];
    const dx = dayOfArticle(x);
    const dy = dayOfArticle(y);
    links.push({ a: x, b: y, gap: dx === null || dy === null ? UNDATED_GAP : Math.abs(dx - dy), ka: keyOf(x), kb: keyOf(y) });
  };
  // A figure with a named metric links two articles at once. Two different ones must be shared
  // when the figure recurs across unrelated stories: one named only by its counted noun ("a
  // 12.1-inch screen", "300 miles"), or a plain figure of a metric given with many different
  // values ("$2.50 a share" in a week of earnings reports: `commonMetrics`) not told of one and the
  // same subject by every article that gives it.
  const holders = new Map<string, Set<string>>();
  const weak = new Set<string>();
  const subjects = new Map<string, Set<string | null>>();
  const common = options.common ?? ((): boolean => false);
  for (const [article, k] of keysOf) {
    if (!parent.has(article)) parent.set(article, article);
    for (const [fp, bare, metric, of] of k.fps) {
      if (!holders.has(fp)) holders.set(fp, new Set());
      holders.get(fp)!.add(article);
      if (bare) weak.add(fp);
      if (metric !== null && common(metric)) for (const s of of) (subjects.get(fp) ?? subjects.set(fp, new Set()).get(fp)!).add(s);
    }
  }
  for (const [fp, of] of subjects) if (of.size > 1 || of.has(null)) weak.add(fp);
  const weakPairs = new Map<string, number>();
  const near = (a: string, b: string): boolean => {
    const da = dayOfArticle(a);
    const db = dayOfArticle(b);
    return da === null || db === null || Math.abs(da - db) <= FIGURE_LINK_DAYS;
  };
  for (const [fp, set] of holders) {
    if (set.size < 2) continue;
    // Holders in publication order, so each links to the nearest earlier one within the window.
    const list = [...set].sort((a, b) => (dayOfArticle(a) ?? -Infinity) - (dayOfArticle(b) ?? -Infinity) || (a < b ? -1 : 1));
    if (!weak.has(fp)) {
      for (let i = 1; i < list.length; i++) {
        let j = i - 1;
        while (j >= 0 && !near(list[j], list[i])) j--;
        if (j >= 0) link(list[j], list[i]);
      }
      continue;
    }
    if (list.length > 50) continue;
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) {
      if (!near(list[i], list[j])) continue;
      const k = list[i] < list[j] ? `${list[i]}\u0001${list[j]}` : `${list[j]}\u0001${list[i]}`;
      const n = (weakPairs.get(k) ?? 0) + 1;
      weakPairs.set(k, n);
      if (n === 2) link(list[i], list[j]);
    }
  }
  linkByNames(keysOf, articles, link, options.rare);
  links.sort((x, y) => x.gap - y.gap || cmp(x.ka, y.ka) || cmp(x.kb, y.kb) || cmp(x.a, y.a) || cmp(x.b, y.b));
  for (const l of links) union(l.a, l.b);
  const sizes = new Map<string, number>();
  const storyOf = (id: string): string => {
    if (!parent.has(id)) return `story:${keyOf(id)}`;
    return `story:${keyOf(find(id))}`;
  };
  for (const id of parent.keys()) sizes.set(storyOf(id), (sizes.get(storyOf(id)) ?? 0) + 1);
  return { storyOf, size: (story) => sizes.get(story) ?? 1 };
}

/** Names shared by more articles than this are too common to link a story (a country, a president). */
const COMMON_NAME_SHARE = 0.05;
const MIN_COMMON_NAME = 10;
/** Rare names two dated articles must share, published at most `NEAR_DAYS` apart. */
const SHARED_NAMES_DATED = 2;
const NEAR_DAYS = 7;
/** Rare names two articles must share when either is undated. */
const SHARED_NAMES_UNDATED = 4;

const dayOf = (iso: string | null): number | null => (iso ? Date.parse(iso) / 864e5 : null);

/** The most articles a name may be held by and still link them, when `named` articles hold names. */
export const nameCap = (named: number): number => Math.max(MIN_COMMON_NAME, Math.ceil(named * COMMON_NAME_SHARE));

/**
 * Countries and nationalities ("Canada", "Canadian", "Britain"): every story told of a country
 * names it, so they link no story, however few articles of a small store hold them. The country
 * names are the region names of the runtime's ICU data; the nationalities and other names of a
 * country are the entity lexicon's.
 */
const COUNTRIES: ReadonlySet<string> = (() => {
  const out = new Set<string>();
  const regions = new Intl.DisplayNames(['en'], { type: 'region' });
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = regions.of(code);
      if (name && name !== code) out.add(slug(name));
    }
  }
  for (const [demonym, country] of Object.entries(entityLexicon.places.demonyms)) out.add(slug(demonym)).add(slug(country));
  for (const [alias, country] of Object.entries(entityLexicon.places.aliases)) if (country) out.add(slug(alias)).add(slug(country));
  // "U.S." is read as "u.s" when its last stop ends the sentence.
  for (const name of [...out]) if (name.endsWith('.')) out.add(name.replace(/\.+$/, ''));
  return out;
})();

/**
 * The names of a claim that may link its article to others (canonical, three letters or more, no
 * country or nationality), each with the name it was read from: itself, or the name it was split
 * out of.
 */
export function linkingNameOrigins(c: Claim): Array<[name: string, origin: string]> {
  const out: Array<[string, string]> = [];
  const linking = (name: string): boolean => name.length >= 3 && !COUNTRIES.has(name);
  for (const e of c.entities ?? []) {
    if (!e.canonical || !linking(e.canonical)) continue;
    out.push([e.canonical, e.canonical]);
    // "Texas and Oklahoma" read as one name: each side is a name another article may give alone.
    for (const side of e.canonical.split(/(?:\s+|-)(?:and|&)(?:\s+|-)/)) if (side !== e.canonical && linking(side)) out.push([side, e.canonical]);
  }
  return out;
}

/** The names of a claim that may link its article to others (`linkingNameOrigins`, names only). */
export const linkingNames = (c: Claim): string[] => linkingNameOrigins(c).map(([name]) => name);

/**
 * Link articles that share rare names (those in at most 5% of the store's articles, or 10): two
 * when both are dated within a week of each other, four when either is undated. Names count by
 * what the articles wrote: "Securities and Exchange Commission" and its sides "Securities" and
 * "Exchange Commission" are one name when both articles wrote only the whole; "Texas and Oklahoma"
 * is two when the other article wrote "Texas" and "Oklahoma" apart.
 * Counting pairs per name keeps the work bounded by the rare names' spread, not the square of the
 * articles.
 */
function linkByNames(keysOf: ReadonlyMap<string, StoryKeys>, articles: Map<string, ArticleInfo>, link: (a: string, b: string) => void, rare?: (name: string) => boolean): void {
  const namesOf = new Map<string, Map<string, Set<string>>>();
  for (const [article, k] of keysOf) if (k.names.length > 0) namesOf.set(article, new Map(k.names.map(([n, origins]) => [n, new Set(origins)])));
  const byName = new Map<string, string[]>();
  for (const [article, names] of namesOf) for (const n of names.keys()) (byName.get(n) ?? byName.set(n, []).get(n)!).push(article);
  const cap = nameCap(namesOf.size);
  const shared = new Map<string, string[]>();
  for (const [name, list] of byName) {
    if (list.length < 2 || (rare ? !rare(name) : list.length > cap)) continue;
    list.sort();
    // Pairs dated further apart than NEAR_DAYS never link: skip them before counting.
    const days = list.map((id) => dayOf(articles.get(id)?.published ?? null));
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) {
      const di = days[i];
      const dj = days[j];
      if (di !== null && dj !== null && Math.abs(di - dj) > NEAR_DAYS) continue;
      const k = `${list[i]}\u0001${list[j]}`;
      (shared.get(k) ?? shared.set(k, []).get(k)!).push(name);
    }
  }
  /** Distinct names an article wrote among `names` (the names they were read from). */
  const written = (article: string, names: string[]): number => new Set(names.flatMap((n) => [...namesOf.get(article)!.get(n)!])).size;
  for (const [k, names] of shared) {
    if (names.length < SHARED_NAMES_DATED) continue;
    const [a, b] = k.split('\u0001');
    const n = Math.max(written(a, names), written(b, names));
    if (n < SHARED_NAMES_DATED) continue;
    const da = dayOf(articles.get(a)?.published ?? null);
    const db = dayOf(articles.get(b)?.published ?? null);
    const near = da !== null && db !== null ? Math.abs(da - db) <= NEAR_DAYS : null;
    if (near === false) continue;
    if (near === null && n < SHARED_NAMES_UNDATED) continue;
    link(a, b);
  }
}

/**
 * Items bucketed by story, and by `key` within it (a metric key, say): the rules that compare an
 * article's claim only with the other articles of its story walk these buckets, not the store.
 */
export function byStory<T>(storyOf: (article: string) => string, items: Iterable<T>, articleOf: (item: T) => string, key: (item: T) => string = () => ''): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = `${storyOf(articleOf(item))}\u0001${key(item)}`;
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
