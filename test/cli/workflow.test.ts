/**
 * The editor's workflow end to end over the CLI, on the seeds (issue 7, "Done when"): add 000–003,
 * check, dismiss a finding; add 004: the series conflict appears as new, the dismissed finding stays
 * dismissed; edit 004 to read "100 billion in early 2024": the series conflict is reported resolved;
 * rebuild the store from scratch from the same files: every decision is still attached.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/store/schema.js';
import { ROOT, SEEDS, claimtraceHere, tempDir } from './helpers.js';

const FOUR = 'sources/articles/004_4d2e783a8882e3a3.txt';
const FIRST = ['000_3eecd60057be17cf.txt', '001_ed238e00289bd11f.txt', '002_9c1f1b377c43c8ef.txt', '003_2a34b782f9449a9c.txt'].map((f) => `sources/articles/${f}`);

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = tempDir('ct-workflow-'));
  cpSync(join(ROOT, SEEDS), join(dir, 'sources/articles'), { recursive: true });
});
afterAll(() => cleanup());

const run = (args: string[]) => claimtraceHere([...args, '--db', 'claims/store.json'], { cwd: dir });
const checkJson = async (): Promise<Report> => {
  const r = await run(['check', '--format', 'json']);
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Report;
};

describe('editor workflow on the seeds', { timeout: 120_000 }, () => {
  let dismissed: string;
  let series: string;

  it('add 000–003, check, dismiss one finding', async () => {
    // Which findings 004 leaves alone: check all five in a scratch store first.
    const all = await claimtraceHere(['check', 'sources/articles', '--db', 'scratch/all.json', '--format', 'json'], { cwd: dir });
    expect(all.status, all.stderr).toBe(0);
    const untouched = new Map((JSON.parse(all.stdout) as Report).findings.map((f) => [f.id, f.evidence]));

    const added = await run(['add', ...FIRST]);
    expect(added.status).toBe(0);
    expect(added.lines).toContainEqual(expect.stringMatching(/^changes: first check of this store \(4 articles, \d+ findings\)$/));
    const report = await checkJson();
    const pick = report.findings.find((f) => f.rule !== 'single-source' && untouched.get(f.id) === f.evidence) ?? report.findings.find((f) => untouched.get(f.id) === f.evidence);
    expect(pick, 'a finding 004 does not touch').toBeDefined();
    dismissed = pick!.id;
    const r = await run(['review', dismissed.slice(0, 8), '--dismiss', '--reason', 'explained by the ministry', '--by', 'J. Chen']);
    expect(r.status).toBe(0);
    expect(r.lines).toEqual([`claimtrace: ${dismissed} dismissed by J. Chen: explained by the ministry (was open)`]);
    const after = (await checkJson()).findings.find((f) => f.id === dismissed)!;
    expect(after.review).toEqual({ status: 'dismissed', by: 'J. Chen', at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), reason: 'explained by the ministry' });
  });

  it('add 004: the series conflict appears as new, the dismissed finding stays dismissed', async () => {
    const r = await run(['add', FOUR]);
    expect(r.status).toBe(0);
    expect(r.lines).toContain(`  articles added: ${FOUR}`);
    const line = r.lines.find((l) => /^ {2}new finding f-\w+ warning series-conflict: 004_4d2e783a8882e3a3\.txt .*'1 trillion'/.test(l));
    expect(line, r.stderr).toBeDefined();
    series = /new finding (f-\w+)/.exec(line!)![1];
    const report = await checkJson();
    expect(report.findings.find((f) => f.id === series)!.review.status).toBe('open');
    expect(report.findings.find((f) => f.id === dismissed)!.review).toMatchObject({ status: 'dismissed', by: 'J. Chen', reason: 'explained by the ministry' });
    expect((await run(['review', series, '--confirm', '--by', 'J. Chen'])).status).toBe(0);
  });

  it('edit 004 to read "100 billion in early 2024": the series conflict is reported resolved', async () => {
    const file = join(dir, FOUR);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('1 trillion in early 2025');
    writeFileSync(file, text.replace('1 trillion in early 2025', '100 billion in early 2024'));
    const r = await run(['add', FOUR]);
    expect(r.status).toBe(0);
    expect(r.lines).toContain(`  articles edited: ${FOUR}`);
    expect(r.lines).toContainEqual(expect.stringMatching(new RegExp(`^ {2}resolved finding ${series} warning series-conflict(?: \\[confirmed\\])?: .*\\(${FOUR.replace(/\./g, '\\.')} was edited: the claims it rested on no longer disagree\\)$`)));
    const listed = await run(['review', '--status', 'resolved', '--format', 'json']);
    expect(JSON.parse(listed.stdout)).toContainEqual(expect.objectContaining({ id: series, status: 'resolved', rule: 'series-conflict' }));
    // The JSON report keeps the decided finding, after the current ones, with its decision and why it went.
    const report = await checkJson();
    const resolved = report.findings.find((f) => f.id === series) as Report['findings'][number] & { resolved?: { at: string; why: string } };
    expect(resolved).toMatchObject({ rule: 'series-conflict', claims: [], review: { status: 'confirmed', by: 'J. Chen' }, resolved: { why: expect.stringContaining('was edited') } });
    expect(report.findings.indexOf(resolved)).toBe(report.findings.length - 1);
  });

  it('rebuild the store from scratch from the same files: every decision is still attached', async () => {
    const note = (await checkJson()).findings.find((f) => f.id !== dismissed && f.review.status === 'open')!;
    expect((await run(['review', note.id, '--note', 'asked the outlet', '--by', 'A. Ortiz'])).status).toBe(0);
    const before = (await checkJson()).findings.map((f) => [f.id, f.review]);
    rmSync(join(dir, 'claims/store.json.d'), { recursive: true }); // every claim gone: only the decisions are left
    const r = await run(['add', '--rebuild', 'sources/articles']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.lines).toContain("claimtrace: rebuilt claims/store.json: 5 articles, 0 dropped; editors' decisions kept");
    const after = await checkJson();
    expect(after.findings.map((f) => [f.id, f.review])).toEqual(before);
    expect(after.findings.find((f) => f.id === dismissed)!.review).toMatchObject({ status: 'dismissed', by: 'J. Chen' });
    expect(after.findings.find((f) => f.id === note.id)!.review).toMatchObject({ status: 'noted', by: 'A. Ortiz', reason: 'asked the outlet' });
    const doctor = await run(['doctor']);
    expect(doctor.status).toBe(0);
  });

  it('the index deleted, or the whole folder lost and the export imported: every decision is still attached', async () => {
    // Decisions on current findings (the list of resolved findings lives in the index, and goes with it).
    const decided = async (): Promise<unknown[]> => (await checkJson()).findings.filter((f) => f.review.status !== 'open' && f.claims.length > 0).map((f) => [f.id, f.review]);
    const before = await decided();
    expect(before.length).toBeGreaterThanOrEqual(2);
    expect((await run(['review', '--export', 'decisions.json'])).lines).toEqual([expect.stringMatching(/^claimtrace: \d+ decisions on \d+ findings exported to decisions\.json$/)]);
    for (const f of ['store.json', 'store.json.bak', 'store.json.d', 'store.json.last-check.json']) rmSync(join(dir, 'claims', f), { recursive: true, force: true });
    expect((await run(['add', 'sources/articles'])).status).toBe(0);
    expect(await decided()).toEqual(before);

    rmSync(join(dir, 'claims'), { recursive: true });
    expect((await run(['add', 'sources/articles'])).status).toBe(0);
    expect(await decided()).toEqual([]);
    const imported = await run(['review', '--import', 'decisions.json']);
    expect(imported.lines).toEqual([expect.stringMatching(/^claimtrace: (\d+) decisions read from decisions\.json, \1 new$/)]);
    expect(await decided()).toEqual(before);
    const again = await run(['review', '--import', 'decisions.json']);
    expect(again.lines).toEqual([expect.stringMatching(/, 0 new$/)]);
    writeFileSync(join(dir, 'bad.json'), '{"claimtrace": "decisions", "version": 2, "reviews": {}}');
    const bad = await run(['review', '--import', 'bad.json']);
    expect(bad.status).toBe(2);
    expect(bad.lines).toEqual([expect.stringMatching(/^claimtrace: bad\.json: .*version/)]);
  });
});
