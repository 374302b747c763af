/**
 * Distinct origins behind a set of claims: five articles repeating one speech are one origin, not
 * five confirmations. Claims collapse into one origin when they are attributed to the same speaker
 * or organisation (through the alias file), when the sources they cite lead back to the same primary
 * source (following "X, citing Y"), or when their sentences are near copies (syndicated or copied
 * text, by word-shingle overlap). A claim with none of these is its article's own origin.
 */
import cues from './data/citation-cues.json' with { type: 'json' };
import type { Claim, Source } from '../store/schema.js';
import { urlKey } from './cited.js';
import { entityKey, loadAliases, type AliasRegistry } from './entities.js';
import { isVagueName, loadOutlets, type OutletRegistry } from './outlets.js';

export interface OriginOptions {
  /** Words per shingle (default 3). */
  shingle?: number;
  /** Jaccard overlap of shingles that makes two sentences copies (default 0.5). */
  jaccard?: number;
  /** Share of the shorter sentence's shingles found in the other that makes it a trimmed copy (default 0.8). */
  containment?: number;
  /**
   * Shingles two sentences must share before they can be copies (default 10, a dozen words in a
   * row): two outlets writing "daily token usage was 140 trillion in March" on their own are not copies.
   */
  minShared?: number;
  aliases?: AliasRegistry;
  outlets?: OutletRegistry;
}

/** One origin: the claims behind it and what joined them. */
export interface Origin {
  /** A readable key: "who:national-data-administration", "source:cailian-press", "article:a-…". */
  key: string;
  claims: string[];
  articles: string[];
  reasons: string[];
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let p = this.parent.get(x) ?? x;
    if (p !== x) {
      p = this.find(p);
      this.parent.set(x, p);
    }
    return p;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

/** Word n-grams of a sentence, lower case, numbers kept. */
export function shingles(text: string, n = 3): Set<string> {
  const ws = text.toLowerCase().replace(/[’']/g, '').match(/[\p{L}\p{N}]+(?:[.,]\p{N}+)*/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + n <= ws.length; i++) out.add(ws.slice(i, i + n).join(' '));
  return out;
}

/** The source a source leads back to through its `via` chain (cycles stop). */
export function rootSource(source: Source, byId: ReadonlyMap<string, Source>): Source {
  let s = source;
  const seen = new Set<string>([s.id]);
  while (s.via && byId.has(s.via) && !seen.has(s.via)) {
    s = byId.get(s.via) as Source;
    seen.add(s.id);
  }
  return s;
}

const headlineVerbs = cues.headlineVerbs.verbs.join('|');
const HEADLINE_SPEAKER = new RegExp(`^[“"]?(\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,4})\\s+(?:${headlineVerbs})\\b`, 'u');

/** Who a cited page's headline says is speaking ("“Liu Liehong says …”" → "Liu Liehong"), or null. */
export function headlineSpeaker(note: string | null): string | null {
  const m = note ? HEADLINE_SPEAKER.exec(note.trim()) : null;
  return m ? m[1].replace(/['’]s?$/, '') : null;
}

type Key = { key: string; why: string };

/** Keys that say where a cited source leads: its root's outlet (or URL), and a speaker its headline names. */
function sourceKeys(s: Source, byId: ReadonlyMap<string, Source>, aliases: AliasRegistry, outlets: OutletRegistry): Key[] {
  const keys: Key[] = [];
  const root = rootSource(s, byId);
  const outlet = (root.url && outlets.byUrl(root.url)) || (root.name && outlets.byName(root.name)) || null;
  const name = outlet?.name ?? root.name;
  if (name && !isVagueName(name)) keys.push({ key: `who:${entityKey(name, aliases)}`, why: `cites ${name}` });
  else if (root.url) keys.push({ key: `url:${urlKey(root.url)}`, why: `cites ${root.url}` });
  for (const x of root === s ? [s] : [s, root]) {
    const speaker = headlineSpeaker(x.note);
    if (speaker) keys.push({ key: `who:${entityKey(speaker, aliases)}`, why: `${x.name ?? x.url ?? x.id} reports ${speaker}` });
  }
  return keys;
}

/** Keys that say who a claim comes from: its speaker, organisation, and where each cited source leads. */
function originKeys(claim: Claim, byId: ReadonlyMap<string, Source>, aliases: AliasRegistry, outlets: OutletRegistry): Key[] {
  const keys: Key[] = [];
  const who = (name: string, why: string) => keys.push({ key: `who:${entityKey(name, aliases)}`, why });
  if (claim.speaker) who(claim.speaker, `speaker ${claim.speaker}`);
  if (claim.organisation) who(claim.organisation, `organisation ${claim.organisation}`);
  if (!claim.speaker && !claim.organisation && claim.attribution) {
    for (const part of claim.attribution.split(/\s*,\s*/)) if (part) who(part, `attributed to ${part}`);
  }
  for (const id of claim.sources) {
    const s = byId.get(id);
    if (s) keys.push(...sourceKeys(s, byId, aliases, outlets));
  }
  return keys;
}

const articleKeysCache = new WeakMap<ReadonlyMap<string, Source>, Map<string, Key[]>>();

/** Every key an article's cited sources lead to, by article id (computed once per source map). */
function articleSourceKeys(byId: ReadonlyMap<string, Source>, aliases: AliasRegistry, outlets: OutletRegistry): Map<string, Key[]> {
  const hit = articleKeysCache.get(byId);
  if (hit) return hit;
  const out = new Map<string, Key[]>();
  for (const s of byId.values()) out.set(s.article, [...(out.get(s.article) ?? []), ...sourceKeys(s, byId, aliases, outlets)]);
  articleKeysCache.set(byId, out);
  return out;
}

/** Group claims into distinct origins. `sources` may be a list or a map by id (the check's, shared by all groups). */
export function originsOf(claims: Claim[], sources: Source[] | ReadonlyMap<string, Source>, options: OriginOptions = {}): Origin[] {
  const aliases = options.aliases ?? loadAliases();
  const outlets = options.outlets ?? loadOutlets();
  const n = options.shingle ?? 3;
  const jaccard = options.jaccard ?? 0.5;
  const containment = options.containment ?? 0.8;
  const minShared = options.minShared ?? 10;
  const byId: ReadonlyMap<string, Source> = Array.isArray(sources) ? new Map(sources.map((s) => [s.id, s])) : (sources as ReadonlyMap<string, Source>);
  const uf = new UnionFind();
  const reasons = new Map<string, string[]>();
  const note = (claim: string, why: string) => reasons.set(claim, [...(reasons.get(claim) ?? []), why]);
  const firstAttributed = new Map<string, string>();
  const bare: Claim[] = [];
  const stated = new Set<string>();

  for (const c of claims) {
    const node = `claim:${c.id}`;
    const keys = originKeys(c, byId, aliases, outlets);
    for (const k of keys) {
      uf.union(k.key, node);
      note(c.id, k.why);
      stated.add(k.key);
    }
    if (keys.length === 0) bare.push(c);
    else if (!firstAttributed.has(c.article)) firstAttributed.set(c.article, node);
  }
  // A claim naming nobody belongs to its article's attributed origin; else to an origin of these
  // claims that its article cites elsewhere, when it cites exactly one (a closing "Sources: National
  // Data Administration disclosures; ..."); else to the article itself.
  const citedBy = bare.length > 0 ? articleSourceKeys(byId, aliases, outlets) : new Map<string, Key[]>();
  for (const c of bare) {
    const node = `claim:${c.id}`;
    const host = firstAttributed.get(c.article);
    const matches = host ? [] : (citedBy.get(c.article) ?? []).filter((k) => stated.has(k.key));
    // Only when the article's sources point at exactly one of the stated origins: otherwise it cannot be told.
    const cited = new Set(matches.map((k) => k.key)).size === 1 ? matches[0] : undefined;
    uf.union(host ?? cited?.key ?? `article:${c.article}`, node);
    note(c.id, host ? 'same article as an attributed claim' : cited ? `its article ${cited.why}` : 'no attribution: the article itself');
  }
  // Near-identical sentences across articles: syndicated or copied text.
  for (const [i, j] of nearCopies(claims, { n, jaccard, containment, minShared })) {
    uf.union(`claim:${claims[i].id}`, `claim:${claims[j].id}`);
    note(claims[i].id, `near copy of ${claims[j].id}`);
  }
  const groups = new Map<string, { origin: Origin; articles: Set<string>; reasons: Set<string> }>();
  for (const c of claims) {
    const root = uf.find(`claim:${c.id}`);
    let g = groups.get(root);
    if (!g) {
      g = { origin: { key: root.startsWith('claim:') ? `article:${c.article}` : root, claims: [], articles: [], reasons: [] }, articles: new Set(), reasons: new Set() };
      groups.set(root, g);
    }
    g.origin.claims.push(c.id);
    if (!g.articles.has(c.article)) g.origin.articles.push(c.article);
    g.articles.add(c.article);
    for (const r of reasons.get(c.id) ?? []) {
      if (!g.reasons.has(r)) g.origin.reasons.push(r);
      g.reasons.add(r);
    }
  }
  return [...groups.values()].map((g) => g.origin);
}

/** A shingle shared by more sentences than this is a formula ("daily token usage was"), not a fingerprint. */
const MAX_POSTINGS = 64;

/**
 * Pairs [copy, earlier sentence] of claims whose quotes are near copies across articles. Each quote
 * is compared only with the first quote of each copy cluster so far, found through the rarer
 * shingles they share, so a wire story carried by a hundred outlets costs a hundred comparisons,
 * not five thousand.
 */
function nearCopies(claims: Claim[], o: { n: number; jaccard: number; containment: number; minShared: number }): Array<[number, number]> {
  const grams = claims.map((c) => shingles(c.quote, o.n));
  const postings = new Map<string, number[]>();
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < claims.length; i++) {
    const g = grams[i];
    if (g.size < o.minShared) continue;
    const candidates = new Set<number>();
    for (const s of g) {
      const list = postings.get(s);
      if (list && list.length <= MAX_POSTINGS) for (const j of list) candidates.add(j);
    }
    let copied = false;
    for (const j of candidates) {
      if (claims[j].article === claims[i].article) continue;
      let common = 0;
      for (const s of g) if (grams[j].has(s)) common++;
      const union = g.size + grams[j].size - common;
      if (common >= o.minShared && (common / union >= o.jaccard || common / Math.min(g.size, grams[j].size) >= o.containment)) {
        pairs.push([i, j]);
        copied = true;
      }
    }
    // A copy is not indexed: the sentence it copies stands for it.
    if (copied) continue;
    for (const s of g) {
      const list = postings.get(s);
      if (list) list.push(i);
      else postings.set(s, [i]);
    }
  }
  return pairs;
}

/** How many distinct origins stand behind `claims` (the check's corroboration count). */
export function countOrigins(claims: Claim[], sources: Source[] | ReadonlyMap<string, Source>): number {
  return originsOf(claims, sources).length;
}
