/**
 * `span-conflict` on real wording: each case is a set of short articles (headline line, then body)
 * read and extracted as the CLI would, then checked with the rule alone.
 */
import { describe, expect, it } from 'vitest';
import type { Finding, Claim } from '../../../src/store/schema.js';
import { runOnTexts } from '../harness.js';

const run = (articles: Record<string, string>): { findings: Finding[]; claims: Claim[] } => runOnTexts('span-conflict', articles, '2015-07-31');

const NYT =
  'Clintons Report Earnings of $139 Million in Seven Years\n\n' +
  'Hillary Rodham Clinton on Friday released her most recent eight years of tax returns, showing that she and former President Bill Clinton earned $139 million in adjusted gross income from 2007 to 2014.\n';

describe('span-conflict', () => {
  it('reads spans as claims next to their figure, written or counted from whole years', () => {
    const { claims } = run({ nyt: NYT });
    const spans = claims.filter((c) => c.kind === 'span');
    expect(spans.map((c) => [c.figure?.text, c.value?.min, c.value?.unit, c.span?.written])).toEqual([
      ['Seven Years', 7, 'year', true],
      ['2007 to 2014', 8, 'year', false],
    ]);
    // Each points at its figure, and its figure text is where the file has it.
    for (const s of spans) {
      const figure = claims.find((c) => c.id === s.span?.of);
      expect(figure?.figure?.text.toLowerCase()).toBe('$139 million');
      expect(NYT.slice(s.figure!.start, s.figure!.end)).toBe(s.figure!.text);
    }
  });

  const invalid: Array<[string, Record<string, string>, { severity: string; words: string[]; spans: number[] }]> = [
    ['headline "in Seven Years" against the body\'s 2007 to 2014', { nyt: NYT }, { severity: 'error', words: ["'Seven Years'", "'2007 to 2014' (8 years)", 'the headline'], spans: [7, 8] }],
    [
      'one article says "over five years", another gives the same figure for 2010 through 2015',
      {
        a: 'Port expansion finished\n\nThe authority spent $1.85 billion on the port expansion over five years, officials said.\n',
        b: 'Port reopens\n\nThe authority spent $1.85 billion on the port expansion from 2010 through 2015.\n',
      },
      { severity: 'warning', words: ["'over five years' (5 years)", "'2010 through 2015' (6 years)"], spans: [5, 6] },
    ],
  ];
  for (const [name, articles, expected] of invalid) {
    it(`finds: ${name}`, () => {
      const { findings, claims } = run(articles);
      expect(findings).toHaveLength(1);
      const [f] = findings;
      expect(f.severity).toBe(expected.severity);
      for (const w of expected.words) expect(f.message).toContain(w);
      const byId = new Map(claims.map((c) => [c.id, c]));
      expect(f.claims.map((id) => byId.get(id)).filter((c) => c?.kind === 'span').map((c) => c!.value!.min).sort()).toEqual(expected.spans);
    });
  }

  const valid: Array<[string, Record<string, string>]> = [
    ['the headline and the body agree on the length', { a: 'Clintons Report Earnings of $139 Million in Eight Years\n\nThey earned $139 million in adjusted gross income from 2007 to 2014.\n' }],
    ['two different figures over different times are two facts', { a: 'Budget\n\nThe city spent $2.4 billion over five years. It spent $1.2 billion from 2011 to 2014 on roads.\n' }],
    ['a hedged span ("over more than five years") is not held against a count of years', { a: 'Budget\n\nThe city spent $2.4 billion over more than five years.\n\nIt spent $2.4 billion from 2009 to 2014.\n' }],
    ['a round figure ("$2 billion") may be two facts that happen to be equal', { a: 'Deals\n\nThe fund raised $2 billion over three years. It lent $2 billion from 2010 to 2014.\n' }],
    ['two ranges are the period rules\' business, not this one\'s', { a: 'Taxes\n\nThey paid $43,885,310 from 2007 to 2014.\n', b: 'Taxes\n\nThey paid $43,885,310 from 2008 to 2014.\n' }],
  ];
  for (const [name, articles] of valid) {
    it(`finds nothing: ${name}`, () => expect(run(articles).findings).toEqual([]));
  }
});
