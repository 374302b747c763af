/**
 * Corruption and recovery: a store index truncated at many points, or broken by hand, stops every
 * command with one line naming the file (exit 2) and is never overwritten; `claimtrace doctor`
 * restores the last good copy kept beside it (`FILE.bak`). A broken shard names the shard.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS, tempDir } from '../cli/helpers.js';
import { LONG, recordFigures, scale } from './figures.js';
import { storeSchema } from '../../src/store/schema.js';
import { run } from './run.js';
import { copyStore, held } from './state.js';

let tmp: ReturnType<typeof tempDir>;
let base: string;
beforeAll(async () => {
  tmp = tempDir('ct-corrupt-');
  base = join(tmp.dir, 'base/store.json');
  const seeds = readdirSync(SEEDS).sort().map((f) => `${SEEDS}/${f}`);
  expect((await run(['add', seeds[0], seeds[1], '--db', base])).status).toBe(0);
  // Without the re-check, the add of the third article is the index's only write: FILE.bak holds two.
  expect((await run(['add', seeds[2], '--db', base, '--skip-check'])).status).toBe(0);
}, 120_000);
afterAll(() => tmp.cleanup());

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Ways to break a good index text. */
const breakages = (good: string): Array<{ name: string; text: string; sample?: true }> => {
  const cuts = scale(1, 12);
  return [
    ...Array.from({ length: cuts }, (_, i) => {
      const at = Math.max(1, Math.floor((good.length * (i + 1)) / (cuts + 1)));
      return { name: `truncated at ${at} of ${good.length}`, text: good.slice(0, at), sample: true as const };
    }),
    { name: 'emptied', text: '' },
    { name: 'NUL bytes from a crash', text: '\u0000'.repeat(4096), sample: true },
    { name: 'a hand edit that breaks the JSON', text: good.replace('"articles": [', '"articles": [,') },
    { name: 'valid JSON, wrong shape', text: JSON.stringify({ schema: 1, articles: 'none', reviews: {} }), sample: true },
    { name: 'a future schema version', text: good.replace('"schema": 1', '"schema": 2'), sample: true },
    { name: 'a claim count made negative', text: good.replace(/"claimCount": \d+/, '"claimCount": -1') },
  ];
};

describe('a broken store', () => {
  it('every command stops with one line naming the index; doctor restores FILE.bak', async () => {
    const good = readFileSync(base, 'utf8');
    // The last good copy: the index as it was before the last write, the add of the third article
    // (a re-check after an add writes the last-check file, not the index).
    const backup = storeSchema.parse(JSON.parse(readFileSync(`${base}.bak`, 'utf8')));
    expect(backup.articles).toHaveLength(2);
    const tally = { tried: 0, named: 0, untouched: 0, restored: 0 };
    // The short run tries a sample of the breakages; `npm run test:faults` tries them all.
    for (const [i, b] of breakages(good).filter((x) => LONG || x.sample).entries()) {
      const db = join(tmp.dir, `broken-${i}/store.json`);
      copyStore(base, db);
      writeFileSync(db, b.text);
      tally.tried++;
      let named = true;
      const commands = [['add', `${SEEDS}/004_4d2e783a8882e3a3.txt`], ['check', '--format', 'json'], ['articles'], ['report', '--out', '-']];
      // The short run tries every command on the first breakage, check on the others.
      for (const args of LONG || i === 0 ? commands : commands.slice(1, 2)) {
        const r = await run([...args, '--db', db]);
        const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
        const ok = r.status === 2 && r.stdout === '' && lines.length === 1 && new RegExp(`^claimtrace: ${escape(db)}: .*claimtrace doctor --db`).test(lines[0]);
        expect(ok, `${b.name}, ${args[0]}: ${r.status} ${r.stderr}`).toBe(true);
        if (!ok) named = false;
      }
      if (named) tally.named++;
      if (readFileSync(db, 'utf8') === b.text) tally.untouched++;
      expect(readFileSync(db, 'utf8'), `${b.name}: the broken file was changed`).toBe(b.text);
      const doctor = await run(['doctor', '--db', db]);
      expect(doctor.status, `${b.name}: ${doctor.stdout}`).toBe(0);
      expect(doctor.stdout).toContain(`restored ${db} from ${db}.bak`);
      const now = await held(db);
      expect(now.articles).toEqual(backup.articles.map(({ pipeline: _, ...a }) => JSON.stringify(a)).sort());
      expect(readdirSync(join(db, '..')).filter((f) => f.startsWith('store.json.corrupt-')).map((f) => readFileSync(join(db, '..', f), 'utf8'))).toEqual([b.text]);
      tally.restored++;
    }
    recordFigures('corruption', { 'broken stores tried': tally.tried, 'named in one line': tally.named, 'left untouched': tally.untouched, 'restored by doctor': tally.restored });
  }, 600_000);

  it('a broken shard is named; the index is not rewritten; doctor --fix drops its entry', async () => {
    const db = join(tmp.dir, 'shard/store.json');
    copyStore(base, db);
    const index = readFileSync(db, 'utf8');
    const [first] = (await held(db)).articles.map((a) => JSON.parse(a) as { id: string; path: string });
    const shard = join(`${db}.d`, `${first.id}.json`);
    writeFileSync(shard, readFileSync(shard, 'utf8').slice(0, 100));
    const r = await run(['check', '--format', 'json', '--db', db]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`claimtrace: ${escape(shard)}: not valid JSON`));
    expect(JSON.parse(readFileSync(db, 'utf8')).articles).toEqual(JSON.parse(index).articles);
    const fixed = await run(['doctor', '--db', db, '--fix']);
    expect(fixed.status).toBe(0);
    expect(fixed.stdout).toContain(`removed ${first.id} from the index: add ${first.path} again`);
  }, 120_000);
});
