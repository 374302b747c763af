/**
 * Source linking for one article: finds what the article cites (links, source lists, named outlets)
 * and links each claim to the sources that back it. Provenance across articles (origins, chains,
 * PROV-JSON) and checks against saved pages live beside this in `provenance.ts`, `origins.ts`,
 * `prov-json.ts` and `snapshots.ts`; `summary.ts` gathers them for the whole store.
 */
import { createHash } from 'node:crypto';
import { spanToSource } from '../ingest/builder.js';
import type { ReadResult } from '../ingest/types.js';
import type { Claim, Source } from '../store/schema.js';
import { attachClaims, type ClaimLink } from './attach.js';
import { findCited, type Cited } from './cited.js';
import { loadOutlets, type OutletRegistry } from './outlets.js';

export interface LinkOptions {
  registry?: OutletRegistry;
  /** Points a source-list note needs to link a claim (see `attachClaims`). */
  threshold?: number;
}

export interface LinkResult {
  sources: Source[];
  claims: Claim[];
  /** Each claim ↔ source link with the reason it was made. */
  links: Array<Omit<ClaimLink, 'cited'> & { source: string }>;
}

/** A source id: "s-" and a short hash of the article, the kind and the URL or name. */
export function sourceId(articleId: string, kind: string, key: string): string {
  return 's-' + createHash('sha256').update(`${articleId}\u0000${kind}\u0000${key}`).digest('hex').slice(0, 12);
}

/** The editor-facing note: the headline a list gives, then its labelled notes. */
function noteOf(c: Cited): string | null {
  const headline = c.headline ? `“${c.headline.replace(/^[“"]|[”"]$/g, '')}”` : null;
  if (headline && c.note) return `${headline} — ${c.note}`;
  return headline ?? c.note;
}

/** Find cited sources and link claims to them, with the reason for each link. */
export function linkArticle(read: ReadResult, articleId: string, claims: Claim[], options: LinkOptions = {}): LinkResult {
  const registry = options.registry ?? loadOutlets();
  const people = claims.flatMap((c) => (c.speaker ? [c.speaker] : []));
  const cited = findCited(read, { registry, people });
  const ids = new Map<Cited, string>();
  const used = new Set<string>();
  for (const c of cited) {
    let id = sourceId(articleId, c.kind, c.url ?? c.name ?? `${c.span.start}`);
    for (let n = 2; used.has(id); n++) id = sourceId(articleId, c.kind, `${c.url ?? c.name ?? ''}#${n}`);
    used.add(id);
    ids.set(c, id);
  }
  const sources: Source[] = cited.map((c) => {
    const { start, end } = spanToSource(read.runs, c.span);
    return {
      id: ids.get(c) as string,
      name: c.name,
      url: c.url,
      kind: c.kind,
      article: articleId,
      start,
      end,
      note: noteOf(c),
      via: c.via ? (ids.get(c.via) ?? null) : null,
    };
  });
  const links = attachClaims(read, claims, cited, { registry, threshold: options.threshold });
  const byClaim = new Map<string, string[]>();
  for (const l of links) byClaim.set(l.claim, [...(byClaim.get(l.claim) ?? []), ids.get(l.cited) as string]);
  const linked = claims.map((claim) => {
    const add = byClaim.get(claim.id) ?? [];
    return add.length === 0 ? claim : { ...claim, sources: [...new Set([...claim.sources, ...add])] };
  });
  return {
    sources,
    claims: linked,
    links: links.map(({ cited: c, ...rest }) => ({ ...rest, source: ids.get(c) as string })),
  };
}

/** Find cited sources and return them with the claims' `sources` filled in. */
export function linkSources(read: ReadResult, articleId: string, claims: Claim[]): { sources: Source[]; claims: Claim[] } {
  const { sources, claims: linked } = linkArticle(read, articleId, claims);
  return { sources, claims: linked };
}
