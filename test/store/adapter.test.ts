import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JsonFileAdapter, MemoryJsonAdapter, StoreError, writeFileAtomic, writeNewFile } from '../../src/store/adapter.js';
import { emptyStore, storeSchema } from '../../src/store/schema.js';
import type { StoreData } from '../../src/store/schema.js';
import { record } from './fixtures.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ct-adapter-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const withArticles = (n: number): StoreData => ({ ...emptyStore(), articles: Array.from({ length: n }, (_, i) => record(i + 1)) });

describe('JsonFileAdapter', () => {
  it('reads a missing file as the defaults', async () => {
    const db = new Low(new JsonFileAdapter(join(dir, 'store.json'), storeSchema), emptyStore());
    await db.read();
    expect(db.data).toEqual(emptyStore());
  });

  it('round-trips what it writes', async () => {
    const file = join(dir, 'store.json');
    await new JsonFileAdapter(file, storeSchema).write(withArticles(2));
    expect(await new JsonFileAdapter(file, storeSchema).read()).toEqual(withArticles(2));
  });

  // Each corrupt file: the error names the file and the reason, says how to recover, and the file
  // keeps its bytes even when a write is attempted afterwards.
  const corrupt: Array<{ name: string; text: string; reason: RegExp }> = [
    { name: 'truncated JSON', text: '{"schema":1,"articles":[', reason: /not valid JSON/ },
    { name: 'empty file', text: '', reason: /empty file/ },
    { name: 'wrong schema version', text: '{"schema":2,"articles":[],"reviews":{},"lastCheck":null}', reason: /at schema:/ },
    {
      name: 'bad article field',
      text: JSON.stringify({ ...emptyStore(), articles: [{ ...record(1), format: 'pdf' }] }),
      reason: /at articles\[0\]\.format:/,
    },
  ];
  for (const c of corrupt) {
    it(`refuses a corrupt file (${c.name}) and leaves it untouched`, async () => {
      const file = join(dir, 'store.json');
      writeFileSync(file, c.text);
      const adapter = new JsonFileAdapter(file, storeSchema);
      const error = await adapter.read().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).file).toBe(file);
      expect((error as StoreError).message).toMatch(c.reason);
      expect((error as StoreError).message).toContain(`claimtrace doctor --db ${file}`);
      await expect(adapter.write(emptyStore())).rejects.toBeInstanceOf(StoreError);
      expect(readFileSync(file, 'utf8')).toBe(c.text);
    });
  }

  it('refuses to write data that does not match the schema', async () => {
    const file = join(dir, 'store.json');
    const bad = { ...emptyStore(), schema: 7 } as unknown as StoreData;
    await expect(new JsonFileAdapter(file, storeSchema).write(bad)).rejects.toThrow(/refusing to write/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps the last good copy as FILE.bak and leaves no temp files', async () => {
    const file = join(dir, 'store.json');
    const adapter = new JsonFileAdapter(file, storeSchema);
    for (let n = 1; n <= 5; n++) await adapter.write(withArticles(n));
    expect(readdirSync(dir).sort()).toEqual(['store.json', 'store.json.bak']);
    expect(JSON.parse(readFileSync(`${file}.bak`, 'utf8')).articles).toHaveLength(4);
    expect(JSON.parse(readFileSync(file, 'utf8')).articles).toHaveLength(5);
  });

  it('writes atomically: concurrent writers leave one whole file, no temp files', async () => {
    const file = join(dir, 'out.json');
    const bodies = Array.from({ length: 20 }, (_, i) => JSON.stringify({ i, pad: 'x'.repeat(50_000) }));
    await Promise.all(bodies.map((b) => writeFileAtomic(file, b)));
    expect(bodies).toContain(readFileSync(file, 'utf8'));
    expect(readdirSync(dir)).toEqual(['out.json']);
  });
});

describe('writeNewFile', () => {
  const cases: Array<[string, string | null, boolean, string]> = [
    ['no file yet: written', null, true, 'new'],
    ['a file there: left as it was', 'old', false, 'old'],
    ['an empty file there (a crash): left for the caller to replace', '', false, ''],
  ];
  for (const [name, before, written, after] of cases) {
    it(name, async () => {
      const file = join(dir, 'a.json');
      if (before !== null) writeFileSync(file, before);
      expect(await writeNewFile(file, 'new')).toBe(written);
      expect(readFileSync(file, 'utf8')).toBe(after);
      expect(readdirSync(dir)).toEqual(['a.json']);
    });
  }

  it('fails on a missing folder, creating nothing', async () => {
    await expect(writeNewFile(join(dir, 'gone', 'a.json'), 'new')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('MemoryJsonAdapter', () => {
  it('reads nothing as the defaults and round-trips', async () => {
    const adapter = new MemoryJsonAdapter(storeSchema);
    const db = new Low(adapter, emptyStore());
    await db.read();
    expect(db.data).toEqual(emptyStore());
    db.data.articles.push(record(1));
    await db.write();
    expect(await new MemoryJsonAdapter(storeSchema, adapter.text).read()).toEqual(withArticles(1));
  });

  it('fails on corrupt text with the same StoreError', async () => {
    const adapter = new MemoryJsonAdapter(storeSchema, '{oops', 'mem.json');
    await expect(adapter.read()).rejects.toThrow(/mem\.json: not valid JSON/);
    await expect(adapter.write(emptyStore())).rejects.toBeInstanceOf(StoreError);
    expect(adapter.text).toBe('{oops');
  });
});
