import type { Claim } from '../../../src/store/schema.js';
import { claim, p, usage, v } from '../factory.js';
import { ruleTable } from '../harness.js';

/** A change claim in article `a` relating two figures: "up 40 percent from 100 trillion ... 140 trillion". */
function stated(text: string, x: number, unit: '%' | 'x', from: Claim | null, to: Claim | null, o: { bound?: 'lower'; approx?: boolean; direction?: 'up' | 'down'; period?: string; article?: string } = {}): Claim {
  return claim({
    article: o.article ?? from?.article ?? 'a',
    kind: 'change',
    metricKey: 'usage:token/day~change',
    subjectKey: 'china',
    value: v(x, { unit, bound: o.bound ?? null, approx: o.approx ?? false }),
    figure: text,
    period: o.period ? p(o.period) : null,
    change: { direction: o.direction ?? 'up', from: from?.id ?? null, to: to?.id ?? null },
  });
}
const end2025 = (a = 'a', x = 1e14, text = '100 trillion') => usage(a, x, '2025-10-01/2025-12-31', text);
const march = (a = 'a', x = 1.4e14, text = '140 trillion') => usage(a, x, '2026-03', text);
const early2024 = (a = 'a', x = 1e11, text = '100 billion') => usage(a, x, '2024-01-01/2024-04-30', text);

const pair = (build: (from: Claim, to: Claim) => Claim, from: Claim, to: Claim): Claim[] => [from, to, build(from, to)];

ruleTable('arithmetic', {
  valid: [
    { name: '"up 40 percent from 100 trillion" to 140 trillion', claims: pair((f, t) => stated('40 percent', 40, '%', f, t), end2025(), march()) },
    { name: '"1,000-fold" from 100 billion to 140 trillion (1,400x: a round multiplier)', claims: pair((f, t) => stated('1,000-fold', 1000, 'x', f, t), early2024(), march()) },
    { name: '"over 1,000 times" from 100 billion to 140 trillion', claims: pair((f, t) => stated('over 1,000 times', 1000, 'x', f, t, { bound: 'lower' }), early2024(), march()) },
    { name: '"about 310 times" for 312x', claims: pair((f, t) => stated('about 310 times', 310, 'x', f, t, { approx: true }), early2024('a', 1e9, '1 billion'), march('a', 3.12e11, '312 billion')) },
    { name: '"down 20 percent" from 100 to 80', claims: pair((f, t) => stated('20 percent', 20, '%', f, t, { direction: 'down' }), end2025('a', 100, '100'), march('a', 80, '80')) },
    {
      name: 'an unlinked "up 40%" checked against the figures the articles agree on',
      claims: [end2025('a'), march('a'), end2025('b'), march('b'), stated('40%', 40, '%', null, null, { article: 'c', period: '2025-12-31/2026-03-31' })],
    },
  ],
  invalid: [
    {
      name: '"up 40 percent" from 100 trillion to 160 trillion',
      claims: pair((f, t) => stated('40 percent', 40, '%', f, t), end2025(), march('a', 1.6e14, '160 trillion')),
      errors: [{ severity: 'warning', message: ["states '40 percent'", 'its own figures', '+60%'], articles: ['a'] }],
    },
    {
      name: '"a 1,000-fold increase" from 100 billion to 2 trillion (20x)',
      claims: pair((f, t) => stated('1,000-fold', 1000, 'x', f, t), early2024(), march('a', 2e12, '2 trillion')),
      errors: [{ severity: 'warning', message: ['1,000-fold', '20x'] }],
    },
    {
      name: 'an unlinked "up 60%" against the figures the articles agree on',
      claims: [end2025('a'), march('a'), end2025('b'), march('b'), stated('60%', 60, '%', null, null, { article: 'c', period: '2025-12-31/2026-03-31' })],
      errors: [{ severity: 'warning', message: ["states '60%'", 'the figures the articles agree on', '+40%'] }],
    },
  ],
});
