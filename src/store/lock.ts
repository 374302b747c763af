/**
 * An exclusive lock on a store: the file `FILE.lock`, created with 'wx' (fails when it exists) and
 * holding the owner's pid, host and time. Waiters retry with backoff up to a timeout. A lock whose
 * pid is dead (same host) is stale and taken over. Locks are released in `finally`, at exit and on
 * SIGINT/SIGTERM.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { StoreError, tempName, writeNewFile } from './adapter.js';

/** What a lock file holds. */
export interface LockInfo {
  pid: number;
  host: string;
  /** ISO time the lock was taken. */
  time: string;
  /** Random token telling this holder from a later one with the same pid. */
  token: string;
}

export interface LockOptions {
  /** Give up after this long (default 30 s). */
  timeoutMs?: number;
  /** First retry delay; it grows by half each retry up to 250 ms (default 10 ms). */
  retryMs?: number;
}

/** A held lock. */
export interface Lock {
  file: string;
  info: LockInfo;
  release(): Promise<void>;
}

/** The lock file of a store file. */
export const lockFileOf = (file: string): string => `${file}.lock`;

/** True when a process with this pid runs on this machine. */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Read a lock file; null when absent or unreadable (being written, or garbage). */
export async function readLockInfo(lockFile: string): Promise<LockInfo | null> {
  try {
    const raw = JSON.parse(await readFile(lockFile, 'utf8')) as Partial<LockInfo>;
    if (typeof raw.pid !== 'number') return null;
    return { pid: raw.pid, host: String(raw.host ?? ''), time: String(raw.time ?? ''), token: String(raw.token ?? '') };
  } catch {
    return null;
  }
}

/** A lock is stale when its owner ran on this host and is gone. Other hosts' locks are never stale. */
export const isStale = (info: LockInfo): boolean => info.host === hostname() && !pidAlive(info.pid);

// Locks held by this process, removed synchronously on exit or on a signal.
const held = new Map<string, string>();
let handlersInstalled = false;

function releaseAllSync(): void {
  for (const [file, token] of held) {
    try {
      if (JSON.parse(readFileSync(file, 'utf8')).token === token) unlinkSync(file);
    } catch {
      // already gone
    }
  }
  held.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  releaseAllSync();
  process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', releaseAllSync);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

function removeHandlers(): void {
  if (!handlersInstalled || held.size > 0) return;
  handlersInstalled = false;
  process.off('exit', releaseAllSync);
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/**
 * Create `lockFile` holding `info`, or return false when it exists. The lock appears whole or not at
 * all: the info is written to a temp file first and hard-linked into place (link fails when the
 * name exists), so a process killed meanwhile never leaves an empty lock nobody can judge.
 */
async function tryCreate(lockFile: string, info: LockInfo): Promise<boolean> {
  const tmp = tempName(lockFile);
  await writeFile(tmp, JSON.stringify(info) + '\n', { flag: 'wx', mode: 0o644 });
  try {
    await link(tmp, lockFile);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS') return writeNewFile(lockFile, JSON.stringify(info) + '\n'); // no hard links here: create with 'wx', then fill (a kill between leaves it empty)
    throw error;
  } finally {
    await rm(tmp, { force: true });
  }
}


/**
 * Remove a stale lock. Only one process may take over at a time (guarded by `LOCK.takeover`, itself
 * created with 'wx'), and the lock is read again under the guard so a fresh lock is never removed.
 */
async function takeOverStale(lockFile: string, seen: LockInfo): Promise<void> {
  const guard = `${lockFile}.takeover`;
  const me: LockInfo = { pid: process.pid, host: hostname(), time: new Date().toISOString(), token: randomBytes(8).toString('hex') };
  if (!(await tryCreate(guard, me))) {
    const other = await readLockInfo(guard);
    if (other && isStale(other)) await rm(guard, { force: true });
    return;
  }
  try {
    const now = await readLockInfo(lockFile);
    if (now && now.token === seen.token && now.pid === seen.pid && isStale(now)) await rm(lockFile, { force: true });
  } finally {
    await rm(guard, { force: true });
  }
}

/** Take the lock on `file` (creating `file.lock`), waiting up to the timeout. */
export async function acquireLock(file: string, options: LockOptions = {}): Promise<Lock> {
  const lockFile = lockFileOf(file);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  const info: LockInfo = { pid: process.pid, host: hostname(), time: '', token: randomBytes(8).toString('hex') };
  let delay = options.retryMs ?? 10;
  for (;;) {
    info.time = new Date().toISOString();
    if (await tryCreate(lockFile, info)) break;
    const other = await readLockInfo(lockFile);
    if (other && isStale(other)) {
      await takeOverStale(lockFile, other);
      continue;
    }
    if (Date.now() >= deadline) {
      const who = other ? `pid ${other.pid} on ${other.host || 'an unknown host'} since ${other.time}` : 'another process';
      throw new StoreError(
        file,
        `the store is locked by ${who} (waited ${Math.round(timeoutMs / 1000)} s); if no claimtrace is running, run \`claimtrace doctor --db ${file}\``,
      );
    }
    await sleep(delay * (0.5 + Math.random()));
    delay = Math.min(250, delay * 1.5);
  }
  held.set(lockFile, info.token);
  installHandlers();
  let released = false;
  return {
    file: lockFile,
    info,
    async release() {
      if (released) return;
      released = true;
      held.delete(lockFile);
      removeHandlers();
      const now = await readLockInfo(lockFile);
      if (now && now.token === info.token) await rm(lockFile, { force: true });
    },
  };
}

/** Run `fn` holding the lock on `file`; the lock is released whatever happens. */
export async function withLock<T>(file: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const lock = await acquireLock(file, options);
  try {
    return await fn();
  } finally {
    await lock.release();
  }
}
