/**
 * The check, reusing what an earlier check found for what nothing touched.
 *
 * A check leaves a cache (`CheckCache`): per article the hash of its index entry, what links its
 * stories (`storyKeys`), the story it was in and its scopes (`scope.ts`); every finding and group
 * with the scope keys of its claims; and per `name-variant` unit (one canonical name, or one
 * speaker's titles, across the store) its findings under a fingerprint of its articles.
 *
 * A re-check reads the claims of the new and changed articles only, then the store's stories
 * from the cached story keys (every article's, so the rare names and common metrics are counted
 * store-wide as a full check counts them). The articles whose story changed (a new article joins
 * or splits one) count as changed. The keys their claims hold, before and after, are touched, and
 * so is a bundle reading a touched key. The rules then run on the articles holding a touched key,
 * those a touched bundle reads, and the rest of their stories, with the store-wide stories; the
 * findings and groups with a touched key replace the cached ones that had one. A finding that
 * touches nothing reads nothing that changed, so the cached one stands. With no usable cache (none,
 * or another version of the code or registries) everything is touched: a full check.
 *
 * The merge is the one `checkClaims` does: the drafted findings go through the same `dedupe`,
 * reviews and sort, so the result equals a full check's (test/check/incremental).
 */
import type { ArticleRecord, Claim, Finding, Group, Review, Source } from '../store/schema.js';
import { articleInfo } from './describe.js';
import { applyReviews, dedupe, finalise, sortFindings } from './findings.js';
import { sortClaims } from './group.js';
import { cmp, shortHash } from './hash.js';
import { buildContext } from './index.js';
import { RULES } from './rules/index.js';
import { scopesOf, storyScope, type ArticleScopes } from './scope.js';
import { commonMetrics, linkingNames, plainFigures, spread, storiesFrom, storyKeys, type StoryKeys } from './story.js';
import { titleOf } from './rules/name-variant.js';
import type { ArticleInfo, RuleContext } from './types.js';

/** The rule read store-wide, by name units rather than by scopes. */
const NAME_RULE = 'name-variant';

/** What the check found in one name unit, as cached. */
export interface UnitResult {
  /** Finalised, before dedupe and reviews. */
  findings: Finding[];
  /** Each finding claim's article and text (`describe`), for what the store remembers of a check. */
  texts: Record<string, [string, string]>;
}

/** What the last check knew of one article. */
export interface ArticleEntry extends ArticleKeys, ArticleScopes {
  /** The hash of its index entry (`revOf`). */
  rev: string;
  /** What links it to other articles' stories. */
  story: StoryKeys;
  /** The story it was in. */
  storyId: string;
}

/** A finding or group, with the scope keys its claims hold. */
export interface Scoped<T> {
  item: T;
  tags: string[];
}

/** What a check leaves for the next one (`src/store/check-cache.ts` keeps it beside the store). */
export interface CheckCache {
  version: string;
  articles: Record<string, ArticleEntry>;
  /** The findings of every rule but `name-variant` (finalised, before dedupe and reviews). */
  findings: Array<Scoped<Finding>>;
  groups: Array<Scoped<Group>>;
  /** Their claims' article and text (`describe`), by claim id. */
  texts: Record<string, [string, string]>;
  /** Per name unit fingerprint. */
  units: Record<string, UnitResult>;
  /** Per name unit, the fingerprint its claims were last kept under (`NameClaims`). */
  names?: Record<string, string>;
}

/** What one article gives the name units and the store-wide counts of names and metrics. */
export interface ArticleKeys {
  /** Canonical names that may link stories (counted store-wide to tell the rare ones). */
  names: string[];
  /** `name-variant` units: `n\u0001CANONICAL` per entity, `t\u0001speaker` per speaker. */
  units: string[];
  /** The article's plain figures, `metric\u0001value` (counted store-wide to tell the common metrics, `story.ts`). */
  metrics: string[];
}

/** The keys of one article, from its claims. */
export function articleKeys(claims: readonly Claim[]): ArticleKeys {
  const names = new Set<string>();
  const units = new Set<string>();
  for (const c of claims) {
    for (const n of linkingNames(c)) names.add(n);
    for (const e of c.entities) units.add(`n\u0001${e.canonical}`);
    if (c.speaker) units.add(`t\u0001${c.speaker.toLowerCase()}`);
  }
  return { names: [...names].sort(), units: [...units].sort(), metrics: plainFigures(claims) };
}

/**
 * What a name unit keeps of one article's claims (`cutForUnit`): per way the article writes the
 * name (or the speaker's title), the first claim writing it and how many claims do.
 */
export interface UnitClaims {
  claims: Claim[];
  counts: number[];
}

/** The claims a name unit reads, per holding article. */
export type NameClaims = Array<{ article: string; rev: string } & UnitClaims>;

/** Where the claims of name units are kept between checks, by unit fingerprint (null: not kept). */
export interface NameClaimStore {
  read(fp: string): Promise<NameClaims | null>;
  write(fp: string, claims: NameClaims): Promise<void>;
}

export interface IncrementalInput {
  /** Every article of the store. */
  articles: ArticleRecord[];
  /** The claims and sources of these articles (their shards). */
  load(ids: string[]): Promise<{ claims: Claim[]; sources: Source[] }>;
  cache: CheckCache | null;
  /** Fingerprint of the check's code and registries (`checkVersion`). */
  version: string;
  reviews?: Record<string, Review[]>;
  /** A claim as the remembered check shows it (default: its quote). */
  describe?: (claim: Claim) => string;
  /** Keeps each name unit's claims, so a unit re-checked reads only its changed articles' shards. */
  nameClaims?: NameClaimStore;
  /** Told what the check will do, once it knows what to read (for a progress line on large stores). */
  plan?: (plan: CheckPlan) => void;
}

/** What a check is about to do: the articles whose claims it reads, of how many. */
export interface CheckPlan {
  articles: number;
  checked: number;
}

export interface IncrementalResult {
  groups: Group[];
  findings: Finding[];
  /** Finding claims' article and text, by claim id. */
  texts: Map<string, [string, string]>;
  cache: CheckCache;
  stats: {
    articles: number;
    /** Articles the rules read (the store's, in a full check). */
    checked: number;
    /** Articles whose claims were read from their shards. */
    loaded: number;
    /** Name units, and those checked again. */
    units: number;
    unitsChecked: number;
    reused: boolean;
  };
  /** True when the new cache holds exactly what the one given held (no need to write it). */
  unchanged: boolean;
}

/** The hash of an index entry: anything in it may change what the article's claims are read as. */
export const revOf = (record: ArticleRecord): string => shortHash([JSON.stringify(record)], 16);

/**
 * `name-variant` on one unit: the claims naming the canonical entity (with only that entity), or
 * those of the speaker (with no entity), which is all the rule reads of them.
 */
function checkNameUnit(claims: Claim[], articles: Map<string, ArticleInfo>): Finding[] {
  const sorted = sortClaims(claims, articles);
  const ctx: RuleContext = {
    articles,
    claims: sorted,
    byId: new Map(sorted.map((c) => [c.id, c])),
    sources: new Map(),
    groups: [],
    groupOf: new Map(),
    storyOf: (id) => `story:${id}`,
    storySize: () => 1,
    subjectOf: (c) => c.subjectKey,
  };
  const rule = RULES.find((r) => r.id === NAME_RULE)!;
  return rule.run(ctx).map((d) => finalise(d, articles));
}

/**
 * The claims `name-variant` reads of one article for one unit: those naming the canonical entity
 * (with only that entity), or those of the speaker that give a title (with no entity). The rule
 * reads, per way of writing, how many claims write it and the first that does: one claim is kept
 * per way, cut to what the rule, `finalise` and the remembered check read of it.
 */
function cutForUnit(unit: string, claims: readonly Claim[]): UnitClaims {
  const [kind, name] = [unit[0], unit.slice(2)];
  const out: UnitClaims = { claims: [], counts: [] };
  const index = new Map<string, number>();
  for (const c of [...claims].sort((a, b) => a.start - b.start || a.end - b.end || cmp(a.id, b.id))) {
    const entities = kind === 'n' ? c.entities.filter((e) => e.canonical === name) : [];
    const speaker = kind === 'n' ? null : c.speaker;
    if (kind === 'n' ? entities.length === 0 : !speaker || speaker.toLowerCase() !== name) continue;
    const title = kind === 't' ? titleOf(c) : null;
    if (kind === 't' && title === null) continue;
    const way = kind === 'n' ? JSON.stringify(entities.map((e) => e.text)) : title!;
    const at = index.get(way);
    if (at !== undefined) {
      out.counts[at]++;
      continue;
    }
    index.set(way, out.claims.length);
    const cut = { id: c.id, article: c.article, quote: c.quote, start: c.start, end: c.end, figure: c.figure, value: c.value, period: c.period, entities, speaker };
    out.claims.push(cut as Claim);
    out.counts.push(1);
  }
  return out;
}

/** A unit's claims as the rule reads them: each kept claim as many times as claims write it that way. */
const unfold = (kept: UnitClaims): Claim[] => kept.claims.flatMap((c, i) => Array<Claim>(kept.counts[i]).fill(c));

/** Check the store, reusing what the cache holds for what nothing touched (see the module comment). */
export async function checkIncremental(input: IncrementalInput): Promise<IncrementalResult> {
  const { version } = input;
  const cache = input.cache && input.cache.version === version ? input.cache : null;
  const records = new Map<string, ArticleRecord>();
  for (const a of input.articles) if (!records.has(a.id)) records.set(a.id, a);
  const revs = new Map([...records].map(([id, r]) => [id, revOf(r)]));
  const infos = new Map([...records.values()].sort((x, y) => cmp(x.path, y.path) || cmp(x.id, y.id)).map((r) => [r.id, articleInfo(r)]));

  // Claims and sources by article, loaded as needed.
  const claimsOf = new Map<string, Claim[]>();
  const sourcesOf = new Map<string, Source[]>();
  const load = async (ids: Iterable<string>): Promise<void> => {
    const want = [...new Set(ids)].filter((id) => !claimsOf.has(id));
    if (want.length === 0) return;
    for (const id of want) (claimsOf.set(id, []), sourcesOf.set(id, []));
    const { claims, sources } = await input.load(want);
    for (const c of claims) claimsOf.get(c.article)?.push(c);
    for (const s of sources) sourcesOf.get(s.article)?.push(s);
  };

  // 1. What each article gives the stories and the name units: cached under the same entry, else
  // read from its claims.
  const held = new Map<string, ArticleEntry>();
  const fresh: string[] = [];
  for (const [id, rev] of revs) {
    const entry = cache?.articles[id];
    if (entry && entry.rev === rev) held.set(id, entry);
    else fresh.push(id);
  }
  const removed = cache ? Object.keys(cache.articles).filter((id) => !records.has(id)) : [];
  await load(fresh);
  const keysOf = new Map<string, ArticleKeys & { story: StoryKeys }>([...held]);
  for (const id of fresh) keysOf.set(id, { ...articleKeys(claimsOf.get(id)!), story: storyKeys(claimsOf.get(id)!) });

  // 2. The store's stories, with rare names and common metrics counted store-wide.
  const byName = spread([...keysOf.values()].map((k) => k.names));
  const rare = (name: string): boolean => (byName.holders.get(name) ?? 0) <= byName.cap;
  const common = commonMetrics([...keysOf.values()].map((k) => k.metrics));
  const stories = storiesFrom(new Map([...keysOf].map(([id, k]) => [id, k.story])), infos, { rare, common });
  const members = new Map<string, string[]>();
  for (const id of [...records.keys()].sort()) {
    const story = stories.storyOf(id);
    (members.get(story) ?? members.set(story, []).get(story)!).push(id);
  }

  // 3. The articles that changed: new, edited, removed, or in a story that gained or lost one.
  const oldStory = (id: string): string | undefined => cache?.articles[id]?.storyId;
  const changedStories = new Set<string>();
  for (const id of [...fresh, ...removed]) for (const s of [oldStory(id), records.has(id) ? stories.storyOf(id) : undefined]) if (s) changedStories.add(s);
  for (const id of held.keys()) if (oldStory(id) !== stories.storyOf(id)) (changedStories.add(oldStory(id)!), changedStories.add(stories.storyOf(id)));
  const changed = new Set<string>(cache ? [] : records.keys());
  if (cache) {
    for (const [id, entry] of Object.entries(cache.articles)) if (records.has(id) && changedStories.has(entry.storyId)) changed.add(id);
    for (const s of changedStories) for (const id of members.get(s) ?? []) changed.add(id);
    for (const id of fresh) changed.add(id);
  }

  // Their scopes now: their stories are whole among them, so what their claims are read as is the store's.
  const byIds = (ids: Iterable<string>): string[] => [...new Set(ids)].sort((a, b) => cmp(infos.get(a)!.key, infos.get(b)!.key) || cmp(a, b));
  const contextOf = async (ids: string[]): Promise<RuleContext> => {
    await load(ids);
    return buildContext({ articles: ids.map((id) => records.get(id)!), claims: ids.flatMap((id) => claimsOf.get(id)!), sources: ids.flatMap((id) => sourcesOf.get(id)!), stories });
  };
  const changedIds = byIds(changed);
  const first = await contextOf(changedIds);
  const firstScopes = scopesOf(first);
  const scopesNow = (id: string): ArticleScopes => (changed.has(id) ? firstScopes.articles.get(id) ?? { held: [], reads: [], links: [] } : held.get(id)!);

  // 4. The touched keys: what the changed articles held and hold, their stories, and the bundles reading any of them.
  const touched = new Set<string>([...changedStories].map(storyScope));
  for (const id of [...changed, ...removed]) {
    for (const k of cache?.articles[id]?.held ?? []) touched.add(k);
    if (records.has(id)) for (const k of scopesNow(id).held) touched.add(k);
  }
  const readsOf = new Map<string, Set<string>>();
  for (const id of records.keys()) {
    for (const [bundle, ...keys] of scopesNow(id).reads) {
      const set = readsOf.get(bundle) ?? readsOf.set(bundle, new Set()).get(bundle)!;
      for (const k of keys) set.add(k);
    }
  }
  for (const [bundle, keys] of readsOf) if (!touched.has(bundle) && [...keys].some((k) => touched.has(k))) touched.add(bundle);
  // Events: connected events are touched together when one of them is in a changed article,
  // reads a touched family, or may connect to a changed article's event by place or a one-off event.
  const events: Array<{ article: string; claim: string; component: string; connect: string[] }> = [];
  for (const id of records.keys()) for (const [claim, component, ...connect] of scopesNow(id).links) events.push({ article: id, claim, component, connect });
  for (const id of changed) for (const [, , ...connect] of cache?.articles[id]?.links ?? []) for (const k of connect) if (k[0] === 'E') touched.add(k);
  for (const e of events) if (changed.has(e.article)) for (const k of e.connect) if (k[0] === 'E') touched.add(k);
  for (const e of events) if (changed.has(e.article) || e.connect.some((k) => touched.has(k))) touched.add(e.component);
  const touchedEvents = new Set<string>();
  const eventReads = new Set<string>();
  for (const e of events) {
    if (!changed.has(e.article) && !touched.has(e.component)) continue;
    touchedEvents.add(e.claim);
    for (const k of e.connect) if (k[0] === 'F') eventReads.add(k);
  }

  // 5. What the rules must read: the holders of touched keys, the keys their touched bundles read, and their stories.
  const wanted = new Set<string>();
  const needed = new Set<string>();
  for (const id of records.keys()) for (const k of scopesNow(id).held) if (touched.has(k)) (wanted.add(id), k[0] !== 'F' && k[0] !== 'S' ? needed.add(k) : undefined);
  const keysToRead = new Set<string>([...eventReads, ...[...needed].flatMap((b) => [...(readsOf.get(b) ?? [])])]);
  if (keysToRead.size > 0) for (const id of records.keys()) if (scopesNow(id).held.some((k) => keysToRead.has(k))) wanted.add(id);
  for (const id of [...wanted]) for (const m of members.get(stories.storyOf(id)) ?? []) wanted.add(m);
  for (const id of changed) wanted.add(id);
  input.plan?.({ articles: records.size, checked: wanted.size });

  // 6. Run the rules there; keep what has a touched key, and the cached rest.
  const ctx = wanted.size === changed.size ? first : await contextOf(byIds(wanted));
  // An event whose connected events were not all read keeps its cached key; the others' are new.
  const cachedComponent = new Map(events.filter((e) => !touchedEvents.has(e.claim)).map((e) => [e.claim, e.component]));
  const scopes = wanted.size === changed.size ? firstScopes : scopesOf(ctx, (claim, computed) => cachedComponent.get(claim) ?? computed);
  for (const c of ctx.claims) if (touchedEvents.has(c.id)) for (const k of scopes.claims.get(c.id) ?? []) if (k[0] === 'C') touched.add(k);
  const tagsOf = (claims: readonly string[], articles: readonly string[]): string[] => {
    const tags = new Set<string>();
    for (const id of claims) for (const k of scopes.claims.get(id) ?? []) tags.add(k);
    if (claims.length === 0) for (const a of articles) tags.add(storyScope(stories.storyOf(a)));
    return [...tags].sort();
  };
  const hits = (tags: readonly string[]): boolean => tags.some((k) => touched.has(k));
  const describe = input.describe ?? ((c: Claim) => c.quote);
  const drafts = RULES.filter((r) => r.id !== NAME_RULE).flatMap((r) => r.run(ctx));
  const found: Array<Scoped<Finding>> = [];
  for (const d of drafts) {
    const finding = finalise(d, ctx.articles);
    const tags = tagsOf(finding.claims, finding.articles);
    if (hits(tags)) found.push({ item: finding, tags });
  }
  const grouped: Array<Scoped<Group>> = [];
  for (const g of ctx.groups) {
    const tags = tagsOf(g.group.claims, g.group.articles);
    if (hits(tags)) grouped.push({ item: g.group, tags });
  }
  const scopedFindings = [...(cache?.findings.filter((f) => !hits(f.tags)) ?? []), ...found];
  const scopedGroups = [...(cache?.groups.filter((g) => !hits(g.tags)) ?? []), ...grouped].sort((a, b) => cmp(a.item.id, b.item.id));
  const scopedTexts: Record<string, [string, string]> = {};
  for (const f of scopedFindings) {
    for (const id of f.item.claims) {
      const c = ctx.byId.get(id);
      const t = c && f.tags.some((k) => touched.has(k)) ? ([c.article, describe(c)] as [string, string]) : cache?.texts[id];
      if (t) scopedTexts[id] = t;
    }
  }

  // 7. Name units, with their fingerprints: those the cache does not hold are checked again. A
  // unit takes the claims it kept of the articles that did not change, and reads the shards of
  // the others only.
  const stamp = (id: string): string => `${id}:${revs.get(id)}`;
  const unitHolders = new Map<string, string[]>();
  for (const [id, k] of [...keysOf].sort((a, b) => cmp(a[0], b[0]))) for (const u of k.units) (unitHolders.get(u) ?? unitHolders.set(u, []).get(u)!).push(id);
  const units = [...unitHolders].sort((a, b) => cmp(a[0], b[0])).map(([unit, holders]) => ({ unit, members: holders, fp: `n${shortHash([version, unit, ...holders.map(stamp)], 24)}` }));
  const dirtyUnits = units.filter((u) => !cache?.units[u.fp]);
  const kept = new Map<string, Map<string, UnitClaims>>();
  if (input.nameClaims && cache?.names) {
    for (const u of dirtyUnits) {
      // Kept claims serve only when some of the unit's articles are not read anyway.
      if (u.members.every((id) => claimsOf.has(id))) continue;
      const fp = cache.names[u.unit];
      const keptClaims = fp ? await input.nameClaims.read(fp).catch(() => null) : null;
      if (!keptClaims) continue;
      const of = new Set(u.members);
      kept.set(u.unit, new Map(keptClaims.filter((h) => of.has(h.article) && revs.get(h.article) === h.rev).map((h) => [h.article, { claims: h.claims, counts: h.counts }])));
    }
  }
  await load(dirtyUnits.flatMap((u) => u.members.filter((id) => !kept.get(u.unit)?.has(id))));
  const unitResults = new Map<string, UnitResult>();
  for (const u of dirtyUnits) {
    const keptOf = kept.get(u.unit);
    const perArticle: NameClaims = u.members.map((id) => ({ article: id, rev: revs.get(id)!, ...(keptOf?.get(id) ?? cutForUnit(u.unit, claimsOf.get(id)!)) }));
    const claims = perArticle.flatMap(unfold);
    const findings = checkNameUnit(claims, new Map(u.members.map((id) => [id, infos.get(id)!])));
    const byId = new Map(claims.map((c) => [c.id, c]));
    const texts: Record<string, [string, string]> = {};
    for (const f of findings) for (const id of f.claims) {
      const c = byId.get(id);
      if (c) texts[id] = [c.article, describe(c)];
    }
    unitResults.set(u.fp, { findings, texts });
    if (input.nameClaims) await input.nameClaims.write(u.fp, perArticle).catch(() => undefined);
  }

  // 8. Merge as `checkClaims` does.
  const unitAll = units.map((u) => unitResults.get(u.fp) ?? cache!.units[u.fp]);
  const texts = new Map<string, [string, string]>(Object.entries(scopedTexts));
  for (const r of unitAll) for (const [id, t] of Object.entries(r.texts)) texts.set(id, t);
  const raw = [...scopedFindings.map((f) => f.item), ...unitAll.flatMap((r) => r.findings)];
  const findings = sortFindings(applyReviews(dedupe(raw, RULES.map((r) => r.id)), input.reviews));
  const groups = scopedGroups.map((g) => g.item);
  const entries: Record<string, ArticleEntry> = {};
  for (const id of [...records.keys()].sort()) {
    const k = keysOf.get(id)!;
    const sc = wanted.has(id) ? scopes.articles.get(id) ?? { held: [], reads: [], links: [] } : held.get(id)!;
    entries[id] = { rev: revs.get(id)!, names: k.names, units: k.units, metrics: k.metrics, story: k.story, storyId: stories.storyOf(id), held: sc.held, reads: sc.reads, links: sc.links };
  }
  const next: CheckCache = {
    version,
    articles: entries,
    findings: scopedFindings,
    groups: scopedGroups,
    texts: scopedTexts,
    units: Object.fromEntries(units.map((u) => [u.fp, unitResults.get(u.fp) ?? cache!.units[u.fp]])),
    // A unit's claims are kept under the fingerprint they were written for (the last re-check of it).
    names: input.nameClaims ? Object.fromEntries(units.flatMap((u) => {
      const fp = unitResults.has(u.fp) ? u.fp : cache?.names?.[u.unit];
      return fp ? [[u.unit, fp]] : [];
    })) : undefined,
  };
  return {
    groups,
    findings,
    texts,
    cache: next,
    stats: { articles: records.size, checked: wanted.size, loaded: claimsOf.size, units: units.length, unitsChecked: dirtyUnits.length, reused: cache !== null },
    // The same articles, stories and units as the cache held: writing it again would change nothing.
    unchanged:
      cache !== null &&
      changed.size === 0 &&
      removed.length === 0 &&
      dirtyUnits.length === 0 &&
      Object.keys(cache.units).length === units.length,
  };
}
