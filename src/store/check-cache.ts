/**
 * The check cache beside the store: `FILE.check-cache.json`, what the last check found part by
 * part (`src/check/incremental.ts`), so the next one re-checks only the parts that changed.
 *
 * Written atomically (temp file, fsync, rename) after a check; its first line is the sha1 of the
 * rest, so a torn or edited file is noticed. A cache that is missing, unreadable, of another
 * version or does not match its checksum or schema reads as none: the check is then a full one.
 * Every entry is keyed by fingerprints of what it was computed from, so a cache left by another
 * process, or older than the index, can hold stale entries but never wrong ones.
 */
import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { z } from 'zod';
import type { CheckCache } from '../check/incremental.js';
import { writeFileAtomic } from './adapter.js';
import { findingSchema, groupSchema } from './schema.js';

const cacheSchema = z.object({
  version: z.string(),
  articles: z.record(
    z.string(),
    z.object({ rev: z.string(), keys: z.array(z.string()), names: z.array(z.string()), units: z.array(z.string()) }),
  ),
  units: z.record(
    z.string(),
    z.object({
      groups: z.array(groupSchema),
      findings: z.array(findingSchema),
      texts: z.record(z.string(), z.tuple([z.string(), z.string()])),
    }),
  ),
});

/** The cache file of the store whose index is `file`. */
export const checkCacheFile = (file: string): string => `${file}.check-cache.json`;

const sumOf = (text: string): string => createHash('sha1').update(text).digest('hex');

/** The cache, or null with the reason it cannot be used. */
export async function readCheckCache(file: string): Promise<{ cache: CheckCache | null; reason: string | null }> {
  let text: string;
  try {
    text = await readFile(checkCacheFile(file), 'utf8');
  } catch (error) {
    return { cache: null, reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no cache' : (error as Error).message };
  }
  const nl = text.indexOf('\n');
  const body = text.slice(nl + 1);
  if (nl < 0 || text.slice(0, nl) !== sumOf(body)) return { cache: null, reason: 'the cache does not match its checksum' };
  try {
    const parsed = cacheSchema.safeParse(JSON.parse(body));
    return parsed.success ? { cache: parsed.data, reason: null } : { cache: null, reason: 'the cache does not match its schema' };
  } catch {
    return { cache: null, reason: 'the cache is not JSON' };
  }
}

/** Replace the cache, atomically. */
export async function writeCheckCache(file: string, cache: CheckCache): Promise<void> {
  const body = JSON.stringify(cache);
  await writeFileAtomic(checkCacheFile(file), `${sumOf(body)}\n${body}`, { makeFolder: false });
}

/** Remove the cache (the next check is a full one). */
export async function dropCheckCache(file: string): Promise<void> {
  await rm(checkCacheFile(file), { force: true });
}
