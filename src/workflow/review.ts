/**
 * Recording an editor's decision on a finding, as a plain function over the store: the CLI
 * (`claimtrace review`), its interactive mode and a web review desk all call `recordReview`.
 *
 * A decision is appended to the finding's history (`reviews[id]`, the last entry is current) with
 * who, when, why, and the evidence it was taken on (hash and basis), so a decision on a finding
 * whose evidence later changes reopens, saying what changed. It is written to the decisions file
 * beside the index first, then to the index (see `decisions.ts`).
 */
import type { Finding, Report, Review } from '../store/schema.js';
import type { Store } from '../store/store.js';
import { basisOf } from './basis.js';
import { checkStore } from './current.js';
import { mergeDecisions, readDecisions, saveDecisions } from './decisions.js';
import { currentReview } from './reopen.js';

/** What an editor decides: confirm (a real error), dismiss (explained: a reason is required), note, or reopen. */
export interface Decision {
  status: Review['status'];
  /** Who decided (null when unknown). */
  by?: string | null;
  /** Why (required to dismiss), or the note's text (required to note). */
  reason?: string | null;
  /** When (default: now). */
  at?: Date;
}

/** A decision that cannot be recorded: an unknown or ambiguous finding id, a dismissal without reason. */
export class ReviewError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReviewError';
  }
}

/** The finding an id (or a unique prefix of one, like git's) names among `findings`. */
export function findFinding(findings: readonly Finding[], id: string): Finding {
  const exact = findings.find((f) => f.id === id);
  if (exact) return exact;
  const wanted = id.startsWith('f-') ? id : `f-${id}`;
  const matches = findings.filter((f) => f.id.startsWith(wanted));
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) throw new ReviewError(`'${id}' names ${matches.length} findings (${matches.map((f) => f.id).join(', ')}); give more of the id`);
  throw new ReviewError(`no finding '${id}' in the last check (run \`claimtrace review\` to list them)`);
}

const clean = (text: string | null | undefined): string | null => {
  const t = text?.replace(/\s+/g, ' ').trim();
  return t ? t : null;
};

/** The review entry a decision makes for `finding` in `report`; throws ReviewError when it is incomplete. */
export function reviewOf(finding: Finding, report: Report, decision: Decision): Review {
  const reason = clean(decision.reason);
  if (decision.status === 'dismissed' && reason === null) throw new ReviewError('a dismissal needs a reason (--reason "...")');
  if (decision.status === 'noted' && reason === null) throw new ReviewError('a note needs its text (--note "...")');
  const claims = new Map(report.claims.map((c) => [c.id, c]));
  const paths = new Map(report.articles.map((a) => [a.id, a.path]));
  return {
    status: decision.status,
    by: clean(decision.by),
    at: (decision.at ?? new Date()).toISOString(),
    reason,
    evidence: finding.evidence,
    basis: basisOf(finding, claims, paths),
  };
}

export interface Recorded {
  finding: Finding;
  review: Review;
  /** The decision it replaces as current (null: the finding was open and never reviewed). */
  previous: Review | null;
}

/**
 * Record `decision` on the finding `findingId` (or a unique prefix) names. The finding is looked up
 * in `report` when given (the check the editor is looking at), else the store is checked now.
 */
export async function recordReview(store: Store, findingId: string, decision: Decision, report?: Report): Promise<Recorded> {
  const checked = report ?? (await checkStore(store)).report;
  const finding = findFinding(checked.findings, findingId);
  const review = reviewOf(finding, checked, decision);
  const held = (await store.readIndex()).reviews;
  const previous = currentReview(mergeDecisions(held, await readDecisions(store)), finding.id);
  // The decisions file first: a crash before the index write loses nothing.
  const kept = await saveDecisions(store, mergeDecisions(held, { [finding.id]: [review] }));
  await store.update((data) => {
    data.reviews = mergeDecisions(data.reviews, kept);
  });
  return { finding, review, previous };
}
