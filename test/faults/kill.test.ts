/**
 * Crash safety: `claimtrace add` and an editor recording decisions with `claimtrace review` are
 * killed with SIGKILL at random points, many times (half of the kills land just after the store lock appears, inside the write).
 * After each kill the store loads and holds exactly the state before or after the command, with
 * every indexed shard readable; running the command again (a stale lock left behind) finishes it.
 */
import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SEEDS, tempDir } from '../cli/helpers.js';
import { openStore } from '../../src/store/store.js';
import { recordReview } from '../../src/workflow/review.js';
import { recordFigures, scale } from './figures.js';
import { run, start } from './run.js';
import { copyStore, held, reviewableFindings } from './state.js';
import type { Held } from './state.js';

const KILLS = scale(4, 50);
const SEED = (n: number): string => `${SEEDS}/${['000_3eecd60057be17cf', '001_ed238e00289bd11f', '002_9c1f1b377c43c8ef', '003_2a34b782f9449a9c', '004_4d2e783a8882e3a3'][n]}.txt`;
const MAIN_JS = join(ROOT, 'dist/src/cli/main.js');
/** Decisions each reviewer records, one `claimtrace review` each. */
const DECISIONS = scale(6, 12);
const REVIEWER = join(ROOT, 'test/faults/reviewer.mjs');

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir('ct-kill-');
});
afterAll(() => tmp.cleanup());

/** Kill `child` with SIGKILL after `ms`, or `lockedMs` after `db`'s lock file appears (whichever is set). */
function killLater(child: ChildProcess, db: string, plan: { ms: number } | { lockedMs: number }): void {
  const kill = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  if ('ms' in plan) {
    setTimeout(kill, plan.ms);
    return;
  }
  const lock = `${basename(db)}.lock`;
  const watcher = watch(dirname(db), (_event, name) => {
    if (name !== lock) return;
    watcher.close();
    setTimeout(kill, plan.lockedMs);
  });
  child.once('exit', () => watcher.close());
}

/** Random kill plans: half at a uniform time over the whole run, half just after the lock appears. */
const plan = (i: number, durationMs: number): { ms: number } | { lockedMs: number } =>
  i % 2 === 0 ? { ms: Math.round(Math.random() * durationMs * 1.1) } : { lockedMs: Math.round(Math.random() * 60) };

const same = (a: Held, b: Held): boolean => JSON.stringify(a) === JSON.stringify(b);

describe('SIGKILL at random points', () => {
  it(`claimtrace add: ${KILLS} kills, each store loads as before or after`, async () => {
    // The base store holds two seeds; the command adds three more in one run.
    const base = join(tmp.dir, 'base/store.json');
    expect((await run(['add', SEED(0), SEED(1), '--db', base])).status).toBe(0);
    const args = ['add', SEED(2), SEED(3), SEED(4)];
    const reference = join(tmp.dir, 'reference/store.json');
    copyStore(base, reference);
    const full = await run([...args, '--db', reference]);
    expect(full.status, full.stderr).toBe(0);
    const before = await held(base);
    const after = await held(reference);
    expect(after.articles).toHaveLength(5);

    const tally = { kills: 0, killedMidway: 0, recovered: 0, atBefore: 0, atAfter: 0 };
    const problems: string[] = [];
    for (let i = 0; i < KILLS; i++) {
      const db = join(tmp.dir, `add-${i}/store.json`);
      copyStore(base, db);
      const { child, done } = start([...args, '--db', db]);
      killLater(child, db, plan(i, full.ms));
      const o = await done;
      tally.kills++;
      if (o.signal === 'SIGKILL') tally.killedMidway++;
      let now: Held;
      try {
        now = await held(db);
      } catch (error) {
        problems.push(`kill ${i}: the store does not load: ${(error as Error).message}`);
        continue;
      }
      if (same(now, before)) tally.atBefore++;
      else if (same(now, after)) tally.atAfter++;
      else {
        const odd = now.articles.filter((a) => !after.articles.includes(a) && !before.articles.includes(a));
        problems.push(`kill ${i}: a mix: ${now.articles.length} articles, ${odd.length} unlike before and after: ${odd[0]?.slice(0, 300)}`);
        continue;
      }
      // Run it again: a stale lock, an orphan shard or a temp file must not stop it.
      const again = await run([...args, '--db', db], { timeoutMs: 60_000 });
      if (again.status !== 0 || !same(await held(db), after)) problems.push(`kill ${i}: the next add did not finish the job (${again.status}): ${again.stderr.slice(0, 300)}`);
      else tally.recovered++;
    }
    recordFigures('crash safety (add)', { 'kills tried': tally.kills, 'killed mid-run': tally.killedMidway, 'stores recovered': tally.recovered, 'left as before': tally.atBefore, 'left as after': tally.atAfter });
    expect(problems, problems.join('\n')).toEqual([]);
    expect(tally.recovered).toBe(KILLS);
  }, 60_000 + KILLS * 20_000);

  it(`claimtrace review: ${KILLS} kills, every decision reported done is kept, none half-written`, async () => {
    const base = join(tmp.dir, 'review-base/store.json');
    expect((await run(['add', SEED(0), SEED(2), '--db', base])).status).toBe(0);
    const ids = await reviewableFindings(base);
    expect(ids.length).toBeGreaterThan(1);
    const articles = (await held(base)).articles;
    const reviewer = (db: string, prefix: string): { child: ChildProcess; out: () => string; exited: Promise<void> } => {
      const child = spawn(process.execPath, [REVIEWER, MAIN_JS, db, prefix, String(DECISIONS), ids.join(',')], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout!.on('data', (b: Buffer) => (out += b.toString('utf8')));
      return { child, out: () => out, exited: new Promise<void>((done) => child.on('close', () => done())) };
    };
    // One run to the end, to know how long a run takes.
    const reference = join(tmp.dir, 'review-reference/store.json');
    copyStore(base, reference);
    const began = Date.now();
    const full = reviewer(reference, 'ref');
    await full.exited;
    const fullMs = Date.now() - began;
    expect(full.out()).toContain(`recorded ${DECISIONS}`);

    const tally = { kills: 0, recovered: 0 };
    const problems: string[] = [];
    for (let i = 0; i < KILLS; i++) {
      const db = join(tmp.dir, `review-${i}/store.json`);
      copyStore(base, db);
      const prefix = `desk${i}`;
      const r = reviewer(db, prefix);
      killLater(r.child, db, plan(i, fullMs));
      await r.exited;
      tally.kills++;
      const reported = Math.max(0, ...[...r.out().matchAll(/recorded (\d+)/g)].map((m) => Number(m[1])));
      let now: Held;
      try {
        now = await held(db);
      } catch (error) {
        problems.push(`kill ${i}: the store does not load: ${(error as Error).message}`);
        continue;
      }
      // Decisions 0..reported-1 were on disk when reported; the one in flight may or may not be.
      const reasons = now.reviews.flatMap((e) => (JSON.parse(e) as [string, Array<{ reason: string | null }>])[1].map((x) => x.reason ?? '')).sort();
      const expected = (n: number): string[] => Array.from({ length: n }, (_, k) => `${prefix}-${k}`).sort();
      if (JSON.stringify(now.articles) !== JSON.stringify(articles)) problems.push(`kill ${i}: the articles changed`);
      else if (JSON.stringify(reasons) !== JSON.stringify(expected(reported)) && JSON.stringify(reasons) !== JSON.stringify(expected(reported + 1))) {
        problems.push(`kill ${i}: ${reported} decisions reported, ${reasons.length} kept: ${reasons.slice(0, 5).join(', ')}`);
      } else {
        // The next decision must get the locks the killed reviewer left behind.
        try {
          await recordReview(openStore(db), ids[0], { status: 'noted', by: 'next', reason: 'after the kill' });
          tally.recovered++;
        } catch (error) {
          problems.push(`kill ${i}: the next decision: ${(error as Error).message}`);
        }
      }
    }
    recordFigures('crash safety (review)', { 'kills tried': tally.kills, 'stores recovered': tally.recovered });
    expect(problems, problems.join('\n')).toEqual([]);
    expect(tally.recovered).toBe(KILLS);
  }, 60_000 + KILLS * 20_000);
});

