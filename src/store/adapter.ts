/**
 * lowdb adapters for claimtrace's JSON files. Reading zod-parses the file, so nothing unvalidated
 * enters the program: a missing file reads as the defaults, a corrupt one throws a `StoreError` that
 * names the file, says why, and says the file was left as it was. Writing is atomic (a temp file in
 * the same folder, fsync, rename) and keeps the last good copy as `FILE.bak`.
 */
import { randomBytes } from 'node:crypto';
import { copyFile, link, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';

/** A store file that cannot be used as it is. The message is one line an editor can act on. */
export class StoreError extends Error {
  readonly file: string;
  readonly reason: string;
  constructor(file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'StoreError';
    this.file = file;
    this.reason = reason;
  }
}

/** The advice printed with every corrupt-store error. */
export const recoveryHint = (file: string): string =>
  `the file was not changed; run \`claimtrace doctor --db ${file}\` to restore the last good copy (${file}.bak)`;

/** zod issues as one line for people: "at articles[3].published: Invalid input; ...". */
export function describeZodError(error: z.ZodError, limit = 3): string {
  const parts = error.issues.slice(0, limit).map((issue) => {
    const where = issue.path.reduce<string>(
      (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
      '',
    );
    return `${where ? `at ${where}: ` : ''}${issue.message}`;
  });
  const more = error.issues.length > limit ? ` (and ${error.issues.length - limit} more)` : '';
  return parts.join('; ') + more;
}

/**
 * Parse JSON text against a schema; throws StoreError naming `file` on bad JSON or a mismatch, the
 * reason followed by `hint` (what to do; null for none).
 */
export function parseJson<T>(file: string, text: string, schema: z.ZodType<T>, hint: string | null = recoveryHint(file)): T {
  const fail = (reason: string): StoreError => new StoreError(file, hint ? `${reason}; ${hint}` : reason);
  if (text.trim() === '') throw fail('empty file');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    // V8 quotes the text around the error, line ends included: keep the message on one line.
    throw fail(`not valid JSON (${(error as Error).message.replace(/\s+/g, ' ')})`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw fail(`does not match the store schema (${describeZodError(parsed.error)})`);
  return parsed.data;
}

/** Name of a temp file beside `file` (dot-prefixed, `.tmp` suffix, carrying the writer's pid). */
export const tempName = (file: string): string =>
  join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);

/** The pid in a temp file name made by `tempName`, or null when the name is not one of ours. */
export function tempFilePid(name: string): number | null {
  const m = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name);
  return m ? Number(m[1]) : null;
}

/** fsync a folder, so that the files renamed into it stay there after a crash. */
export async function syncFolder(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems cannot fsync a folder; the rename is still atomic there.
  }
}

/** Keep the current `file` as `file.bak`, atomically (hard link when possible, else a copy). */
async function keepBackup(file: string): Promise<void> {
  const tmp = tempName(`${file}.bak`);
  try {
    await link(file, tmp);
  } catch {
    await copyFile(file, tmp);
  }
  await rename(tmp, `${file}.bak`);
}

export interface AtomicWriteOptions {
  /** Keep the file being replaced as `FILE.bak` first. */
  backup?: boolean;
  /** Create the folder first when it may be missing (default true). */
  makeFolder?: boolean;
  /**
   * fsync the folder after the rename (default true). A writer of many files in one folder may
   * leave it to one `syncFolder` call after the last of them, before anything refers to them.
   */
  syncFolder?: boolean;
}

/**
 * Write `content` to `file` so that a reader (or a crash) sees either the old file or the new one,
 * never half of either: temp file in the same folder, fsync, rename, fsync the folder.
 */
export async function writeFileAtomic(
  file: string,
  content: string | Uint8Array | Iterable<string>,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const dir = dirname(file);
  if (options.makeFolder ?? true) await mkdir(dir, { recursive: true });
  const tmp = tempName(file);
  try {
    const handle = await open(tmp, 'wx', 0o644);
    try {
      if (typeof content === 'string' || content instanceof Uint8Array) await handle.writeFile(content);
      else for (const chunk of content) await handle.write(chunk);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.backup && (await exists(file))) await keepBackup(file);
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  if (options.syncFolder ?? true) await syncFolder(dir);
}

/**
 * Write `content` to `file` only if there is no such file yet (exclusive create, write, fsync); false
 * when the file exists, which is left untouched. Cheaper than `writeFileAtomic` (no temp file, no
 * rename), and as safe for a file nothing refers to until it is complete: a crash may leave it
 * half written, but unreferenced (store shards are referenced by the index only once written). A
 * failed write removes what it created.
 */
export async function writeNewFile(file: string, content: string | Uint8Array): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(content);
    await handle.sync();
  } catch (error) {
    // Remove what this call created, not a file another writer has put in its place meanwhile.
    const ours = await handle.stat().then((s) => s.ino, () => null);
    await handle.close().catch(() => undefined);
    const there = await stat(file).then((s) => s.ino, () => null);
    if (ours !== null && ours === there) await rm(file, { force: true });
    throw error;
  }
  await handle.close();
  return true;
}

/** True when `file` exists. */
export async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

interface Fingerprint {
  size: number;
  mtimeMs: number;
  ino: number;
}

const fingerprint = async (file: string): Promise<Fingerprint | null> => {
  try {
    const s = await stat(file);
    return { size: s.size, mtimeMs: s.mtimeMs, ino: s.ino };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
};

const same = (a: Fingerprint | null, b: Fingerprint | null): boolean =>
  !!a && !!b && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;

export interface JsonFileOptions {
  /** Indentation of the written JSON (default 2; 0 for none). */
  indent?: number;
  /** Keep the replaced file as `FILE.bak` (default true). */
  backup?: boolean;
  /** What to do about a corrupt file, said after the reason (default: restore `FILE.bak` with doctor). */
  hint?: string;
}

/**
 * A lowdb adapter for one JSON file checked by a zod schema. `read` returns null for a missing file
 * (lowdb then keeps its defaults). `write` refuses to replace a file that does not parse: a corrupt
 * store is never overwritten.
 */
export class JsonFileAdapter<T> implements Adapter<T> {
  readonly file: string;
  readonly schema: z.ZodType<T>;
  private readonly indent: number;
  private readonly backup: boolean;
  private readonly hint: string;
  /** The file as it was when last read and found good. */
  private good: Fingerprint | null = null;

  constructor(file: string, schema: z.ZodType<T>, options: JsonFileOptions = {}) {
    this.file = file;
    this.schema = schema;
    this.indent = options.indent ?? 2;
    this.backup = options.backup ?? true;
    this.hint = options.hint ?? recoveryHint(file);
  }

  async read(): Promise<T | null> {
    const before = await fingerprint(this.file);
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new StoreError(this.file, `cannot be read (${(error as Error).message})`);
    }
    const data = parseJson(this.file, text, this.schema, this.hint);
    this.good = before;
    return data;
  }

  async write(data: T): Promise<void> {
    const checked = this.schema.safeParse(data);
    if (!checked.success) {
      throw new StoreError(this.file, `refusing to write data that does not match the schema (${describeZodError(checked.error)}); the file was not changed`);
    }
    const current = await fingerprint(this.file);
    if (current && !same(current, this.good)) {
      // Changed since we read it (or never read): make sure we are not replacing a corrupt file.
      parseJson(this.file, await readFile(this.file, 'utf8'), this.schema, this.hint);
    }
    await writeFileAtomic(this.file, JSON.stringify(checked.data, null, this.indent) + '\n', { backup: this.backup });
    this.good = await fingerprint(this.file);
  }
}

/**
 * An in-memory adapter for tests: holds the JSON text (so tests can plant corrupt text) and parses
 * it with the same schema and the same errors as the file adapter.
 */
export class MemoryJsonAdapter<T> implements Adapter<T> {
  text: string | null;
  readonly name: string;
  readonly schema: z.ZodType<T>;

  constructor(schema: z.ZodType<T>, text: string | null = null, name = 'memory.json') {
    this.schema = schema;
    this.text = text;
    this.name = name;
  }

  async read(): Promise<T | null> {
    return this.text === null ? null : parseJson(this.name, this.text, this.schema);
  }

  async write(data: T): Promise<void> {
    if (this.text !== null) parseJson(this.name, this.text, this.schema);
    this.text = JSON.stringify(this.schema.parse(data), null, 2) + '\n';
  }
}
