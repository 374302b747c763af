/**
 * A process killed while taking or releasing the store lock must not leave a lock the next writer
 * cannot judge (an empty or half-written lock file would make every later command wait for it).
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireLock } from '../../src/store/lock.js';
import { ROOT, tempDir } from '../cli/helpers.js';
import { recordFigures, scale } from './figures.js';

const KILLS = scale(10, 200);

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir('ct-lock-');
});
afterAll(() => tmp.cleanup());

describe('SIGKILL while the lock is taken and released in a loop', () => {
  it(`${KILLS} kills: the next writer always gets the lock`, async () => {
    let recovered = 0;
    const problems: string[] = [];
    for (let i = 0; i < KILLS; i++) {
      const dir = join(tmp.dir, `k${i}`);
      mkdirSync(dir);
      const db = join(dir, 'store.json');
      const child = spawn(process.execPath, [join(ROOT, 'test/faults/locker.mjs'), join(ROOT, 'dist/src/store/lock.js'), db], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((ready) => child.stdout.once('data', () => ready()));
      await new Promise((later) => setTimeout(later, Math.random() * 30));
      const exited = new Promise((done) => child.once('close', done));
      child.kill('SIGKILL');
      await exited;
      try {
        const lock = await acquireLock(db, { timeoutMs: 3000 });
        await lock.release();
        recovered++;
      } catch (error) {
        problems.push(`kill ${i}: ${(error as Error).message}`);
      }
    }
    recordFigures('crash safety (lock)', { 'kills tried': KILLS, 'locks recovered': recovered });
    expect(problems).toEqual([]);
  }, 60_000 + KILLS * 5_000);
});
