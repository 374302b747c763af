import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleSchema } from '../../src/store/schema.js';
import { SEEDS, claimtraceHere, tempDir } from './helpers.js';

let tmp: ReturnType<typeof tempDir>;
let db: string;
beforeAll(async () => {
  tmp = tempDir();
  db = join(tmp.dir, 'store.json');
  await claimtraceHere(['add', SEEDS, '--db', db]);
});
afterAll(() => tmp.cleanup());

describe('claimtrace articles', () => {
  it('--format json lists the records, each field with its origin', async () => {
    const r = await claimtraceHere(['articles', '--db', db, '--format', 'json']);
    expect(r.status).toBe(0);
    const records = articleSchema.array().parse(JSON.parse(r.stdout));
    expect(records).toHaveLength(5);
    const yicai = records.find((a) => a.path.endsWith('002_9c1f1b377c43c8ef.txt'))!;
    expect(yicai.outlet).toMatchObject({ value: 'Yicai', origin: 'inferred' });
    expect(yicai.outlet!.how).not.toBe('');
  });

  it('prints a Markdown table by default', async () => {
    const r = await claimtraceHere(['articles', '--db', db]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\| Article +\| File/);
    expect(r.stdout).toContain('Yicai (inferred: ');
  });

  it('an empty store holds no articles', async () => {
    const r = await claimtraceHere(['articles', '--db', join(tmp.dir, 'none.json'), '--format', 'json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });
});
