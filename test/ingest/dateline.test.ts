import { describe, expect, it } from 'vitest';
import { datelineAtStart, datelineInside } from '../../src/ingest/dateline.js';

describe('datelineAtStart', () => {
  const cases: { line: string; expected: { text: string; outlet: string | null; city: string | null; month: number | null; day: number | null; year: number | null } | null }[] = [
    { line: '(Yicai) March 24 -- China’s use of AI is increasing.', expected: { text: '(Yicai) March 24 --', outlet: 'Yicai', city: null, month: 3, day: 24, year: null } },
    { line: 'BEIJING, March 24 (Reuters) - China said on Tuesday…', expected: { text: 'BEIJING, March 24 (Reuters) -', outlet: 'Reuters', city: 'BEIJING', month: 3, day: 24, year: null } },
    { line: 'WASHINGTON (AP) — The Senate voted.', expected: { text: 'WASHINGTON (AP) —', outlet: 'AP', city: 'WASHINGTON', month: null, day: null, year: null } },
    { line: 'SAN FRANCISCO, Calif., Oct. 12, 2012 (AP) — A quake struck.', expected: { text: 'SAN FRANCISCO, Calif., Oct. 12, 2012 (AP) —', outlet: 'AP', city: 'SAN FRANCISCO, Calif.', month: 10, day: 12, year: 2012 } },
    { line: 'BEIJING (Xinhua) -- China launched a satellite.', expected: { text: 'BEIJING (Xinhua) --', outlet: 'Xinhua', city: 'BEIJING', month: null, day: null, year: null } },
    { line: '(Reuters) - Shares fell.', expected: { text: '(Reuters) -', outlet: 'Reuters', city: null, month: null, day: null, year: null } },
    { line: 'NASA — the agency — said so.', expected: null },
    { line: 'China’s use of AI is increasing (Yicai) March 24 -- fast.', expected: null },
    { line: 'The agency (NDA) - which counts tokens - said so.', expected: null },
  ];
  for (const c of cases) {
    it(c.line, () => {
      const d = datelineAtStart(c.line);
      if (c.expected === null) expect(d).toBeNull();
      else expect(d && { text: d.text, outlet: d.outlet, city: d.city, month: d.month, day: d.day, year: d.year }).toEqual(c.expected);
    });
  }
});

describe('datelineInside', () => {
  it('finds a dateline glued to a headline', () => {
    const line = 'China’s Daily Token Usage Jumps 40% in Three Months(Yicai) March 24 -- China’s use…';
    const d = datelineInside(line);
    expect(d && [line.slice(0, d.start), d.text, line.slice(d.bodyStart)]).toEqual([
      'China’s Daily Token Usage Jumps 40% in Three Months',
      '(Yicai) March 24 --',
      'China’s use…',
    ]);
  });
  it('ignores a dateline at the start', () => {
    expect(datelineInside('(Yicai) March 24 -- Text.')).toBeNull();
  });
});
