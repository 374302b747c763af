/**
 * What an article cites: inline links and bare URLs, entries of its source list, inline source
 * statements ("This analysis draws on the following primary sources: A; B; C"), and sources named
 * without a link ("according to X", "X, citing Y"). Mentions of the same source are merged (a named
 * "IT Home" and the listed IT Home entry with its URL are one source, cited in several places).
 */
import type { ReadResult, Span } from '../ingest/types.js';
import { findNamed, readName, words } from './named.js';
import { hostOf, loadOutlets, nameKey, type Outlet, type OutletRegistry } from './outlets.js';
import { findSourceLists } from './source-list.js';

export type CitedKind = 'link' | 'named' | 'listed';

/** A source as found in one article, before ids. Spans are ranges of `ReadResult.text`. */
export interface Cited {
  kind: CitedKind;
  /** The outlet or source name as written, or the registry name for a link. */
  name: string | null;
  url: string | null;
  outlet: Outlet | null;
  headline: string | null;
  note: string | null;
  /** An unnamed source ("Chinese media"). */
  vague: boolean;
  /** Cited for the article's claims ("source") or only passing them on ("carrier": "cited by X"). */
  role: 'source' | 'carrier';
  /** The main place of the citation (a list entry, a link anchor, a name). */
  span: Span;
  /** Every place the source is cited. */
  mentions: Span[];
  /** What this source cites ("X, citing Y": X.via = Y). */
  via: Cited | null;
}

export interface FindCitedOptions {
  registry?: OutletRegistry;
  /** Names of people quoted in the article: never read as sources. */
  people?: string[];
}

const INLINE_LIST = /\b(?:(?:primary|data|main|key)\s+)?sources?\s*(?:include|are|used)?\s*:|\bdraws?\s+on\b[^:]{0,40}:|^\s*(?:data|source|sources)\s*:/i;
const BARE_URL = /(?:https?:\/\/|\bwww\.)[^\s<>"'“”‘’)\]]+/giu;
const KIND_RANK: Record<CitedKind, number> = { listed: 3, link: 2, named: 1 };

/** A URL reduced for comparison: no scheme, no "www.", no fragment or trailing slash. */
export function urlKey(url: string): string {
  return url
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/^www\d?\./i, '')
    .replace(/#.*$/, '')
    .replace(/\/+$/, '')
    .replace(/^[^/]+/, (h) => h.toLowerCase());
}

const inside = (ranges: Span[], at: number) => ranges.some((r) => at >= r.start && at < r.end);

/** Every source the article cites, merged, in order of first appearance. */
export function findCited(read: ReadResult, options: FindCitedOptions = {}): Cited[] {
  const registry = options.registry ?? loadOutlets();
  const out: Cited[] = [];
  const lists = findSourceLists(read, registry);
  const make = (c: Partial<Cited> & Pick<Cited, 'kind' | 'span'>): Cited => {
    const cited: Cited = { name: null, url: null, outlet: null, headline: null, note: null, vague: false, role: 'source', mentions: [c.span], via: null, ...c };
    out.push(cited);
    return cited;
  };

  // 1. Source lists.
  for (const entry of lists.entries) {
    const [first, ...rest] = entry.names;
    // A list entry is a formal citation: the registry's name when it knows the outlet ("AFP: …" → Agence France-Presse).
    const primary = make({
      kind: 'listed',
      name: first?.outlet?.name ?? first?.name ?? null,
      url: entry.url,
      outlet: first?.outlet ?? (entry.url ? registry.byUrl(entry.url) : null),
      headline: entry.headline,
      note: entry.note,
      span: entry.span,
    });
    for (const other of rest) {
      const cited = make({ kind: 'listed', name: other.outlet?.name ?? other.name, outlet: other.outlet, span: entry.span });
      // "Tencent News / Cailian Press" with a qq.com URL: the publisher cites the other.
      if (entry.url && primary.via === null && cited.outlet?.key !== primary.outlet?.key) primary.via = cited;
    }
  }

  // 2. Links and bare URLs outside the lists; the article's own site is not a source.
  const selfOutlet = (read.meta.outlet && registry.byName(read.meta.outlet.value)) || (read.meta.url && registry.byUrl(read.meta.url.value)) || null;
  const selfHost = read.meta.url ? hostOf(read.meta.url.value) : null;
  const skipped = read.blocks.filter((b) => b.kind === 'boilerplate' || b.kind === 'meta');
  const skipBlock = (at: number) => inside(skipped, at);
  const linkSpans: Span[] = [];
  const addLink = (url: string, text: string, span: Span) => {
    if (!/^(https?:\/\/|www\.)/i.test(url) || inside(lists.ranges, span.start) || skipBlock(span.start)) return;
    const host = hostOf(url);
    if (selfHost && host === selfHost) return;
    const outlet = registry.byUrl(url);
    if (selfOutlet && outlet?.key === selfOutlet.key) return;
    const anchor = text.trim();
    make({ kind: 'link', name: outlet?.name ?? null, url, outlet, headline: anchor && anchor !== url ? anchor : null, span });
    linkSpans.push(span);
  };
  for (const link of read.links) addLink(link.url, link.text, { start: link.start, end: link.end });
  for (const m of read.text.matchAll(BARE_URL)) {
    const start = m.index ?? 0;
    const url = m[0].replace(/[.,;:!?]+$/, '');
    const span = { start, end: start + url.length };
    if (linkSpans.some((l) => l.start < span.end && span.start < l.end) || read.links.some((l) => l.url === url)) continue;
    addLink(url, url, span);
  }

  // 3. Names in sentences; inline source statements make their names listed sources.
  const people = new Set((options.people ?? []).map((p) => p.toLowerCase()));
  for (const s of read.sentences) {
    if (inside(lists.ranges, s.start) || skipBlock(s.start)) continue;
    const sentence = read.text.slice(s.start, s.end);
    const mentions = findNamed(read.text, s.start, s.end, { registry, people, self: selfOutlet });
    const statement = INLINE_LIST.exec(sentence);
    const items = statement ? itemsOf(read.text, s.start + statement.index + statement[0].length, s.end) : [];
    const itemOf = (at: number) => items.find((it) => at >= it.start && at < it.end) ?? null;
    const made = mentions.map((m) => {
      const item = itemOf(m.start);
      return make({
        kind: item ? 'listed' : 'named',
        name: m.name,
        outlet: m.outlet,
        vague: m.vague,
        role: m.role,
        note: item ? read.text.slice(item.start, item.end) : null,
        span: { start: m.start, end: m.end },
      });
    });
    mentions.forEach((m, k) => {
      if (m.via !== null) made[k].via = made[m.via];
    });
    // "Sources: National Bureau of Statistics; OpenRouter" – a name opening an item needs no cue.
    for (const item of items) {
      if (mentions.some((m) => m.start >= item.start && m.start < item.end)) continue;
      const ws = words(read.text, item.start, item.end);
      const range = readName(ws, 0);
      if (!range) continue;
      const name = read.text.slice(ws[range.first].start, ws[range.last].end).replace(/['’]s?$/, '');
      const outlet = registry.byName(name);
      if (!outlet && range.last === range.first && !/\p{Lu}.*\p{Lu}/u.test(name)) continue;
      make({ kind: 'listed', name, outlet, note: read.text.slice(item.start, item.end), span: { start: ws[range.first].start, end: ws[range.last].end } });
    }
  }
  return merge(out);
}

/** The items of an inline list: split at semicolons, else at commas. */
function itemsOf(text: string, start: number, end: number): Span[] {
  const body = text.slice(start, end);
  const sep = body.includes(';') ? ';' : ',';
  const out: Span[] = [];
  let pos = start;
  for (const part of body.split(sep)) {
    const lead = part.length - part.trimStart().length;
    const trimmed = part.trim().replace(/[.]$/, '');
    if (trimmed) out.push({ start: pos + lead, end: pos + lead + trimmed.length });
    pos += part.length + 1;
  }
  return out;
}

/** Merge mentions of one source: same URL; same outlet or name; a name and the one URL of its outlet. */
function merge(all: Cited[]): Cited[] {
  // A merged source points at the one it went into; `via` links are followed through at the end.
  const into = new Map<Cited, Cited>();
  const current = (c: Cited): Cited => {
    let at = c;
    for (let next = into.get(at); next; next = into.get(at)) at = next;
    return at;
  };
  const mergeInto = (from: Cited, to: Cited) => {
    to.mentions.push(...from.mentions);
    if (KIND_RANK[from.kind] > KIND_RANK[to.kind]) {
      to.kind = from.kind;
      to.span = from.span;
    }
    to.url ??= from.url;
    to.name ??= from.name;
    to.outlet ??= from.outlet;
    to.headline ??= from.headline;
    to.note = to.note && from.note && to.note !== from.note ? `${to.note} ${from.note}` : (to.note ?? from.note);
    to.via ??= from.via;
    if (from.role === 'source') to.role = 'source';
    into.set(from, to);
    if (to.via && current(to.via) === to) to.via = null;
  };
  const live = () => all.filter((c) => !into.has(c));
  const groupBy = (key: (c: Cited) => string | null) => {
    const seen = new Map<string, Cited>();
    for (const c of live()) {
      const k = key(c);
      if (k === null) continue;
      const first = seen.get(k);
      if (first) mergeInto(c, first);
      else seen.set(k, c);
    }
  };
  groupBy((c) => (c.url ? `u:${urlKey(c.url)}` : null));
  groupBy((c) => (c.url ? null : c.outlet ? `o:${c.outlet.key}` : c.name ? `n:${nameKey(c.name)}` : null));
  // Merging a name into a source with a URL changes no URL: the sources with one stay the same.
  const withUrl = new Map<string, Cited[]>();
  for (const c of live()) if (c.url && c.outlet) withUrl.set(c.outlet.key, [...(withUrl.get(c.outlet.key) ?? []), c]);
  for (const c of live()) {
    if (c.url || !c.outlet) continue;
    const same = withUrl.get(c.outlet.key) ?? [];
    if (same.length === 1) mergeInto(c, same[0]);
  }
  const items = live();
  for (const c of items) {
    if (c.via) c.via = current(c.via);
    if (c.via === c) c.via = null;
    c.mentions.sort((a, b) => a.start - b.start);
  }
  return items.sort((a, b) => a.mentions[0].start - b.mentions[0].start);
}
