import type { Claim } from '../../../src/store/schema.js';
import { usage } from '../factory.js';
import { ruleTable } from '../harness.js';

type Point = [number, string, string];
/** One sentence's series: points [value, period, text], linked by a series id. */
function series(article: string, points: Point[]): Claim[] {
  return points.map(([x, when, text], index) => usage(article, x, when, text, { series: { id: `${article}:s1`, index } }));
}
const EARLY_2024: Point = [1e11, '2024-01-01/2024-04-30', '100 billion'];
const EARLY_2025: Point = [1e12, '2025-01-01/2025-04-30', '1 trillion'];
const END_2025: Point = [1e14, '2025-10-01/2025-12-31', '100 trillion'];
const MARCH_2026: Point = [1.4e14, '2026-03', 'over 140 trillion'];
const APRIL_2026: Point = [1.5e14, '2026-04', '150 trillion'];
const JAN_2023: Point = [1e10, '2023-01', '10 billion'];

ruleTable('series-conflict', {
  valid: [
    { name: 'the same series', claims: [...series('a', [EARLY_2024, END_2025, MARCH_2026]), ...series('b', [EARLY_2024, END_2025, MARCH_2026])] },
    { name: 'one series only adds a later point', claims: [...series('a', [EARLY_2024, END_2025]), ...series('b', [END_2025, MARCH_2026])] },
    { name: 'one starts earlier, the other ends later (different ends)', claims: [...series('a', [JAN_2023, END_2025, MARCH_2026]), ...series('b', [END_2025, MARCH_2026, APRIL_2026])] },
    { name: 'no point in common', claims: [...series('a', [EARLY_2024, END_2025]), ...series('b', [EARLY_2025, MARCH_2026])] },
  ],
  invalid: [
    {
      name: '"from 100 billion in early 2024" (four articles) against "from 1 trillion in early 2025"',
      claims: [
        ...series('a', [EARLY_2024, END_2025, MARCH_2026]),
        ...series('b', [EARLY_2024, END_2025, MARCH_2026]),
        ...series('c', [EARLY_2024, END_2025, MARCH_2026]),
        ...series('d', [EARLY_2024, END_2025, MARCH_2026]),
        ...series('e', [EARLY_2025, END_2025, MARCH_2026]),
      ],
      errors: [{ severity: 'warning', message: ["E (2026-03-23) starts the series", "'1 trillion'", "A (2026-03-23) and 3 others start it at '100 billion'"], articles: ['a', 'b', 'c', 'd', 'e'] }],
    },
  ],
});
