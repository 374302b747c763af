/**
 * The provenance of claims as a graph: claim → article → cited source (→ the source it cites, "X,
 * citing Y") → the original speaker, organisation or event ("Liu Liehong at the China Development
 * Forum, March 23"). `provenanceChain` follows one claim through a report for the
 * `claimtrace provenance CLAIM` command; `renderChain` prints it as plain text or Markdown.
 */
import type { Claim, Report, Source } from '../store/schema.js';
import { entityKey, loadAliases, type AliasRegistry } from './entities.js';
import { headlineSpeaker, originsOf, rootSource, type Origin } from './origins.js';
import { loadOutlets, type OutletRegistry } from './outlets.js';

export { countOrigins, originsOf } from './origins.js';

export type ProvNodeKind = 'claim' | 'article' | 'source' | 'person' | 'organisation' | 'event';
export type ProvEdgeKind =
  /** claim → article it was read from */
  | 'read-from'
  /** claim → source the article cites for it */
  | 'cites'
  /** source → source it cites ("X, citing Y") */
  | 'via'
  /** claim or source → person or organisation it is attributed to */
  | 'attributed-to'
  /** person → organisation they speak for */
  | 'speaks-for'
  /** person or organisation → event where the statement was made */
  | 'stated-at'
  /** root source → origin (its primary source: the speaker or organisation) */
  | 'primary-source';

export interface ProvNode {
  id: string;
  kind: ProvNodeKind;
  label: string;
  url?: string | null;
  /** ISO day for events and articles. */
  date?: string | null;
  /** Outlet kind from the registry for sources ("wire", "state-media"). */
  outletKind?: string | null;
  /** Claim quote or source note. */
  text?: string | null;
}

export interface ProvEdge {
  from: string;
  to: string;
  kind: ProvEdgeKind;
}

export interface ProvenanceGraph {
  nodes: ProvNode[];
  edges: ProvEdge[];
}

export interface GraphInput {
  claims: Claim[];
  sources: Source[];
  articles?: Report['articles'];
  aliases?: AliasRegistry;
  outlets?: OutletRegistry;
}

/** A stated event behind a claim: an event claim in the same article by the same actor. */
function eventFor(claim: Claim, all: Claim[], aliases: AliasRegistry): Claim | null {
  const who = [claim.speaker, claim.organisation].filter((w): w is string => !!w).map((w) => entityKey(w, aliases));
  if (who.length === 0) return null;
  const candidates = all.filter((c) => c.kind === 'event' && c.event && c.article === claim.article);
  return candidates.find((c) => [c.event?.actor, c.speaker, c.organisation].some((a) => a && who.includes(entityKey(a, aliases)))) ?? null;
}

const eventLabel = (e: Claim): string => {
  const ev = e.event;
  const what = ev?.type ?? 'statement';
  const at = ev?.place ? ` at ${ev.place}` : '';
  const when = e.period ? `, ${e.period.start === e.period.end ? e.period.start : e.period.text}` : '';
  return `${what}${at}${when}`;
};

/** Build the provenance graph of a set of claims. */
export function provenanceGraph(input: GraphInput): ProvenanceGraph {
  const aliases = input.aliases ?? loadAliases();
  const outlets = input.outlets ?? loadOutlets();
  const nodes = new Map<string, ProvNode>();
  const edges: ProvEdge[] = [];
  const node = (n: ProvNode) => {
    if (!nodes.has(n.id)) nodes.set(n.id, n);
    return n.id;
  };
  const edge = (from: string, to: string, kind: ProvEdgeKind) => {
    if (!edges.some((e) => e.from === from && e.to === to && e.kind === kind)) edges.push({ from, to, kind });
  };
  const byId = new Map(input.sources.map((s) => [s.id, s]));
  const articles = new Map((input.articles ?? []).map((a) => [a.id, a]));
  const agent = (name: string, kind: 'person' | 'organisation') => {
    const resolved = aliases.resolve(name);
    return node({ id: `${kind}:${resolved?.canonical ?? entityKey(name, aliases)}`, kind, label: resolved?.display ?? name });
  };
  const sourceNode = (s: Source): string => {
    const outlet = (s.url && outlets.byUrl(s.url)) || (s.name && outlets.byName(s.name)) || null;
    return node({ id: s.id, kind: 'source', label: s.name ?? outlet?.name ?? s.url ?? s.id, url: s.url, outletKind: outlet?.kind ?? null, text: s.note });
  };

  for (const c of input.claims) {
    const claimId = node({ id: c.id, kind: 'claim', label: c.figure?.text ?? c.quote.slice(0, 60), text: c.quote, date: c.period?.start ?? null });
    const a = articles.get(c.article);
    const articleId = node({ id: c.article, kind: 'article', label: a?.title ?? a?.path ?? c.article, date: a?.published ?? null, text: a?.outlet ?? null });
    edge(claimId, articleId, 'read-from');
    const person = c.speaker ? agent(c.speaker, 'person') : null;
    const org = c.organisation ? agent(c.organisation, 'organisation') : null;
    if (person) edge(claimId, person, 'attributed-to');
    if (org) edge(claimId, org, 'attributed-to');
    if (person && org) edge(person, org, 'speaks-for');
    const ev = eventFor(c, input.claims, aliases);
    if (ev) {
      const evId = node({ id: `event:${ev.id}`, kind: 'event', label: eventLabel(ev), date: ev.period?.start ?? null, text: ev.quote });
      edge(person ?? org ?? claimId, evId, 'stated-at');
    }
    if (c.sources.length === 0 && (person ?? org)) edge(claimId, (person ?? org) as string, 'primary-source');
    for (const sid of c.sources) {
      const s = byId.get(sid);
      if (!s) continue;
      let from = sourceNode(s);
      edge(claimId, from, 'cites');
      let cur = s;
      const seen = new Set([s.id]);
      while (cur.via && byId.has(cur.via) && !seen.has(cur.via)) {
        const next = byId.get(cur.via) as Source;
        seen.add(next.id);
        const to = sourceNode(next);
        edge(from, to, 'via');
        from = to;
        cur = next;
      }
      // The root's primary source: who the claim names, else who the cited page's headline says is speaking.
      const named = [...seen].map((id) => headlineSpeaker(byId.get(id)?.note ?? null)).find((n) => n !== null);
      const origin = person ?? org ?? (named ? agent(named, 'person') : null);
      if (origin && rootSource(s, byId) === cur) edge(from, origin, 'primary-source');
    }
  }
  return { nodes: [...nodes.values()], edges };
}

type ChainOrigin = NonNullable<ProvenanceChain['origin']>;

/** The origin a claim states itself: its speaker, organisation and the event where it was said. */
function statedOrigin(claim: Claim, all: Claim[], aliases: AliasRegistry, from: ChainOrigin['from']): ChainOrigin | null {
  const ev = eventFor(claim, all, aliases);
  if (claim.speaker || claim.organisation || ev) {
    return { speaker: claim.speaker, organisation: claim.organisation, event: ev ? eventLabel(ev) : null, date: ev?.period?.start ?? null, from };
  }
  return claim.attribution ? { speaker: null, organisation: claim.attribution, event: null, date: null, from } : null;
}

/**
 * The origin of a claim that names nobody: a speaker its cited page's headline names ("Liu Liehong
 * says ..."), then the stated origin of another claim of the same origin (the same figure in an
 * article that names the speaker and the event).
 */
function inferredOrigin(claim: Claim, paths: Source[][], group: Claim[], origins: Origin[], all: Claim[], aliases: AliasRegistry): ChainOrigin | null {
  const mine = origins.find((o) => o.claims.includes(claim.id));
  const peers = group.filter((c) => c.id !== claim.id && mine?.claims.includes(c.id));
  // Prefer a peer that names the event, then one that names the speaker.
  const ranked = peers
    .map((c) => ({ c, o: statedOrigin(c, all, aliases, { claim: c.id, why: 'as stated in a claim of the same origin,' }) }))
    .filter((x): x is { c: Claim; o: ChainOrigin } => x.o !== null)
    .sort((a, b) => Number(b.o.event !== null) - Number(a.o.event !== null) || Number(b.o.speaker !== null) - Number(a.o.speaker !== null));
  const speaker = paths.flat().map((s) => headlineSpeaker(s.note)).find((n) => n !== null) ?? null;
  if (speaker) {
    const peer = ranked.find((x) => x.o.speaker && entityKey(x.o.speaker, aliases) === entityKey(speaker, aliases));
    return { speaker, organisation: peer?.o.organisation ?? null, event: peer?.o.event ?? null, date: peer?.o.date ?? null, from: { claim: peer?.c.id ?? null, why: peer ? "speaker from the cited page's headline, the rest as stated in" : "speaker from the cited page's headline" } };
  }
  return ranked[0]?.o ?? null;
}

/** One claim's provenance, as `claimtrace provenance CLAIM` shows it. */
export interface ProvenanceChain {
  claim: Claim;
  article: Report['articles'][number] | null;
  /** Each cited source followed through its "via" links: [source, cited source, ...]. */
  paths: Source[][];
  /** Who said it: speaker, organisation, and the event when known. */
  origin: {
    speaker: string | null;
    organisation: string | null;
    event: string | null;
    date: string | null;
    /** Where the origin is stated when the claim does not state it: "a cited page's headline" or another claim of the same origin. */
    from: { claim: string | null; why: string } | null;
  } | null;
  /** Claims of the same group (the same figure elsewhere), with the origin they belong to. */
  related: Array<{ claim: Claim; article: Report['articles'][number] | null; origin: string }>;
  /** Distinct origins among the claim and its related claims. */
  origins: Origin[];
  /** The earliest article carrying the figure (by publication date), when dates are known. */
  firstReported: Report['articles'][number] | null;
  graph: ProvenanceGraph;
}

/** Follow one claim of a report back to its sources and origin; null when the id is unknown. */
export function provenanceChain(claimId: string, report: Report): ProvenanceChain | null {
  const claim = report.claims.find((c) => c.id === claimId || c.id.startsWith(claimId));
  if (!claim) return null;
  const aliases = loadAliases();
  const byId = new Map(report.sources.map((s) => [s.id, s]));
  const articleOf = (id: string) => report.articles.find((a) => a.id === id) ?? null;
  const walked = claim.sources.flatMap((sid) => {
    const s = byId.get(sid);
    if (!s) return [];
    const path = [s];
    while (path[path.length - 1].via && byId.has(path[path.length - 1].via as string) && path.length < 10) {
      const next = byId.get(path[path.length - 1].via as string) as Source;
      if (path.includes(next)) break;
      path.push(next);
    }
    return [path];
  });
  // "X, citing Y" links the claim to both: Y's own path is the tail of X's and is not repeated.
  const paths = walked.filter((p) => !walked.some((q) => q !== p && q.indexOf(p[0]) > 0));
  const group = report.groups.find((g) => g.claims.includes(claim.id));
  const groupClaims = group ? report.claims.filter((c) => group.claims.includes(c.id)) : [claim];
  const origins = originsOf(groupClaims, report.sources, { aliases });
  const originOf = (id: string) => origins.find((o) => o.claims.includes(id))?.key ?? '?';
  const origin = statedOrigin(claim, report.claims, aliases, null) ?? inferredOrigin(claim, paths, groupClaims, origins, report.claims, aliases);
  const related = groupClaims.filter((c) => c.id !== claim.id).map((c) => ({ claim: c, article: articleOf(c.article), origin: originOf(c.id) }));
  const dated = groupClaims
    .map((c) => articleOf(c.article))
    .filter((a): a is NonNullable<typeof a> => !!a?.published)
    .sort((a, b) => String(a.published).localeCompare(String(b.published)));
  const graph = provenanceGraph({ claims: groupClaims.concat(report.claims.filter((c) => c.kind === 'event' && groupClaims.some((g) => g.article === c.article))), sources: report.sources, articles: report.articles, aliases });
  return { claim, article: articleOf(claim.article), paths, origin, related, origins, firstReported: dated[0] ?? null, graph };
}

export { renderChain } from './provenance-render.js';
