/**
 * The editors' decisions in their own file beside the index (`FILE.decisions.json`), so deleting or
 * rebuilding the index never loses weeks of reviews. A decision is written here first (locked,
 * atomic, the previous file kept as `.bak`), then into the index; every check reads the union of
 * the two, so an index deleted and rebuilt from `sources/` gets its decisions back, and a decision
 * whose index write was cut short by a crash is still there.
 *
 * `review --export FILE` writes the union as JSON; `review --import FILE` validates such a file and
 * merges it in (entries already held are not repeated).
 */
import { z } from 'zod';
import { JsonFileAdapter, parseJson } from '../store/adapter.js';
import { withLock } from '../store/lock.js';
import { reviewSchema } from '../store/schema.js';
import type { Review } from '../store/schema.js';
import type { Store } from '../store/store.js';

/** Decisions by finding id, each history oldest first (the last entry is current). */
export type Decisions = Record<string, Review[]>;

/** The decisions file, and the shape of `review --export`. */
export const decisionsFileSchema = z.object({
  claimtrace: z.literal('decisions'),
  version: z.literal(1),
  reviews: z.record(z.string().regex(/^f-[0-9a-z-]+$/, 'a finding id (f-…)'), z.array(reviewSchema)),
});
export type DecisionsFile = z.infer<typeof decisionsFileSchema>;

/** The decisions file of a store: `FILE.decisions.json` beside the index. */
export const decisionsFileOf = (store: Pick<Store, 'file'>): string => `${store.file}.decisions.json`;

function adapter(file: string): JsonFileAdapter<DecisionsFile> {
  return new JsonFileAdapter(file, decisionsFileSchema, { hint: `its previous version is ${file}.bak: check it and copy it over` });
}

/** The decisions kept beside the index ({} when there is no file yet). Throws StoreError when it is corrupt. */
export async function readDecisions(store: Pick<Store, 'file'>): Promise<Decisions> {
  return (await adapter(decisionsFileOf(store)).read())?.reviews ?? {};
}

/** One entry's identity: the same decision read from the index and from the decisions file. */
const entryKey = (r: Review): string => JSON.stringify([r.status, r.by, r.at, r.reason, r.evidence]);

/**
 * The union of decision histories: every entry of each, once, in time order (entries without a
 * time keep their place before the timed ones of the other history).
 */
export function mergeDecisions(...sources: Decisions[]): Decisions {
  const out: Decisions = {};
  for (const source of sources) {
    for (const [id, history] of Object.entries(source)) {
      const held = out[id] ?? [];
      const keys = new Set(held.map(entryKey));
      const added = history.filter((r) => !keys.has(entryKey(r)));
      if (added.length === 0 && out[id]) continue;
      out[id] = [...held, ...added].map((r, i) => ({ r, i })).sort((a, b) => cmpAt(a.r.at, b.r.at) || a.i - b.i).map((x) => x.r);
    }
  }
  return out;
}

const cmpAt = (a: string | null, b: string | null): number => (a === null || b === null ? 0 : a < b ? -1 : a > b ? 1 : 0);

/** True when `a` holds every entry of `b`. */
export function holdsAll(a: Decisions, b: Decisions): boolean {
  return Object.entries(b).every(([id, history]) => {
    const keys = new Set((a[id] ?? []).map(entryKey));
    return history.every((r) => keys.has(entryKey(r)));
  });
}

/** Merge `decisions` into the decisions file (locked, atomic). Returns the file's decisions after. */
export async function saveDecisions(store: Pick<Store, 'file'>, decisions: Decisions): Promise<Decisions> {
  const file = decisionsFileOf(store);
  return withLock(file, async () => {
    const a = adapter(file);
    const held = await a.read();
    const before = held?.reviews ?? {};
    const after = mergeDecisions(before, decisions);
    const write = held === null ? Object.keys(after).length > 0 : !holdsAll(before, decisions);
    if (write) await a.write(exportDecisions(after));
    return after;
  });
}

/** Read and validate an exported decisions file; a bad one is a StoreError naming it and the reason. */
export function parseDecisionsExport(file: string, text: string): Decisions {
  return parseJson(file, text, decisionsFileSchema, null).reviews;
}

/** The export of `decisions`: the decisions file's own shape. */
export function exportDecisions(decisions: Decisions): DecisionsFile {
  return { claimtrace: 'decisions', version: 1, reviews: decisions };
}
