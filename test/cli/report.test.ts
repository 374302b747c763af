import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportSchema } from '../../src/store/schema.js';
import { SEEDS, claimtrace, tempDir } from './helpers.js';

let tmp: ReturnType<typeof tempDir>;
let db: string;
beforeAll(async () => {
  tmp = tempDir();
  db = join(tmp.dir, 'store.json');
  await claimtrace(['add', SEEDS, '--db', db]);
});
afterAll(() => tmp.cleanup());

describe('claimtrace report', () => {
  it('writes the Markdown report, byte-identical on a second run', async () => {
    const out = join(tmp.dir, 'report.md');
    const first = await claimtrace(['report', '--db', db, '--out', out]);
    expect(first.status).toBe(0);
    const md = readFileSync(out, 'utf8');
    for (const heading of ['# claimtrace report', '## Summary', '## Discrepancies', '## Claim groups', '## Articles']) {
      expect(md).toContain(`${heading}\n`);
    }
    expect(md).toContain('`sources/articles/002_9c1f1b377c43c8ef.txt`');
    await claimtrace(['report', '--db', db, '--out', out]);
    expect(readFileSync(out, 'utf8')).toBe(md);
  });

  it('--format json --out - prints the contract report', async () => {
    const r = await claimtrace(['report', '--db', db, '--format', 'json', '--out', '-']);
    expect(r.status).toBe(0);
    expect(reportSchema.parse(JSON.parse(r.stdout)).articles).toHaveLength(5);
  });
});
