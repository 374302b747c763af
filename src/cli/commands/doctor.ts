/**
 * `claimtrace doctor`: validate the store and repair what can be repaired safely. A corrupt index is
 * replaced by its last good copy (`FILE.bak`) when that parses, the broken file kept aside as
 * `FILE.corrupt-<time>` (a corrupt last-check or decisions file is set aside the same way, and
 * replaced by its own last good copy, or written again by the next check); a stale lock is removed; orphan shards and dead writers' temp files are
 * listed, and deleted with --fix.
 */
import { readFile, rename, rm, stat } from 'node:fs/promises';
import { StoreError, exists, parseJson, writeFileAtomic } from '../../store/adapter.js';
import { isStale, lockFileOf, readLockInfo, withLock } from '../../store/lock.js';
import { lastCheckFileSchema, storeSchema } from '../../store/schema.js';
import { DEFAULT_STORE, openStore } from '../../store/store.js';
import type { Store } from '../../store/store.js';
import { decisionsFileOf, decisionsFileSchema } from '../../workflow/decisions.js';
import { dbOption, str } from '../args.js';
import type { Command } from '../args.js';
import { emit } from '../io.js';

/** A lock file left unparsable for this long is a crash's leftover. */
const GARBAGE_LOCK_MS = 10_000;

/** A time for file names: 2026-03-24T10-11-12Z. */
const stamp = (): string => new Date().toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');

/** Remove the lock when its owner is gone; returns what was done, or null when nothing. */
async function clearStaleLock(file: string): Promise<string | null> {
  const lockFile = lockFileOf(file);
  if (!(await exists(lockFile))) return null;
  const info = await readLockInfo(lockFile);
  if (info && isStale(info)) {
    await rm(lockFile, { force: true });
    return `removed a stale lock ${lockFile} (pid ${info.pid} is gone)`;
  }
  if (!info && Date.now() - (await stat(lockFile)).mtimeMs > GARBAGE_LOCK_MS) {
    await rm(lockFile, { force: true });
    return `removed an unreadable lock ${lockFile}`;
  }
  return null;
}

/** Check the index; restore FILE.bak when the index is corrupt and the copy parses. */
async function repairIndex(file: string, log: string[]): Promise<boolean> {
  const bak = `${file}.bak`;
  let problem: string | null = null;
  try {
    if (!(await exists(file))) {
      if (!(await exists(bak))) {
        log.push(`no store at ${file} yet (it is created by the first add)`);
        return true;
      }
      problem = 'missing';
    } else parseJson(file, await readFile(file, 'utf8'), storeSchema, null);
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    problem = error.reason;
  }
  if (problem === null) return true;
  log.push(`${file}: ${problem}`);
  if (!(await exists(bak))) {
    log.push(`cannot restore: there is no last good copy ${bak}; the file was left as it is`);
    return false;
  }
  const copy = await readFile(bak, 'utf8');
  try {
    parseJson(bak, copy, storeSchema, null);
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    log.push(`cannot restore: the last good copy ${bak} is unusable too (${error.reason}); both files were left as they are`);
    return false;
  }
  if (await exists(file)) {
    const aside = `${file}.corrupt-${stamp()}`;
    await rename(file, aside);
    log.push(`kept the broken file as ${aside}`);
  }
  await writeFileAtomic(file, copy);
  log.push(`restored ${file} from ${bak} (changes made after that copy are lost; add their articles again)`);
  return true;
}

/**
 * A side file (the last check, the decisions) that does not parse: restore its last good copy
 * `FILE.bak` when that parses, else set it aside. Returns false when it was corrupt and nothing
 * could replace it (the caller says what follows).
 */
async function repairSideFile(file: string, schema: Parameters<typeof parseJson>[2], log: string[]): Promise<boolean> {
  if (!(await exists(file))) return true;
  try {
    parseJson(file, await readFile(file, 'utf8'), schema, null);
    return true;
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    log.push(`${file}: ${error.reason}`);
  }
  const aside = `${file}.corrupt-${stamp()}`;
  await rename(file, aside);
  log.push(`kept the broken file as ${aside}`);
  const bak = `${file}.bak`;
  if (await exists(bak)) {
    const copy = await readFile(bak, 'utf8');
    try {
      parseJson(bak, copy, schema, null);
      await writeFileAtomic(file, copy);
      log.push(`restored ${file} from ${bak}`);
      return true;
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
    }
  }
  return false;
}

/** Set a corrupt last-check file aside: it only says what changed since, and the next check writes it again. */
async function repairLastCheck(store: Store, log: string[]): Promise<void> {
  if (!(await repairSideFile(store.lastCheckFile, lastCheckFileSchema, log))) log.push('the next check records what it finds afresh');
}

/** A corrupt decisions file: its last good copy, else the decisions the index holds (the next check writes them back). */
async function repairDecisionsFile(store: Store, log: string[]): Promise<void> {
  if (!(await repairSideFile(decisionsFileOf(store), decisionsFileSchema, log))) log.push('the next check writes the decisions the index holds back to it (decisions kept only in the broken file: see the file set aside)');
}

/** Check every shard the index references; with `fix`, drop entries whose shard is unusable. */
async function checkShards(store: Store, fix: boolean, log: string[]): Promise<boolean> {
  const data = await store.read();
  const { shards, errors } = await store.loadShards(data.articles);
  const readable = new Set(shards.map((s) => s.article.id));
  const bad = new Set(data.articles.filter((a) => !readable.has(a.id)).map((a) => a.id));
  for (const error of errors) log.push(`${error.file}: ${error.reason.replace(/; (run|the shard).*$/, '')}`);
  if (bad.size > 0 && fix) {
    const gone = data.articles.filter((a) => bad.has(a.id));
    await store.update((d) => {
      d.articles = d.articles.filter((a) => !bad.has(a.id));
    });
    for (const a of gone) log.push(`removed ${a.id} from the index: add ${a.path} again`);
  }
  log.push(`${data.articles.length - (fix ? bad.size : 0)} articles, ${shards.length} shards readable`);
  return bad.size === 0 || fix;
}

export const doctor: Command = {
  name: 'doctor',
  summary: 'validate the store and repair it (restore the last good copy, clear stale locks, --fix orphans)',
  positionals: false,
  options: { ...dbOption, fix: { type: 'boolean' } },
  help: `Usage: claimtrace doctor [--db FILE] [--fix]

Validates the store index and every article shard:
  - a corrupt index is replaced by its last good copy FILE.bak when that parses (the broken file is
    kept as FILE.corrupt-<time>); a corrupt FILE.last-check.json or FILE.decisions.json is set
    aside the same way and replaced by its FILE.bak when that parses (else the next check writes
    it again, the decisions from the index);
  - a lock left by a process that is gone is removed;
  - shards no index entry references (left by an interrupted add; older than a minute, so an add
    in progress is left alone) and temp files of dead writers are listed, and deleted with --fix;
  - with --fix, index entries whose shard is missing or corrupt are dropped (add the file again).

Options:
  --db FILE   the store (default ${DEFAULT_STORE})
  --fix       delete orphans and temp files, drop entries with unusable shards

Exit status: 0 the store is usable; 2 problems remain.`,

  async run(values) {
    const file = str(values, 'db') ?? DEFAULT_STORE;
    const fix = values.fix === true;
    const store = openStore(file);
    const log: string[] = [];
    const lock = await clearStaleLock(file);
    if (lock) log.push(lock);
    const healthy = await withLock(file, async () => {
      if (!(await repairIndex(file, log))) return false;
      await repairLastCheck(store, log);
      await repairDecisionsFile(store, log);
      const { orphans, recent, temps } = await store.garbage(await store.read());
      for (const path of recent) log.push(`left alone shard ${path}: not in the index yet, but new (an add may be in progress)`);
      for (const path of [...orphans, ...temps]) {
        if (fix) await rm(path, { force: true });
        log.push(`${fix ? 'deleted' : 'found'} ${orphans.includes(path) ? 'orphan shard' : 'temp file'} ${path}`);
      }
      if (!fix && orphans.length + temps.length > 0) log.push('run with --fix to delete them');
      return true;
    });
    // Shard checks may update the index, which takes the lock itself.
    const shardsOk = healthy ? await checkShards(store, fix, log) : false;
    const ok = healthy && shardsOk;
    log.push(ok ? `${file}: ok` : `${file}: problems remain`);
    await emit(log.join('\n'));
    return ok ? 0 : 2;
  },
};
