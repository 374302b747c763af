/**
 * A store for the desk and export tests: the seed articles plus one whose text holds markup
 * (`fixtures/hostile.txt`), added by the built CLI from the project folder, so the stored paths
 * are relative to it, as the desk (running in the same folder) reads them.
 */
import { join } from 'node:path';
import { SEEDS, claimtrace, tempDir } from '../cli/helpers.js';

export const HOSTILE = 'test/serve/fixtures/hostile.txt';

export interface SeededStore {
  dir: string;
  db: string;
  cleanup: () => void;
}

/** Add the seeds (and the hostile article unless `hostile` is false) to a fresh store. */
export async function seededStore(prefix: string, hostile = true): Promise<SeededStore> {
  const { dir, cleanup } = tempDir(prefix);
  const db = join(dir, 'store.json');
  const added = await claimtrace(['add', SEEDS, ...(hostile ? [HOSTILE] : []), '--db', db]);
  if (added.status !== 0) throw new Error(`could not build the test store: ${added.stderr}`);
  return { dir, db, cleanup };
}
