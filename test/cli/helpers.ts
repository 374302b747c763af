/**
 * Running the built CLI (`node bin/claimtrace.js`, which loads dist/: `npm test` builds first) and
 * temp folders for its stores and inputs.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project folder (the tests run from it). */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin/claimtrace.js');
export const SEEDS = 'sources/articles';

if (!existsSync(join(ROOT, 'dist/src/cli/main.js'))) {
  throw new Error('dist/ is missing: run `npm run build` (npm test builds) before the CLI tests');
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** The non-empty stderr lines. */
  lines: string[];
}

/** Run `claimtrace ARGS` and collect its output. */
export function claimtrace(args: string[], options: { cwd?: string; input?: string | Buffer } = {}): Promise<Run> {
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (status) => {
      const stderr = Buffer.concat(err).toString('utf8');
      done({ status, stdout: Buffer.concat(out).toString('utf8'), stderr, lines: stderr.split('\n').filter((l) => l.trim() !== '') });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** A fresh temp folder, removed by the returned cleanup. */
export function tempDir(prefix = 'ct-cli-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Run `claimtrace ARGS` inside this process: the CLI's `main` (from src/), in `cwd`, with its
 * standard output and error captured; standard input is empty. For the tests where a process of
 * its own is not what is tested: it saves starting Node and loading the CLI for every command.
 * Calls must not overlap (tests in a file run one at a time).
 */
export async function claimtraceHere(args: string[], options: { cwd?: string } = {}): Promise<Run> {
  const { main } = await import('../../src/cli/main.js');
  const out: string[] = [];
  const err: string[] = [];
  const capture = (into: string[]) =>
    ((chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const done = rest.find((r): r is () => void => typeof r === 'function');
      done?.();
      return true;
    }) as typeof process.stdout.write;
  const writes = { out: process.stdout.write, err: process.stderr.write };
  const cwd = process.cwd();
  let status: number;
  try {
    process.chdir(options.cwd ?? ROOT);
    process.stdout.write = capture(out);
    process.stderr.write = capture(err);
    status = await main(args);
  } finally {
    process.stdout.write = writes.out;
    process.stderr.write = writes.err;
    process.chdir(cwd);
  }
  const stderr = err.join('');
  return { status, stdout: out.join(''), stderr, lines: stderr.split('\n').filter((l) => l.trim() !== '') };
}
