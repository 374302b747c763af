/**
 * Checking what the store holds: load the index and every shard (in parallel), run the checks over
 * all claims and build the contract report; then remember the findings for the next check.
 */
import type { ArticleRecord, Report, StoreData } from '../store/schema.js';
import type { Store } from '../store/store.js';
import type { Changes } from '../workflow/changes.js';
import { checkStore, recordCheck } from '../workflow/current.js';
import type { ResolvedReportFinding } from '../workflow/resolved.js';
import { fail, say } from './io.js';

export interface Analysis {
  data: StoreData;
  /** Index entries of the articles, in the report's order. */
  records: ArticleRecord[];
  report: Report;
  /** What changed since the last check the store remembers (for "Changes since the last check"). */
  changes: Changes;
  /** Shards that could not be read (each named on stderr). */
  failed: number;
  /** Decided findings that went away (the JSON report lists them after the current findings). */
  resolved: ResolvedReportFinding[];
}

/** Check everything the store holds and build the report. */
export async function analyseStore(store: Store): Promise<Analysis> {
  // A large store says what it is doing: its check takes seconds (`PROGRESS_FROM`).
  const { data, records, report, changes, errors, resolved } = await checkStore(store, new Date(), (line) => say(`claimtrace: ${line}`));
  for (const error of errors) fail(error.file, error.reason);
  return { data, records, report, changes, failed: errors.length, resolved };
}

/**
 * Remember the findings and groups of this check in the index (for "what changed" next time), and
 * mark the findings that went away as resolved. Returns what changed since the check remembered
 * before. Best effort: a store that cannot be written (read-only, locked too long) only gets a
 * warning, and null.
 */
export async function rememberCheck(store: Store, report: Report): Promise<Changes | null> {
  try {
    return await recordCheck(store, report);
  } catch (error) {
    say(`claimtrace: warning: could not record this check in ${store.file} (${(error as Error).message.split('\n')[0]})`);
    return null;
  }
}
