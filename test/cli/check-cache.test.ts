/**
 * The check cache (`FILE.check-cache.json`) never changes what a check reports: with the cache
 * deleted, torn, edited or replaced by garbage, and after an `add` that re-checked only the parts it
 * touched, `check --format json` prints the very report a check without any cache prints.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEEDS, claimtraceHere, tempDir } from './helpers.js';

let tmp: ReturnType<typeof tempDir>;
let db: string;
let cache: string;
beforeEach(() => {
  tmp = tempDir();
  db = join(tmp.dir, 'store.json');
  cache = `${db}.check-cache.json`;
});
afterEach(() => tmp.cleanup());

const withSum = (body: string): string => `${createHash('sha1').update(body).digest('hex')}\n${body}`;
const files = (): string[] => readdirSync(SEEDS).sort().map((f) => `${SEEDS}/${f}`);

/** `check --format json` of the store, with the cache as it is. */
async function report(): Promise<string> {
  const r = await claimtraceHere(['check', '--db', db, '--format', 'json']);
  expect(r.status).toBe(0);
  return r.stdout;
}

/** The same, with no cache at all (a full check), leaving the cache it writes in place. */
async function fullReport(): Promise<string> {
  rmSync(cache, { force: true });
  return report();
}

describe('the check cache', () => {
  it('an add that re-checks part of the store leaves the report a full check gives', async () => {
    const [first, ...rest] = files();
    expect((await claimtraceHere(['add', ...rest.slice(0, 2), '--db', db])).status).toBe(0);
    for (const f of [first, ...rest.slice(2)]) {
      const r = await claimtraceHere(['add', f, '--db', db]);
      expect(r.status).toBe(0);
      const incremental = await report();
      expect(incremental).toBe(await fullReport());
    }
  });

  const damage: Array<[string, (text: string) => string]> = [
    ['deleted', () => ''],
    ['torn in half', (text) => text.slice(0, Math.floor(text.length / 2))],
    ['one finding edited (checksum kept)', (text) => text.replace(/"severity":"(\w+)"/, '"severity":"error"')],
    ['one finding edited and its checksum redone', (text) => text.replace(/^[0-9a-f]+\n/, '0'.repeat(40) + '\n')],
    ['garbage', () => 'not a cache at all\n{'],
    ['valid JSON of another shape under a right checksum', () => withSum(JSON.stringify({ version: 'x', articles: [], units: 1 }))],
    ['of another version under a right checksum', (text) => withSum(text.slice(text.indexOf('\n') + 1).replace(/^\{"version":"[0-9a-f]+"/, '{"version":"0"'))],
  ];
  for (const [what, change] of damage) {
    it(`a cache ${what}: the same report as a full check`, async () => {
      expect((await claimtraceHere(['add', ...files(), '--db', db])).status).toBe(0);
      const expected = await fullReport();
      const text = readFileSync(cache, 'utf8');
      if (what === 'deleted') rmSync(cache);
      else writeFileSync(cache, change(text));
      expect(await report()).toBe(expected);
      // And the check leaves a sound cache behind: the next check reads it and says the same.
      expect(await report()).toBe(expected);
    });
  }

  it('name claims kept beside the cache, damaged or gone: the same report after an add', async () => {
    const [first, ...rest] = files();
    // A full check keeps no name claims; the re-check after the next add does.
    expect((await claimtraceHere(['add', ...rest.slice(0, -1), '--db', db])).status).toBe(0);
    expect((await claimtraceHere(['add', rest[rest.length - 1], '--db', db])).status).toBe(0);
    const dir = `${db}.check-cache.d`;
    const kept = readdirSync(dir);
    expect(kept.length).toBeGreaterThan(0);
    kept.forEach((name, i) => (i % 2 === 0 ? writeFileSync(join(dir, name), 'torn') : rmSync(join(dir, name))));
    expect((await claimtraceHere(['add', first, '--db', db])).status).toBe(0);
    const incremental = await report();
    expect(incremental).toBe(await fullReport());
  });
});
