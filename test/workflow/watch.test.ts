import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sidecarArticles } from '../../src/ingest/read.js';
import { removeArticles } from '../../src/workflow/remove.js';
import { changedArticles, isArticleName, watchPaths } from '../../src/workflow/watch.js';
import { storyStore } from './story.js';

describe('isArticleName', () => {
  const cases: Array<[string, boolean]> = [
    ['sources/004_4d2e783a8882e3a3.txt', true],
    ['story.HTML', true],
    ['notes.markdown', true],
    ['sources/.004.txt.swp', false],
    ['sources/.#story.txt', false],
    ['story.txt~', false],
    ['story.pdf', false],
    ['story.meta.yaml', false],
  ];
  it.each(cases)('%s → %s', (name, expected) => expect(isArticleName(name)).toBe(expected));
});

describe('sidecarArticles and changedArticles', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ct-sidecar-'));
    for (const f of ['story.txt', 'story.md', 'page.html', 'other.txt']) writeFileSync(join(dir, f), 'x');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const sidecars: Array<[string, string[]]> = [
    ['a/story.meta.yaml', ['a/story.txt', 'a/story.md', 'a/story.markdown', 'a/story.html', 'a/story.htm']],
    ['a/story.txt.meta.yml', ['a/story.txt']],
    ['a/STORY.META.YAML', ['a/STORY.txt', 'a/STORY.md', 'a/STORY.markdown', 'a/STORY.html', 'a/STORY.htm']],
    ['a/story.txt', []],
    ['a/story.yaml', []],
  ];
  it.each(sidecars)('sidecarArticles(%s)', (path, expected) => expect(sidecarArticles(path)).toEqual(expected));

  it('a sidecar change concerns the articles beside it that exist; an article concerns itself, even deleted', () => {
    expect(changedArticles(join(dir, 'story.meta.yaml'))).toEqual([join(dir, 'story.txt'), join(dir, 'story.md')]);
    expect(changedArticles(join(dir, 'page.html.meta.yaml'))).toEqual([join(dir, 'page.html')]);
    expect(changedArticles(join(dir, 'gone.meta.yaml'))).toEqual([]);
    expect(changedArticles(join(dir, '.story.meta.yaml.swp'))).toEqual([]);
    expect(changedArticles(join(dir, 'deleted.txt'))).toEqual([join(dir, 'deleted.txt')]);
  });
});

describe('watchPaths', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ct-watch-'));
    mkdirSync(join(dir, 'deep'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('debounces a burst of changes into one batch of article files, and stops when aborted', async () => {
    const stop = new AbortController();
    const batches: string[][] = [];
    let first: () => void = () => {};
    const got = new Promise<void>((done) => (first = done));
    const watching = watchPaths([dir], async (files) => {
      batches.push(files);
      first();
    }, { debounceMs: 150, signal: stop.signal });
    await new Promise((r) => setTimeout(r, 100));
    writeFileSync(join(dir, 'a.txt'), 'one');
    writeFileSync(join(dir, 'deep', 'b.md'), 'two');
    writeFileSync(join(dir, 'a.txt'), 'one, edited');
    writeFileSync(join(dir, 'ignored.pdf'), 'x');
    await Promise.race([got, new Promise((r) => setTimeout(r, 5000))]);
    stop.abort();
    await watching;
    expect(batches).toEqual([[join(dir, 'a.txt'), join(dir, 'deep', 'b.md')]]);
  });

  /** Watch `dir`, run `act` once watching, and collect the files of the batches until `count` are seen (or 5 s). */
  const seenAfter = async (act: () => Promise<void> | void, count: number): Promise<string[]> => {
    const stop = new AbortController();
    const seen = new Set<string>();
    let got: () => void = () => {};
    const enough = new Promise<void>((done) => (got = done));
    let ready: () => void = () => {};
    const isReady = new Promise<void>((done) => (ready = done));
    const watching = watchPaths([dir], async (files) => {
      for (const f of files) seen.add(f);
      if (seen.size >= count) got();
    }, { debounceMs: 100, signal: stop.signal, onReady: () => ready() });
    await isReady;
    await act();
    await Promise.race([enough, new Promise((r) => setTimeout(r, 5000))]);
    stop.abort();
    await watching;
    return [...seen].sort();
  };

  it('watches a folder created while watching, with the files already in it', async () => {
    const seen = await seenAfter(async () => {
      mkdirSync(join(dir, 'new'));
      writeFileSync(join(dir, 'new', 'c.txt'), 'three');
      await new Promise((r) => setTimeout(r, 300));
      writeFileSync(join(dir, 'new', 'd.txt'), 'four');
    }, 2);
    expect(seen).toEqual([join(dir, 'new', 'c.txt'), join(dir, 'new', 'd.txt')]);
  });

  it('a sidecar written and an article deleted are batched as the articles they concern', async () => {
    writeFileSync(join(dir, 'a.txt'), 'one');
    writeFileSync(join(dir, 'b.txt'), 'two');
    const seen = await seenAfter(() => {
      writeFileSync(join(dir, 'a.meta.yaml'), 'outlet: Wire\n');
      rmSync(join(dir, 'b.txt'));
    }, 2);
    expect(seen).toEqual([join(dir, 'a.txt'), join(dir, 'b.txt')]);
  });

  it('resolves at once when the signal is already aborted', async () => {
    const stop = new AbortController();
    stop.abort();
    await expect(watchPaths([dir], async () => {}, { signal: stop.signal })).resolves.toBeUndefined();
  });
});

describe('removeArticles', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ct-remove-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('takes the articles held under deleted paths out of the index, and their shards; others stay', async () => {
    const store = await storyStore(join(dir, 's.json'));
    const removed = await removeArticles(store, ['articles/d.txt', 'articles/never-added.txt']);
    expect(removed.map((a) => a.id)).toEqual(['d']);
    expect((await store.read()).articles.map((a) => a.id).sort()).toEqual(['a', 'b', 'c']);
    expect(existsSync(store.shardFile('d'))).toBe(false);
    expect(existsSync(store.shardFile('a'))).toBe(true);
    expect(await removeArticles(store, ['articles/d.txt'])).toEqual([]);
  });
});
