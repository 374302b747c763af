import { describe, expect, it } from 'vitest';
import { samePeriod } from '../../src/check/period.js';
import { p } from './factory.js';

/** Whether two periods name the same time for one figure (a level, like a daily count, or a total over the period). */
const table: Array<{ a: string; b: string; level: boolean; same: boolean; why: string }> = [
  { a: '2024-01-01/2024-04-30', b: '2024-01-01/2024-03-31', level: true, same: true, why: '"early 2024" and "the start of 2024"' },
  { a: '2026-03', b: '2026-03-01/2026-03-24', level: true, same: true, why: '"March 2026" and "so far this month"' },
  { a: '2007-01-01/2014-12-31', b: '2007-01-01/2014-12-31', level: false, same: true, why: '"from 2007 to 2014" twice' },
  { a: '2007-01-01/2014-12-31', b: '2011-01-01/2014-12-31', level: false, same: false, why: 'totals over 2007–2014 and 2011–2014' },
  { a: '2024', b: '2025', level: false, same: false, why: 'two years' },
  { a: '2025-12', b: '2026-03', level: true, same: false, why: 'two months' },
];

describe('samePeriod', () => {
  for (const row of table) {
    it(`${row.why}: ${row.same ? 'same' : 'different'}`, () => {
      expect(samePeriod(p(row.a), p(row.b), row.level)).toBe(row.same);
    });
  }
});
