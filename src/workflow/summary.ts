/** "What changed" in lines for the terminal (`add`, `check`, `watch` print them on stderr). */
import type { Changes, FindingChange, GroupChange } from './changes.js';
import { nothingChanged } from './changes.js';

const list = (paths: string[]): string => paths.join(', ');

const finding = (f: FindingChange): string => `${f.id} ${f.severity} ${f.rule}${f.review && f.review !== 'open' ? ` [${f.review}]` : ''}: ${f.message}`;

const group = (g: GroupChange): string => `${g.id}${g.label ? ` (${g.label})` : ''}`;

/** Lines saying what changed since the previous check; one line when nothing did. */
export function changeLines(c: Changes): string[] {
  if (c.first) {
    const n = c.findings.new.length;
    const a = c.articles.added.length;
    return [`changes: first check of this store (${a} article${a === 1 ? '' : 's'}, ${n} finding${n === 1 ? '' : 's'})`];
  }
  const since = c.since ? `since the last check (${c.since})` : 'since the last check';
  if (nothingChanged(c)) return [`changes ${since}: none`];
  const out = [`changes ${since}:`];
  const { articles: a, findings: f, groups: g } = c;
  if (a.added.length > 0) out.push(`  articles added: ${list(a.added)}`);
  if (a.edited.length > 0) out.push(`  articles edited: ${list(a.edited)}`);
  if (a.removed.length > 0) out.push(`  articles removed: ${list(a.removed)}`);
  for (const x of f.new) out.push(`  new finding ${finding(x)}`);
  for (const x of f.changed) {
    out.push(`  changed finding ${finding(x)} (${x.why})`);
    if (x.reopened) out.push(`    reopened: ${x.reopened}`);
  }
  for (const x of f.resolved) out.push(`  resolved finding ${finding(x)} (${x.why})`);
  for (const x of g.broken) out.push(`  group broken: ${group(x)} is now conflicting${x.joined.length > 0 ? ` after ${list(x.joined)} joined` : ''}`);
  for (const x of g.mended) out.push(`  group mended: ${group(x)} is now ${x.status}`);
  for (const x of g.joined.filter((j) => !g.broken.includes(j))) out.push(`  group joined: ${list(x.joined)} joined ${group(x)} (${x.status})`);
  for (const x of g.left) out.push(`  group left: ${list(x.left)} left ${group(x)} (${x.status})`);
  if (g.new.length > 0) out.push(`  new groups across articles: ${g.new.length}`);
  return out;
}
