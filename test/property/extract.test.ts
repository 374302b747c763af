/**
 * Property tests of the extractors on any string: no crash; every mention's text is the input at
 * its offsets; every value is finite; every claim's quote is the file's text at start..end.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../src/extract/index.js';
import { findPeriods } from '../../src/extract/period.js';
import { findQuantities } from '../../src/extract/quantity.js';
import { readMarkdown } from '../../src/ingest/markdown.js';
import { readText } from '../../src/ingest/text.js';
import { RUNS, text } from './arbitraries.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

describe('extractors on any string', () => {
  it('findPeriods: mentions are the text at their offsets, intervals ordered', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(null, '2026-03-24', '2000-02-29'), (input, published) => {
        for (const p of findPeriods(input, { published })) {
          expect(input.slice(p.start, p.end)).toBe(p.text);
          if (p.from !== undefined || p.to !== undefined) {
            expect(p.from).toMatch(DAY);
            expect(p.to).toMatch(DAY);
            expect(p.from! <= p.to!).toBe(true);
          }
        }
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('findQuantities: mentions are the text at their offsets, values finite', () => {
    fc.assert(
      fc.property(text, (input) => {
        for (const q of findQuantities(input)) {
          expect(input.slice(q.start, q.end)).toBe(q.text);
          expect(Number.isFinite(q.value.min) && Number.isFinite(q.value.max)).toBe(true);
          expect(q.value.min).toBeLessThanOrEqual(q.value.max);
        }
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('extractClaims: each quote is the file at start..end; values finite', () => {
    fc.assert(
      fc.property(text, fc.boolean(), (source, markdown) => {
        const read = (markdown ? readMarkdown : readText)('x', source);
        for (const c of extractClaims(read, { articleId: 'a-0', published: '2026-03-24' })) {
          expect(source.slice(c.start, c.end)).toBe(c.quote);
          expect(c.line).toBeGreaterThanOrEqual(1);
          if (c.figure) expect(c.figure.start >= c.start && c.figure.end <= c.end).toBe(true);
          if (c.value) expect(Number.isFinite(c.value.min) && Number.isFinite(c.value.max)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
