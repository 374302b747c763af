/**
 * Distinct origins behind a set of claims: five articles repeating one speech are one origin, not
 * five confirmations. Claims collapse into one origin when they are attributed to the same speaker
 * or organisation (through the alias file), when the sources they cite lead back to the same primary
 * source (following "X, citing Y"), or when their sentences are near copies (syndicated or copied
 * text, by word-shingle overlap). A claim with none of these is its article's own origin.
 */
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
export function rootSource(source: Source, byId: Map<string, Source>): Source {
  let s = source;
  const seen = new Set<string>([s.id]);
  while (s.via && byId.has(s.via) && !seen.has(s.via)) {
    s = byId.get(s.via) as Source;
    seen.add(s.id);
  }
  return s;
}

/** Keys that say who a claim comes from: its speaker, organisation, and the root of each cited source. */
function originKeys(claim: Claim, byId: Map<string, Source>, aliases: AliasRegistry, outlets: OutletRegistry): Array<{ key: string; why: string }> {
  const keys: Array<{ key: string; why: string }> = [];
  const who = (name: string, why: string) => keys.push({ key: `who:${entityKey(name, aliases)}`, why });
  if (claim.speaker) who(claim.speaker, `speaker ${claim.speaker}`);
  if (claim.organisation) who(claim.organisation, `organisation ${claim.organisation}`);
  if (!claim.speaker && !claim.organisation && claim.attribution) {
    for (const part of claim.attribution.split(/\s*,\s*/)) if (part) who(part, `attributed to ${part}`);
  }
  for (const id of claim.sources) {
    const s = byId.get(id);
    if (!s) continue;
    const root = rootSource(s, byId);
    const outlet = (root.url && outlets.byUrl(root.url)) || (root.name && outlets.byName(root.name)) || null;
    const name = outlet?.name ?? root.name;
    if (name && !isVagueName(name)) who(name, `cites ${name}`);
    else if (root.url) keys.push({ key: `url:${urlKey(root.url)}`, why: `cites ${root.url}` });
  }
  return keys;
}

/** Group claims into distinct origins. */
export function originsOf(claims: Claim[], sources: Source[], options: OriginOptions = {}): Origin[] {
  const aliases = options.aliases ?? loadAliases();
  const outlets = options.outlets ?? loadOutlets();
  const n = options.shingle ?? 3;
  const jaccard = options.jaccard ?? 0.5;
  const containment = options.containment ?? 0.8;
  const byId = new Map(sources.map((s) => [s.id, s]));
  const uf = new UnionFind();
  const reasons = new Map<string, string[]>();
  const note = (claim: string, why: string) => reasons.set(claim, [...(reasons.get(claim) ?? []), why]);
  const firstAttributed = new Map<string, string>();
  const bare: Claim[] = [];

  for (const c of claims) {
    const node = `claim:${c.id}`;
    const keys = originKeys(c, byId, aliases, outlets);
    for (const k of keys) {
      uf.union(k.key, node);
      note(c.id, k.why);
    }
    if (keys.length === 0) bare.push(c);
    else if (!firstAttributed.has(c.article)) firstAttributed.set(c.article, node);
  }
  // A claim naming nobody belongs to its article's attributed origin, else to the article itself.
  for (const c of bare) {
    const node = `claim:${c.id}`;
    const host = firstAttributed.get(c.article);
    uf.union(host ?? `article:${c.article}`, node);
    note(c.id, host ? 'same article as an attributed claim' : 'no attribution: the article itself');
  }
  // Near-identical sentences across articles: syndicated or copied text.
  const grams = claims.map((c) => shingles(c.quote, n));
  const index = new Map<string, number[]>();
  grams.forEach((g, i) => {
    for (const s of g) index.set(s, [...(index.get(s) ?? []), i]);
  });
  for (let i = 0; i < claims.length; i++) {
    const shared = new Map<number, number>();
    for (const s of grams[i]) for (const j of index.get(s) ?? []) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1);
    for (const [j, common] of shared) {
      if (claims[i].article === claims[j].article) continue;
      const union = grams[i].size + grams[j].size - common;
      const smaller = Math.min(grams[i].size, grams[j].size);
      if (common >= 4 && (common / union >= jaccard || common / smaller >= containment)) {
        uf.union(`claim:${claims[i].id}`, `claim:${claims[j].id}`);
        note(claims[i].id, `near copy of ${claims[j].id}`);
        note(claims[j].id, `near copy of ${claims[i].id}`);
      }
    }
  }
  const groups = new Map<string, Origin>();
  for (const c of claims) {
    const root = uf.find(`claim:${c.id}`);
    const o = groups.get(root) ?? { key: root.startsWith('claim:') ? `article:${c.article}` : root, claims: [], articles: [], reasons: [] };
    o.claims.push(c.id);
    if (!o.articles.includes(c.article)) o.articles.push(c.article);
    for (const r of reasons.get(c.id) ?? []) if (!o.reasons.includes(r)) o.reasons.push(r);
    groups.set(root, o);
  }
  return [...groups.values()];
}

/** How many distinct origins stand behind `claims` (the check's corroboration count). */
export function countOrigins(claims: Claim[], sources: Source[]): number {
  return originsOf(claims, sources).length;
}
