import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

  it('re-checks when an article arrives, its sidecar changes or it is deleted, rewrites the report, and stops cleanly on SIGINT', async () => {
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

    // A sidecar declares 002's outlet: the article is read again with it.
    writeFileSync(join(dir, 'sources/articles/002_9c1f1b377c43c8ef.meta.yaml'), 'outlet: Sidecar Wire\n');
    await waitFor(/replaced sources\/articles\/002_9c1f1b377c43c8ef\.txt/);
    await waitFor(/checked 3 articles/);
    const outlets = (): Array<string | null> => JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).articles.map((a: { outlet: string | null }) => a.outlet);
    await expect.poll(outlets, { timeout: 10_000 }).toContain('Sidecar Wire');

    // 000 is deleted: it leaves the store and the report.
    rmSync(join(dir, 'sources/articles/000_3eecd60057be17cf.txt'));
    await waitFor(/sources\/articles\/000_3eecd60057be17cf\.txt: deleted from the folder: removed from the store \(\d+ claims\)/);
    await waitFor(/checked 2 articles/);
    const paths = (): string[] => JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).articles.map((a: { path: string }) => a.path);
    await expect.poll(paths, { timeout: 10_000 }).toEqual(['sources/articles/002_9c1f1b377c43c8ef.txt', 'sources/articles/004_4d2e783a8882e3a3.txt']);
    // The check is remembered (under the store's lock) after the report is written: stop after that.
    await waitFor(/articles removed: sources\/articles\/000_3eecd60057be17cf\.txt/);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stderr).toMatch(/claimtrace: stopped watching\n$/);
  });
});
