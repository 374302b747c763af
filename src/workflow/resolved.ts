/**
 * Findings that went away are marked resolved in the store (not silently dropped): `review` lists
 * them, with when and why; a finding that comes back is no longer resolved.
 */
import type { StoreData } from '../store/schema.js';
import type { Changes } from './changes.js';

/** Record the resolved findings of `changes` in `data.resolved` and unmark those found again. */
export function markResolved(data: StoreData, changes: Changes, at: string, current: string[]): void {
  const resolved = { ...(data.resolved ?? {}) };
  for (const f of changes.findings.resolved) {
    const { paths: _paths, why, ...digest } = f;
    resolved[f.id] = { ...digest, at, why: why ?? 'the check no longer finds it' };
  }
  for (const id of current) delete resolved[id];
  if (Object.keys(resolved).length > 0 || data.resolved !== undefined) data.resolved = resolved;
}
