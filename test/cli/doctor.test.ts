import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { storeSchema } from '../../src/store/schema.js';
import { SEEDS, claimtraceHere, tempDir } from './helpers.js';

// Every test starts from a copy of one store of two articles, added one at a time (so store.json.bak
// holds one article); doctor runs in this process (its own process is tested by test/faults).
let base: ReturnType<typeof tempDir>;
let tmp: ReturnType<typeof tempDir>;
let db: string;
beforeAll(async () => {
  base = tempDir();
  const baseDb = join(base.dir, 'store.json');
  await claimtraceHere(['add', `${SEEDS}/000_3eecd60057be17cf.txt`, '--db', baseDb, '--skip-check']);
  await claimtraceHere(['add', `${SEEDS}/001_ed238e00289bd11f.txt`, '--db', baseDb, '--skip-check']);
});
afterAll(() => base.cleanup());
beforeEach(() => {
  tmp = tempDir();
  cpSync(base.dir, tmp.dir, { recursive: true });
  db = join(tmp.dir, 'store.json');
});
afterEach(() => tmp.cleanup());

describe('claimtrace doctor', () => {
  it('a healthy store: ok, exit 0', async () => {
    const r = await claimtraceHere(['doctor', '--db', db]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('2 articles, 2 shards readable');
    expect(r.stdout.trim().split('\n').pop()).toBe(`${db}: ok`);
  });

  it('restores a corrupt index from FILE.bak and keeps the broken file aside', async () => {
    writeFileSync(db, '{"schema":1,"articles":[{"id":');
    const r = await claimtraceHere(['doctor', '--db', db]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`restored ${db} from ${db}.bak`);
    expect(storeSchema.parse(JSON.parse(readFileSync(db, 'utf8'))).articles).toHaveLength(1);
    const aside = readdirSync(tmp.dir).filter((f) => f.startsWith('store.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(tmp.dir, aside[0]), 'utf8')).toBe('{"schema":1,"articles":[{"id":');
    // The shard of the article added after the copy is not in the restored index (new, so left alone).
    expect(r.stdout).toMatch(/left alone shard .*\.json/);
  });

  it('cannot restore without a good copy: says so, leaves both files, exit 2', async () => {
    writeFileSync(db, 'garbage');
    writeFileSync(`${db}.bak`, 'garbage too');
    const r = await claimtraceHere(['doctor', '--db', db]);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('cannot restore');
    expect(readFileSync(db, 'utf8')).toBe('garbage');
  });

  it('sets a corrupt last-check file aside; the next check writes it again', async () => {
    writeFileSync(`${db}.last-check.json`, '{"schema":1,"lastCheck":{"findings":');
    const check = await claimtraceHere(['check', '--db', db, '--format', 'json']);
    expect(check.stderr).toContain(`${db}.last-check.json: not valid JSON`);
    const r = await claimtraceHere(['doctor', '--db', db]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`kept the broken file as ${db}.last-check.json.corrupt-`);
    expect(existsSync(`${db}.last-check.json`)).toBe(false);
    expect((await claimtraceHere(['check', '--db', db, '--format', 'json'])).status).toBe(0);
    expect(JSON.parse(readFileSync(`${db}.last-check.json`, 'utf8')).lastCheck.findings).toBeInstanceOf(Array);
  });

  it('a corrupt decisions file: restored from its .bak when that parses, else set aside and written again from the index', async () => {
    const report = JSON.parse((await claimtraceHere(['check', '--db', db, '--format', 'json'])).stdout);
    const first: string = report.findings[0].id;
    expect((await claimtraceHere(['review', first, '--confirm', '--by', 'ed', '--db', db])).status).toBe(0);
    expect((await claimtraceHere(['review', first, '--note', 'asked the bureau', '--by', 'ed', '--db', db])).status).toBe(0);
    const decisions = `${db}.decisions.json`;
    // With a good .bak (the file before the note): restored from it.
    writeFileSync(decisions, '{"claimtrace":"decisions","reviews":{');
    let r = await claimtraceHere(['doctor', '--db', db]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`kept the broken file as ${decisions}.corrupt-`);
    expect(r.stdout).toContain(`restored ${decisions} from ${decisions}.bak`);
    expect(Object.keys(JSON.parse(readFileSync(decisions, 'utf8')).reviews)).toContain(first);
    // Without one: set aside, and the next check writes the decision back from the index.
    writeFileSync(decisions, 'garbage');
    writeFileSync(`${decisions}.bak`, 'garbage too');
    r = await claimtraceHere(['doctor', '--db', db]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('the next check writes the decisions the index holds back to it');
    expect(existsSync(decisions)).toBe(false);
    expect((await claimtraceHere(['check', '--db', db, '--format', 'json'])).status).toBe(0);
    expect(Object.keys(JSON.parse(readFileSync(decisions, 'utf8')).reviews)).toEqual([first]);
  });

  it('removes a stale lock', async () => {
    const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
    writeFileSync(`${db}.lock`, JSON.stringify({ pid: dead, host: hostname(), time: '2026-01-01T00:00:00Z', token: 'x' }));
    const r = await claimtraceHere(['doctor', '--db', db]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`removed a stale lock ${db}.lock (pid ${dead} is gone)`);
    expect(existsSync(`${db}.lock`)).toBe(false);
  });

  it('lists orphan shards and dead writers\' temp files; --fix deletes them', async () => {
    const orphan = join(`${db}.d`, 'a-00000000000000ff.json');
    const temp = join(`${db}.d`, '.a-00000000000000ff.json.999999999.0123abcd.tmp');
    writeFileSync(orphan, '{}');
    writeFileSync(temp, '{');
    const young = join(`${db}.d`, 'a-00000000000000aa.json');
    writeFileSync(young, '{}');
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(orphan, hourAgo, hourAgo);
    const listed = await claimtraceHere(['doctor', '--db', db]);
    expect(listed.status).toBe(0);
    expect(listed.stdout).toContain(`found orphan shard ${orphan}`);
    expect(listed.stdout).toContain(`found temp file ${temp}`);
    expect(existsSync(orphan)).toBe(true);
    const fixed = await claimtraceHere(['doctor', '--db', db, '--fix']);
    expect(fixed.status).toBe(0);
    expect(fixed.stdout).toContain(`deleted orphan shard ${orphan}`);
    expect(existsSync(orphan) || existsSync(temp)).toBe(false);
    expect(fixed.stdout).toContain(`left alone shard ${young}`);
    expect(existsSync(young)).toBe(true);
  });

  it('a missing shard is a problem; --fix drops its entry so the store works again', async () => {
    const [first] = storeSchema.parse(JSON.parse(readFileSync(db, 'utf8'))).articles;
    const shard = join(`${db}.d`, `${first.id}.json`);
    writeFileSync(shard, '{"schema":1}');
    const r = await claimtraceHere(['doctor', '--db', db]);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain(shard);
    const fixed = await claimtraceHere(['doctor', '--db', db, '--fix']);
    expect(fixed.status).toBe(0);
    expect(fixed.stdout).toContain(`removed ${first.id} from the index: add ${first.path} again`);
  });
});
