/**
 * Time expressions in news sentences and the days they stand for, given the publication date.
 * Rows follow the conventions in src/extract/period.ts.
 */
import { describe, expect, it } from 'vitest';
import { findPeriods } from '../../src/extract/period.js';

const rows: Array<{ text: string; published: string | null; phrase: string; from?: string; to?: string; type?: string }> = [
  { text: 'Usage surpassed 140 trillion in March 2026.', published: null, phrase: 'March 2026', from: '2026-03-01', to: '2026-03-31' },
  { text: 'It was 100 billion at the start of 2024.', published: null, phrase: 'the start of 2024', from: '2024-01-01', to: '2024-03-31' },
  { text: 'It grew from 1 trillion in early 2025.', published: null, phrase: 'early 2025', from: '2025-01-01', to: '2025-04-30' },
  { text: 'It was 100 trillion at the end of 2025.', published: null, phrase: 'the end of 2025', from: '2025-10-01', to: '2025-12-31' },
  { text: 'Usage exceeded 140 trillion so far this month.', published: '2026-03-24', phrase: 'so far this month', from: '2026-03-01', to: '2026-03-24' },
  { text: 'Liu Liehong told reporters in Beijing today.', published: '2026-03-24', phrase: 'today', from: '2026-03-24', to: '2026-03-24' },
  { text: 'It was up 40 percent from 100 trillion at the end of last year.', published: '2026-03-24', phrase: 'the end of last year', from: '2025-10-01', to: '2025-12-31' },
  { text: 'But in June last year, the remaining leadership had a falling out.', published: '1998-02-19', phrase: 'June last year', from: '1997-06-01', to: '1997-06-30' },
  { text: 'In July last year in Phnom Penh, Pol Pot was arrested.', published: '1998-02-19', phrase: 'July last year', from: '1997-07-01', to: '1997-07-31' },
  { text: 'The group began to fall apart in mid-1996.', published: '1998-02-19', phrase: 'mid-1996', from: '1996-05-01', to: '1996-08-31' },
  { text: 'Profit fell in the third quarter of 1989.', published: '1989-11-02', phrase: 'the third quarter of 1989', from: '1989-07-01', to: '1989-09-30' },
  { text: 'Two years ago, that number was 100 billion.', published: '2026-03-23', phrase: 'Two years ago', from: '2024-01-01', to: '2024-12-31' },
  { text: 'The quake struck early Thursday.', published: '2013-03-14', phrase: 'early Thursday', from: '2013-03-14', to: '2013-03-14' },
  // A weekday takes the tense of its own clause: "will pay" is another clause than "closing price on Friday".
  { text: "Microsoft will pay $196 per share, a premium of 50 percent to LinkedIn's closing price on Friday.", published: '2016-06-14', phrase: 'Friday', from: '2016-06-10', to: '2016-06-10' },
  { text: 'The company said it will release its results on Friday.', published: '2016-06-14', phrase: 'Friday', from: '2016-06-17', to: '2016-06-17' },
  // A day or month without a year: the tense of its clause, read past "they said", "be", an
  // opening phrase's comma, and not into a subordinate clause.
  { text: 'The firms said they expect the merger to close by Dec. 20.', published: '2015-10-28', phrase: 'Dec. 20', from: '2015-12-20', to: '2015-12-20' },
  { text: 'In the fiscal year ended Jan. 31, the chain posted sales of $88 million.', published: '2015-10-28', phrase: 'Jan. 31', from: '2015-01-31', to: '2015-01-31' },
  { text: 'In February, the club brought in a new manager.', published: '2015-10-28', phrase: 'February', from: '2015-02-01', to: '2015-02-28' },
  { text: 'The board agreed on Sept. 9 that the plant would close.', published: '2015-09-20', phrase: 'Sept. 9', from: '2015-09-09', to: '2015-09-09' },
  { text: 'The final will be held on Dec. 5 in Lyon.', published: '2015-10-28', phrase: 'Dec. 5', from: '2015-12-05', to: '2015-12-05' },
  { text: 'Acme shares rose 50 cents to close at $21.25 on Friday.', published: '2015-10-28', phrase: 'Friday', from: '2015-10-23', to: '2015-10-23' },
  // A regular past form right before the day is its tense, whatever the rest of the sentence says.
  { text: 'Ritter, who arrived Thursday for a tour likely to last over a week, began inspecting.', published: '1998-03-06', phrase: 'Thursday', from: '1998-03-05', to: '1998-03-05' },
  { text: 'The vote will be delayed Friday.', published: '1998-03-04', phrase: 'Friday', from: '1998-03-06', to: '1998-03-06' },
  { text: 'Talks that are supposed to end by June, the minister said two weeks ago.', published: '2015-03-20', phrase: 'June', from: '2015-06-01', to: '2015-06-30' },
  { text: 'A 1,000-fold increase in 24 months is rare.', published: null, phrase: '24 months', type: 'DURATION' },
  { text: 'The Clintons earned $141 million from 2007 to 2014.', published: '2015-07-31', phrase: '2007', from: '2007-01-01', to: '2007-12-31' },
];

describe('findPeriods', () => {
  for (const row of rows) {
    it(`"${row.phrase}" in "${row.text}" (published ${row.published ?? 'unknown'})`, () => {
      const found = findPeriods(row.text, { published: row.published });
      const m = found.find((p) => p.text === row.phrase);
      expect(m, `found: ${found.map((p) => p.text).join(' | ')}`).toBeDefined();
      if (row.type) expect(m!.type).toBe(row.type);
      if (row.from) expect([m!.from, m!.to]).toEqual([row.from, row.to]);
    });
  }

  it('an undated article places "March 23" in the latest year it writes out', () => {
    const found = findPeriods('He said on March 23 that usage passed the mark. In March 2026 it was 140 trillion.', { published: null });
    expect(found.find((p) => p.text === 'March 23')?.from).toBe('2026-03-23');
  });

  it('without any year or publication date, "March 23" stays unplaced', () => {
    const found = findPeriods('He said on March 23 that usage passed the mark.', { published: null });
    expect(found.find((p) => p.text === 'March 23')?.from).toBeUndefined();
  });
});
