import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportSchema } from '../../src/store/schema.js';
import { SEEDS, claimtraceHere, tempDir } from './helpers.js';

let tmp: ReturnType<typeof tempDir>;
let db: string;
beforeAll(async () => {
  tmp = tempDir();
  db = join(tmp.dir, 'store.json');
  await claimtraceHere(['add', SEEDS, '--db', db]);
});
afterAll(() => tmp.cleanup());

describe('claimtrace report', () => {
  it('writes the Markdown report and its timelines, byte-identical from one run to the next', async () => {
    const out = join(tmp.dir, 'report.md');
    const first = await claimtraceHere(['report', '--db', db, '--out', out]);
    expect(first.status).toBe(0);
    const md = readFileSync(out, 'utf8');
    const sections = md.split('\n').filter((l) => /^##? /.test(l));
    expect(sections).toEqual(['# claimtrace report', '## Summary', '## Changes since the last check', '## Discrepancies', '## Claim groups', '## Provenance', '## Single-source figures', '## Articles']);
    expect(md).toContain('`sources/articles/002_9c1f1b377c43c8ef.txt`');
    // The series of daily token usage is charted beside the report, linked relatively.
    const charts = readdirSync(join(tmp.dir, 'report-charts'));
    expect(charts.length).toBeGreaterThan(0);
    for (const chart of charts) {
      expect(md).toContain(`](report-charts/${chart})`);
      expect(readFileSync(join(tmp.dir, 'report-charts', chart), 'utf8')).toMatch(/^<svg[^]*>in conflict<\/text>/);
    }
    // From the second run on, nothing changed since the last check: the same store gives the same bytes.
    await claimtraceHere(['report', '--db', db, '--out', out]);
    const second = readFileSync(out, 'utf8');
    expect(second).toContain('Nothing changed since the last check.');
    await claimtraceHere(['report', '--db', db, '--out', out]);
    expect(readFileSync(out, 'utf8')).toBe(second);
    expect(readdirSync(join(tmp.dir, 'report-charts'))).toEqual(charts);
  });

  it('--format json --out - prints the contract report', async () => {
    const r = await claimtraceHere(['report', '--db', db, '--format', 'json', '--out', '-']);
    expect(r.status).toBe(0);
    expect(reportSchema.parse(JSON.parse(r.stdout)).articles).toHaveLength(5);
  });
});
