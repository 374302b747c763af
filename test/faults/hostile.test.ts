/**
 * Hostile and odd input through `claimtrace add`: each file is rejected with one line naming it and
 * the reason, or read (exit 0) with every claim pointing at its own text, in bounded time and memory
 * (a heap limit, a deadline), and nothing a page smuggles in (scripts, handlers, a path outside the
 * project) reaches the store.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeFile } from '../../src/ingest/decode.js';
import { indexSnapshots } from '../../src/link/snapshots.js';
import { openStore } from '../../src/store/store.js';
import { tempDir } from '../cli/helpers.js';
import { LONG, recordFigures } from './figures.js';
import { HOSTILE } from './hostile-inputs.js';
import { run } from './run.js';
import type { Outcome } from './run.js';

/** Per input: the deadline and the heap limit it must stay within. */
const DEADLINE_MS = 90_000;
const HEAP_MB = 768;

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir('ct-hostile-');
});
afterAll(() => {
  recordFigures('hostile input', {
    'inputs tried': tally.tried,
    crashes: tally.crashes,
    'slowest (ms)': tally.slowest,
    'peak memory (MB)': tally.peakMb,
  });
  tmp.cleanup();
});

const tally = { tried: 0, crashes: 0, slowest: 0, peakMb: 0 };

/** Text without its white space (the reader and the HTML parser space blocks differently). */
const squash = (s: string): string => s.replace(/\s+/g, '');

/** A crash: killed, over the deadline or the heap, or an internal error (exit 3). */
const crashed = (o: Outcome): boolean => o.timedOut || o.signal !== null || (o.status !== 0 && o.status !== 2) || /internal error/.test(o.stderr);

describe('hostile input: rejected with one clear line, or read safely', () => {
  // The short run (`npm test`) tries a sample of each kind; `npm run test:faults` tries them all.
  for (const input of HOSTILE.filter((h) => LONG || h.sample)) {
    it(`${input.name}${input.known ? ` (known problem: ${input.known})` : ''}`, async () => {
      const dir = join(tmp.dir, input.file.replace(/\W+/g, '-'));
      mkdirSync(dir, { recursive: true });
      const path = join(dir, input.file);
      input.make(path);
      const db = join(dir, 'store.json');
      const o = await run(['add', path, '--db', db, ...(input.args ?? [])], { timeoutMs: DEADLINE_MS, heapMb: HEAP_MB });
      tally.tried++;
      tally.slowest = Math.max(tally.slowest, o.ms);
      tally.peakMb = Math.max(tally.peakMb, o.peakMb ?? 0);
      if (crashed(o)) tally.crashes++;
      expect(crashed(o), `${o.status ?? o.signal} after ${o.ms} ms: ${o.stderr.slice(0, 400)}`).toBe(false);
      const lines = o.stderr.split('\n').filter((l) => l.includes(path));
      const data = await openStore(db).read();
      if ('reject' in input.expect) {
        expect(o.status).toBe(2);
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(new RegExp(`^claimtrace: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
        expect(lines[0]).toMatch(input.expect.reject);
        expect(data.articles).toEqual([]);
        return;
      }
      expect(o.status, o.stderr).toBe(0);
      expect(data.articles).toHaveLength(1);
      const store = openStore(db);
      const shard = await store.readShard(data.articles[0].id);
      const source = decodeFile(path, readFileSync(path));
      for (const claim of shard.claims) {
        // A text or Markdown quote is the file's text at start..end; an HTML quote is that markup's text.
        const at = source.slice(claim.start, claim.end);
        if (data.articles[0].format === 'html') expect(squash(load(at).text())).toBe(squash(claim.quote));
        else expect(at).toBe(claim.quote);
        if (claim.value) expect(Number.isFinite(claim.value.min) && Number.isFinite(claim.value.max)).toBe(true);
      }
      const stored = JSON.stringify(shard) + JSON.stringify(data);
      for (const bad of input.never ?? []) {
        expect(stored.includes(bad), `"${bad}" reached the store`).toBe(false);
        // Quotes hold the file's text as written; what the reader makes of it must not carry it.
      }
      if (input.never) {
        const read = await run(['read', path, '--format', 'json'], { timeoutMs: DEADLINE_MS, heapMb: HEAP_MB });
        expect(read.status).toBe(0);
        for (const bad of input.never) expect(read.stdout.includes(bad), `"${bad}" in \`claimtrace read\``).toBe(false);
      }
    }, DEADLINE_MS * 2 + 30_000);
  }

  it('a snapshot path outside the project is refused, naming the file', () => {
    const root = join(tmp.dir, 'project');
    mkdirSync(join(root, 'sources/snapshots'), { recursive: true });
    // From sources/snapshots/, ../../etc/passwd is the project's own etc/passwd: one more ../ leaves it.
    writeFileSync(join(root, 'sources/snapshots/page.md'), '---\nsnapshot: ../../../etc/passwd\nurl: https://example.org/x\n---\n\nText.\n');
    writeFileSync(join(root, 'sources/snapshots/page.yaml'), 'url: https://example.org/y\nsnapshot: ../../../../../../etc/passwd\n');
    const index = indexSnapshots({ root });
    expect(index.snapshots.map((s) => s.file).filter((f) => f.includes('passwd'))).toEqual([]);
    expect(index.errors).toHaveLength(2);
    for (const e of index.errors) expect(e).toMatch(/^sources\/snapshots\/page\.(md|yaml): snapshot path "[./]+etc\/passwd" leads outside the project folder .*refused$/);
  });
});
