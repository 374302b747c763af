/**
 * Concurrency: several `claimtrace add` processes, each adding its own articles, and several
 * processes recording decisions, all on one store at once. Afterwards every article and every
 * decision is there: records lost must be 0.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/store.js';
import { ROOT, SEEDS, tempDir } from '../cli/helpers.js';
import { recordFigures, scale } from './figures.js';
import { run } from './run.js';

const WRITERS = scale(3, 8);
const ARTICLES_EACH = scale(3, 6);
const REVIEWERS = scale(2, 4);
const DECISIONS_EACH = scale(20, 60);
const SEED = readFileSync(join(ROOT, SEEDS, '002_9c1f1b377c43c8ef.txt'), 'utf8');

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir('ct-concurrent-');
});
afterAll(() => tmp.cleanup());

/** Record `count` decisions `PREFIX-0..` through the store, one locked update each. */
function reviewer(db: string, prefix: string, count: number): Promise<number | null> {
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'test/faults/reviewer.mjs'), join(ROOT, 'dist/src/store/store.js'), db, prefix, String(count)], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (status) => done(status));
  });
}

describe('concurrent writers on one store', () => {
  it(`${WRITERS} adders and ${REVIEWERS} reviewers at once: no record lost`, async () => {
    const db = join(tmp.dir, 'store.json');
    // Each writer adds its own variants of a seed (different bytes, so different articles).
    const folders = Array.from({ length: WRITERS }, (_, w) => {
      const dir = join(tmp.dir, `writer-${w}`);
      mkdirSync(dir, { recursive: true });
      for (let k = 0; k < ARTICLES_EACH; k++) writeFileSync(join(dir, `story-${k}.txt`), `${SEED}\n\nUpdated by desk ${w}, version ${k}.\n`);
      return dir;
    });
    const adds = folders.map((dir) => run(['add', dir, '--db', db], { timeoutMs: 240_000 }));
    const reviews = Array.from({ length: REVIEWERS }, (_, r) => reviewer(db, `desk-${r}`, DECISIONS_EACH));
    const [added, reviewed] = await Promise.all([Promise.all(adds), Promise.all(reviews)]);
    for (const a of added) expect(a.status, a.stderr).toBe(0);
    expect(reviewed).toEqual(reviewed.map(() => 0));

    const store = openStore(db);
    const data = await store.read();
    const wantArticles = folders.flatMap((dir) => Array.from({ length: ARTICLES_EACH }, (_, k) => join(dir, `story-${k}.txt`)));
    const wantDecisions = Array.from({ length: REVIEWERS }, (_, r) => Array.from({ length: DECISIONS_EACH }, (_, k) => `desk-${r}-${k}`)).flat();
    const paths = new Set(data.articles.map((a) => a.path));
    const lostArticles = wantArticles.filter((p) => !paths.has(p));
    const lostDecisions = wantDecisions.filter((id) => (data.reviews[id] ?? []).length !== 1);
    const { errors } = await store.loadShards(data.articles);
    recordFigures('concurrency', {
      'concurrent writers': WRITERS + REVIEWERS,
      'records written': wantArticles.length + wantDecisions.length,
      'records lost': lostArticles.length + lostDecisions.length,
      'unreadable shards': errors.length,
    });
    expect(lostArticles).toEqual([]);
    expect(lostDecisions).toEqual([]);
    expect(errors).toEqual([]);
    expect(data.articles).toHaveLength(wantArticles.length);
  }, 300_000);
});
