/**
 * Grouping: the same claim across articles. Claims are blocked by metric and subject (a claim with
 * no subject takes the one its story agrees on, else stays inside its story), then split by period
 * (periods that name the same time for the figure, see `samePeriod`), so the work grows with the
 * number of claims, not its square. Inside a group, claims fall into agreement classes; a group is
 * corroborated (two articles agree, none conflicts), conflicting, or single-source.
 */
import { countOrigins as countLinkedOrigins } from '../link/origins.js';
import type { Claim, ClaimPeriod, Group, Source } from '../store/schema.js';
import { compareValues, comparableUnits, sideOf } from './compare.js';
import { cmp, shortHash } from './hash.js';
import { isLevel, periodBucket, samePeriod } from './period.js';
import type { Stories } from './story.js';
import type { ArticleInfo, ClaimGroup, CountOrigins, ValueClass } from './types.js';
import { isCountUnit, normaliseUnit, perFactor } from './units.js';

/** Members compared when a claim joins a class or a group (bounds the work in huge groups). */
const SAMPLE = 12;
/** Recent classes a claim may join (claims arrive in value order). */
const WINDOW = 8;

export interface GroupInput {
  claims: Claim[];
  articles: Map<string, ArticleInfo>;
  sources: Map<string, Source>;
  stories: Stories;
  countOrigins?: CountOrigins;
}

export interface Grouping {
  groups: ClaimGroup[];
  subjectOf: (claim: Claim) => string | null;
}

/** Claims that can be grouped: figures and stated changes with a metric and a value. */
export const groupable = (c: Claim): boolean => (c.kind === 'figure' || c.kind === 'change') && c.metricKey !== null && c.value !== null;

/**
 * Distinct origins (`src/link/origins.ts`): claims attributed to the same speaker or organisation
 * (through the alias file), citing sources that lead back to the same primary source, or copied
 * from one another count once; unattributed claims count once per article.
 */
export const countOrigins: CountOrigins = (claims, ctx) => countLinkedOrigins(claims, ctx.sources);

/** Two values belong to one class: they agree, and their units compare (or are two counted nouns). */
function joins(a: Claim, b: Claim): boolean {
  const c = compareValues(sideOf(a), sideOf(b));
  if (!c.agree) return false;
  return comparableUnits(c.units) || (isCountUnit(a.value!.unit) && isCountUnit(b.value!.unit) && a.value!.per === b.value!.per);
}

/** Two classes disagree: no compared pair in comparable units agrees, and at least one differs. */
export function clash(x: ValueClass, y: ValueClass): boolean {
  let differ = false;
  for (const a of x.claims.slice(0, SAMPLE)) {
    for (const b of y.claims.slice(0, SAMPLE)) {
      const c = compareValues(sideOf(a), sideOf(b));
      if (!comparableUnits(c.units)) continue;
      if (c.agree) return false;
      differ = true;
    }
  }
  return differ;
}

const low = (c: Claim): number => (c.value!.bound === 'upper' ? -Infinity : c.value!.min * perFactor(c.value!));

/** Split claims into classes of agreeing values, largest support first. */
export function valueClasses(claims: Claim[]): ValueClass[] {
  const ordered = [...claims].sort((a, b) => low(a) - low(b) || cmp(a.id, b.id));
  const classes: ValueClass[] = [];
  for (const c of ordered) {
    let best: ValueClass | null = null;
    for (const k of classes.slice(-WINDOW)) {
      if (!k.claims.slice(0, SAMPLE).every((m) => joins(c, m))) continue;
      if (!best || k.articles.size > best.articles.size) best = k;
    }
    if (best) {
      best.claims.push(c);
      best.articles.add(c.article);
    } else classes.push({ claims: [c], articles: new Set([c.article]) });
  }
  return classes.sort((a, b) => b.articles.size - a.articles.size || b.claims.length - a.claims.length || cmp(a.claims[0].id, b.claims[0].id));
}

/** Articles on each side of two clashing classes: those that give one value and not the other. */
export function sidesOf(x: ValueClass, y: ValueClass): { onlyX: string[]; onlyY: string[] } {
  return {
    onlyX: [...x.articles].filter((a) => !y.articles.has(a)).sort(),
    onlyY: [...y.articles].filter((a) => !x.articles.has(a)).sort(),
  };
}

/**
 * Classes compared pairwise in a group: the best-supported ones. A "group" with thousands of
 * different values (a table of figures read as one sentence) is not one fact, and comparing every
 * pair would take the square of them.
 */
export const COMPARED_CLASSES = 50;

/** Status: conflicting when two articles give clashing values, corroborated when two agree. */
export function groupStatus(classes: ValueClass[]): Group['status'] {
  const n = Math.min(classes.length, COMPARED_CLASSES);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const { onlyX, onlyY } = sidesOf(classes[i], classes[j]);
      if (onlyX.length > 0 && onlyY.length > 0 && clash(classes[i], classes[j])) return 'conflicting';
    }
  }
  return classes.some((k) => k.articles.size >= 2) ? 'corroborated' : 'single-source';
}

/** The most frequent non-null value of a field, ties broken by code-unit order. */
function mode<T>(values: T[], key: (v: T) => string): T | null {
  const counts = new Map<string, { v: T; n: number }>();
  for (const v of values) {
    const k = key(v);
    const e = counts.get(k);
    if (e) e.n++;
    else counts.set(k, { v, n: 1 });
  }
  let best: { k: string; v: T; n: number } | null = null;
  for (const [k, e] of counts) if (!best || e.n > best.n || (e.n === best.n && k < best.k)) best = { k, ...e };
  return best ? best.v : null;
}

const periodKey = (p: ClaimPeriod): string => `${p.start}|${p.end}`;

/** Cluster a block's distinct periods: each joins the first cluster whose every period is the same time. */
function periodClusters(periods: ClaimPeriod[], level: boolean): Map<string, number> {
  const distinct = [...new Map(periods.map((p) => [periodKey(p), p])).values()].sort((a, b) => cmp(a.start, b.start) || cmp(a.end, b.end));
  const clusters: ClaimPeriod[][] = [];
  const out = new Map<string, number>();
  for (const p of distinct) {
    let index = clusters.findIndex((c) => c.every((q) => samePeriod(p, q, level)));
    if (index < 0) index = clusters.push([]) - 1;
    clusters[index].push(p);
    out.set(periodKey(p), index);
  }
  return out;
}

/** How many of the names an article's claims mention it keeps as what the article is about. */
const MAIN_NAMES = 3;

/**
 * The canonical names an article's claims mention most (the first `MAIN_NAMES`, with ties), read
 * for an article only when asked: few claims need them, and a large store has many articles.
 */
function mainNamesOf(claims: readonly Claim[]): (article: string) => string[] {
  let byArticle: Map<string, Claim[]> | null = null;
  const memo = new Map<string, string[]>();
  return (article) => {
    const held = memo.get(article);
    if (held) return held;
    if (!byArticle) {
      byArticle = new Map();
      for (const c of claims) (byArticle.get(c.article) ?? byArticle.set(c.article, []).get(c.article)!).push(c);
    }
    const counts = new Map<string, number>();
    for (const c of byArticle.get(article) ?? []) for (const name of new Set(c.entities.map((e) => e.canonical))) counts.set(name, (counts.get(name) ?? 0) + 1);
    const ranked = [...counts].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]));
    const floor = ranked[Math.min(MAIN_NAMES, ranked.length) - 1]?.[1] ?? Infinity;
    const names = ranked.filter(([, n]) => n >= floor).map(([name]) => name);
    memo.set(article, names);
    return names;
  };
}

/** A subject key and a canonical name that name one party: "bush" and "jeb-bush", "provigo" and "provigo-inc", "clintons" (the family) and "clinton". */
function sameName(subject: string, name: string): boolean {
  const [s, n] = [subject.replace(/s$/, ''), name.replace(/s$/, '')];
  return s === n || n.endsWith(`-${s}`) || n.startsWith(`${s}-`) || s.endsWith(`-${n}`) || s.startsWith(`${n}-`);
}

/** Group the claims (see the module comment). */
export function groupClaims(input: GroupInput): Grouping {
  const { stories } = input;
  const claims = input.claims.filter(groupable);
  const storyOf = (c: Claim): string => stories.storyOf(c.article);

  // A claim without a subject takes the subject its story gives that metric, when there is one:
  // given by two articles, by the claim's own, or by one other when it is one of the names the
  // claim's article is most about. One other article's subject may be another party the story
  // compares ("Bush paid an effective tax rate of roughly 36 percent" against "the couple paid …
  // an effective tax rate of 31.55 percent" in a report on the Clintons' taxes).
  const mainNames = mainNamesOf(input.claims);
  const subjects = new Map<string, Map<string, Set<string>>>();
  for (const c of claims) {
    if (!c.subjectKey) continue;
    const k = `${c.metricKey}\u0001${storyOf(c)}`;
    const bySubject = subjects.get(k) ?? subjects.set(k, new Map()).get(k)!;
    (bySubject.get(c.subjectKey) ?? bySubject.set(c.subjectKey, new Set()).get(c.subjectKey)!).add(c.article);
  }
  const subjectOf = (c: Claim): string | null => {
    if (c.subjectKey) return c.subjectKey;
    const s = subjects.get(`${c.metricKey}\u0001${stories.storyOf(c.article)}`);
    if (!s || s.size !== 1) return null;
    const [[subject, articles]] = s;
    return articles.size >= 2 || articles.has(c.article) || mainNames(c.article).some((n) => sameName(subject, n)) ? subject : null;
  };

  const blocks = new Map<string, Claim[]>();
  for (const c of claims) {
    const subject = subjectOf(c);
    const k = `${c.metricKey}\u0001${subject ?? storyOf(c)}`;
    if (!blocks.has(k)) blocks.set(k, []);
    blocks.get(k)!.push(c);
  }

  const built: Array<{ key: string; metricKey: string; subjectKey: string | null; claims: Claim[] }> = [];
  for (const [blockKey, members] of blocks) {
    const [metricKey, who] = blockKey.split('\u0001');
    const subjectKey = subjectOf(members[0]);
    const dated = members.filter((c) => c.period);
    const undated = members.filter((c) => !c.period);
    const level = members.some(isLevel);
    const clusterOf = periodClusters(dated.map((c) => c.period!), level);
    const clusters: Claim[][] = [];
    for (const c of dated) (clusters[clusterOf.get(periodKey(c.period!))!] ??= []).push(c);
    // The stories each cluster holds, kept as claims join it (a lookup, not a walk over the block).
    const storiesIn = new Map(clusters.map((k) => [k, new Set(k.map(storyOf))]));
    const leftovers = new Map<string, Claim[]>();
    for (const c of undated) {
      const story = storyOf(c);
      const candidates = clusters.filter((k) => storiesIn.get(k)!.has(story));
      let target: Claim[] | null = null;
      if (clusters.length === 1 && candidates.length === 1) target = candidates[0];
      else {
        let bestAgree = 0;
        for (const k of candidates) {
          const agreeing = new Set(k.slice(0, SAMPLE).filter((m) => joins(c, m)).map((m) => m.article)).size;
          if (agreeing > bestAgree) [target, bestAgree] = [k, agreeing];
        }
      }
      if (target) {
        target.push(c);
        storiesIn.get(target)!.add(story);
      } else {
        if (!leftovers.has(story)) leftovers.set(story, []);
        leftovers.get(story)!.push(c);
      }
    }
    for (const k of clusters) {
      const rep = mode(k.filter((c) => c.period).map((c) => c.period!), periodKey)!;
      built.push({ key: `${metricKey}|${who}|${periodBucket(rep)}`, metricKey, subjectKey, claims: k });
    }
    for (const [story, rest] of leftovers) {
      // Undated claims in a block with several dated times compare with nothing: one group per value.
      if (clusters.length === 0) built.push({ key: `${metricKey}|${who}|${story}|undated`, metricKey, subjectKey, claims: rest });
      else valueClasses(rest).forEach((k, i) => built.push({ key: `${metricKey}|${who}|${story}|undated#${i}`, metricKey, subjectKey, claims: k.claims }));
    }
  }

  built.sort((a, b) => cmp(a.key, b.key) || cmp(a.claims[0].id, b.claims[0].id));
  const seen = new Map<string, number>();
  const count = input.countOrigins ?? countOrigins;
  const groups: ClaimGroup[] = built.map((b) => {
    const n = (seen.get(b.key) ?? 0) + 1;
    seen.set(b.key, n);
    const key = n === 1 ? b.key : `${b.key}#${n}`;
    const ordered = sortClaims(b.claims, input.articles);
    const classes = valueClasses(ordered);
    const articles = [...new Set(ordered.map((c) => c.article))].sort((x, y) => cmp(input.articles.get(x)?.key ?? x, input.articles.get(y)?.key ?? y) || cmp(x, y));
    const group: Group = {
      id: `g-${shortHash([key])}`,
      claims: ordered.map((c) => c.id),
      articles,
      status: articles.length < 2 ? 'single-source' : groupStatus(classes),
      subject: mode(ordered.map((c) => c.subject).filter((s): s is string => s !== null), (s) => s),
      metric: mode(ordered.map((c) => c.metric).filter((s): s is string => s !== null), (s) => s),
      period: mode(ordered.map((c) => c.period).filter((p): p is ClaimPeriod => p !== null), periodKey),
      origins: count(ordered, { sources: input.sources, articles: input.articles }),
    };
    return { group, key, metricKey: b.metricKey, subjectKey: b.subjectKey, claims: ordered, classes };
  });
  return { groups, subjectOf };
}

/** Claims in a stable order: article path, place in the file, id. */
export function sortClaims(claims: Claim[], articles: Map<string, ArticleInfo>): Claim[] {
  const key = (c: Claim): string => articles.get(c.article)?.key ?? c.article;
  return [...claims].sort((a, b) => cmp(key(a), key(b)) || cmp(a.article, b.article) || a.start - b.start || a.end - b.end || cmp(a.id, b.id));
}

/** Unit of a class for messages ("token", "USD"). */
export const classUnit = (k: ValueClass): string | null => normaliseUnit(k.claims[0].value!.unit);
