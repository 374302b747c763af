import { claim, p, usage, v } from '../factory.js';
import { ruleTable } from '../harness.js';

const price = (article: string, x: number, per: string, text: string) =>
  claim({ article, metricKey: 'price:output-token', subjectKey: 'deepseek-v3.2', value: v(x, { unit: 'USD', per }), period: p('2026-04'), figure: text });

ruleTable('unit-conflict', {
  valid: [
    { name: 'the same unit', claims: [usage('a', 1e11, '2024-01', '100 billion'), usage('b', 1e11, '2024-01', '100 billion')] },
    { name: 'a unit at another scale', claims: [price('a', 1.1, 'million output tokens', '$1.10'), price('b', 0.0000011, 'output token', '$0.0000011')] },
    { name: 'other values in other units are other figures', claims: [usage('a', 1e11, '2024-01', '100 billion daily calls', { unit: 'call' }), usage('b', 1e12, '2024-01', '1 trillion')] },
  ],
  invalid: [
    {
      name: '"100 billion daily calls" against "100 billion daily tokens"',
      claims: [
        usage('a', 1e11, '2024-01-01/2024-04-30', '100 billion daily calls', { unit: 'call' }),
        usage('b', 1e11, '2024-01', '100 billion'),
        usage('c', 1e11, '2024-01', '100 billion'),
      ],
      errors: [{ severity: 'info', message: ["'100 billion daily calls'", 'in calls', 'in tokens'], articles: ['a', 'b', 'c'] }],
    },
    {
      name: 'two points of one series counted in calls: one finding naming both',
      claims: [
        usage('a', 1e11, '2024-01', '100 billion daily calls', { unit: 'call' }),
        usage('a', 1e14, '2025-12', '100 trillion', { unit: 'call' }),
        usage('b', 1e11, '2024-01', '100 billion'),
        usage('b', 1e14, '2025-12', '100 trillion'),
        usage('c', 1e11, '2024-01', '100 billion'),
        usage('c', 1e14, '2025-12', '100 trillion'),
      ],
      errors: [{ severity: 'info', message: ["'100 billion daily calls'", "and '100 trillion'", 'the same figures in tokens'], articles: ['a', 'b', 'c'] }],
    },
  ],
});
