import { describe, expect, it } from 'vitest';
import { inferYear, parseDateText } from '../../src/ingest/date.js';

const cases: { text: string; yearHint?: number; expected: string | null }[] = [
  { text: 'March 23, 2026 at 03:50 PM', expected: '2026-03-23' },
  { text: 'Timestamp: March 23, 2026 at 03:50 PM', expected: '2026-03-23' },
  { text: '2026-03-23T10:00:00+08:00', expected: '2026-03-23' },
  { text: '2026-03-23T23:30:00Z', expected: '2026-03-23' },
  { text: '2026-03-23', expected: '2026-03-23' },
  { text: 'Mar 24, 2026', expected: '2026-03-24' },
  { text: 'Mar. 24, 2026', expected: '2026-03-24' },
  { text: 'Sept. 11, 2001', expected: '2001-09-11' },
  { text: 'Monday, March 23rd, 2026', expected: '2026-03-23' },
  { text: '24 March 2026', expected: '2026-03-24' },
  { text: '24th of March, 2026', expected: '2026-03-24' },
  { text: 'Tue, 24 Mar 2026 08:00:00 +0800', expected: '2026-03-24' },
  { text: '24-Mar-2026', expected: '2026-03-24' },
  { text: '2026/03/24', expected: '2026-03-24' },
  { text: '2026.03.24', expected: '2026-03-24' },
  { text: '20260324', expected: '2026-03-24' },
  { text: '2026年3月24日', expected: '2026-03-24' },
  { text: '24/03/2026', expected: '2026-03-24' },
  { text: '03/24/2026', expected: '2026-03-24' },
  { text: '03/04/2026', expected: null },
  { text: 'Updated: 12 October 2012, published 2012-10-11', expected: '2012-10-12' },
  { text: 'March 24', expected: null },
  { text: 'March 24', yearHint: 2026, expected: '2026-03-24' },
  { text: '(Yicai) March 24 --', yearHint: 2026, expected: '2026-03-24' },
  { text: 'March 2026', expected: null },
  { text: 'February 30, 2026', expected: null },
  { text: 'February 29, 2024', expected: '2024-02-29' },
  { text: '2026-13-01', expected: null },
  { text: 'yesterday', expected: null },
  { text: '', expected: null },
];

describe('parseDateText', () => {
  for (const c of cases) {
    it(`${JSON.stringify(c.text)}${c.yearHint ? ` (year hint ${c.yearHint})` : ''}`, () => {
      expect(parseDateText(c.text, c.yearHint === undefined ? {} : { yearHint: c.yearHint })).toBe(c.expected);
    });
  }
});

describe('inferYear', () => {
  it('prefers a full date with the same month and day', () => {
    expect(inferYear('Speaking on March 24, 2025, he said growth in 2026 would be fast.', 3, 24)).toMatchObject({ year: 2025, rule: 'a full date' });
  });
  it("reads 'this year' next to a year", () => {
    expect(inferYear('It grew in 2024. This year’s target, set for 2026, is higher.', 3, 24)).toMatchObject({ year: 2026 });
  });
  it('reads the month with a year', () => {
    expect(inferYear('Usage passed 140 trillion in March 2026, up from 2024.', 3, 24)).toMatchObject({ year: 2026, rule: 'the month with a year' });
  });
  it('falls back to the latest year mentioned, leaving out targets', () => {
    const inferred = inferYear('From the start of 2024 it grew. 2026 marks the start of the plan. The goal is reached by 2030.', 3, 24);
    expect(inferred).toMatchObject({ year: 2026, rule: 'the latest year mentioned' });
    expect(inferred?.evidence).toContain('2026 marks the start');
  });
  it('ignores numbers that are not years', () => {
    expect(inferYear('It rose 2025 percent to $2030 and 1,2026 units.', 3, 24)).toBeNull();
  });
  it('gives nothing when no year is written', () => {
    expect(inferYear('Usage grew fast this month.', 3, 24)).toBeNull();
  });
});
