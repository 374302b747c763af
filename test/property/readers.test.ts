/**
 * Property tests of the readers (plain text, Markdown, HTML) on any string: they never throw, and
 * every exact run of the plain text is the source file's text at its place, so positions reported
 * later point at what the file holds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readHtml } from '../../src/ingest/html.js';
import { readMarkdown } from '../../src/ingest/markdown.js';
import { readText } from '../../src/ingest/text.js';
import type { ReadResult } from '../../src/ingest/types.js';
import { RUNS, text } from './arbitraries.js';

const READERS: Array<[string, (path: string, source: string) => ReadResult]> = [
  ['readText', readText],
  ['readMarkdown', readMarkdown],
  ['readHtml', readHtml],
];

/** What must hold of any reading of `source`. */
function checkReading(source: string, r: ReadResult): void {
  expect(r.source).toBe(source);
  for (const run of r.runs) {
    expect(run.plainStart + run.length).toBeLessThanOrEqual(r.text.length);
    expect(run.sourceStart + run.sourceLength).toBeLessThanOrEqual(source.length);
    if (run.exact) expect(r.text.slice(run.plainStart, run.plainStart + run.length)).toBe(source.slice(run.sourceStart, run.sourceStart + run.length));
  }
  let last = 0;
  for (const s of r.sentences) {
    expect(s.start).toBeGreaterThanOrEqual(last);
    expect(s.end).toBeGreaterThanOrEqual(s.start);
    expect(s.end).toBeLessThanOrEqual(r.text.length);
    last = s.end;
  }
  for (const b of r.blocks) expect(0 <= b.start && b.start <= b.end && b.end <= r.text.length).toBe(true);
}

describe('readers on any string', () => {
  for (const [name, reader] of READERS) {
    it(`${name}: never throws; exact runs are the file's text`, () => {
      fc.assert(
        fc.property(text, (source) => checkReading(source, reader('x', source))),
        { numRuns: RUNS },
      );
    }, 120_000);
  }
});
