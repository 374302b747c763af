/**
 * One claim's provenance for people: as an mdast tree serialised by remark (Markdown), or as plain
 * text lines for a terminal. The same chain gives the same bytes.
 */
import type { BlockContent, Link, List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { Source } from '../store/schema.js';
import type { ProvenanceChain } from './provenance.js';
import type { SnapshotCheck } from './snapshots.js';

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
const code = (value: string): PhrasingContent => ({ type: 'inlineCode', value });
const paragraph = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });
const item = (...children: BlockContent[]): ListItem => ({ type: 'listItem', spread: false, children });
const list = (items: ListItem[], ordered = false): List => ({ type: 'list', ordered, spread: false, children: items });
const link = (url: string, label: string): Link => ({ type: 'link', url, children: [text(label)] });

const sourceLabel = (s: Source): string => s.name ?? s.url ?? s.id;
const articleLabel = (a: ProvenanceChain['article'], id: string): string =>
  a ? [a.title ?? a.path, a.outlet, a.published].filter(Boolean).join(', ') : id;

/** What the chain says, in sentences shared by both renderings. */
function facts(chain: ProvenanceChain, checks: SnapshotCheck[]) {
  const c = chain.claim;
  const o = chain.origin;
  const from = o?.from ? ` (${o.from.why}${o.from.claim ? ` ${o.from.claim}` : ''})` : '';
  const origin = o ? [o.speaker, o.organisation].filter(Boolean).join(', ') + (o.event ? ` — ${o.event}` : '') + from : null;
  const articles = new Set([c.article, ...chain.related.map((r) => r.claim.article)]);
  const count = `${chain.origins.length} distinct origin${chain.origins.length === 1 ? '' : 's'} across ${articles.size} article${articles.size === 1 ? '' : 's'}`;
  const check = (s: Source) => checks.find((k) => k.claim === c.id && k.source === s.id) ?? null;
  return { origin, count, check };
}

const verdict = (k: SnapshotCheck | null): string | null =>
  k ? (k.status === 'no-snapshot' ? 'no saved page' : `${k.status}${k.quote ? `: “${k.quote}”` : ''}`) : null;

/** The chain as Markdown (mdast serialised by remark-stringify). */
export function renderChainMarkdown(chain: ProvenanceChain, checks: SnapshotCheck[] = []): string {
  const c = chain.claim;
  const f = facts(chain, checks);
  const children: RootContent[] = [
    { type: 'heading', depth: 2, children: [text('Provenance of '), code(c.id)] },
    { type: 'blockquote', children: [paragraph(text(c.quote))] },
    paragraph(strong('Article: '), text(articleLabel(chain.article, c.article))),
  ];
  const paths = chain.paths.map((path) => {
    const parts: PhrasingContent[] = [];
    path.forEach((s, k) => {
      if (k > 0) parts.push(text(' → citing '));
      parts.push(s.url ? link(s.url, sourceLabel(s)) : text(sourceLabel(s)));
      parts.push(text(` (${s.kind})`));
    });
    const blocks: BlockContent[] = [paragraph(...parts)];
    const note = path[0].note;
    if (note) blocks.push(paragraph(text(note)));
    const v = verdict(f.check(path[0]));
    if (v) blocks.push(paragraph(strong('Saved page: '), text(v)));
    return item(...blocks);
  });
  children.push(paragraph(strong('Cited sources')));
  children.push(paths.length ? list(paths, true) : paragraph(text('The article cites no source for this claim.')));
  children.push(paragraph(strong('Origin: '), text(f.origin ?? 'not stated')));
  if (chain.firstReported) children.push(paragraph(strong('First reported: '), text(articleLabel(chain.firstReported, chain.firstReported.id))));
  if (chain.related.length) {
    children.push(paragraph(strong('Same figure elsewhere'), text(` (${f.count})`)));
    children.push(list(chain.related.map((r) => item(paragraph(code(r.claim.id), text(` in ${articleLabel(r.article, r.claim.article)} — origin ${r.origin}`))))));
  }
  const tree: Root = { type: 'root', children };
  return unified().use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', listItemIndent: 'one' }).stringify(tree);
}

/** The chain as plain text lines for a terminal. */
export function renderChainText(chain: ProvenanceChain, checks: SnapshotCheck[] = []): string {
  const c = chain.claim;
  const f = facts(chain, checks);
  const lines = [`Provenance of ${c.id}`, `  “${c.quote}”`, `Article: ${articleLabel(chain.article, c.article)}`, 'Cited sources:'];
  if (chain.paths.length === 0) lines.push('  (none: the article cites no source for this claim)');
  chain.paths.forEach((path, k) => {
    lines.push(`  ${k + 1}. ${path.map((s) => `${sourceLabel(s)} (${s.kind}${s.url ? `, ${s.url}` : ''})`).join(' → citing ')}`);
    if (path[0].note) lines.push(`     ${path[0].note}`);
    const v = verdict(f.check(path[0]));
    if (v) lines.push(`     saved page: ${v}`);
  });
  lines.push(`Origin: ${f.origin ?? 'not stated'}`);
  if (chain.firstReported) lines.push(`First reported: ${articleLabel(chain.firstReported, chain.firstReported.id)}`);
  if (chain.related.length) {
    lines.push(`Same figure elsewhere (${f.count}):`);
    for (const r of chain.related) lines.push(`  ${r.claim.id} in ${articleLabel(r.article, r.claim.article)} — origin ${r.origin}`);
  }
  return lines.join('\n') + '\n';
}

/** Render a chain as "text" or "markdown". */
export function renderChain(chain: ProvenanceChain, format: 'text' | 'markdown' = 'text', checks: SnapshotCheck[] = []): string {
  return format === 'markdown' ? renderChainMarkdown(chain, checks) : renderChainText(chain, checks);
}
