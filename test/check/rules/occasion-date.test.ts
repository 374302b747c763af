/**
 * `occasion-date` on real wording (the 2012 vice-presidential debate coverage, all published on
 * Friday 2012-10-12, and variations): short articles read and extracted as the CLI would.
 */
import { describe, expect, it } from 'vitest';
import { runOnTexts } from '../harness.js';

const FOX = 'Sparks fly as Biden, Ryan face off\n\nThe face-off Thursday night was taking on outsized importance for a vice presidential debate. Biden spent $90 billion on green energy programs, Ryan said.\n';
const HUFF = 'Biden and Ryan clash\n\nThe vice presidential debate on Thursday was lively. Ryan said Biden spent $90 billion on green energy programs.\n';
const NYT = 'Biden comes to the rescue\n\nThe vice presidential debate on Tuesday was supposed to be a reboot for the Obama campaign. Biden spent $90 billion on green energy programs.\n';

const run = (texts: Record<string, string>) => runOnTexts('occasion-date', texts, '2012-10-12');

describe('occasion-date', () => {
  it('two outlets date the vice presidential debate Thursday, one Tuesday: an error against the odd one', () => {
    const { findings, claims } = run({ fox: FOX, huff: HUFF, nyt: NYT });
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f.severity).toBe('error');
    expect(f.message).toMatch(/^NYT \(2012-10-12\) dates/);
    expect(f.message).toContain('vice presidential debate October 9, 2012');
    expect(f.message).toContain('October 11, 2012');
    const byId = new Map(claims.map((c) => [c.id, c]));
    expect(new Set(f.claims.map((id) => byId.get(id)?.metricKey))).toEqual(new Set(['event:debate:vice-presidential']));
  });

  it('one against one is a warning (two occasions of one name are possible)', () => {
    const [f] = run({ fox: FOX, nyt: NYT }).findings;
    expect(f.severity).toBe('warning');
  });

  it('an occasion dated through the figure of its clause ("A bus crash … killed 12 people on Tuesday"): the day is the crash\'s too', () => {
    const POST = 'Bus crash in Denver\n\nA bus crash on Interstate 25 in Denver killed 12 people on Tuesday, police said. The bus was carrying 48 passengers.\n';
    const WIRE = 'Denver bus crash\n\nA bus crash on Interstate 25 in Denver on Wednesday killed 12 people, police said. The bus was carrying 48 passengers.\n';
    const { findings } = runOnTexts('occasion-date', { post: POST, wire: WIRE }, '2025-06-12');
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('bus crash');
    expect(findings[0].message).toContain('June 10, 2025');
    expect(findings[0].message).toContain('June 11, 2025');
  });

  const valid: Array<[string, Record<string, string>]> = [
    ['the same day in every article', { fox: FOX, huff: HUFF }],
    ['an occasion still ahead ("next Tuesday\'s presidential debate")', { huff: HUFF, b: "Debate\n\nNext Tuesday's presidential debate will matter more. Biden spent $90 billion on green energy programs.\n" }],
    ['an occasion without words that say which ("the meeting on Tuesday" / "the meeting on Thursday")', { a: 'Talks\n\nThe meeting on Tuesday went well. The city spent $90 billion on green energy programs.\n', b: 'Talks\n\nThe meeting on Thursday went well. The city spent $90 billion on green energy programs.\n' }],
    ['"opened fire" is not an occasion named "gunman opened"', { a: 'Shooting\n\nA gunman opened fire on Thursday. The city spent $90 billion on green energy programs.\n', b: 'Shooting\n\nA gunman opened fire on Wednesday. The city spent $90 billion on green energy programs.\n' }],
    ['two occasions of different names', { a: 'Vote\n\nThe Senate vote on Tuesday passed. The city spent $90 billion on green energy programs.\n', b: 'Vote\n\nThe House vote on Thursday passed. The city spent $90 billion on green energy programs.\n' }],
  ];
  for (const [name, texts] of valid) it(`finds nothing: ${name}`, () => expect(run(texts).findings).toEqual([]));
});
