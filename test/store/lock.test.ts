import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/store/adapter.js';
import { acquireLock, isStale, lockFileOf, withLock } from '../../src/store/lock.js';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ct-lock-'));
  file = join(dir, 'store.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('lock', () => {
  it('holds pid, host and time in FILE.lock and removes it on release', async () => {
    const lock = await acquireLock(file);
    const info = JSON.parse(readFileSync(lockFileOf(file), 'utf8'));
    expect(info).toMatchObject({ pid: process.pid, host: hostname() });
    expect(Number.isNaN(Date.parse(info.time))).toBe(false);
    await lock.release();
    expect(existsSync(lockFileOf(file))).toBe(false);
  });

  it('makes a second taker wait, then fail naming the holder after the timeout', async () => {
    const lock = await acquireLock(file);
    const error = await acquireLock(file, { timeoutMs: 150 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toMatch(new RegExp(`locked by pid ${process.pid}.*claimtrace doctor`));
    await lock.release();
  });

  it('serialises holders: the second gets the lock when the first releases', async () => {
    const order: string[] = [];
    await Promise.all([
      withLock(file, async () => {
        order.push('first in');
        await new Promise((r) => setTimeout(r, 100));
        order.push('first out');
      }),
      new Promise((r) => setTimeout(r, 20)).then(() => withLock(file, async () => void order.push('second in'))),
    ]);
    expect(order).toEqual(['first in', 'first out', 'second in']);
  });

  it('takes over a stale lock whose pid is dead', async () => {
    const stale = { pid: deadPid(), host: hostname(), time: '2026-01-01T00:00:00.000Z', token: 'old' };
    expect(isStale(stale)).toBe(true);
    writeFileSync(lockFileOf(file), JSON.stringify(stale));
    const lock = await acquireLock(file, { timeoutMs: 1000 });
    expect(JSON.parse(readFileSync(lockFileOf(file), 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it('never treats a live pid or another host as stale', () => {
    expect(isStale({ pid: process.pid, host: hostname(), time: '', token: '' })).toBe(false);
    expect(isStale({ pid: deadPid(), host: `${hostname()}-elsewhere`, time: '', token: '' })).toBe(false);
  });

  it('releases in finally when the work throws', async () => {
    await expect(withLock(file, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(existsSync(lockFileOf(file))).toBe(false);
  });

  it('does not remove a lock that another holder took over', async () => {
    const lock = await acquireLock(file);
    writeFileSync(lockFileOf(file), JSON.stringify({ pid: process.pid, host: hostname(), time: '', token: 'someone-else' }));
    await lock.release();
    expect(existsSync(lockFileOf(file))).toBe(true);
  });

  it('is released when the holder gets SIGTERM', async () => {
    const { spawn } = await import('node:child_process');
    const lockModule = join(process.cwd(), 'dist/src/store/lock.js');
    const child = spawn(
      process.execPath,
      ['--input-type=module', '-e', `import {acquireLock} from ${JSON.stringify(lockModule)}; await acquireLock(process.argv[1]); console.log('held'); setInterval(() => {}, 1000);`, file],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    expect(existsSync(lockFileOf(file))).toBe(true);
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(143);
    expect(existsSync(lockFileOf(file))).toBe(false);
  });
});
