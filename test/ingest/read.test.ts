import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listArticleFiles, readArticle, sidecarCandidates } from '../../src/ingest/read.js';
import { InputError } from '../../src/ingest/types.js';

let dir: string;
const file = (name: string, content: string | Buffer): string => {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
};
const reason = async (promise: Promise<unknown>): Promise<[string, string]> => {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return [(error as InputError).file, (error as InputError).reason];
  }
  throw new Error('no error');
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'claimtrace-read-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('readArticle: dispatch by extension', () => {
  const cases: { name: string; content: string; format: string; text: string }[] = [
    { name: 'a.txt', content: 'Usage rose. It was 140 trillion.', format: 'text', text: 'Usage rose. It was 140 trillion.' },
    { name: 'B.TXT', content: 'Upper-case extension.', format: 'text', text: 'Upper-case extension.' },
    { name: 'c.md', content: '# Title\n\nUsage *rose*.', format: 'markdown', text: 'Title\n\nUsage rose.' },
    { name: 'd.markdown', content: 'Usage **rose**.', format: 'markdown', text: 'Usage rose.' },
    { name: 'e.html', content: '<html><body><p>Usage rose.</p></body></html>', format: 'html', text: 'Usage rose.' },
    { name: 'f.htm', content: '<p>Usage rose.</p>', format: 'html', text: 'Usage rose.' },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const r = await readArticle(file(c.name, c.content));
      expect(r.format).toBe(c.format);
      expect(r.text).toContain(c.text);
    });
  }
});

describe('readArticle: bad inputs', () => {
  it('a missing file', async () => {
    expect(await reason(readArticle(join(dir, 'missing.txt')))).toEqual([join(dir, 'missing.txt'), 'no such file']);
  });
  it('a folder', async () => {
    mkdirSync(join(dir, 'folder.txt'), { recursive: true });
    expect((await reason(readArticle(join(dir, 'folder.txt'))))[1]).toBe('is a folder');
  });
  it('an unsupported extension', async () => {
    expect((await reason(readArticle(file('x.pdf', '%PDF-1.4'))))[1]).toBe('unsupported file type .pdf (expected .txt, .md, .markdown, .html, .htm)');
  });
  it('no extension', async () => {
    expect((await reason(readArticle(file('README', 'text'))))[1]).toMatch(/^unsupported file type: no extension/);
  });
  it('an empty file', async () => {
    expect((await reason(readArticle(file('empty.txt', ''))))[1]).toBe('empty file');
  });
  it('a binary file', async () => {
    expect((await reason(readArticle(file('bin.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x08])))))[1]).toBe('binary file (NUL bytes)');
  });
  it('invalid UTF-8', async () => {
    expect((await reason(readArticle(file('latin1.txt', Buffer.from([0x43, 0x61, 0x66, 0xe9])))))[1]).toBe('invalid UTF-8 at byte 3');
  });
  it('too large, checked before reading', async () => {
    const path = file('big.txt', Buffer.alloc(2 * 1024 * 1024, 0x61));
    expect((await reason(readArticle(path, { maxBytes: 1024 * 1024 })))[1]).toBe('too large: 2.0 MB, the limit is 1 MB (raise it with --max-bytes)');
  });
});

describe('readArticle: Markdown the parser would take minutes over is read as plain text', () => {
  const prose = 'Daily token usage exceeded 140 trillion in March 2026. ';
  const cases: { name: string; content: string; format: string; note: RegExp | null }[] = [
    { name: 'links.md', content: `${prose}See [the report](https://example.org/r) and [data][d].\n\n[d]: https://example.org/d\n`, format: 'markdown', note: null },
    { name: 'brackets.md', content: `${prose}${'['.repeat(100_000)}${prose}${']('.repeat(50_000)}\n`, format: 'text', note: /^Markdown with too many square brackets in a paragraph \(bracket work \d+, over 100000000\): read as plain text$/ },
    { name: 'quotes.md', content: `${'>'.repeat(10_000)} ${prose}\n`, format: 'text', note: /^Markdown nested 10000 levels deep/ },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const r = await readArticle(file(`guard/${c.name}`, c.content));
      expect(r.format).toBe(c.format);
      expect(r.text).toContain('140 trillion');
      const notes = r.notes.filter((n) => /read as plain text/.test(n));
      if (c.note) expect(notes).toEqual([expect.stringMatching(c.note)]);
      else expect(notes).toEqual([]);
    });
  }
});

describe('readArticle: declared metadata', () => {
  it('a sidecar NAME.meta.yaml wins over the text and over front matter', async () => {
    const path = file('side/story.md', '---\noutlet: Front Matter Wire\ntitle: Front title\n---\n\nTimestamp: March 23, 2026\n\nUsage rose.');
    file('side/story.meta.yaml', 'outlet: Sidecar Wire\npublished: 2026-03-20\nauthor: [Li Wei, Jane Doe]\n');
    const r = await readArticle(path);
    expect(r.meta.outlet).toEqual({ value: 'Sidecar Wire', origin: 'declared', how: 'sidecar story.meta.yaml' });
    expect(r.meta.published).toEqual({ value: '2026-03-20', origin: 'declared', how: 'sidecar story.meta.yaml' });
    expect(r.meta.author?.value).toBe('Li Wei, Jane Doe');
    expect(r.meta.title).toEqual({ value: 'Front title', origin: 'declared', how: 'front matter' });
  });
  it('options.declared wins over the sidecar', async () => {
    const path = file('side2/story.txt', 'Usage rose.');
    file('side2/story.meta.yaml', 'outlet: Sidecar Wire\n');
    const r = await readArticle(path, { declared: { outlet: 'Option Wire' } });
    expect(r.meta.outlet).toEqual({ value: 'Option Wire', origin: 'declared', how: 'declared' });
  });
  it('NAME.txt.meta.yaml is found too', () => {
    expect(sidecarCandidates('/a/story.txt')).toEqual(['/a/story.meta.yaml', '/a/story.meta.yml', '/a/story.txt.meta.yaml', '/a/story.txt.meta.yml']);
  });
  const bad: { name: string; yaml: string; reason: RegExp }[] = [
    { name: 'an unknown key', yaml: 'publised: 2026-03-20\n', reason: /^invalid metadata: .*publised/ },
    { name: 'a date that is not one', yaml: 'published: next week\n', reason: /^invalid metadata: published: not a date/ },
    { name: 'a URL that is not one', yaml: 'url: example.com\n', reason: /^invalid metadata: url: not an http\(s\) URL/ },
    { name: 'broken YAML', yaml: 'title: "open\n', reason: /^invalid YAML: / },
    { name: 'a list instead of a mapping', yaml: '- a\n- b\n', reason: /^invalid metadata: / },
  ];
  for (const c of bad) {
    it(`an invalid sidecar names the sidecar: ${c.name}`, async () => {
      const folder = `bad-${bad.indexOf(c)}`;
      const path = file(`${folder}/story.txt`, 'Usage rose.');
      const sidecar = file(`${folder}/story.meta.yaml`, c.yaml);
      const [where, why] = await reason(readArticle(path));
      expect(where).toBe(sidecar);
      expect(why).toMatch(c.reason);
    });
  }
  it('an invalid declared date names the article', async () => {
    const path = file('opt/story.txt', 'Usage rose.');
    expect(await reason(readArticle(path, { declared: { published: 'soon' } }))).toEqual([path, 'declared: published "soon" is not a date (expected YYYY-MM-DD)']);
  });
});

describe('listArticleFiles', () => {
  it('walks folders in sorted order, skipping dot files, sidecars and node_modules', () => {
    const root = join(dir, 'tree');
    for (const name of ['b.md', 'a.txt', 'sub/c.html', 'sub/d.htm', '.hidden.txt', '.git/x.txt', 'node_modules/m.txt', 'a.meta.yaml', 'notes.pdf', 'z.markdown']) {
      file(`tree/${name}`, 'Text.');
    }
    const { files, errors } = listArticleFiles([root]);
    expect(errors).toEqual([]);
    expect(files.map((f) => f.slice(root.length + 1))).toEqual(['a.txt', 'b.md', 'sub/c.html', 'sub/d.htm', 'z.markdown']);
  });
  it('keeps files named directly, once each', () => {
    const a = file('direct/a.txt', 'Text.');
    const pdf = file('direct/b.pdf', 'x');
    expect(listArticleFiles([a, pdf, a, join(dir, 'direct')]).files).toEqual([a, pdf]);
  });
  it('reports missing paths and folders without articles', () => {
    mkdirSync(join(dir, 'nothing/.git'), { recursive: true });
    file('nothing/readme.pdf', 'x');
    const { files, errors } = listArticleFiles([join(dir, 'gone'), join(dir, 'nothing')]);
    expect(files).toEqual([]);
    expect(errors.map((e) => [e.file, e.reason])).toEqual([
      [join(dir, 'gone'), 'no such file'],
      [join(dir, 'nothing'), 'no .txt, .md or .html files in folder'],
    ]);
  });
  it('survives a symbolic link loop', () => {
    file('loop/a.txt', 'Text.');
    symlinkSync(join(dir, 'loop'), join(dir, 'loop/again'));
    expect(listArticleFiles([join(dir, 'loop')]).files).toEqual([join(dir, 'loop/a.txt')]);
  });
});
