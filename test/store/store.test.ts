import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/store/adapter.js';
import { articleIdOf, classify, mapPool, openStore, shardText, storedPath } from '../../src/store/store.js';
import { forTransfer } from '../../src/parallel/article-job.js';
import { emptyStore } from '../../src/store/schema.js';
import type { StoreData } from '../../src/store/schema.js';
import { claim, record, shard } from './fixtures.js';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ct-store-'));
  file = join(dir, 'store.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('ids and paths', () => {
  it('names an article by the sha256 of its bytes', () => {
    // sha256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
    expect(articleIdOf(Buffer.from('abc'))).toEqual({
      id: 'a-ba7816bf8f01cfea',
      hash: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    });
  });

  const paths: Array<[string, string, string]> = [
    ['sources/articles/x.txt', '/work/p', 'sources/articles/x.txt'],
    ['/work/p/sources/x.txt', '/work/p', 'sources/x.txt'],
    ['./a/../b.md', '/work/p', 'b.md'],
    ['/tmp/elsewhere/x.txt', '/work/p', '/tmp/elsewhere/x.txt'],
    ['../sibling/x.txt', '/work/p', '/work/sibling/x.txt'],
  ];
  for (const [given, cwd, stored] of paths) {
    it(`records ${given} from ${cwd} as ${stored}`, () => expect(storedPath(given, cwd)).toBe(stored));
  }
});

describe('classify', () => {
  const held = { ...emptyStore(), articles: [record(1, 'a.txt')] };
  const cases: Array<[string, ReturnType<typeof record>, string]> = [
    ['same bytes, same path, same metadata', record(1, 'a.txt'), 'unchanged'],
    ['same bytes at another path', record(1, 'copy/a.txt'), 'unchanged'],
    ['same bytes, new declared outlet', record(1, 'a.txt', 'Yicai'), 'replaced'],
    ['same bytes read by a newer pipeline', { ...record(1, 'a.txt'), pipeline: 'p-000000000002' }, 'replaced'],
    ['edited file at the same path', record(2, 'a.txt'), 'replaced'],
    ['new file', record(3, 'c.txt'), 'added'],
  ];
  for (const [name, r, status] of cases) it(`${name}: ${status}`, () => expect(classify(held, r).status).toBe(status));
});

describe('openStore', () => {
  it('reads a missing store as empty and writes nothing on read', async () => {
    const store = openStore(file);
    expect(await store.read()).toEqual(emptyStore());
    expect(readdirSync(dir)).toEqual([]);
  });

  it('adds, keeps unchanged, replaces an edited file and removes its old shard', async () => {
    const store = openStore(file);
    for (const n of [1, 2]) await store.writeShard(shard(record(n)));
    expect((await store.putArticles([record(1), record(2)])).map((r) => r.status)).toEqual(['added', 'added']);
    expect((await store.putArticles([record(1)]))[0]).toMatchObject({ status: 'unchanged', heldAs: null });
    const edited = record(3, record(1).path);
    await store.writeShard(shard(edited));
    expect((await store.putArticles([edited]))[0]).toMatchObject({ status: 'replaced', replaced: record(1).id });
    const data = await store.read();
    expect(data.articles.map((a) => a.id)).toEqual([edited.id, record(2).id]);
    expect(await store.listShardIds()).toEqual([record(2).id, edited.id].sort());
  });

  it('adding one article rewrites no other shard', async () => {
    const store = openStore(file);
    const first = Array.from({ length: 30 }, (_, i) => record(i + 1));
    await Promise.all(first.map((r) => store.writeShard(shard(r))));
    await store.putArticles(first);
    const before = new Map(first.map((r) => [r.id, statSync(store.shardFile(r.id)).mtimeMs]));
    await new Promise((r) => setTimeout(r, 20));
    await store.writeShard(shard(record(99)));
    await store.putArticles([record(99)]);
    for (const r of first) expect(statSync(store.shardFile(r.id)).mtimeMs).toBe(before.get(r.id));
    expect((await store.read()).articles).toHaveLength(31);
  });

  it('writes a shard sent as text (from a worker thread) byte for byte as writeShard writes it', async () => {
    const store = openStore(file);
    await store.writeShard(shard(record(1)));
    const direct = readFileSync(store.shardFile(record(1).id), 'utf8');
    const sent = forTransfer({ kind: 'extracted', file: 'a1.txt', record: record(1), claims: shard(record(1)).claims, sources: [] });
    expect(sent).toEqual({ kind: 'serialized', file: 'a1.txt', record: record(1), shard: direct });
    rmSync(store.shardFile(record(1).id));
    await store.writeShardText(record(1).id, sent.kind === 'serialized' ? sent.shard : '');
    expect(readFileSync(store.shardFile(record(1).id), 'utf8')).toBe(direct);
  });

  it('replaces a half-written shard a crash left (not indexed) when its article is added again', async () => {
    const store = openStore(file);
    await store.writeShard(shard(record(9)));
    writeFileSync(store.shardFile(record(1).id), '{"schema":1,"arti');
    await store.writeShard(shard(record(1)));
    expect(JSON.parse(readFileSync(store.shardFile(record(1).id), 'utf8'))).toEqual(shard(record(1)));
    expect(readdirSync(store.shardDir).sort()).toEqual([`${record(1).id}.json`, `${record(9).id}.json`].sort());
  });

  it('sends a shard that does not validate as it is, for the store to refuse with its reason', async () => {
    const bad = { ...shard(record(1)), claims: [{ ...claim(record(1).id), start: 'nine' }] } as unknown as ReturnType<typeof shard>;
    const prepared = { kind: 'extracted' as const, file: 'a1.txt', record: record(1), claims: bad.claims, sources: [] };
    expect(forTransfer(prepared)).toBe(prepared);
    expect(() => shardText(bad)).toThrow(/^shard of sources\/a1\.txt does not match the schema \(at claims\[0\]\.start: /);
    await expect(openStore(file).writeShard(bad)).rejects.toThrow(/does not match the schema/);
  });

  it('keeps no claim data in the index', async () => {
    const store = openStore(file);
    await store.writeShard(shard(record(1)));
    await store.putArticles([record(1)]);
    expect(readFileSync(file, 'utf8')).not.toContain('140 trillion');
    expect(readFileSync(store.shardFile(record(1).id), 'utf8')).toContain('140 trillion');
  });

  it('loads shards in the order asked, naming the ones that cannot be read', async () => {
    const store = openStore(file);
    const records = [record(1), record(2), record(3)];
    for (const r of records.slice(0, 2)) await store.writeShard(shard(r));
    writeFileSync(store.shardFile(record(2).id), '{"schema":1');
    const { shards, errors } = await store.loadShards(records);
    expect(shards.map((s) => s.article.id)).toEqual([record(1).id]);
    expect(errors.map((e) => e.file)).toEqual([store.shardFile(record(2).id), store.shardFile(record(3).id)]);
    expect(errors[0].reason).toMatch(/not valid JSON/);
    expect(errors[1].reason).toMatch(/shard missing/);
  });

  it('lists orphan shards (written, never indexed; recent ones apart) and dead writers\' temp files', async () => {
    const store = openStore(file);
    await store.writeShard(shard(record(1)));
    await store.writeShard(shard(record(2)));
    await store.putArticles([record(1)]);
    const temp = join(store.shardDir, `.a-x.json.999999999.0123abcd.tmp`);
    writeFileSync(temp, '{');
    const fresh = await store.garbage(await store.read());
    expect(fresh).toEqual({ orphans: [], recent: [store.shardFile(record(2).id)], temps: [temp] });
    const { orphans } = await store.garbage(await store.read(), 0);
    expect(orphans).toEqual([store.shardFile(record(2).id)]);
  });

  it('never overwrites a corrupt index', async () => {
    writeFileSync(file, '{"schema": 1, "articles": [');
    const store = openStore(file);
    await expect(store.update((d) => void d.articles.push(record(1)))).rejects.toBeInstanceOf(StoreError);
    expect(readFileSync(file, 'utf8')).toBe('{"schema": 1, "articles": [');
  });

  it('does not rewrite the index when an update changes nothing', async () => {
    const store = openStore(file);
    await store.update((d) => void d.articles.push(record(1)));
    const before = statSync(file).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    await store.update(() => undefined);
    expect(statSync(file).mtimeMs).toBe(before);
  });

  const check = (at: string): NonNullable<StoreData['lastCheck']> => ({
    findings: [{ id: 'f-1', rule: 'value-conflict', severity: 'error', message: 'A says 1, B says 2', evidence: 'e1', articles: ['a.txt', 'b.txt'] }],
    groups: [{ id: 'g-1', articles: ['a.txt', 'b.txt'], status: 'conflicting' }],
    at,
  });

  it('keeps the last check in its own file, and adding articles rewrites neither it nor a shard', async () => {
    const store = openStore(file);
    await store.update((d) => {
      d.lastCheck = check('2026-03-26T10:00:00.000Z');
    });
    expect(JSON.parse(readFileSync(file, 'utf8')).lastCheck).toBeNull();
    expect(JSON.parse(readFileSync(store.lastCheckFile, 'utf8')).lastCheck.at).toBe('2026-03-26T10:00:00.000Z');
    const before = statSync(store.lastCheckFile).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    await store.writeShard(shard(record(1)));
    await store.putArticles([record(1)]);
    expect(statSync(store.lastCheckFile).mtimeMs).toBe(before);
    const data = await store.read();
    expect(data.articles).toHaveLength(1);
    expect(data.lastCheck).toEqual(check('2026-03-26T10:00:00.000Z'));
    expect((await store.readIndex()).lastCheck).toBeNull();
  });

  // Stores written before the last check had its own file hold it in the index.
  const migrations: Array<[string, (store: ReturnType<typeof openStore>) => Promise<unknown>]> = [
    ['adding an article', async (store) => {
      await store.writeShard(shard(record(1)));
      await store.putArticles([record(1)]);
    }],
    ['a review', (store) => store.update((d) => void (d.reviews['f-1'] = [{ status: 'confirmed', by: 'ed', at: null, reason: null, evidence: 'e1' }]))],
    ['a new check', (store) => store.update((d) => void (d.lastCheck = check('2026-03-27T09:00:00.000Z')))],
  ];
  for (const [what, write] of migrations) {
    it(`reads an older store's last check from its index, and moves it out at ${what}`, async () => {
      const old = { ...emptyStore(), lastCheck: check('2026-03-26T10:00:00.000Z') };
      writeFileSync(file, JSON.stringify(old, null, 2));
      const store = openStore(file);
      expect((await store.read()).lastCheck).toEqual(old.lastCheck);
      await write(store);
      expect(JSON.parse(readFileSync(file, 'utf8')).lastCheck).toBeNull();
      const expected = what === 'a new check' ? check('2026-03-27T09:00:00.000Z') : old.lastCheck;
      expect(JSON.parse(readFileSync(store.lastCheckFile, 'utf8')).lastCheck).toEqual(expected);
      expect((await store.read()).lastCheck).toEqual(expected);
    });
  }

  it('names a corrupt last-check file and leaves it as it is', async () => {
    const store = openStore(file);
    await store.update((d) => void (d.lastCheck = check('2026-03-26T10:00:00.000Z')));
    writeFileSync(store.lastCheckFile, '{"schema":1,"lastCheck":{');
    const error = await store.read().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).file).toBe(store.lastCheckFile);
    expect((error as StoreError).reason).toMatch(/not valid JSON.*claimtrace doctor/);
    await expect(store.update((d) => void (d.lastCheck = null))).rejects.toBeInstanceOf(StoreError);
    expect(readFileSync(store.lastCheckFile, 'utf8')).toBe('{"schema":1,"lastCheck":{');
    // Adding articles needs no last check: it still works.
    await store.writeShard(shard(record(1)));
    expect((await store.putArticles([record(1)]))[0].status).toBe('added');
  });

  it('mapPool keeps the order and the limit', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapPool([5, 1, 4, 2, 3], 2, async (n) => {
      peak = Math.max(peak, ++running);
      await new Promise((r) => setTimeout(r, n * 3));
      running--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
  });

  it('two processes updating at once both land (built store, npm run build)', async () => {
    const storeModule = join(process.cwd(), 'dist/src/store/store.js');
    const fixtures = `
      const [file, from] = process.argv.slice(1);
      const { openStore } = await import(${JSON.stringify(storeModule)});
      const store = openStore(file);
      for (let n = Number(from); n < Number(from) + 25; n++) {
        const id = 'a-' + n.toString(16).padStart(16, '0');
        await store.update((d) => { d.articles.push({ id, path: 'p' + n + '.txt', format: 'text', hash: 'h', title: null,
          outlet: null, author: null, published: null, url: null, notes: [], claimCount: 0, sourceCount: 0 }); });
      }`;
    const run = (from: number): Promise<number | null> =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, ['--input-type=module', '-e', fixtures, file, String(from)], { stdio: 'inherit' });
        child.on('exit', resolve);
      });
    expect(await Promise.all([run(1000), run(2000)])).toEqual([0, 0]);
    const ids = (await openStore(file).read()).articles.map((a) => a.id);
    expect(ids).toHaveLength(50);
    expect(new Set(ids).size).toBe(50);
    expect(readdirSync(dir).sort()).toEqual(['store.json', 'store.json.bak']);
  });
});
