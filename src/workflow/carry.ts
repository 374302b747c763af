/**
 * A decision follows its finding when only the finding's id changed. An id is made of the rule and
 * what the finding is keyed by (a group's metric, subject or story, its period), so it can change
 * while the finding stands on the very same claims: a story renamed when an earlier report of it is
 * added, a group's period named otherwise when a claim joins it. The evidence (the claims' articles,
 * figures, values, periods and quotes) is then the same; a decided finding of the last check that is
 * no longer found hands its decision history to the one new finding of the same rule and evidence.
 */
import { applyReviews } from '../check/findings.js';
import type { Finding, Review, StoreData } from '../store/schema.js';
import type { Changes } from './changes.js';
import { currentReview } from './reopen.js';

type Held = Pick<StoreData, 'reviews' | 'lastCheck' | 'resolved'>;

const keyOf = (f: { rule: string; evidence: string }): string => `${f.rule}\u0001${f.evidence}`;

/** Decisions after carrying, and which finding each carried decision came from (new id → old id). */
export interface Carried {
  reviews: Record<string, Review[]>;
  moved: Map<string, string>;
}

/**
 * The decisions with those carried to `findings` (`reviews` is the same object when none is): each
 * finding with no decision of its own takes the history of the decided finding of the last check
 * (or resolved since) that is no longer found and has its rule and evidence, when exactly one has
 * and no other new finding has them too.
 */
export function carryDecisions(findings: readonly Finding[], held: Held): Carried {
  const moved = new Map<string, string>();
  const current = new Set(findings.map((f) => f.id));
  const gone = new Map<string, Set<string>>();
  for (const d of [...(held.lastCheck?.findings ?? []), ...Object.values(held.resolved ?? {})]) {
    if (current.has(d.id)) continue;
    const last = currentReview(held.reviews, d.id);
    if (!last || last.status === 'open') continue;
    (gone.get(keyOf(d)) ?? gone.set(keyOf(d), new Set()).get(keyOf(d))!).add(d.id);
  }
  if (gone.size === 0) return { reviews: held.reviews, moved };
  const takers = new Map<string, Finding[]>();
  for (const f of findings) {
    if ((held.reviews[f.id]?.length ?? 0) > 0 || !gone.has(keyOf(f))) continue;
    (takers.get(keyOf(f)) ?? takers.set(keyOf(f), []).get(keyOf(f))!).push(f);
  }
  const reviews = { ...held.reviews };
  for (const [key, list] of takers) {
    const from = [...gone.get(key)!];
    if (list.length !== 1 || from.length !== 1) continue;
    reviews[list[0].id] = held.reviews[from[0]].map((r) => ({ ...r }));
    moved.set(list[0].id, from[0]);
  }
  return { reviews: moved.size > 0 ? reviews : held.reviews, moved };
}

/** `findings` with the decisions carried to them applied (`applyReviews`, those findings only). */
export function applyCarried(findings: Finding[], carried: Carried): Finding[] {
  if (carried.moved.size === 0) return findings;
  const applied = new Map(applyReviews(findings.filter((f) => carried.moved.has(f.id)), carried.reviews).map((f) => [f.id, f]));
  return findings.map((f) => applied.get(f.id) ?? f);
}

/** Say, of each resolved finding whose decision was carried, which finding it is now. */
export function explainMoved(changes: Changes, carried: Carried): void {
  const movedTo = new Map([...carried.moved].map(([now, was]) => [was, now]));
  for (const f of changes.findings.resolved) {
    const now = movedTo.get(f.id);
    if (now) f.why = `the same finding, on the same evidence, is now ${now}; its decision went with it`;
  }
}
