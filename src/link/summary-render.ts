/**
 * The store's provenance summary for people: plain text lines for a terminal, or Markdown built as
 * an mdast tree and serialised by remark. The same summary gives the same bytes.
 */
import type { List, ListItem, PhrasingContent, Root, RootContent } from 'mdast';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { OUTLETS_FILE, type UnknownOutlet } from './outlets.js';
import { SNAPSHOT_DIR, type SnapshotCheck } from './snapshots.js';
import { originCount, type GroupOrigins, type ProvenanceSummary } from './summary.js';

const groupLabel = (g: GroupOrigins): string => {
  const about = [g.subject, g.period].filter(Boolean).join(', ');
  return `${g.metric ?? 'figure'}${about ? ` (${about})` : ''}`;
};
const outletLabel = (u: UnknownOutlet): string =>
  `${u.name ?? u.domain}${u.name && u.domain ? ` (${u.domain})` : ''} — ${u.count} citation${u.count === 1 ? '' : 's'} in ${u.articles.join(', ')}`;
const checkLabel = (k: SnapshotCheck): string =>
  `${k.claim} ${k.status === 'not-found' ? 'not found in' : `${k.status} by`} ${k.snapshot}${k.found ? `: found “${k.found}”` : ''}${k.quote ? ` in “${k.quote}”` : ''}`;

/** "1 supported, 1 contradicted, 0 not found; 4 cited pages not saved". */
function tally(checks: SnapshotCheck[]): string {
  const n = (s: SnapshotCheck['status']) => checks.filter((k) => k.status === s).length;
  return `${n('supported')} supported, ${n('contradicted')} contradicted, ${n('not-found')} not found; ${n('no-snapshot')} cited page${n('no-snapshot') === 1 ? '' : 's'} not saved`;
}

const saved = (s: ProvenanceSummary) => s.snapshots.filter((k) => k.status !== 'no-snapshot');

/** The summary as plain text lines. */
export function renderSummaryText(s: ProvenanceSummary): string {
  const lines = ['Claims carried by several articles, with their independent origins:'];
  if (s.groups.length === 0) lines.push('  (none)');
  for (const g of s.groups) {
    lines.push(`  ${g.id}  ${groupLabel(g)}: ${originCount(g.articles, g.origins.length)}`);
    for (const o of g.origins) lines.push(`      ${o.key} (${o.articles.length} article${o.articles.length === 1 ? '' : 's'}): ${o.reasons.join('; ')}`);
  }
  lines.push(`Cited outlets not in ${OUTLETS_FILE} (add them so their kind is known):`);
  if (s.unknownOutlets.length === 0) lines.push('  (none)');
  for (const u of s.unknownOutlets) lines.push(`  ${outletLabel(u)}`);
  lines.push(`Saved pages (${SNAPSHOT_DIR}/): ${tally(s.snapshots)}`);
  for (const k of saved(s)) lines.push(`  ${checkLabel(k)}`);
  for (const e of s.snapshotErrors) lines.push(`  unusable: ${e}`);
  return lines.join('\n') + '\n';
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const code = (value: string): PhrasingContent => ({ type: 'inlineCode', value });
const list = (items: PhrasingContent[][]): List => ({
  type: 'list',
  ordered: false,
  spread: false,
  children: items.map((children): ListItem => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children }] })),
});
const heading = (value: string): RootContent => ({ type: 'heading', depth: 2, children: [text(value)] });
const para = (...children: PhrasingContent[]): RootContent => ({ type: 'paragraph', children });

/** The summary as Markdown (mdast serialised by remark-stringify). */
export function renderSummaryMarkdown(s: ProvenanceSummary): string {
  const children: RootContent[] = [heading('Independent origins')];
  children.push(
    s.groups.length
      ? list(s.groups.map((g) => [code(g.id), text(` ${groupLabel(g)}: ${originCount(g.articles, g.origins.length)} — ${g.origins.map((o) => o.key).join(', ')}`)]))
      : para(text('No claim is carried by several articles.')),
  );
  children.push(heading('Unknown outlets'));
  children.push(
    s.unknownOutlets.length
      ? list(s.unknownOutlets.map((u) => [text(outletLabel(u))]))
      : para(text(`Every cited outlet is in ${OUTLETS_FILE}.`)),
  );
  children.push(heading('Saved pages'), para(text(`${tally(s.snapshots)}.`)));
  if (saved(s).length) children.push(list(saved(s).map((k) => [text(checkLabel(k))])));
  if (s.snapshotErrors.length) children.push(list(s.snapshotErrors.map((e) => [text(`unusable: ${e}`)])));
  const tree: Root = { type: 'root', children };
  return unified().use(remarkStringify, { bullet: '-', listItemIndent: 'one' }).stringify(tree);
}
