import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeSchema } from '../../src/store/schema.js';
import { SEEDS, claimtrace, tempDir } from './helpers.js';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

describe('two claimtrace processes at once', () => {
  it('two concurrent adds of different articles both land', async () => {
    const db = join(tmp.dir, 'store.json');
    const files = readdirSync(SEEDS).sort().map((f) => `${SEEDS}/${f}`);
    const [a, b] = await Promise.all([
      claimtrace(['add', ...files.slice(0, 2), '--db', db]),
      claimtrace(['add', ...files.slice(2), '--db', db]),
    ]);
    expect([a.status, b.status]).toEqual([0, 0]);
    const data = storeSchema.parse(JSON.parse(readFileSync(db, 'utf8')));
    expect(data.articles.map((x) => x.path).sort()).toEqual(files);
    expect(readdirSync(`${db}.d`)).toHaveLength(5);
    // (The name claims beside the check cache exist when the second re-check found the first one's cache.)
    expect(readdirSync(tmp.dir).filter((f) => f !== 'store.json.check-cache.d').sort()).toEqual(['store.json', 'store.json.bak', 'store.json.check-cache.json', 'store.json.d', 'store.json.last-check.json']);
  });
});
