import type { Claim } from '../../../src/store/schema.js';
import { claim, p, usage, v } from '../factory.js';
import { ruleTable } from '../harness.js';

/** "a 48-page indictment", with the "$250,000" every outlet also gives (so the articles share a story). */
const pages = (article: string, n: number): Claim[] => [
  claim({ article, metricKey: 'length:page', metric: 'indictment length', subjectKey: 'indictment', value: v(n, { unit: 'page' }), figure: `${n}-page`, quote: `Hunter was charged in a ${n}-page indictment.` }),
  claim({ article, metricKey: 'spending:campaign-fund', subjectKey: 'hunter', value: v(250000, { unit: 'USD', bound: 'lower' }), figure: 'more than $250,000' }),
];
const income = (article: string, x: number, text: string, approx = false): Claim =>
  claim({ article, metricKey: 'income', metric: 'earnings', subjectKey: 'clintons', subject: 'the Clintons', value: v(x, { unit: 'USD', approx }), period: p('2007-01-01/2014-12-31', 'from 2007 to 2014'), figure: text });
const distance = (article: string, x: number, text: string, approx: boolean): Claim =>
  claim({ article, metricKey: 'distance', metric: 'distance from Cobb', subjectKey: 'cobb', value: v(x, { unit: 'mile', approx }), period: p('2013-03-14'), figure: text });
const detained = (article: string, n: number): Claim =>
  claim({ article, metricKey: 'arrests', metric: 'people detained', subjectKey: 'paris', value: v(n, { unit: 'person' }), period: p('2018-11-24'), figure: `${n} people`, quote: `Police detained ${n} people in Paris.` });

ruleTable('value-conflict', {
  valid: [
    { name: 'a truncation: "$43 million" and "$43,885,310"', claims: [income('a', 43e6, '$43 million'), income('b', 43885310, '$43,885,310')] },
    { name: 'a bound: "over 140 trillion" and "140 trillion"', claims: [usage('a', 1.4e14, '2026-03', 'over 140 trillion', { bound: 'lower' }), usage('b', 1.4e14, '2026-03', '140 trillion')] },
    { name: 'two times of one metric: 100 trillion (end of 2025), 140 trillion (March 2026)', claims: [usage('a', 1e14, '2025-12', '100 trillion'), usage('b', 1.4e14, '2026-03', '140 trillion')] },
    { name: 'two subjects: China and the US', claims: [usage('a', 1.4e14, '2026-03', '140 trillion'), usage('b', 1e13, '2026-03', '10 trillion', { subjectKey: 'us', subject: 'the US' })] },
    {
      name: 'a count reported at two times is a change, not a conflict',
      claims: [detained('a', 22), detained('b', 130)],
      articles: { a: { published: '2018-11-24' }, b: { published: '2018-11-25' } },
    },
    { name: 'the same figure in another unit is unit-conflict\'s', claims: [usage('a', 1e11, '2024-01', '100 billion daily calls', { unit: 'call' }), usage('b', 1e11, '2024-01', '100 billion')] },
    { name: 'an article that gives both values is not on one side', claims: [usage('a', 1.4e14, '2026-03', '140 trillion'), usage('a', 1e14, '2026-03', '100 trillion'), usage('b', 1.4e14, '2026-03', '140 trillion')] },
  ],
  invalid: [
    {
      name: '47 pages against 48 pages',
      claims: [...pages('fox', 48), ...pages('nyt', 48), ...pages('huff', 47)],
      errors: [{ severity: 'error', message: ["HUFF (2026-03-23) gives '47-page'", "give '48-page'"], articles: ['huff', 'fox', 'nyt'] }],
    },
    {
      name: '"$139 million" against $140,937,785: within 2%, a warning',
      claims: [income('nyt', 139e6, '$139 million'), income('huff', 140937785, '$140,937,785')],
      errors: [{ severity: 'warning', message: ['$139 million', '$140,937,785'] }],
    },
    {
      name: '"about 3 miles" against "four miles": hedged, a warning',
      claims: [distance('a', 3, 'about 3 miles', true), distance('b', 4, 'four miles', false)],
      errors: [{ severity: 'warning', message: ['about 3 miles', 'four miles'] }],
    },
    {
      name: 'a hedged figure does not bridge: "roughly $141 million" and "$140,937,785" (one article) against "$139 million"',
      claims: [income('huff', 141e6, 'roughly $141 million', true), income('huff', 140937785, '$140,937,785'), income('nyt', 139e6, '$139 million')],
      errors: [{ severity: 'warning', message: ['$140,937,785', '$139 million'], articles: ['huff', 'nyt'] }],
    },
    {
      name: 'an article with two figures against one other: one finding with both ("four miles", "six miles" against "about 3 miles")',
      claims: [distance('lalate', 4, 'four miles', false), distance('lalate', 6, 'six miles', false), distance('press', 3, 'about 3 miles', true)],
      errors: [{ severity: 'warning', message: ['about 3 miles', 'four miles'], articles: ['press', 'lalate'] }],
    },
    {
      name: 'USGS and "the Geological Survey" are one authority: still a warning',
      claims: [
        { ...distance('lalate', 4, 'four miles', false), attribution: 'USGS' },
        { ...distance('press', 3, 'about 3 miles', true), attribution: 'Geological Survey' },
      ],
      errors: [{ severity: 'warning', message: ['about 3 miles', 'four miles'] }],
    },
    {
      name: 'two analysts\' counts, each on its own authority: info, naming both',
      claims: [
        claim({ article: 'ch', metricKey: 'district', subjectKey: 'city', value: v(17, { unit: 'district' }), period: p('2022-09'), figure: '17', attribution: 'City Herald' }),
        claim({ article: 'og', metricKey: 'district', subjectKey: 'city', value: v(8, { unit: 'district' }), period: p('2022-09'), figure: '8', attribution: 'Open Gazette' }),
        claim({ article: 'mw', metricKey: 'district', subjectKey: 'city', value: v(8, { unit: 'district' }), period: p('2022-09'), figure: '8', attribution: 'Morning Wire' }),
      ],
      errors: [{ severity: 'info', message: ["'17'", 'each on another source', 'City Herald'] }],
    },
    {
      name: 'counts named only by their noun, of nothing named ("21 districts" / "18 districts"): info',
      claims: [
        claim({ article: 'a', metricKey: 'district', metric: 'districts', value: v(21, { unit: 'district' }), figure: '21' }),
        claim({ article: 'b', metricKey: 'district', metric: 'districts', value: v(21, { unit: 'district' }), figure: '21' }),
        claim({ article: 'c', metricKey: 'district', metric: 'districts', value: v(18, { unit: 'district' }), figure: '18' }),
        // The figure every article shares, so the three are one story.
        ...['a', 'b', 'c'].map((article) => claim({ article, metricKey: 'spending:campaign-fund', subjectKey: 'hunter', value: v(250000, { unit: 'USD' }), figure: '$250,000' })),
      ],
      errors: [{ severity: 'info', message: ["'18'", "'21'"] }],
    },
    {
      name: '12 miles against 1.2 miles in three articles',
      claims: [
        claim({ article: 'merc', metricKey: 'depth', subjectKey: 'quake', value: v(12, { unit: 'mile' }), period: p('2013-03-14'), figure: '12 miles' }),
        ...['ap', 'sfgate', 'kron'].map((a) => claim({ article: a, metricKey: 'depth', subjectKey: 'quake', value: v(1.2, { unit: 'mile' }), period: p('2013-03-14'), figure: '1.2 miles' })),
      ],
      errors: [{ severity: 'error', message: ["MERC (2026-03-23) gives '12 miles'", "AP (2026-03-23) and 2 others give '1.2 miles'"], articles: ['merc', 'ap', 'sfgate', 'kron'] }],
    },
  ],
});
