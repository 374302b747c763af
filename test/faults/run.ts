/**
 * Running the built CLI for the fault suite: with a deadline, a heap limit and its peak memory
 * measured, or started and left running so a test can kill it.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT } from '../cli/helpers.js';

const PEAK = join(ROOT, 'test/faults/peak-memory.mjs');

export interface Outcome {
  /** Exit status, or null when killed by a signal. */
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall time, ms. */
  ms: number;
  /** Peak resident memory in MB (null when the process died before its exit handlers). */
  peakMb: number | null;
  /** Killed because it passed the deadline. */
  timedOut: boolean;
}

export interface RunOptions {
  cwd?: string;
  /** Kill (SIGKILL) after this long (default 120 s). */
  timeoutMs?: number;
  /** V8 heap limit in MB (default 1024): a run over it dies, which the suite counts as a crash. */
  heapMb?: number;
}

/** Start `claimtrace ARGS` (nothing on stdin). The caller waits on `done` and may kill `child`. */
export function start(args: string[], options: RunOptions = {}): { child: ChildProcess; done: Promise<Outcome> } {
  const scratch = mkdtempSync(join(tmpdir(), 'ct-peak-'));
  const peakFile = join(scratch, 'peak');
  const began = Date.now();
  const child = spawn(process.execPath, [`--max-old-space-size=${options.heapMb ?? 1024}`, '--import', PEAK, BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', CLAIMTRACE_PEAK_FILE: peakFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout!.on('data', (b: Buffer) => out.push(b));
  child.stderr!.on('data', (b: Buffer) => err.push(b));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, options.timeoutMs ?? 120_000);
  const done = new Promise<Outcome>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      let peakMb: number | null = null;
      try {
        peakMb = Math.round(Number(readFileSync(peakFile, 'utf8').trim()) / 1024);
      } catch {
        // killed before its exit handler ran
      }
      rmSync(scratch, { recursive: true, force: true });
      resolve({ status, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), ms: Date.now() - began, peakMb, timedOut });
    });
  });
  return { child, done };
}

/** Run `claimtrace ARGS` to the end (or the deadline). */
export const run = (args: string[], options: RunOptions = {}): Promise<Outcome> => start(args, options).done;
