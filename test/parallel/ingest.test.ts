/**
 * Extraction on worker threads gives the store exactly what one thread gives: the same lines on
 * stderr in the same order, the same index entries, the same shards — with bad inputs and a
 * duplicate among many good ones. Runs the built CLI (`npm test` builds first).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/bench/generate.js';
import { orderedMap } from '../../src/parallel/pool.js';
import { BIN, tempDir } from '../cli/helpers.js';

let tmp: ReturnType<typeof tempDir>;
let corpus: string;
beforeAll(() => {
  tmp = tempDir('ct-parallel-');
  corpus = join(tmp.dir, 'corpus');
  spawnSync('mkdir', ['-p', corpus]);
  for (const a of generateCorpus(40, { seed: 3, formats: ['txt', 'md', 'html'] })) writeFileSync(join(corpus, a.name), a.content);
  const first = readdirSync(corpus).sort()[0];
  copyFileSync(join(corpus, first), join(corpus, `zz-duplicate${first.slice(first.lastIndexOf('.'))}`));
  writeFileSync(join(corpus, 'bad-bytes.txt'), Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x00, 0x00, 0x41, 0x00, 0x00, 0xdc]));
  writeFileSync(join(corpus, 'empty.md'), '');
});
afterAll(() => tmp.cleanup());

function add(workers: string, name: string): { status: number | null; lines: string[]; db: string } {
  const db = join(tmp.dir, `${name}.json`);
  const run = spawnSync(process.execPath, [BIN, 'add', corpus, '--db', db, '--skip-check'], {
    cwd: tmp.dir,
    encoding: 'utf8',
    env: { ...process.env, CLAIMTRACE_WORKERS: workers },
  });
  return { status: run.status, lines: run.stderr.split('\n').filter(Boolean).map((l) => l.replaceAll(name, 'STORE')), db };
}

const shards = (db: string): Record<string, unknown> =>
  Object.fromEntries(readdirSync(`${db}.d`).sort().map((f) => [f, JSON.parse(readFileSync(join(`${db}.d`, f), 'utf8'))]));
const articles = (db: string): unknown => JSON.parse(readFileSync(db, 'utf8')).articles;

describe('ingest on worker threads', () => {
  it('stores what one thread stores, and says the same', () => {
    const one = add('0', 'one');
    const two = add('2', 'two');
    expect(two.status).toBe(one.status);
    expect(two.lines).toEqual(one.lines);
    expect(one.lines.filter((l) => / added /.test(l))).toHaveLength(40);
    expect(one.lines.some((l) => l.includes('zz-duplicate.') && l.includes('unchanged'))).toBe(true);
    expect(articles(two.db)).toEqual(articles(one.db));
    expect(shards(two.db)).toEqual(shards(one.db));
  }, 60_000);

  it('adding the same folder again extracts nothing and changes nothing', () => {
    const again = add('2', 'two');
    expect(again.lines.filter((l) => / added | replaced /.test(l))).toEqual([]);
    expect(again.lines.filter((l) => /^\[\d+\/\d+\] unchanged /.test(l))).toHaveLength(41);
  }, 60_000);
});

describe('orderedMap', () => {
  const delays = [30, 0, 10, 0, 25, 5];
  it.each([1, 2, 4, 10])('hands results back in input order with %i running at once', async (limit) => {
    const running = { now: 0, most: 0 };
    const out: number[] = [];
    const job = async (ms: number, i: number): Promise<number> => {
      running.most = Math.max(running.most, ++running.now);
      await new Promise((r) => setTimeout(r, ms));
      running.now--;
      return i;
    };
    for await (const i of orderedMap(delays, limit, job)) out.push(i);
    expect(out).toEqual([0, 1, 2, 3, 4, 5]);
    expect(running.most).toBeLessThanOrEqual(limit);
  });
});
