/**
 * What changed between two checks, as data: articles added, edited or removed; findings that are
 * new, resolved (gone: their claims were removed or edited) or changed (same finding, other
 * evidence); groups an article joined, left, broke (now conflicting) or mended. `add`, `check` and
 * `watch` print it; the Markdown report renders it as "Changes since the last check".
 *
 * A check is remembered as a `CheckSnapshot` (the store's `lastCheck`); everything is compared by
 * stable ids (findings, groups) and by article path, so re-adding an edited file reads as "edited".
 */
import { cmp } from '../check/hash.js';
import type { Basis, FindingDigest, Report, StoreData } from '../store/schema.js';
import { basisChanges, basisOf } from './basis.js';

/** A check as the store remembers it. */
export type CheckSnapshot = NonNullable<StoreData['lastCheck']>;

/** A finding that appeared, went away or changed its evidence. */
export interface FindingChange extends FindingDigest {
  /** The articles involved, by path. */
  paths: string[];
  /** Why it went away or changed, in words (null for a new finding). */
  why: string | null;
}

/** A group (the same claim across articles) whose articles or agreement changed. */
export interface GroupChange {
  id: string;
  /** Metric, subject and period in words ("daily token usage of China, end of 2025"), when known. */
  label: string | null;
  status: string;
  /** Its status at the previous check (null for a new group). */
  previousStatus: string | null;
  /** Its articles now, and those that joined or left it since, by path. */
  articles: string[];
  joined: string[];
  left: string[];
}

/** Everything that changed since the previous check. */
export interface Changes {
  /** When the previous check ran (null: there was none, or it is not known). */
  since: string | null;
  /** Whether there was a previous check at all (else everything counts as new). */
  first: boolean;
  articles: { added: string[]; edited: string[]; removed: string[] };
  findings: { new: FindingChange[]; resolved: FindingChange[]; changed: FindingChange[] };
  groups: {
    /** Groups with more than one article that did not exist before. */
    new: GroupChange[];
    /** Groups that existing articles' claims formed before and that gained an article. */
    joined: GroupChange[];
    /** Groups that were not conflicting and are now. */
    broken: GroupChange[];
    /** Groups that were conflicting and are not any more. */
    mended: GroupChange[];
    /** Groups that lost an article. */
    left: GroupChange[];
  };
}

/** Remember a check: its findings (with their evidence in words), groups and articles. */
export function snapshotOf(report: Report, at: string): CheckSnapshot {
  const claims = new Map(report.claims.map((c) => [c.id, c]));
  const paths = new Map(report.articles.map((a) => [a.id, a.path]));
  const label = (g: Report['groups'][number]): string | undefined => {
    const what = [g.metric, g.subject ? `of ${g.subject}` : null].filter(Boolean).join(' ');
    const text = [what, g.period?.text].filter(Boolean).join(', ');
    return text || undefined;
  };
  return {
    at,
    findings: report.findings.map((f) => ({
      id: f.id,
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      evidence: f.evidence,
      articles: f.articles,
      basis: basisOf(f, claims, paths),
      review: f.review.status,
      reopened: f.reopened,
    })),
    groups: report.groups.map((g) => ({ id: g.id, articles: g.articles, status: g.status, label: label(g) })),
    articles: report.articles.map((a) => ({ id: a.id, path: a.path })),
  };
}

const EMPTY: CheckSnapshot = { findings: [], groups: [], articles: [] };

/** The differences from `previous` (null: no check before) to `current`. */
export function diffChecks(previous: CheckSnapshot | null, current: CheckSnapshot): Changes {
  const before = previous ?? EMPTY;
  // Article ids to paths, on each side (stores from before snapshots kept paths: the id stands in).
  const pathsBefore = new Map((before.articles ?? []).map((a) => [a.id, a.path]));
  const pathsNow = new Map((current.articles ?? []).map((a) => [a.id, a.path]));
  const pathOf = (id: string): string => pathsNow.get(id) ?? pathsBefore.get(id) ?? id;
  const idByPathBefore = new Map([...pathsBefore].map(([id, path]) => [path, id]));
  const idByPathNow = new Map([...pathsNow].map(([id, path]) => [path, id]));

  const added: string[] = [];
  const edited: string[] = [];
  for (const [path, id] of idByPathNow) {
    const was = idByPathBefore.get(path);
    if (was === undefined) added.push(path);
    else if (was !== id) edited.push(path);
  }
  const removed = [...idByPathBefore.keys()].filter((path) => !idByPathNow.has(path));
  const touched = new Set([...edited, ...removed]);

  const change = (f: FindingDigest, why: string | null, paths?: Map<string, string>): FindingChange => ({
    ...f,
    paths: f.basis?.articles ?? f.articles.map((id) => paths?.get(id) ?? pathOf(id)),
    why,
  });
  const findingsBefore = new Map(before.findings.map((f) => [f.id, f]));
  const findingsNow = new Map(current.findings.map((f) => [f.id, f]));
  const newFindings = current.findings.filter((f) => !findingsBefore.has(f.id)).map((f) => change(f, null));
  const resolved = before.findings
    .filter((f) => !findingsNow.has(f.id))
    .map((f) => {
      const c = change(f, null, pathsBefore);
      return { ...c, why: whyResolved(c.paths, edited, removed) };
    });
  const changed = current.findings
    .filter((f) => findingsBefore.has(f.id) && findingsBefore.get(f.id)!.evidence !== f.evidence)
    .map((f) => change(f, whyChanged(findingsBefore.get(f.id)!.basis, f.basis, touched)));

  const groupsBefore = new Map(before.groups.map((g) => [g.id, g]));
  const groupsNow = new Map(current.groups.map((g) => [g.id, g]));
  const groupChange = (g: CheckSnapshot['groups'][number], was: CheckSnapshot['groups'][number] | undefined): GroupChange => {
    const now = g.articles.map(pathOf).sort(cmp);
    const then = (was?.articles ?? []).map((id) => pathsBefore.get(id) ?? id).sort(cmp);
    return {
      id: g.id,
      label: g.label ?? was?.label ?? null,
      status: g.status,
      previousStatus: was?.status ?? null,
      articles: now,
      joined: was ? now.filter((p) => !then.includes(p)) : [],
      left: was ? then.filter((p) => !now.includes(p)) : [],
    };
  };
  const groupChanges = current.groups.map((g) => groupChange(g, groupsBefore.get(g.id)));
  const gone = before.groups.filter((g) => !groupsNow.has(g.id)).map((g) => ({ ...groupChange({ ...g, articles: [], status: 'gone' }, g) }));
  const conflicting = (s: string | null): boolean => s === 'conflicting';
  return {
    since: previous?.at ?? null,
    first: previous === null,
    articles: { added: added.sort(cmp), edited: edited.sort(cmp), removed: removed.sort(cmp) },
    findings: { new: newFindings, resolved, changed },
    groups: {
      new: groupChanges.filter((g) => g.previousStatus === null && g.articles.length > 1),
      joined: groupChanges.filter((g) => g.previousStatus !== null && g.joined.length > 0),
      broken: groupChanges.filter((g) => g.previousStatus !== null && !conflicting(g.previousStatus) && conflicting(g.status)),
      mended: groupChanges.filter((g) => conflicting(g.previousStatus) && !conflicting(g.status)),
      left: [...groupChanges.filter((g) => g.left.length > 0), ...gone.filter((g) => g.left.length > 0)],
    },
  };
}

/** True when nothing a reader would care about changed. */
export function nothingChanged(c: Changes): boolean {
  const { articles: a, findings: f, groups: g } = c;
  return [a.added, a.edited, a.removed, f.new, f.resolved, f.changed, g.new, g.joined, g.broken, g.mended, g.left].every((l) => l.length === 0);
}

function whyResolved(paths: string[], edited: string[], removed: string[]): string {
  const e = paths.filter((p) => edited.includes(p));
  const r = paths.filter((p) => removed.includes(p));
  const parts = [...(e.length > 0 ? [`${e.join(', ')} ${e.length > 1 ? 'were' : 'was'} edited`] : []), ...(r.length > 0 ? [`${r.join(', ')} ${r.length > 1 ? 'were' : 'was'} removed`] : [])];
  return parts.length > 0 ? `${parts.join('; ')}: the claims it rested on no longer disagree` : 'the check no longer finds it';
}

function whyChanged(was: Basis | undefined, is: Basis | undefined, touched: Set<string>): string {
  const phrases = was && is ? basisChanges(was, is) : [];
  if (phrases.length > 0) return phrases.join('; ');
  const edited = (is?.articles ?? []).filter((p) => touched.has(p));
  return edited.length > 0 ? `${edited.join(', ')} was edited` : 'the quotes or figures behind it changed';
}
