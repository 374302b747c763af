/**
 * "Changes since the last check", from `diffChecks` (src/workflow/changes.ts): articles added,
 * edited or removed; findings new, resolved or changed; groups new, joined, broken, mended or left.
 * The time of the previous check is left out, so the same store gives the same bytes.
 */
import type { ListItem, PhrasingContent, RootContent } from 'mdast';
import type { Changes, FindingChange, GroupChange } from '../../workflow/changes.js';
import { code, heading, item, list, paragraph, strong, text } from '../mdast.js';

const findingItem = (f: FindingChange): ListItem => {
  const parts: PhrasingContent[] = [code(f.id), text(` ${f.severity}: ${f.message}`)];
  if (f.why) parts.push(text(` (${f.why})`));
  return item(paragraph(...parts));
};

const groupItem = (g: GroupChange): ListItem => {
  const parts: PhrasingContent[] = [code(g.id), text(` ${g.label ?? ''}`.trimEnd())];
  parts.push(text(g.previousStatus && g.previousStatus !== g.status ? `: ${g.previousStatus} → ${g.status}` : `: ${g.status}`));
  if (g.joined.length > 0) parts.push(text('; joined by '), ...g.joined.flatMap((p, i) => [...(i ? [text(', ')] : []), code(p)]));
  if (g.left.length > 0) parts.push(text('; left by '), ...g.left.flatMap((p, i) => [...(i ? [text(', ')] : []), code(p)]));
  return item(paragraph(...parts));
};

const pathItem = (p: string): ListItem => item(paragraph(code(p)));

/** The section; null (not known) renders nothing. */
export function changesSection(changes: Changes | null): RootContent[] {
  if (changes === null) return [];
  const blocks: RootContent[] = [heading(2, text('Changes since the last check'))];
  if (changes.first) return [...blocks, paragraph(text('No earlier check is recorded in this store: everything below is new.'))];
  const parts: Array<[string, ListItem[]]> = [
    ['Articles added', changes.articles.added.map(pathItem)],
    ['Articles edited', changes.articles.edited.map(pathItem)],
    ['Articles removed', changes.articles.removed.map(pathItem)],
    ['New findings', changes.findings.new.map(findingItem)],
    ['Resolved findings', changes.findings.resolved.map(findingItem)],
    ['Findings whose evidence changed (a decision on them may be stale)', changes.findings.changed.map(findingItem)],
    ['Groups now in conflict', changes.groups.broken.map(groupItem)],
    ['Groups no longer in conflict', changes.groups.mended.map(groupItem)],
    ['New groups', changes.groups.new.map(groupItem)],
    ['Groups joined by an article', changes.groups.joined.map(groupItem)],
    ['Groups an article left', changes.groups.left.map(groupItem)],
  ];
  const shown = parts.filter(([, items]) => items.length > 0);
  if (shown.length === 0) return [...blocks, paragraph(text('Nothing changed since the last check.'))];
  return [...blocks, ...shown.flatMap(([label, items]) => [paragraph(strong(`${label} (${items.length})`)), list(items)])];
}
