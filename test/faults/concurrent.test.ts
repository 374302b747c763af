/**
 * Concurrency: several `claimtrace add` processes, each adding its own articles, and several
 * editors recording decisions with `claimtrace review`, all on one store at once. Afterwards every article and every
 * decision is there: records lost must be 0.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/store.js';
import { mergeDecisions, readDecisions } from '../../src/workflow/decisions.js';
import { ROOT, SEEDS, tempDir } from '../cli/helpers.js';
import { recordFigures, scale } from './figures.js';
import { run } from './run.js';
import { reviewableFindings } from './state.js';

const WRITERS = scale(3, 8);
const ARTICLES_EACH = scale(3, 6);
const REVIEWERS = scale(2, 4);
const DECISIONS_EACH = scale(20, 60);
/** What the adders add: a story of its own, so the findings the reviewers decide on stay as they are. */
const STORY = 'Rainfall in Lisbon reached 120 mm in March 2025, the weather service said on Monday, up from 95 mm a year earlier.';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir('ct-concurrent-');
});
afterAll(() => tmp.cleanup());

/** An editor recording `count` decisions with `claimtrace review` on `findings`, reasons `PREFIX-0..`. */
function reviewer(db: string, prefix: string, count: number, findings: string[]): Promise<number | null> {
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'test/faults/reviewer.mjs'), join(ROOT, 'dist/src/cli/main.js'), db, prefix, String(count), findings.join(',')], { stdio: 'ignore' });
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
      for (let k = 0; k < ARTICLES_EACH; k++) writeFileSync(join(dir, `story-${k}.txt`), `${STORY}\n\nUpdated by desk ${w}, version ${k}.\n`);
      return dir;
    });
    // The store holds two seeds whose findings the reviewers decide on while the adders add.
    expect((await run(['add', join(SEEDS, '000_3eecd60057be17cf.txt'), join(SEEDS, '002_9c1f1b377c43c8ef.txt'), '--db', db])).status).toBe(0);
    const findings = await reviewableFindings(db);
    expect(findings.length).toBeGreaterThan(1);
    const adds = folders.map((dir) => run(['add', dir, '--db', db], { timeoutMs: 240_000 }));
    const reviews = Array.from({ length: REVIEWERS }, (_, r) => reviewer(db, `desk-${r}`, DECISIONS_EACH, findings));
    const [added, reviewed] = await Promise.all([Promise.all(adds), Promise.all(reviews)]);
    for (const a of added) expect(a.status, a.stderr).toBe(0);
    expect(reviewed).toEqual(reviewed.map(() => 0));

    const store = openStore(db);
    const data = await store.read();
    const wantArticles = folders.flatMap((dir) => Array.from({ length: ARTICLES_EACH }, (_, k) => join(dir, `story-${k}.txt`)));
    const wantDecisions = Array.from({ length: REVIEWERS }, (_, r) => Array.from({ length: DECISIONS_EACH }, (_, k) => `desk-${r}-${k}`)).flat();
    const paths = new Set(data.articles.map((a) => a.path));
    expect(data.articles).toHaveLength(wantArticles.length + 2);
    const lostArticles = wantArticles.filter((p) => !paths.has(p));
    const reasons = new Set(Object.values(mergeDecisions(data.reviews, await readDecisions(store))).flatMap((h) => h.map((r) => r.reason)));
    const lostDecisions = wantDecisions.filter((reason) => !reasons.has(reason));
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
  }, 300_000);
});
