/**
 * Section 4: for each fact reported by more than one article, the chain from each article to the
 * sources it cites to the origin behind it, grouped by independent origin (the link module's
 * `originsOf`). Each claim's chain is the link module's `provenanceChain` run on that claim's slice
 * of the report, so a group of a thousand claims costs a thousand small chains, not large ones.
 */
import type { ListItem, PhrasingContent, RootContent } from 'mdast';
import { loadAliases, type AliasRegistry } from '../../link/entities.js';
import { originsOf, provenanceChain, type ProvenanceChain } from '../../link/provenance.js';
import { loadOutlets } from '../../link/outlets.js';
import type { Claim, Report, Source } from '../../store/schema.js';
import { plural } from '../format.js';
import { articleDate, articleName, claimPlace, claimsOf, groupFact, type ReportContext } from '../context.js';
import { cut, leftOut } from '../limits.js';
import { code, heading, item, list, paragraph, strong, text } from '../mdast.js';

/** Chains listed per origin; the rest are counted. */
const CHAINS_SHOWN = 10;

interface ArticleParts {
  events: Claim[];
  sources: Source[];
}

/** The part of the report one claim's chain needs: the claim, and its article's event claims and sources. */
function slice(ctx: ReportContext, c: Claim, parts: ArticleParts | undefined): Report {
  const article = ctx.articles.get(c.article);
  return {
    version: 1,
    articles: article ? [article] : [],
    claims: [c, ...(parts?.events ?? []).filter((e) => e.id !== c.id)],
    sources: parts?.sources ?? [],
    groups: [],
    findings: [],
  };
}

/** An origin key in words: "National Data Administration", "Yicai's own reporting". */
function originLabel(ctx: ReportContext, key: string, aliases: AliasRegistry): string {
  const [kind, rest] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  if (kind === 'who') return aliases.entries.find((e) => e.key === rest)?.display ?? rest.replace(/-/g, ' ');
  if (kind === 'article') return `${articleName(ctx, rest)}'s own reporting (no source named)`;
  if (kind === 'url') return rest;
  return key;
}

/** Why claims share an origin, without claim ids: "speaker Liu Liehong; near copies". */
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const reasonsOf = (reasons: string[]): string =>
  [...new Set(reasons.map((r) => (r.startsWith('near copy of ') ? 'near-identical sentences' : r)))].join('; ');

/** One claim's chain: article → cited sources (→ citing …) → who said it. */
function chainLine(ctx: ReportContext, chain: ProvenanceChain): PhrasingContent[] {
  const c = chain.claim;
  const parts: PhrasingContent[] = [text(`${articleName(ctx, c.article)}, ${articleDate(ctx, c.article)} (`), claimPlace(ctx, c), text(')')];
  if (chain.paths.length === 0) parts.push(text(' → cites no source'));
  for (const path of chain.paths) parts.push(text(` → cites ${path.map((s) => s.name ?? s.url ?? s.id).join(' → citing ')}`));
  const o = chain.origin;
  if (o) {
    const who = [o.speaker, o.organisation].filter(Boolean).join(', ');
    parts.push(text(` → ${who || 'unnamed'}${o.event ? ` (${o.event})` : ''}`));
  }
  return parts;
}

/** Section 4. */
export function provenanceSection(ctx: ReportContext): RootContent[] {
  const shared = ctx.report.groups.filter((g) => g.status !== 'single-source');
  const blocks: RootContent[] = [heading(2, text('Provenance'))];
  if (shared.length === 0) return [...blocks, paragraph(text('No claim is reported by more than one article.'))];
  const aliases = loadAliases();
  const outlets = loadOutlets();
  const byArticle = new Map<string, ArticleParts>();
  const entry = (a: string) => byArticle.get(a) ?? byArticle.set(a, { events: [], sources: [] }).get(a)!;
  for (const c of ctx.report.claims) if (c.kind === 'event') entry(c.article).events.push(c);
  for (const s of ctx.report.sources) entry(s.article).sources.push(s);
  const { shown: spelled, more: unspelled } = cut(shared, ctx.limits.provenanceGroups);
  for (const g of spelled) {
    const claims = claimsOf(ctx, g.claims);
    const origins = originsOf(claims, g.articles.flatMap((a) => byArticle.get(a)?.sources ?? []), { aliases, outlets });
    const dated = g.articles.filter((a) => ctx.articles.get(a)?.published).sort((a, b) => cmp(ctx.articles.get(a)!.published!, ctx.articles.get(b)!.published!));
    const first = dated.length > 0 ? `; first reported by ${articleName(ctx, dated[0])} on ${ctx.articles.get(dated[0])!.published}` : '';
    blocks.push(heading(3, text(groupFact(g, claims))), paragraph(text(`${plural(g.articles.length, 'article')}, ${plural(origins.length, 'independent origin')}${first}.`)));
    const { shown, more } = cut(origins, ctx.limits.origins);
    const items: ListItem[] = shown.map((o) => {
      const mine = claims.filter((c) => o.claims.includes(c.id));
      const chains = mine
        .slice(0, CHAINS_SHOWN)
        .map((c) => provenanceChain(c.id, slice(ctx, c, byArticle.get(c.article))))
        .filter((ch): ch is ProvenanceChain => ch !== null);
      const lines = chains.map((ch) => item(paragraph(...chainLine(ctx, ch))));
      if (mine.length > CHAINS_SHOWN) lines.push(item(paragraph(text(`and ${plural(mine.length - CHAINS_SHOWN, 'more claim')}`))));
      const why = reasonsOf(o.reasons);
      return item(paragraph(strong(`Origin: ${originLabel(ctx, o.key, aliases)}`), text(` — ${plural(o.articles.length, 'article')}${why ? ` (${why})` : ''}`)), list(lines));
    });
    if (more > 0) items.push(item(paragraph(text(`and ${plural(more, 'more origin')} (`), code('claimtrace provenance CLAIM-ID'), text(' traces any claim)'))));
    blocks.push(list(items));
  }
  if (unspelled > 0) blocks.push(leftOut(`the provenance of ${plural(unspelled, 'more claim group')}`, 'claimtrace provenance'));
  return blocks;
}
