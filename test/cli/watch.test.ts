import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, ROOT, SEEDS, claimtrace, tempDir } from './helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir('ct-watch-cli-'));
  mkdirSync(join(dir, 'sources/articles'), { recursive: true });
  for (const f of ['000_3eecd60057be17cf.txt', '002_9c1f1b377c43c8ef.txt']) copyFileSync(join(ROOT, SEEDS, f), join(dir, 'sources/articles', f));
});
afterEach(() => cleanup());

describe('claimtrace watch', { timeout: 90_000 }, () => {
  it('--once: adds, checks and writes the report, then stops', async () => {
    const r = await claimtrace(['watch', 'sources', '--once', '--db', 'store.json', '--out', 'out/report.json'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    const report = JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8'));
    expect(report.articles.map((a: { path: string }) => a.path)).toEqual(['sources/articles/000_3eecd60057be17cf.txt', 'sources/articles/002_9c1f1b377c43c8ef.txt']);
  });

  it('a missing folder is a usage error', async () => {
    const r = await claimtrace(['watch', 'nope', '--once', '--db', 'store.json'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.lines).toEqual([expect.stringMatching(/^claimtrace watch: nope: no such file or folder to watch\./)]);
  });

  it('re-checks when an article arrives, rewrites the report, says what changed, and stops cleanly on SIGINT', async () => {
    const child = spawn(process.execPath, [BIN, 'watch', 'sources', '--db', 'store.json', '--out', 'report.json', '--debounce', '200', '--timeout', '80'], { cwd: dir });
    let stderr = '';
    const waitFor = (pattern: RegExp): Promise<void> =>
      new Promise((done, fail) => {
        const t = setTimeout(() => fail(new Error(`timed out waiting for ${pattern}; stderr:\n${stderr}`)), 60_000);
        const check = (): void => {
          if (pattern.test(stderr)) {
            clearTimeout(t);
            child.stderr.off('data', check);
            done();
          }
        };
        child.stderr.on('data', check);
        check();
      });
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    await waitFor(/watching sources/);
    cpSync(join(ROOT, SEEDS, '004_4d2e783a8882e3a3.txt'), join(dir, 'sources/articles/004_4d2e783a8882e3a3.txt'));
    await waitFor(/articles added: sources\/articles\/004_4d2e783a8882e3a3\.txt/);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect(report.articles).toHaveLength(3);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stderr).toMatch(/claimtrace: stopped watching\n$/);
  });
});
