/**
 * The incremental check equals the full check. Articles (the bench generator's, the seeds and the
 * eval clusters, read by the real pipeline) come and go in random sequences of add, edit (another
 * text at the same path), re-dated metadata and remove; after each step the check that reuses the
 * previous step's cache must give exactly what `checkClaims` gives on the same store: the same
 * findings (ids, severities, messages, claims, articles, evidence) and the same groups.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, rng } from '../../scripts/bench/generate.js';
import { ingestPaths } from '../../src/cli/ingest.js';
import { checkClaims } from '../../src/check/index.js';
import { checkIncremental, type CheckCache, type NameClaimStore, type NameClaims } from '../../src/check/incremental.js';
import { openStore } from '../../src/store/store.js';
import type { ArticleRecord, Claim, Source } from '../../src/store/schema.js';

interface Held {
  record: ArticleRecord;
  claims: Claim[];
  sources: Source[];
}

const ROOT = join(import.meta.dirname, '..', '..');
/** The evaluation clusters beside the project, when this machine has them (a user's clone does not). */
const CLUSTERS = join(ROOT, '..', 'shared', 'eval', 'clusters');
let tmp: string;
const pools: Record<string, Held[]> = {};

/** Read a folder into a fresh store and return what each article holds. */
async function readInto(name: string, dir: string): Promise<Held[]> {
  const store = openStore(join(tmp, name, 'store.json'));
  const summary = await ingestPaths(store, [dir]);
  expect(summary.failed).toBe(0);
  const data = await store.readIndex();
  const { shards } = await store.loadShards(data.articles);
  return shards.map((s) => ({ record: data.articles.find((a) => a.id === s.article.id)!, claims: s.claims, sources: s.sources }));
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'claimtrace-incremental-'));
  const gen = join(tmp, 'generated');
  mkdirSync(gen);
  // Two generations of one archive: the second gives other texts at the same paths ("edits").
  for (const a of generateCorpus(120, { seed: 42 })) writeFileSync(join(gen, a.name), a.content);
  const edits = join(tmp, 'edits');
  mkdirSync(edits);
  for (const a of generateCorpus(120, { seed: 43 }).slice(0, 30)) writeFileSync(join(edits, a.name), a.content);
  pools.generated = await readInto('g', gen);
  pools.edits = await readInto('e', edits);
  // Real coverage: the shipped seeds, and the evaluation clusters when present.
  pools.real = [...(await readInto('s', join(ROOT, 'sources', 'articles'))), ...(existsSync(CLUSTERS) ? await readInto('c', CLUSTERS) : [])];
}, 120_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Name units' claims kept between checks, through JSON as on disk. */
const kept = new Map<string, string>();
const nameClaims: NameClaimStore = {
  read: async (fp) => (kept.has(fp) ? (JSON.parse(kept.get(fp)!) as NameClaims) : null),
  write: async (fp, claims) => void kept.set(fp, JSON.stringify(claims)),
};

/** The full check and the incremental one (with `cache`, and kept name claims) on the same articles. */
async function both(held: Held[], cache: CheckCache | null, version = 'test') {
  const articles = held.map((h) => h.record);
  const full = checkClaims({ articles, claims: held.flatMap((h) => h.claims), sources: held.flatMap((h) => h.sources) });
  const byId = new Map(held.map((h) => [h.record.id, h]));
  const load = async (ids: string[]) => ({ claims: ids.flatMap((id) => byId.get(id)!.claims), sources: ids.flatMap((id) => byId.get(id)!.sources) });
  const inc = await checkIncremental({ articles, load, cache, version, nameClaims });
  return { full, inc };
}

/** Articles re-pathed (an edit is other bytes at the same path) or re-dated (other metadata, same bytes). */
const atPath = (h: Held, path: string): Held => ({ ...h, record: { ...h.record, path } });
const redated = (h: Held, days: number): Held => {
  const p = h.record.published;
  if (!p) return h;
  const d = new Date(Date.parse(p.value) + days * 864e5).toISOString().slice(0, 10);
  return { ...h, record: { ...h.record, published: { ...p, value: d } } };
};

describe('incremental check', () => {
  for (const [name, seed, start] of [['generated', 1, 60], ['generated', 2, 90], ['real', 3, 20]] as const) {
    it(`equals the full check over random add/edit/redate/remove sequences (${name}, seed ${seed})`, async () => {
      const r = rng(seed);
      const pool = name === 'generated' ? pools.generated : pools.real;
      const edits = name === 'generated' ? pools.edits : pools.generated.slice(0, 10);
      let held = pool.slice(0, start);
      let waiting = pool.slice(start);
      let cache: CheckCache | null = null;
      let checked = 0;
      let articles = 0;
      for (let step = 0; step < 12; step++) {
        const op = Math.floor(r() * 4);
        if (op === 0 && waiting.length > 0) {
          const n = 1 + Math.floor(r() * 3);
          held = [...held, ...waiting.slice(0, n)];
          waiting = waiting.slice(n);
        } else if (op === 1 && held.length > 2) {
          const i = Math.floor(r() * held.length);
          held = held.filter((_, j) => j !== i);
        } else if (op === 2) {
          const i = Math.floor(r() * held.length);
          const other = edits[Math.floor(r() * edits.length)];
          if (!held.some((h) => h.record.id === other.record.id)) held = held.map((h, j) => (j === i ? atPath(other, h.record.path) : h));
        } else {
          const i = Math.floor(r() * held.length);
          held = held.map((h, j) => (j === i ? redated(h, Math.floor(r() * 20) - 10) : h));
        }
        const { full, inc } = await both(held, cache);
        expect(inc.findings).toEqual(full.findings);
        expect(inc.groups).toEqual(full.groups);
        if (step > 0) {
          checked += inc.stats.checked;
          articles += inc.stats.articles;
        }
        // The cache goes through JSON, as on disk.
        cache = JSON.parse(JSON.stringify(inc.cache)) as CheckCache;
      }
      // It did reuse what it found (a check that re-ran everything would pass the equalities above too).
      expect(checked).toBeLessThan(articles);
    }, 60_000);
  }

  it('reads, after one article is added, only what that article touches', async () => {
    const held = pools.generated.slice(0, 100);
    const first = await both(held, null);
    expect(first.inc.stats.checked).toBe(100);
    const checked: number[] = [];
    for (const added of pools.generated.slice(100, 105)) {
      const { full, inc } = await both([...held, added], JSON.parse(JSON.stringify(first.inc.cache)) as CheckCache);
      expect(inc.findings).toEqual(full.findings);
      checked.push(inc.stats.checked);
    }
    // Its story, the families of its figures with their other holders, and the events they connect:
    // more than the article itself when it joins a story, never the whole store.
    expect(Math.max(...checked)).toBeGreaterThan(1);
    expect(Math.max(...checked)).toBeLessThan(40);
  }, 60_000);

  it('checks everything again under another version, and with a cache of another store', async () => {
    const held = pools.real.slice(0, 20);
    const first = await both(held, null);
    const other = await both(held, first.inc.cache, 'other version');
    expect(other.inc.stats.reused).toBe(false);
    expect(other.inc.stats.checked).toBe(other.inc.stats.articles);
    // The same articles again under the same version: nothing to check, nothing to write.
    const same = await both(held, first.inc.cache);
    expect([same.inc.stats.checked, same.inc.unchanged]).toEqual([0, true]);
    expect(first.inc.unchanged).toBe(false);
    expect((await both(held.slice(1), first.inc.cache)).inc.unchanged).toBe(false);
    expect(other.inc.findings).toEqual(first.full.findings);
    // A cache made on other articles holds nothing that applies, and misleads nothing.
    const stranger = await both(pools.generated.slice(0, 40), null);
    const mixed = await both(held, stranger.inc.cache);
    expect(mixed.inc.findings).toEqual(first.full.findings);
    expect(mixed.inc.groups).toEqual(first.full.groups);
  }, 60_000);
});
