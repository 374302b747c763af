/**
 * The check cache beside the store: `FILE.check-cache.json`, what the last check found with what
 * each finding depends on (`src/check/incremental.ts`), so the next one re-checks only what changed.
 *
 * Written atomically (temp file, fsync, rename) after a check; its first line is the sha1 of the
 * rest, so a torn or edited file is noticed. A cache that is missing, unreadable, of another
 * version or does not match its checksum or schema reads as none: the check is then a full one.
 * Every entry is keyed by fingerprints of what it was computed from, so a cache left by another
 * process, or older than the index, can hold stale entries but never wrong ones.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { CheckCache, NameClaims, NameClaimStore } from '../check/incremental.js';
import { syncFolder, writeFileAtomic } from './adapter.js';
import { findingSchema, groupSchema } from './schema.js';

const keys = z.array(z.string());
const texts = z.record(z.string(), z.tuple([z.string(), z.string()]));
const cacheSchema = z.object({
  version: z.string(),
  articles: z.record(
    z.string(),
    z.object({
      rev: z.string(),
      names: keys,
      units: keys,
      metrics: keys,
      story: z.object({
        fps: z.array(z.tuple([z.string(), z.boolean(), z.string().nullable(), z.array(z.string().nullable())])),
        names: z.array(z.tuple([z.string(), keys])),
      }),
      storyId: z.string(),
      held: keys,
      reads: z.array(keys),
      links: z.array(keys),
    }),
  ),
  findings: z.array(z.object({ item: findingSchema, tags: keys })),
  groups: z.array(z.object({ item: groupSchema, tags: keys })),
  texts,
  units: z.record(z.string(), z.object({ findings: z.array(findingSchema), texts })),
  names: z.record(z.string(), z.string()).optional(),
});

/**
 * A name unit's claims file. The claims are the shards' own (cut to one name), behind the file's
 * checksum: only their envelope is parsed again here.
 */
const nameClaimsSchema = z.array(z.object({ article: z.string(), rev: z.string(), claims: z.array(z.object({ id: z.string(), article: z.string() }).loose()), counts: z.array(z.number().int().positive()) }));

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

/** The folder of the name units' claims: `FILE.check-cache.d`. */
export const nameClaimsDir = (file: string): string => `${file}.check-cache.d`;

/**
 * The name units' claims, one file per unit fingerprint (`FILE.check-cache.d/<fp>.json`, with a
 * checksum line like the cache). Written before the cache that refers to them; `prune` removes
 * those the cache no longer refers to. A file missing or damaged reads as null: the unit's
 * articles are read from their shards instead.
 */
export function nameClaimStore(file: string): NameClaimStore & { prune(keep: Iterable<string>): Promise<void> } {
  const dir = nameClaimsDir(file);
  const path = (fp: string): string => join(dir, `${fp}.json`);
  let made: Promise<unknown> | null = null;
  return {
    async read(fp) {
      let text: string;
      try {
        text = await readFile(path(fp), 'utf8');
      } catch {
        return null;
      }
      const nl = text.indexOf('\n');
      const body = text.slice(nl + 1);
      if (nl < 0 || text.slice(0, nl) !== sumOf(body)) return null;
      try {
        const parsed = nameClaimsSchema.safeParse(JSON.parse(body));
        return parsed.success ? (parsed.data as unknown as NameClaims) : null;
      } catch {
        return null;
      }
    },
    async write(fp, claims) {
      made ??= mkdir(dir, { recursive: true });
      await made;
      const body = JSON.stringify(claims);
      await writeFileAtomic(path(fp), `${sumOf(body)}\n${body}`, { makeFolder: false, syncFolder: false });
    },
    async prune(keep) {
      const wanted = new Set([...keep].map((fp) => `${fp}.json`));
      let names: string[] = [];
      try {
        names = await readdir(dir);
      } catch {
        return;
      }
      await Promise.all(names.filter((n) => n.endsWith('.json') && !wanted.has(n)).map((n) => rm(join(dir, n), { force: true })));
    },
  };
}

/** Make the name claims written so far durable, before a cache refers to them. */
export async function syncNameClaims(file: string): Promise<void> {
  await syncFolder(nameClaimsDir(file));
}

/** Remove the cache (the next check is a full one). */
export async function dropCheckCache(file: string): Promise<void> {
  await rm(checkCacheFile(file), { force: true });
  await rm(nameClaimsDir(file), { recursive: true, force: true });
}
