/**
 * The durable store: an index file (lowdb + `storeSchema`: the articles and the editors' reviews),
 * one shard per article in `FILE.d/<article-id>.json` (`shardSchema`: its claims and sources), and
 * the last check in `FILE.last-check.json` (what it found, to say what changed at the next one).
 *
 * A shard is written and synced BEFORE the index entry that references it (in place when new, by
 * atomic replacement when a file is there), and is not rewritten once the index holds it, so adding
 * one article never rewrites the archive's claims and a crash leaves at most an orphan shard, maybe
 * half written (collected by `claimtrace doctor --fix`). Adding articles rewrites
 * neither the shards nor the last check, only the index. Every change goes through `update`: lock,
 * read, change, write, unlock; two processes adding at once both land. A store written before the
 * last check had its own file keeps it in the index; it moves out at the store's next write.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Low } from 'lowdb';
import { SCHEMA_VERSION, emptyStore, lastCheckFileSchema, shardSchema, storeSchema } from './schema.js';
import type { ArticleRecord, LastCheck, Shard, StoreData } from './schema.js';
import { JsonFileAdapter, StoreError, describeZodError, exists, parseJson, syncFolder, tempFilePid, writeFileAtomic, writeNewFile } from './adapter.js';
import { withLock, pidAlive } from './lock.js';
import type { LockOptions } from './lock.js';

/**
 * A shard as the text of its file (validated against the schema, one line), so that the work can
 * be done where the claims were extracted. Throws when the shard does not match the schema.
 */
export function shardText(shard: Shard): string {
  const checked = shardSchema.safeParse(shard);
  if (!checked.success) {
    throw new Error(`shard of ${shard.article.path} does not match the schema (${describeZodError(checked.error)})`);
  }
  return JSON.stringify(checked.data) + '\n';
}

/** The default store, relative to the working folder. */
export const DEFAULT_STORE = 'claims/claimtrace.json';

/** An article's id and content hash: "a-" + the first 16 hex digits of sha256 of the file's bytes. */
export function articleIdOf(bytes: Uint8Array): { id: string; hash: string } {
  const hash = createHash('sha256').update(bytes).digest('hex');
  return { id: `a-${hash.slice(0, 16)}`, hash };
}

/** The path the store records: relative to `cwd` (with '/') when inside it, else absolute. */
export function storedPath(path: string, cwd = process.cwd()): string {
  const abs = resolve(cwd, path);
  const rel = relative(cwd, abs);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return abs;
  return rel.split(sep).join('/');
}

/** What adding a file did to the store. */
export type AddStatus = 'added' | 'unchanged' | 'replaced';

const META_FIELDS = ['title', 'outlet', 'author', 'published', 'url'] as const;

/** Same metadata, read by the same pipeline: nothing to do again. */
const sameReading = (a: ArticleRecord, b: ArticleRecord): boolean =>
  a.pipeline === b.pipeline && META_FIELDS.every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));

/**
 * What putting `record` into the index would do: "unchanged" when the same bytes are held with the
 * same metadata, read by the same pipeline (at this path or another); "replaced" when an older
 * version of this path is held, or these bytes with other metadata or from an older pipeline;
 * else "added". `previous` is the entry it replaces.
 */
export function classify(data: StoreData | ArticleLookup, record: ArticleRecord): { status: AddStatus; previous: ArticleRecord | null } {
  const lookup = 'articles' in data ? articleLookup(data) : data;
  const byId = lookup.byId.get(record.id);
  if (byId) return sameReading(byId, record) ? { status: 'unchanged', previous: byId } : { status: 'replaced', previous: byId };
  const byPath = lookup.byPath.get(record.path);
  return byPath ? { status: 'replaced', previous: byPath } : { status: 'added', previous: null };
}

/** The index's articles by id and by path, for classifying many records against one index. */
export interface ArticleLookup {
  byId: Map<string, ArticleRecord>;
  byPath: Map<string, ArticleRecord>;
}

/** Build the lookup of an index (the first entry wins when two share a path). */
export function articleLookup(data: StoreData): ArticleLookup {
  const byId = new Map<string, ArticleRecord>();
  const byPath = new Map<string, ArticleRecord>();
  for (const a of data.articles) {
    if (!byId.has(a.id)) byId.set(a.id, a);
    if (!byPath.has(a.path)) byPath.set(a.path, a);
  }
  return { byId, byPath };
}

/** The outcome of putting one article into the index. */
export interface PutResult {
  id: string;
  path: string;
  status: AddStatus;
  /** For "unchanged": the path the same bytes are held under when it is not this one. */
  heldAs: string | null;
  /** For "replaced": the id of the version it replaced (its shard is removed). */
  replaced: string | null;
}

export interface StoreOptions {
  lock?: LockOptions;
  /** Parallel shard reads when loading (default 16). */
  concurrency?: number;
}

/** A store opened on an index file. Nothing touches the disk until a method is called. */
export interface Store {
  readonly file: string;
  /** Folder of the article shards: `FILE.d`. */
  readonly shardDir: string;
  /** File of the last check: `FILE.last-check.json`. */
  readonly lastCheckFile: string;
  /**
   * A snapshot of the index with the last check (defaults when the files are missing). Throws
   * StoreError when either is corrupt.
   */
  read(): Promise<StoreData>;
  /** The index alone, for what needs no last check (adding articles): `lastCheck` is null. */
  readIndex(): Promise<StoreData>;
  /**
   * Lock, read, apply `fn`, write what it changed, unlock. Returns what `fn` returns. `lastCheck` is
   * written when `fn` assigns a new one (it is compared by reference: replace it, do not edit it).
   */
  update<T>(fn: (data: StoreData) => T | Promise<T>): Promise<T>;
  /** Put articles whose shards are written into the index (one locked update for the batch). */
  putArticles(records: ArticleRecord[]): Promise<PutResult[]>;
  shardFile(id: string): string;
  /**
   * Write a shard (validated, atomic). The shard folder is synced by the `putArticles` that indexes
   * it, once for the batch.
   */
  writeShard(shard: Shard): Promise<void>;
  /** `writeShard` for a shard already made into its file's text by `shardText` (on a worker thread). */
  writeShardText(id: string, text: string): Promise<void>;
  readShard(id: string): Promise<Shard>;
  /** Read the shards of these articles, `concurrency` at a time. Unreadable shards become errors. */
  loadShards(articles: ArticleRecord[]): Promise<{ shards: Shard[]; errors: StoreError[] }>;
  /** Article ids that have a shard file on disk. */
  listShardIds(): Promise<string[]>;
  /**
   * Shards no index entry references, and temp files left by writers that are gone. Orphans younger
   * than `graceMs` (default 60 s) are listed apart as `recent`: an add may be about to index them.
   */
  garbage(data: StoreData, graceMs?: number): Promise<{ orphans: string[]; recent: string[]; temps: string[] }>;
}

/** Run `fn` over `items`, at most `limit` at a time, keeping the order of the results. */
export async function mapPool<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

const shardHint = (file: string): string =>
  `the shard was not changed; run \`claimtrace doctor --db ${file}\` and add its article again`;

const checkHint = (file: string): string =>
  `the file was not changed; run \`claimtrace doctor --db ${file}\` to set it aside (the next check starts its record of changes again)`;

/** Open the store whose index is `file` (the shards sit in `file.d/`). */
export function openStore(file: string, options: StoreOptions = {}): Store {
  const adapter = new JsonFileAdapter(file, storeSchema);
  const db = new Low<StoreData>(adapter, emptyStore());
  const shardDir = `${file}.d`;
  const lastCheckFile = `${file}.last-check.json`;
  // Compact and without a backup: it is rewritten whole by every check.
  const checkAdapter = new JsonFileAdapter(lastCheckFile, lastCheckFileSchema, { indent: 0, backup: false, hint: checkHint(file) });
  const concurrency = options.concurrency ?? 16;
  const shardFile = (id: string): string => join(shardDir, `${id}.json`);
  let shardDirMade: Promise<unknown> | null = null;

  /** The index as on disk: `lastCheck` is null, or the last check of a store written before the split. */
  const readIndexFile = async (): Promise<StoreData> => {
    db.data = emptyStore();
    await db.read();
    return db.data;
  };

  /** The last check: its own file when there is one, else what the index holds. */
  const lastCheckOf = async (index: StoreData): Promise<{ check: LastCheck | null; own: boolean }> => {
    const own = await checkAdapter.read();
    return own ? { check: own.lastCheck, own: true } : { check: index.lastCheck, own: false };
  };

  const read = async (): Promise<StoreData> => {
    const data = await readIndexFile();
    return { ...data, lastCheck: (await lastCheckOf(data)).check };
  };

  const readIndex = async (): Promise<StoreData> => ({ ...(await readIndexFile()), lastCheck: null });

  /**
   * Lock, read, change, write. `withCheck: false` (adding articles) leaves the last check alone: it
   * neither reads nor writes it, except to move an older store's out of its index.
   */
  const change = <T>(fn: (data: StoreData) => T | Promise<T>, withCheck: boolean): Promise<T> =>
    withLock(
      file,
      async () => {
        const data = await readIndexFile();
        const inline = data.lastCheck;
        const held = withCheck || inline !== null ? await lastCheckOf(data) : { check: null, own: false };
        data.lastCheck = null;
        const before = JSON.stringify(data);
        data.lastCheck = withCheck ? held.check : null;
        const result = await fn(data);
        const check = withCheck ? data.lastCheck : held.check;
        // The last check first, then the index: a crash between them leaves both readable.
        if (check !== held.check || (inline !== null && !held.own)) await checkAdapter.write({ schema: SCHEMA_VERSION, lastCheck: check });
        db.data = { ...data, lastCheck: null };
        if (inline !== null || JSON.stringify(db.data) !== before || !(await exists(file))) await db.write();
        return result;
      },
      options.lock,
    );

  const update = <T>(fn: (data: StoreData) => T | Promise<T>): Promise<T> => change(fn, true);

  const readShard = async (id: string): Promise<Shard> => {
    const path = shardFile(id);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : (error as Error).message;
      throw new StoreError(path, `shard ${why}; run \`claimtrace doctor --db ${file}\` and add its article again`);
    }
    const shard = parseJson(path, text, shardSchema, shardHint(file));
    if (shard.article.id !== id) throw new StoreError(path, `holds article ${shard.article.id}, not ${id}; ${shardHint(file)}`);
    return shard;
  };

  /**
   * A new article's shard is written in place (no index entry refers to it before it is complete and
   * synced); one that exists (the same bytes read again, a partial file left by a crash) is replaced
   * atomically, so a reader never sees half of a shard the index refers to.
   */
  const putShardFile = async (path: string, content: string): Promise<void> => {
    if (!(await writeNewFile(path, content))) await writeFileAtomic(path, content, { makeFolder: false, syncFolder: false });
  };

  const writeShardText = async (id: string, content: string): Promise<void> => {
    shardDirMade ??= mkdir(shardDir, { recursive: true });
    await shardDirMade;
    const path = shardFile(id);
    try {
      await putShardFile(path, content);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      // The folder went away since (doctor, a person): make it again.
      shardDirMade = mkdir(shardDir, { recursive: true });
      await shardDirMade;
      await putShardFile(path, content);
    }
  };

  return {
    file,
    shardDir,
    lastCheckFile,
    read,
    readIndex,
    update,
    shardFile,

    async putArticles(records) {
      const replacedIds: string[] = [];
      // The shards these entries reference were renamed into their folder: make that durable first.
      if (shardDirMade) await syncFolder(shardDir);
      const results = await change((data) => {
        const lookup = articleLookup(data);
        const drop = new Set<ArticleRecord>();
        const out = records.map((record): PutResult => {
          const { status, previous } = classify(lookup, record);
          const result: PutResult = { id: record.id, path: record.path, status, heldAs: null, replaced: null };
          if (status === 'unchanged') {
            if (previous && previous.path !== record.path) result.heldAs = previous.path;
            return result;
          }
          if (status === 'replaced' && previous) {
            data.articles[data.articles.indexOf(previous)] = record;
            lookup.byId.delete(previous.id);
            lookup.byPath.delete(previous.path);
            // These bytes may also be held at another path (or this path by other bytes): keep ids unique.
            const other = lookup.byId.get(record.id) ?? null;
            if (other) drop.add(other);
            if (previous.id !== record.id) {
              result.replaced = previous.id;
              replacedIds.push(previous.id);
            }
          } else data.articles.push(record);
          lookup.byId.set(record.id, record);
          lookup.byPath.set(record.path, record);
          return result;
        });
        if (drop.size > 0) data.articles = data.articles.filter((a) => !drop.has(a));
        return out;
      }, false);
      // The index no longer references the replaced versions: their shards are garbage now.
      await Promise.all(replacedIds.map((id) => rm(shardFile(id), { force: true })));
      return results;
    },

    async writeShard(shard) {
      await writeShardText(shard.article.id, shardText(shard));
    },

    writeShardText,

    readShard,

    async loadShards(articles) {
      const loaded = await mapPool(articles, concurrency, async (a) => {
        try {
          return await readShard(a.id);
        } catch (error) {
          if (error instanceof StoreError) return error;
          throw error;
        }
      });
      return {
        shards: loaded.filter((s): s is Shard => !(s instanceof StoreError)),
        errors: loaded.filter((s): s is StoreError => s instanceof StoreError),
      };
    },

    async listShardIds() {
      try {
        return (await readdir(shardDir)).filter((n) => /^a-[0-9a-f]+\.json$/.test(n)).map((n) => n.slice(0, -5)).sort();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
    },

    async garbage(data, graceMs = 60_000) {
      const held = new Set(data.articles.map((a) => a.id));
      const orphans: string[] = [];
      const recent: string[] = [];
      for (const path of (await this.listShardIds()).filter((id) => !held.has(id)).map(shardFile)) {
        const age = await stat(path).then((s) => Date.now() - s.mtimeMs, () => Infinity);
        (age < graceMs ? recent : orphans).push(path);
      }
      const temps: string[] = [];
      const ours = `.${basename(file)}.`;
      for (const dir of [dirname(file), shardDir]) {
        let names: string[] = [];
        try {
          names = await readdir(dir);
        } catch {
          continue;
        }
        for (const name of names) {
          if (dir !== shardDir && !name.startsWith(ours)) continue;
          const pid = tempFilePid(name);
          if (pid !== null && !pidAlive(pid)) temps.push(join(dir, name));
        }
      }
      return { orphans, recent, temps: temps.sort() };
    },
  };
}
