/**
 * `deal-date` on real wording (the Hunter indictment coverage of August 2018 and variations):
 * short articles read and extracted as the CLI would, then checked with the rule alone.
 */
import { describe, expect, it } from 'vitest';
import { runOnTexts } from '../harness.js';

const FOX = "Hunter indicted\n\nA grand jury indicted Hunter on Tuesday. The congressman's lawyers said in 2017 that Hunter and his wife repaid the campaign about $60,000.\n";
const NYT = 'Hunter indicted\n\nBy March 2017, Mr. Hunter was under investigation. His lawyer said in March 2017 that the congressman had already repaid about $60,000 to his campaign.\n';
const HUFF = 'Hunter indicted\n\nHe repaid his campaign more than $60,000 earlier this year for improper expenses dating back to 2015.\n';

const run = (texts: Record<string, string>) => runOnTexts('deal-date', texts, '2018-08-21');

describe('deal-date', () => {
  it('a payment told of in 2017 (twice) against one made "earlier this year" (2018): a warning naming both times', () => {
    const { findings, claims } = run({ fox: FOX, nyt: NYT, huff: HUFF });
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f.severity).toBe('warning');
    expect(f.message).toContain("'more than $60,000' was repaid in 2018 ('earlier this year')");
    expect(f.message).toContain('in 2017');
    expect(new Set(f.articles)).toEqual(new Set(['fox', 'nyt', 'huff']));
    // Every claim of the finding is a repayment, and its figure is where the text has it.
    const byId = new Map(claims.map((c) => [c.id, c]));
    for (const id of f.claims) expect(byId.get(id)?.metricKey).toBe('money:repay');
  });

  const valid: Array<[string, Record<string, string>]> = [
    ['the times overlap (2017 and March 2017)', { fox: FOX, nyt: NYT }],
    ['the sums differ', { a: 'Fund\n\nThe charity raised $2 million in 2019.\n', b: 'Fund\n\nThe charity raised $5 million in 2020 and $2.1 billion overall.\n' }],
    ['a figure that is no payment ("said in 2017 that usage passed 60,000")', { a: 'Usage\n\nOfficials said in 2017 that about 60,000 people used the service.\n', b: 'Usage\n\nAbout 60,000 people used the service earlier this year.\n' }],
    ['one article alone', { huff: HUFF + 'He had repaid about $60,000 in 2016, lawyers said.\n' }],
  ];
  for (const [name, texts] of valid) it(`finds nothing: ${name}`, () => expect(run(texts).findings).toEqual([]));
});
