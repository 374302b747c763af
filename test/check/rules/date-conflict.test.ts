import { describe, expect, it } from 'vitest';
import type { Claim } from '../../../src/store/schema.js';
import { claim, p, usage } from '../factory.js';
import { ruleTable, runOnTexts } from '../harness.js';

let place = 1000;
/** A sentence with a dated event and the figure it carries (same quote, same range). */
function said(article: string, day: string, when: string, quote: string, o: { type?: string; actor?: string; place?: string | null; figure?: boolean } = {}): Claim[] {
  place += 500;
  const start = place;
  const out: Claim[] = [
    claim({ article, kind: 'event', value: null, metricKey: `event:${o.type ?? 'statement'}`, period: p(day, when), quote, start, end: start + quote.length, event: { type: o.type ?? 'statement', actor: o.actor ?? 'Liu Liehong', place: o.place ?? null } }),
  ];
  if (o.figure !== false) out.push(usage(article, 1.4e14, '2026-03', '140 trillion', { quote, start, end: start + quote.length, bound: 'lower' }));
  return out;
}

ruleTable('date-conflict', {
  valid: [
    {
      name: 'a day inside the month the other gives',
      claims: [...said('a', '2026-03-23', 'on March 23', 'Liu said on March 23 that usage passed 140 trillion.'), ...said('b', '2026-03', 'in March', 'Liu said in March that usage passed 140 trillion.')],
    },
    {
      name: 'two actors',
      claims: [...said('a', '2026-03-23', 'on March 23', 'Liu said on March 23 that usage passed 140 trillion.'), ...said('b', '2026-03-24', 'today', 'Wang told reporters today that usage passed 140 trillion.', { actor: 'Wang Wei' })],
    },
    {
      name: 'nothing shows the same fact (no shared figure, no shared place)',
      claims: [
        ...said('a', '2026-03-23', 'on March 23', 'Liu said on March 23 that the plan was ready.', { figure: false }),
        ...said('b', '2026-03-24', 'today', 'Liu told reporters today that the pilot had begun.', { figure: false }),
        usage('a', 1.4e14, '2026-03', '140 trillion'),
        usage('b', 1.4e14, '2026-03', '140 trillion'),
      ],
    },
  ],
  invalid: [
    {
      name: '"said on March 23" (three articles) against "told reporters in Beijing today" (March 24)',
      claims: [
        ...said('onem', '2026-03-23', 'on March 23', "China's top data official said on March 23 that the country's daily AI token usage has surpassed 140 trillion."),
        ...said('cm', '2026-03-23', 'on March 23', 'Liu said on March 23 that usage passed 140 trillion.', { actor: 'Liu' }),
        ...said('xh', '2026-03-23', 'on March 23', 'Liu Liehong said on March 23 that usage passed 140 trillion.'),
        ...said('yicai', '2026-03-24', 'today', 'Average daily token usage has exceeded 140 trillion, Liu Liehong, director of the National Data Administration, told reporters in Beijing today.'),
      ],
      articles: { yicai: { outlet: 'Yicai', published: '2026-03-24' }, onem: { outlet: '1M Reviews' } },
      errors: [
        {
          severity: 'info',
          message: ["Yicai (2026-03-24) dates the statement by Liu Liehong March 24 ('told reporters in Beijing today')", 'and 2 others date it March 23'],
          articles: ['yicai', 'onem', 'cm', 'xh'],
        },
      ],
    },
    {
      name: 'a one-off event at one place dated Tuesday and Thursday',
      claims: [
        ...said('fox', '2012-10-11', 'Thursday', 'Biden and Ryan met in the debate Thursday in Danville.', { type: 'occurrence', actor: 'Biden', place: 'Danville', figure: false }),
        ...said('huff', '2012-10-11', 'Thursday night', 'Biden and Ryan met in the debate Thursday night in Danville.', { type: 'occurrence', actor: 'Biden', place: 'Danville', figure: false }),
        ...said('nyt', '2012-10-09', 'on Tuesday', 'Biden and Ryan met in the debate on Tuesday in Danville.', { type: 'occurrence', actor: 'Biden', place: 'Danville', figure: false }),
      ],
      articles: { fox: { published: '2012-10-12' }, huff: { published: '2012-10-12' }, nyt: { published: '2012-10-12' } },
      errors: [{ severity: 'warning', message: ['NYT (2012-10-12) dates the occurrence by Biden October 9', 'October 11', 'the same occasion'] }],
    },
  ],
});

describe('date-conflict on events that happen once (real wording of company and obituary coverage)', () => {
  const run = (texts: Record<string, string>) => runOnTexts('date-conflict', texts, '2016-06-14');
  const cases: Array<{ name: string; texts: Record<string, string>; about: string; years?: RegExp }> = [
    {
      name: 'a founding dated 2003 and 2002 is a warning, whatever else the sentences say',
      texts: {
        reuters: 'Microsoft to buy LinkedIn\n\nLinkedIn, founded in 2003, has more than 433 million members.\n',
        bbc: 'Microsoft buys LinkedIn\n\nLinkedIn was founded in 2002 by Reid Hoffman and has 430 million users.\n',
      },
      about: 'the founding of LinkedIn',
      years: /2002[\s\S]*2003|2003[\s\S]*2002/,
    },
    {
      name: 'a birth told with the surname alone ("Walker was born in 1973") meets another outlet\'s "Paul Walker was born in 1974"',
      texts: {
        a: 'Obituary\n\nPaul Walker, the star of the Fast and Furious films, died on Saturday. Walker was born in 1973 in Glendale.\n',
        b: 'Walker dies\n\nThe actor died in a car crash. Paul Walker was born in 1974 in California.\n',
      },
      about: 'the birth of Paul Walker',
    },
  ];
  it.each(cases)('$name', ({ texts, about, years }) => {
    const { findings } = run(texts);
    expect(findings).toHaveLength(1);
    expect(findings[0].severity).toBe('warning');
    expect(findings[0].message).toContain(about);
    if (years) expect(findings[0].message).toMatch(years);
  });

  it('a named person\'s death dated Saturday and Sunday is a warning; an unnamed soldier\'s is no one\'s', () => {
    const a = 'Walker dies\n\nThe actor Paul Walker died on Saturday in a car crash in Valencia, California.\n';
    const b = 'Paul Walker killed\n\nPaul Walker died on Sunday after his car hit a lamp post.\n';
    const { findings } = runOnTexts('date-conflict', { a, b }, '2013-12-02');
    expect(findings).toHaveLength(1);
    expect(findings[0].severity).toBe('warning');
    expect(findings[0].message).toContain('the death of Paul Walker');
    const soldiers = { a: 'Clash\n\nAn Israeli soldier was killed on Monday near the border.\n', b: 'Clash\n\nAn Israeli soldier was killed on Friday near the border.\n' };
    expect(runOnTexts('date-conflict', soldiers, '2013-12-07').findings).toEqual([]);
  });

  it('a birth on September 12, 1973 and in 1973 agree; two people born apart do not meet', () => {
    expect(run({ a: 'Obituary\n\nPaul Walker, who was born on September 12, 1973, died on Saturday.\n', b: 'Walker dies\n\nWalker was born in 1973 in Glendale, California.\n' }).findings).toEqual([]);
    expect(run({ a: 'Obituary\n\nPaul Walker was born in 1973 in Glendale.\n', b: 'Obituary\n\nRoger Rodas was born in 1975 in Guatemala.\n' }).findings).toEqual([]);
  });
});
