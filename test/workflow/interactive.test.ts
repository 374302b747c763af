import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/store/schema.js';
import { checkStore } from '../../src/workflow/current.js';
import { reviewInteractively } from '../../src/workflow/interactive.js';
import type { Decision } from '../../src/workflow/review.js';
import { storyStore } from './story.js';

let dir: string;
let report: Report;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ct-interactive-'));
  report = (await checkStore(await storyStore(join(dir, 's.json')))).report;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Run the interactive review on scripted answers (`end`: close the input after them). */
async function session(answers: string[], end = true) {
  const input = new PassThrough();
  const output = new PassThrough();
  let shown = '';
  output.on('data', (b: Buffer) => (shown += b.toString()));
  const recorded: Array<[string, Decision]> = [];
  input.write(answers.map((a) => `${a}\n`).join(''));
  if (end) input.end();
  const result = await reviewInteractively({
    input,
    output,
    report,
    by: 'ed',
    record: async (id, d) => {
      if (d.status === 'dismissed' && d.reason === 'refuse me') throw new Error('store locked');
      recorded.push([id, d]);
    },
  });
  return { result, recorded, shown };
}

describe('reviewInteractively', () => {
  const cases: Array<{ name: string; answers: string[]; end?: boolean; result: object; statuses: Array<[number, string, string | null]> }> = [
    { name: 'dismiss with a reason, confirm, then quit', answers: ['d', 'same figure, other rounding', 'c', '', 'q'], result: { decided: 2, skipped: 0, stopped: 'quit' }, statuses: [[0, 'dismissed', 'same figure, other rounding'], [1, 'confirmed', null]] },
    { name: 'skip, note, then the input ends', answers: ['s', 'n', 'asked the NDA'], result: { decided: 1, skipped: 1, stopped: 'end-of-input' }, statuses: [[1, 'noted', 'asked the NDA']] },
    { name: 'an unknown key asks again', answers: ['x', 'yes', 'skip', 'q'], result: { decided: 0, skipped: 1, stopped: 'quit' }, statuses: [] },
    { name: 'a refused decision is asked again', answers: ['d', 'refuse me', 'd', 'ok now', 'q'], result: { decided: 1, skipped: 0, stopped: 'quit' }, statuses: [[0, 'dismissed', 'ok now']] },
    { name: 'the input ends in the middle of a dismissal', answers: ['d'], result: { decided: 0, skipped: 0, stopped: 'end-of-input' }, statuses: [] },
    { name: 'empty input', answers: [], result: { decided: 0, skipped: 0, stopped: 'end-of-input' }, statuses: [] },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const { result, recorded } = await session(c.answers, c.end);
    expect(result).toEqual(c.result);
    expect(recorded.map(([id, d]) => [report.findings.findIndex((f) => f.id === id), d.status, d.reason ?? null])).toEqual(c.statuses);
    for (const [, d] of recorded) expect(d.by).toBe('ed');
  });

  it('shows each finding with both quotes and their places, and the choices', async () => {
    const { shown } = await session(['q']);
    const first = report.findings[0];
    expect(shown).toContain(`[1/${report.findings.length}] ${first.id}  ${first.severity}  ${first.rule}  (open)`);
    expect(shown).toContain('  articles/a.txt:1:1\n    "The figure was 48-page."');
    expect(shown).toContain('  articles/d.txt:1:1\n    "The figure was 47-page."');
    expect(shown).toContain('[c]onfirm  [d]ismiss  [n]ote  [s]kip  [q]uit > ');
  });

  it('goes through every finding and says it is done', async () => {
    const { result } = await session(report.findings.map(() => 's'));
    expect(result).toEqual({ decided: 0, skipped: report.findings.length, stopped: 'done' });
  });
});
