import { cpSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeSchema } from '../../src/store/schema.js';
import { SEEDS, claimtraceHere, tempDir } from './helpers.js';

let tmp: ReturnType<typeof tempDir>;
let db: string;
beforeEach(() => {
  tmp = tempDir();
  db = join(tmp.dir, 'store.json');
});
afterEach(() => tmp.cleanup());

const index = (file: string) => storeSchema.parse(JSON.parse(readFileSync(file, 'utf8')));

describe('claimtrace add', () => {
  it('adds the seeds, one line per file, paths relative to the working folder', async () => {
    const r = await claimtraceHere(['add', SEEDS, '--db', db]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    const added = r.lines.filter((l) => l.startsWith('added '));
    expect(added).toHaveLength(5);
    for (const line of added) expect(line).toMatch(/^added sources\/articles\/00\d_[0-9a-f]+\.txt \(a-[0-9a-f]{16}\): \d+ claims, \d+ sources$/);
    const data = index(db);
    expect(data.articles.map((a) => a.path).sort()).toEqual(readdirSync(SEEDS).sort().map((f) => `${SEEDS}/${f}`));
    expect(readdirSync(`${db}.d`)).toHaveLength(5);
  });

  it('re-adding the same files changes nothing, not even the index file', async () => {
    await claimtraceHere(['add', SEEDS, '--db', db]);
    const before = statSync(db).mtimeMs;
    const r = await claimtraceHere(['add', SEEDS, '--db', db]);
    expect(r.status).toBe(0);
    expect(r.lines.filter((l) => l.startsWith('unchanged '))).toHaveLength(5);
    expect(statSync(db).mtimeMs).toBe(before);
  });

  it('re-adding an edited file at the same path replaces its previous version', async () => {
    const file = join(tmp.dir, 'story.txt');
    writeFileSync(file, 'Port traffic rose 12% to 3.4 million containers in 2025, the Port Authority said.\n');
    await claimtraceHere(['add', file, '--db', db]);
    const [first] = index(db).articles;
    writeFileSync(file, 'Port traffic rose 14% to 3.5 million containers in 2025, the Port Authority said.\n');
    const r = await claimtraceHere(['add', file, '--db', db]);
    expect(r.status).toBe(0);
    expect(r.lines[0]).toMatch(new RegExp(`^replaced .*story\\.txt \\(a-[0-9a-f]{16}\\): .*\\(replaces ${first.id}\\)$`));
    const data = index(db);
    expect(data.articles).toHaveLength(1);
    expect(data.articles[0].id).not.toBe(first.id);
    expect(readdirSync(`${db}.d`)).toEqual([`${data.articles[0].id}.json`]);
  });

  it('records declared metadata with its origin', async () => {
    const file = join(tmp.dir, 'story.txt');
    writeFileSync(file, 'Port traffic rose 12% to 3.4 million containers in 2025, the Port Authority said.\n');
    const r = await claimtraceHere(['add', file, '--db', db, '--outlet', 'Coast Courier', '--published', '2026-01-15']);
    expect(r.status).toBe(0);
    const [article] = index(db).articles;
    expect(article.outlet).toMatchObject({ value: 'Coast Courier', origin: 'declared' });
    expect(article.published).toMatchObject({ value: '2026-01-15', origin: 'declared' });
  });

  it('the same bytes at a second path are held once', async () => {
    cpSync(`${SEEDS}/000_3eecd60057be17cf.txt`, join(tmp.dir, 'copy.txt'));
    await claimtraceHere(['add', `${SEEDS}/000_3eecd60057be17cf.txt`, '--db', db]);
    const r = await claimtraceHere(['add', join(tmp.dir, 'copy.txt'), '--db', db]);
    expect(r.lines[0]).toMatch(/^unchanged .*copy\.txt .*same content as sources\/articles\/000_3eecd60057be17cf\.txt$/);
    expect(index(db).articles).toHaveLength(1);
  });

  it('counts files "[n/total]" when adding more than 20', async () => {
    for (let i = 0; i < 22; i++) writeFileSync(join(tmp.dir, `s${i}.txt`), `Story ${i}: sales rose ${i + 1}% in March 2026.\n`);
    const r = await claimtraceHere(['add', tmp.dir, '--db', join(tmp.dir, 'db', 'store.json')]);
    expect(r.status).toBe(0);
    expect(r.lines.filter((l) => /^\[\d+\/22\] added /.test(l))).toHaveLength(22);
  });
});
