/**
 * The check, part by part, reusing what an earlier check found for the parts nothing touched.
 *
 * The store falls into parts (`partition.ts`) whose groups and findings depend only on their own
 * articles, plus the `name-variant` units (one canonical name, or one speaker's titles, across the
 * store). Each part and unit has a fingerprint of everything its result depends on: the code and
 * registries (`version`), each article's index entry (its id is the hash of its bytes), and for a
 * part the names among its articles that are rare store-wide and the metrics that are common. A
 * cached result is used only under the very same fingerprint; anything else (no cache, another
 * version, a part that changed) is checked again from the shards. With no usable cache every part
 * is checked: a full check.
 *
 * The merge is the one `checkClaims` does: the drafted findings of every part go through the
 * same `dedupe`, reviews and sort, so the result equals a full check's (test/check/incremental).
 */
import type { ArticleRecord, Claim, Finding, Group, Review, Source } from '../store/schema.js';
import { articleInfo } from './describe.js';
import { applyReviews, dedupe, finalise, sortFindings } from './findings.js';
import { sortClaims } from './group.js';
import { cmp, shortHash } from './hash.js';
import { buildContext } from './index.js';
import { articleKeys, partition, type ArticleKeys } from './partition.js';
import { RULES } from './rules/index.js';
import { commonMetrics, spread } from './story.js';
import type { ArticleInfo, RuleContext } from './types.js';

/** The rule read store-wide, by name units rather than parts. */
const NAME_RULE = 'name-variant';

/** What the check found in one part or unit, as cached. */
export interface UnitResult {
  groups: Group[];
  /** Finalised, before dedupe and reviews. */
  findings: Finding[];
  /** Each finding claim's article and text (`describe`), for what the store remembers of a check. */
  texts: Record<string, [string, string]>;
}

/** What a check leaves for the next one (`src/store/check-cache.ts` keeps it beside the store). */
export interface CheckCache {
  version: string;
  /** Per article id: the hash of its index entry, and its keys. */
  articles: Record<string, ArticleKeys & { rev: string }>;
  /** Per part or unit fingerprint. */
  units: Record<string, UnitResult>;
  /** Per name unit, the fingerprint its claims were last kept under (`NameClaims`). */
  names?: Record<string, string>;
}

/** The claims a name unit reads, per holding article (as `checkNameUnit` cuts them). */
export type NameClaims = Array<{ article: string; rev: string; claims: Claim[] }>;

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
  /** Told what the check will do, once the parts are known (for a progress line on large stores). */
  plan?: (plan: CheckPlan) => void;
}

/** What a check is about to do: the parts and name units it checks, of how many, over how many articles. */
export interface CheckPlan {
  parts: number;
  checked: number;
  articles: number;
}

export interface IncrementalResult {
  groups: Group[];
  findings: Finding[];
  /** Finding claims' article and text, by claim id. */
  texts: Map<string, [string, string]>;
  cache: CheckCache;
  stats: { parts: number; units: number; checked: number; loaded: number; reused: boolean };
  /** True when the new cache holds exactly what the one given held (no need to write it). */
  unchanged: boolean;
}

/** The hash of an index entry: anything in it may change what the article's claims are read as. */
export const revOf = (record: ArticleRecord): string => shortHash([JSON.stringify(record)], 16);

/** Run every rule but `name-variant` on a part. */
function checkPart(records: ArticleRecord[], claims: Claim[], sources: Source[], rare: (name: string) => boolean, common: (metric: string) => boolean): { groups: Group[]; findings: Finding[] } {
  const ctx = buildContext({ articles: records, claims, sources, rare, common });
  const drafts = RULES.filter((r) => r.id !== NAME_RULE).flatMap((r) => r.run(ctx));
  return { groups: ctx.groups.map((g) => g.group), findings: drafts.map((d) => finalise(d, ctx.articles)) };
}

/**
 * `name-variant` on one unit: the claims naming the canonical entity (with only that entity), or
 * those of the speaker (with no entity), which is all the rule reads of them.
 */
function checkNameUnit(unit: string, claims: Claim[], articles: Map<string, ArticleInfo>): Finding[] {
  const sorted = sortClaims(cutForUnit(unit, claims), articles);
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

/** The claims `name-variant` reads for one unit, with only what it reads of them. */
function cutForUnit(unit: string, claims: Claim[]): Claim[] {
  const [kind, name] = [unit[0], unit.slice(2)];
  const stubs: Claim[] = [];
  for (const c of claims) {
    if (kind === 'n') {
      if (!c.entities.some((e) => e.canonical === name)) continue;
      stubs.push({ ...c, entities: c.entities.filter((e) => e.canonical === name), speaker: null });
    } else if (c.speaker && c.speaker.toLowerCase() === name) stubs.push({ ...c, entities: [] });
  }
  return stubs;
}

/** Check the store, part by part (see the module comment). */
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

  // 1. Each article's keys: cached under the same entry, else read from its claims.
  const keysOf = new Map<string, ArticleKeys & { rev: string }>();
  const fresh: string[] = [];
  for (const [id, rev] of revs) {
    const held = cache?.articles[id];
    if (held && held.rev === rev) keysOf.set(id, held);
    else fresh.push(id);
  }
  await load(fresh);
  for (const id of fresh) keysOf.set(id, { rev: revs.get(id)!, ...articleKeys(claimsOf.get(id)!) });

  // 2. Rare names and common metrics, store-wide (as `findStories` counts them over a whole store).
  const byName = spread([...keysOf.values()].map((k) => k.names));
  const rare = (name: string): boolean => (byName.holders.get(name) ?? 0) <= byName.cap;
  const common = commonMetrics([...keysOf.values()].map((k) => k.metrics));

  // 3. Parts and name units, with their fingerprints.
  const stamp = (id: string): string => `${id}:${revs.get(id)}`;
  const dayOf = (id: string): number | null => {
    const iso = records.get(id)?.published?.value ?? null;
    return iso ? Date.parse(iso) / 864e5 : null;
  };
  const parts = partition(keysOf, rare, dayOf).map((members) => {
    const names = [...new Set(members.flatMap((id) => keysOf.get(id)!.names.filter(rare)))].sort();
    const metrics = [...new Set(members.flatMap((id) => keysOf.get(id)!.metrics.map((f) => f.slice(0, f.indexOf('\u0001')))))].filter(common).sort();
    return { members, fp: `p${shortHash([version, ...members.map(stamp), '', ...names, '', ...metrics], 24)}` };
  });
  const unitHolders = new Map<string, string[]>();
  for (const [id, k] of [...keysOf].sort((a, b) => cmp(a[0], b[0]))) for (const u of k.units) (unitHolders.get(u) ?? unitHolders.set(u, []).get(u)!).push(id);
  const units = [...unitHolders].sort((a, b) => cmp(a[0], b[0])).map(([unit, members]) => ({ unit, members, fp: `n${shortHash([version, unit, ...members.map(stamp)], 24)}` }));

  // 4. Check what the cache does not hold. A name unit takes the claims it kept of the articles
  // that did not change, and reads the shards of the others only.
  const dirtyParts = parts.filter((p) => !cache?.units[p.fp]);
  const dirtyUnits = units.filter((u) => !cache?.units[u.fp]);
  input.plan?.({ parts: parts.length + units.length, checked: dirtyParts.length + dirtyUnits.length, articles: new Set(dirtyParts.flatMap((p) => p.members)).size });
  const kept = new Map<string, Map<string, Claim[]>>();
  const partsRead = new Set(dirtyParts.flatMap((p) => p.members));
  if (input.nameClaims && cache?.names) {
    for (const u of dirtyUnits) {
      // Kept claims serve only when some of the unit's articles are not read anyway.
      if (u.members.every((id) => partsRead.has(id) || claimsOf.has(id))) continue;
      const fp = cache.names[u.unit];
      const held = fp ? await input.nameClaims.read(fp).catch(() => null) : null;
      if (!held) continue;
      const members = new Set(u.members);
      kept.set(u.unit, new Map(held.filter((h) => members.has(h.article) && revs.get(h.article) === h.rev).map((h) => [h.article, h.claims])));
    }
  }
  await load([...partsRead, ...dirtyUnits.flatMap((u) => u.members.filter((id) => !kept.get(u.unit)?.has(id)))]);
  const describe = input.describe ?? ((c: Claim) => c.quote);
  const resultOf = (groups: Group[], findings: Finding[], claims: Map<string, Claim>): UnitResult => {
    const texts: Record<string, [string, string]> = {};
    for (const f of findings) for (const id of f.claims) {
      const c = claims.get(id);
      if (c) texts[id] = [c.article, describe(c)];
    }
    return { groups, findings, texts };
  };
  const results = new Map<string, UnitResult>();
  for (const p of dirtyParts) {
    const claims = p.members.flatMap((id) => claimsOf.get(id)!);
    const { groups, findings } = checkPart(p.members.map((id) => records.get(id)!), claims, p.members.flatMap((id) => sourcesOf.get(id)!), rare, common);
    results.set(p.fp, resultOf(groups, findings, new Map(claims.map((c) => [c.id, c]))));
  }
  for (const u of dirtyUnits) {
    const held = kept.get(u.unit);
    const perArticle: NameClaims = u.members.map((id) => ({ article: id, rev: revs.get(id)!, claims: held?.get(id) ?? cutForUnit(u.unit, claimsOf.get(id)!) }));
    const claims = perArticle.flatMap((h) => h.claims);
    const articles = new Map(u.members.map((id) => [id, infos.get(id)!]));
    results.set(u.fp, resultOf([], checkNameUnit(u.unit, claims, articles), new Map(claims.map((c) => [c.id, c]))));
    // Kept from the first re-check on: a full check (no cache) would write the whole store's names again.
    if (input.nameClaims && cache) await input.nameClaims.write(u.fp, perArticle).catch(() => undefined);
  }

  // 5. Merge as `checkClaims` does.
  const all = [...parts, ...units].map((x) => results.get(x.fp) ?? cache!.units[x.fp]);
  const texts = new Map<string, [string, string]>();
  for (const r of all) for (const [id, t] of Object.entries(r.texts)) texts.set(id, t);
  const raw = all.flatMap((r) => r.findings);
  const findings = sortFindings(applyReviews(dedupe(raw, RULES.map((r) => r.id)), input.reviews));
  const groups = all.flatMap((r) => r.groups).sort((a, b) => cmp(a.id, b.id));
  const next: CheckCache = {
    version,
    articles: Object.fromEntries([...keysOf].sort((a, b) => cmp(a[0], b[0]))),
    units: Object.fromEntries([...parts, ...units].map((x) => [x.fp, results.get(x.fp) ?? cache!.units[x.fp]])),
    // A unit's claims are kept under the fingerprint they were written for (the last re-check of it).
    names: input.nameClaims ? Object.fromEntries(units.flatMap((u) => {
      const fp = results.has(u.fp) ? (cache ? u.fp : undefined) : cache?.names?.[u.unit];
      return fp ? [[u.unit, fp]] : [];
    })) : undefined,
  };
  return {
    groups,
    findings,
    texts,
    cache: next,
    stats: { parts: parts.length + units.length, units: units.length, checked: dirtyParts.length + dirtyUnits.length, loaded: claimsOf.size, reused: cache !== null },
    // The same parts and articles as the cache read: writing it again would change nothing.
    unchanged:
      cache !== null &&
      fresh.length === 0 &&
      dirtyParts.length + dirtyUnits.length === 0 &&
      Object.keys(cache.articles).length === keysOf.size &&
      Object.keys(cache.units).length === parts.length + units.length,
  };
}
