import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isArticleName, watchPaths } from '../../src/workflow/watch.js';

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

  it('watches a folder created while watching, with the files already in it', async () => {
    const stop = new AbortController();
    const seen = new Set<string>();
    let got: () => void = () => {};
    const both = new Promise<void>((done) => (got = done));
    let ready: () => void = () => {};
    const isReady = new Promise<void>((done) => (ready = done));
    const watching = watchPaths([dir], async (files) => {
      for (const f of files) seen.add(f);
      if (seen.size >= 2) got();
    }, { debounceMs: 100, signal: stop.signal, onReady: () => ready() });
    await isReady;
    mkdirSync(join(dir, 'new'));
    writeFileSync(join(dir, 'new', 'c.txt'), 'three');
    await new Promise((r) => setTimeout(r, 300));
    writeFileSync(join(dir, 'new', 'd.txt'), 'four');
    await Promise.race([both, new Promise((r) => setTimeout(r, 5000))]);
    stop.abort();
    await watching;
    expect([...seen].sort()).toEqual([join(dir, 'new', 'c.txt'), join(dir, 'new', 'd.txt')]);
  });

  it('resolves at once when the signal is already aborted', async () => {
    const stop = new AbortController();
    stop.abort();
    await expect(watchPaths([dir], async () => {}, { signal: stop.signal })).resolves.toBeUndefined();
  });
});
