import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeSchema } from '../../src/store/schema.js';
import { SEEDS, claimtrace, claimtraceHere, tempDir } from './helpers.js';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir('ct-bad-');
});
afterAll(() => tmp.cleanup());

const GOOD = 'Port traffic rose 12% to 3.4 million containers in 2025, the Port Authority said on Tuesday.\n';

/** Write an input under the temp folder and return its path. */
function input(name: string, content: string | Buffer): string {
  const path = join(tmp.dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
}

// Each unreadable input: exit 2, exactly one stderr line naming the file, with the reason.
const unreadable: Array<{ name: string; make: () => string; reason: RegExp }> = [
  { name: 'missing file', make: () => join(tmp.dir, 'nope.txt'), reason: /: no such file$/ },
  {
    name: 'folder without articles',
    make: () => {
      input('pdfs/a.pdf', '%PDF-1.4');
      input('pdfs/b.docx', 'PK');
      return join(tmp.dir, 'pdfs');
    },
    reason: /no \.txt, \.md or \.html files in folder/,
  },
  { name: 'unsupported file type', make: () => input('x.pdf', '%PDF-1.4\n'), reason: /unsupported file type \.pdf/ },
  { name: 'binary', make: () => input('bin.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0, 1, 2, 3, 4, 5, 0, 0])), reason: /binary/ },
  { name: 'empty', make: () => input('empty.txt', ''), reason: /empty/ },
  { name: 'blank', make: () => input('blank.md', '\n  \n\t\n'), reason: /empty/ },
  { name: 'invalid UTF-8', make: () => input('latin1.txt', Buffer.from('Caf\xe9 prices rose 5% in May.\n', 'latin1')), reason: /invalid UTF-8 at byte 3/ },
  { name: 'more lines than any article', make: () => input('lines.txt', `Headline\n${'4%\n'.repeat(250_001)}`), reason: /too many lines: 250,003 \(the limit is 250,000/ },
  { name: 'HTML without any text', make: () => input('hollow.html', '<html><head><script>var x = 1;</script></head><body></body></html>'), reason: /.+/ },
];

describe('claimtrace add: bad inputs', () => {
  for (const c of unreadable) {
    it(`${c.name}: one line naming the file and the reason, exit 2`, async () => {
      const path = c.make();
      const db = join(tmp.dir, `${c.name.replace(/\W+/g, '-')}.json`);
      const r = await claimtraceHere(['add', path, '--db', db]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      const naming = r.lines.filter((l) => l.startsWith('claimtrace: ') && l.includes(path));
      expect(naming).toHaveLength(1);
      expect(naming[0]).toMatch(c.reason);
    });
  }

  it('readable inputs still go through beside bad ones', async () => {
    const db = join(tmp.dir, 'mixed.json');
    const good = input('mixed/good.txt', GOOD);
    const bad = input('mixed/bad.txt', '');
    const r = await claimtraceHere(['add', good, bad, '--db', db]);
    expect(r.status).toBe(2);
    expect(r.lines.filter((l) => l.includes(bad))).toHaveLength(1);
    expect(storeSchema.parse(JSON.parse(readFileSync(db, 'utf8'))).articles.map((a) => a.path)).toEqual([good]);
  });

  it('check reports the readable inputs and names the bad one, exit 2', async () => {
    const good = input('check/good.txt', GOOD);
    const bad = input('check/bad.txt', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]));
    // The contract's exit status, from the built CLI in a process of its own.
    const r = await claimtrace(['check', good, bad, '--db', join(tmp.dir, 'check.json'), '--format', 'json']);
    expect(r.status).toBe(2);
    expect(r.lines.filter((l) => l.includes(bad))).toEqual([`claimtrace: ${bad}: binary file (NUL bytes)`]);
    expect(JSON.parse(r.stdout).articles.map((a: { path: string }) => a.path)).toEqual([good]);
  });

  it('UTF-16 with a byte order mark is readable', async () => {
    const path = input('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GOOD, 'utf16le')]));
    const r = await claimtraceHere(['add', path, '--db', join(tmp.dir, 'utf16.json')]);
    expect(r.status).toBe(0);
    expect(r.lines[0]).toMatch(/^added .*utf16\.txt/);
  });

  it('broken (unclosed) HTML is still read', async () => {
    const path = input('broken.html', `<html><body><article><h1>Port traffic</h1><p>${GOOD}<p>More to come<div>`);
    const r = await claimtraceHere(['add', path, '--db', join(tmp.dir, 'broken.json')]);
    expect(r.status).toBe(0);
    expect(r.lines[0]).toMatch(/^added .*broken\.html/);
  });

  it('a 50 MB file is rejected as too large, quickly', async () => {
    const path = join(tmp.dir, 'huge.txt');
    const handle = await open(path, 'w');
    const chunk = Buffer.from(GOOD.repeat(Math.ceil((1 << 20) / GOOD.length)).slice(0, 1 << 20));
    for (let i = 0; i < 50; i++) await handle.write(chunk);
    await handle.close();
    expect(statSync(path).size).toBe(50 << 20);
    const started = Date.now();
    const r = await claimtraceHere(['add', path, '--db', join(tmp.dir, 'huge.json')]);
    expect(r.status).toBe(2);
    expect(r.lines.filter((l) => l.includes(path))).toHaveLength(1);
    expect(r.lines.find((l) => l.includes(path))).toMatch(/too large/);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('a corrupt store: the error names it, the file is untouched, exit 2', async () => {
    const db = input('corrupt/store.json', '{"schema":1,"articles":[');
    for (const args of [['add', `${SEEDS}/000_3eecd60057be17cf.txt`], ['check', '--format', 'json'], ['articles'], ['report', '--out', '-']]) {
      const r = await claimtraceHere([...args, '--db', db]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.lines).toHaveLength(1);
      expect(r.lines[0]).toMatch(new RegExp(`^claimtrace: ${db.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not valid JSON .*claimtrace doctor --db`));
      expect(readFileSync(db, 'utf8')).toBe('{"schema":1,"articles":[');
    }
  });
});
