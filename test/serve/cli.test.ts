/** `claimtrace serve` as a process: it says where it listens, answers there, refuses others, stops on SIGTERM. */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, claimtrace } from '../cli/helpers.js';
import { seededStore } from './fixture.js';
import type { SeededStore } from './fixture.js';

let seeded: SeededStore;
beforeAll(async () => {
  seeded = await seededStore('ct-serve-cli-', false);
}, 60_000);
afterAll(() => seeded.cleanup());

describe('claimtrace serve', { timeout: 60_000 }, () => {
  it('serves the desk on loopback until SIGTERM', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--db', seeded.db], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (b: Buffer) => {
        stderr += b.toString();
        const m = /review desk on (http:\/\/127\.0\.0\.1:\d+)\//.exec(stderr);
        if (m) resolve(m[1]);
      });
      child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
    });
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<h1>Findings</h1>');
    const port = new URL(url).port;
    const foreign = await fetch(`${url}/findings/f-0/review`, { method: 'POST', headers: { origin: 'https://evil.example' }, body: 'decision=confirm' });
    expect(foreign.status).toBe(403);
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toBe(`claimtrace: review desk on http://127.0.0.1:${port}/ (store ${seeded.db}); Ctrl-C stops it\n`);
  });

  it('says so in one line when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const r = await claimtrace(['serve', '--port', String(port), '--db', seeded.db]);
      expect(r.status).toBe(2);
      expect(r.lines).toEqual([`claimtrace serve: port ${port} is in use (give another with --port). Run 'claimtrace serve --help' for usage.`]);
    } finally {
      blocker.close();
    }
  });

  const wrong: Array<[string[], RegExp]> = [
    [['serve', '--port', 'abc'], /^claimtrace serve: --port must be a number from 0 to 65535, not 'abc'\./],
    [['serve', '--port', '70000'], /^claimtrace serve: --port must be a number from 0 to 65535, not '70000'\./],
    [['serve', 'extra'], /^claimtrace serve: /],
  ];
  it.each(wrong)('%j → exit 2 with one line', async (args, message) => {
    const r = await claimtrace(args);
    expect(r.status).toBe(2);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(message);
  });

  it('--help prints its usage', async () => {
    const r = await claimtrace(['serve', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: claimtrace serve \[--port 4173\]/);
  });
});
