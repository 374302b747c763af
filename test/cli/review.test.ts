import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/store/schema.js';
import type { ReviewRow } from '../../src/workflow/status.js';
import { ROOT, SEEDS, claimtrace, claimtraceHere, tempDir } from './helpers.js';

let dir: string;
let cleanup: () => void;
let report: Report;
// In this process, except the interactive mode: it reads standard input, which a process of its own gets.
const run = (args: string[], input?: string) =>
  args.includes('-i') || args.includes('--interactive') ? claimtrace([...args, '--db', 'store.json'], { cwd: dir, input }) : claimtraceHere([...args, '--db', 'store.json'], { cwd: dir });

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('ct-review-cli-'));
  cpSync(join(ROOT, SEEDS), join(dir, 'sources/articles'), { recursive: true });
  report = JSON.parse((await run(['check', 'sources/articles', '--format', 'json'])).stdout) as Report;
}, 60_000);
afterAll(() => cleanup());

describe('claimtrace review', { timeout: 60_000 }, () => {
  const wrong: Array<[string[], RegExp]> = [
    [['review', '--dismiss', '--reason', 'x'], /^claimtrace review: a decision needs the FINDING it is about\./],
    [['review', 'f-1', '--dismiss'], /^claimtrace review: --dismiss needs --reason "why it is not an error"\./],
    [['review', 'f-1', '--confirm', '--dismiss', '--reason', 'x'], /^claimtrace review: give one of --confirm, --dismiss, --note, --reopen\./],
    [['review', 'f-1', 'f-2'], /^claimtrace review: one FINDING at a time, not 2\./],
    [['review', '--status', 'closed'], /^claimtrace review: --status must be one of open, confirmed, dismissed, noted, resolved, not 'closed'\./],
    [['review', 'f-0000000', '--confirm'], /^claimtrace review: no finding 'f-0000000' in the last check/],
    [['review', '-i', 'f-1'], /^claimtrace review: --interactive takes no FINDING and no decision flag\./],
  ];
  it.each(wrong)('%j → exit 2 with one line', async (args, message) => {
    const r = await run(args);
    expect(r.status).toBe(2);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('lists every finding with its status, as JSON', async () => {
    const r = await run(['review', '--format', 'json']);
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout) as ReviewRow[];
    expect(rows.map((x) => x.id)).toEqual(report.findings.map((f) => f.id));
    expect(rows[0]).toEqual({
      id: report.findings[0].id,
      status: 'open',
      severity: report.findings[0].severity,
      rule: report.findings[0].rule,
      message: report.findings[0].message,
      articles: report.findings[0].articles.map((id) => report.articles.find((a) => a.id === id)!.path),
      by: null,
      at: null,
      reason: null,
      why: null,
    });
  });

  it('shows one finding with the quotes behind it', async () => {
    const f = report.findings[0];
    const r = await run(['review', f.id]);
    expect(r.status).toBe(0);
    for (const id of f.claims) {
      const c = report.claims.find((x) => x.id === id)!;
      const path = report.articles.find((a) => a.id === c.article)!.path;
      expect(r.stdout).toContain(`  ${path}:${c.line}:${c.column}\n`);
    }
  });

  it('interactive on piped answers: records the decisions, stops at the end of input', async () => {
    const r = await run(['review', '--interactive', '--by', 'ed'], 'd\nsame figure, other rounding\ns\nn\nasked the outlet\n');
    expect(r.status).toBe(0);
    expect(r.lines[r.lines.length - 1]).toBe('claimtrace: 2 decided, 1 skipped (end of input)');
    const rows = JSON.parse((await run(['review', '--format', 'json'])).stdout) as ReviewRow[];
    const open = report.findings.map((f) => f.id);
    expect(rows.find((x) => x.id === open[0])).toMatchObject({ status: 'dismissed', by: 'ed', reason: 'same figure, other rounding' });
    expect(rows.find((x) => x.id === open[1])).toMatchObject({ status: 'open' });
    expect(rows.find((x) => x.id === open[2])).toMatchObject({ status: 'noted', by: 'ed', reason: 'asked the outlet' });
  });

  it('interactive with nothing on stdin: does not hang', async () => {
    const r = await run(['review', '-i']);
    expect(r.status).toBe(0);
    expect(r.lines[r.lines.length - 1]).toBe('claimtrace: 0 decided, 0 skipped (end of input)');
  });

  it('--reopen puts a decision back to open', async () => {
    const id = report.findings[0].id;
    expect((await run(['review', id, '--reopen', '--by', 'ed'])).lines).toEqual([`claimtrace: ${id} open by ed (was dismissed)`]);
    const rows = JSON.parse((await run(['review', '--status', 'open', '--format', 'json'])).stdout) as ReviewRow[];
    expect(rows.map((x) => x.id)).toContain(id);
  });
});
