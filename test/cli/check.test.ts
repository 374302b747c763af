import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportSchema } from '../../src/store/schema.js';
import type { Report } from '../../src/store/schema.js';
import { ROOT, SEEDS, claimtraceHere, tempDir } from './helpers.js';

let tmp: ReturnType<typeof tempDir>;
let db: string;
beforeEach(() => {
  tmp = tempDir();
  db = join(tmp.dir, 'store.json');
});
afterEach(() => tmp.cleanup());

const byFile = (report: Report, prefix: string) => report.articles.find((a) => a.path.split('/').pop()!.startsWith(prefix));

describe('claimtrace check', () => {
  it('prints the contract report of the seeds on stdout, and nothing else', async () => {
    const defaultStore = join(ROOT, 'claims/claimtrace.json');
    const before = existsSync(defaultStore) ? readFileSync(defaultStore) : null;
    const r = await claimtraceHere(['check', SEEDS, '--db', db, '--format', 'json']);
    expect(r.status).toBe(0);
    const report = reportSchema.parse(JSON.parse(r.stdout));
    expect(report.version).toBe(1);
    expect(report.articles).toHaveLength(5);
    expect(report.articles.map((a) => a.path)).toEqual([...report.articles.map((a) => a.path)].sort());
    for (const a of report.articles) expect(a.id).toMatch(/^a-[0-9a-f]{16}$/);
    expect(byFile(report, '000')?.published).toBe('2026-03-23');
    expect(byFile(report, '002')).toMatchObject({ published: '2026-03-24', outlet: 'Yicai' });
    for (const c of report.claims) expect(report.articles.some((a) => a.id === c.article)).toBe(true);
    // --db given: the default store is not touched.
    expect(existsSync(defaultStore) ? readFileSync(defaultStore) : null).toEqual(before);
  });

  it('every claim quote sits at its offsets in the file as read', async () => {
    const r = await claimtraceHere(['check', SEEDS, '--db', db, '--format', 'json']);
    const report = reportSchema.parse(JSON.parse(r.stdout));
    for (const c of report.claims) {
      const article = report.articles.find((a) => a.id === c.article)!;
      const source = readFileSync(join(ROOT, article.path), 'utf8');
      expect(source.slice(c.start, c.end)).toBe(c.quote);
    }
  });

  it('works on an empty store and creates nothing in the working folder', async () => {
    const r = await claimtraceHere(['check', '--db', db, '--format', 'json'], { cwd: tmp.dir });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      version: 1,
      articles: [],
      claims: [],
      sources: [],
      groups: [],
      findings: [],
      provenance: { unknownOutlets: [], snapshots: [], withoutSnapshot: 0, snapshotErrors: [] },
    });
    expect(readdirSync(tmp.dir).filter((f) => !f.startsWith('store.json'))).toEqual([]);
  });

  it('gives the same report twice, byte for byte', async () => {
    const a = await claimtraceHere(['check', SEEDS, '--db', db, '--format', 'json']);
    const b = await claimtraceHere(['check', '--db', db, '--format', 'json']);
    expect(b.stdout).toBe(a.stdout);
  });

  it('--out FILE.md writes the Markdown report and nothing to stdout', async () => {
    const out = join(tmp.dir, 'reports', 'report.md');
    const r = await claimtraceHere(['check', SEEDS, '--db', db, '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    const md = readFileSync(out, 'utf8');
    expect(md).toMatch(/^# claimtrace report\n/);
    expect(md).toContain('## Summary');
    expect(md).toContain('Articles:** 5 from');
  });

  it('--fail-on info exits 1 exactly when there is a finding', async () => {
    const r = await claimtraceHere(['check', SEEDS, '--db', db, '--format', 'json', '--fail-on', 'info']);
    const report = reportSchema.parse(JSON.parse(r.stdout));
    expect(r.status).toBe(report.findings.some((f) => f.review.status !== 'dismissed') ? 1 : 0);
  });

  it('--fail-on error on an empty store exits 0', async () => {
    expect((await claimtraceHere(['check', '--db', db, '--format', 'json', '--fail-on', 'error'])).status).toBe(0);
  });
});
