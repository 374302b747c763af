import type { Claim } from '../../../src/store/schema.js';
import { claim, p, v } from '../factory.js';
import { ruleTable } from '../harness.js';

const detained = (article: string, n: number, quote = `Police detained ${n} people in Paris.`): Claim =>
  claim({ article, metricKey: 'arrests', metric: 'people detained', subjectKey: 'paris', value: v(n, { unit: 'person' }), period: p('2018-11-24', 'Saturday'), figure: `${n} people`, quote });
const crowd = (article: string, n: number, quote: string): Claim =>
  claim({ article, metricKey: 'count:protester', metric: 'protesters', subjectKey: 'champs-elysees', value: v(n, { unit: 'protester', approx: true }), period: p('2018-11-24', 'Saturday'), figure: `around ${n.toLocaleString('en-US')}`, quote });
const pages = (article: string, n: number): Claim =>
  claim({ article, metricKey: 'length:page', subjectKey: 'indictment', value: v(n, { unit: 'page' }), period: p('2018-08-21'), figure: `${n}-page` });

ruleTable('changed-between-reports', {
  valid: [
    { name: 'a fixed fact reported the same day is a conflict, not a change', claims: [pages('a', 48), pages('b', 47)], articles: { a: { published: '2018-08-21' }, b: { published: '2018-08-21' } } },
    { name: 'the same count', claims: [detained('a', 130), detained('b', 130)], articles: { a: { published: '2018-11-24' }, b: { published: '2018-11-25' } } },
  ],
  invalid: [
    {
      name: 'arrests: 22 in the afternoon report, 130 in the evening one',
      claims: [detained('a', 22), detained('b', 130)],
      articles: { a: { published: '2018-11-24' }, b: { published: '2018-11-25' } },
      errors: [{ severity: 'info', message: ["'22 people'", "'130 people'", 'reported at different times'], articles: ['a', 'b'] }],
    },
    {
      name: 'a crowd "by midday" and later, in undated wire copies',
      claims: [crowd('a', 5000, 'By midday around 5,000 protesters had gathered on the Champs-Elysees.'), crowd('b', 8000, 'Around 8,000 protesters had converged on the Champs-Elysees.')],
      articles: { a: { published: null }, b: { published: null } },
      errors: [{ severity: 'info', message: ['around 5,000', 'around 8,000'] }],
    },
  ],
});
