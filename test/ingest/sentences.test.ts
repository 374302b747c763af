import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitSentences } from '../../src/ingest/sentences.js';

const split = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end));

/** Each case: a passage and the sentences a careful reader sees in it. */
const cases: { name: string; text: string; sentences: string[] }[] = [
  { name: 'plain', text: 'Prices rose. Wages fell.', sentences: ['Prices rose.', 'Wages fell.'] },
  { name: 'U.S. before a name', text: 'U.S. officials met on Monday. They agreed.', sentences: ['U.S. officials met on Monday.', 'They agreed.'] },
  { name: 'U.S. before a capitalised noun', text: 'The U.S. Border Patrol fired tear gas. Nobody was hurt.', sentences: ['The U.S. Border Patrol fired tear gas.', 'Nobody was hurt.'] },
  { name: 'U.S. ending a sentence', text: 'Exports to the U.S. The figure fell.', sentences: ['Exports to the U.S.', 'The figure fell.'] },
  { name: 'U.K.', text: 'Inflation in the U.K. rose to 3.4% in May.', sentences: ['Inflation in the U.K. rose to 3.4% in May.'] },
  { name: 'Sept. 11', text: 'It happened on Sept. 11, 2001. Nobody forgot.', sentences: ['It happened on Sept. 11, 2001.', 'Nobody forgot.'] },
  { name: 'Jan. 5', text: 'The law takes effect Jan. 5 next year.', sentences: ['The law takes effect Jan. 5 next year.'] },
  { name: 'No. 1', text: 'It is the No. 1 seller. No. It is not.', sentences: ['It is the No. 1 seller.', 'No.', 'It is not.'] },
  { name: 'Dr. Smith', text: 'Dr. Smith said the trial worked. Mr. Jones disagreed.', sentences: ['Dr. Smith said the trial worked.', 'Mr. Jones disagreed.'] },
  { name: 'Sen. with name', text: '"Is this legal?" tweeted Sen. Brian Schatz, D-Hawaii, on Nov. 25.', sentences: ['"Is this legal?" tweeted Sen. Brian Schatz, D-Hawaii, on Nov. 25.'] },
  { name: 'Inc. inside', text: 'Apple Inc. said sales rose.', sentences: ['Apple Inc. said sales rose.'] },
  { name: 'Inc. at the end', text: 'He joined Apple Inc. The move surprised analysts.', sentences: ['He joined Apple Inc.', 'The move surprised analysts.'] },
  { name: 'e.g.', text: 'Some chips, e.g. Ascend, are made at home.', sentences: ['Some chips, e.g. Ascend, are made at home.'] },
  { name: 'i.e. before a capital', text: 'The regulator, i.e. The Bureau, spoke.', sentences: ['The regulator, i.e. The Bureau, spoke.'] },
  { name: 'decimals', text: 'Output grew 3.5 percent. It was 2.9 percent before.', sentences: ['Output grew 3.5 percent.', 'It was 2.9 percent before.'] },
  { name: 'money', text: 'It costs $1.10 per million tokens. Rivals charge $10.', sentences: ['It costs $1.10 per million tokens.', 'Rivals charge $10.'] },
  { name: 'a.m. mid-sentence', text: 'The quake occurred at 2:09 a.m. about 14 miles north.', sentences: ['The quake occurred at 2:09 a.m. about 14 miles north.'] },
  { name: 'a.m. then a new sentence', text: 'It struck at 2:09 a.m. The aftershock followed.', sentences: ['It struck at 2:09 a.m.', 'The aftershock followed.'] },
  { name: 'double stop after a.m.', text: 'A 2.2 at 2:15 a.m.. There are no reports.', sentences: ['A 2.2 at 2:15 a.m..', 'There are no reports.'] },
  { name: 'initials', text: 'J. K. Rowling wrote it. George W. Bush read it.', sentences: ['J. K. Rowling wrote it.', 'George W. Bush read it.'] },
  { name: 'letter before a sentence opener', text: 'They chose Plan B. The rest followed.', sentences: ['They chose Plan B.', 'The rest followed.'] },
  { name: 'ellipsis inside', text: 'He paused... and then left.', sentences: ['He paused... and then left.'] },
  { name: 'ellipsis between sentences', text: 'Shame on those who attacked them ... There is no room for this.', sentences: ['Shame on those who attacked them ...', 'There is no room for this.'] },
  { name: 'ellipsis after a full stop joins the next sentence', text: 'That is malarkey. ... Not a single thing he said is accurate.', sentences: ['That is malarkey.', '... Not a single thing he said is accurate.'] },
  { name: 'unicode ellipsis', text: 'We waited… Nothing came.', sentences: ['We waited…', 'Nothing came.'] },
  { name: 'quote after a stop', text: 'He said. "Next."', sentences: ['He said.', '"Next."'] },
  { name: 'closing quote after the stop', text: 'She called it "a settlement unit." Others disagreed.', sentences: ['She called it "a settlement unit."', 'Others disagreed.'] },
  { name: 'curly quotes', text: '“Shame on them,” he said. “There is no room.” Calm returned.', sentences: ['“Shame on them,” he said.', '“There is no room.”', 'Calm returned.'] },
  { name: 'single quotes', text: "It named 2026 the 'Data Value Release Year.' The plan has six actions.", sentences: ["It named 2026 the 'Data Value Release Year.'", 'The plan has six actions.'] },
  { name: 'question in a quote before lower case', text: '"Is this moral?" he asked.', sentences: ['"Is this moral?" he asked.'] },
  { name: 'questions and exclamations', text: 'Who pays? Nobody knows! Still, it grows.', sentences: ['Who pays?', 'Nobody knows!', 'Still, it grows.'] },
  { name: 'interrobang run', text: 'Really?! Yes.', sentences: ['Really?!', 'Yes.'] },
  { name: 'parentheses', text: 'The agency (NDA) said so. (It gave no method.) Analysts doubt it.', sentences: ['The agency (NDA) said so.', '(It gave no method.)', 'Analysts doubt it.'] },
  { name: 'abbreviation inside parentheses', text: 'Chips (e.g. Ascend) matter.', sentences: ['Chips (e.g. Ascend) matter.'] },
  { name: 'line break inside a sentence', text: 'The bureau said\nthe figure rose. It did not\nsay by how much.', sentences: ['The bureau said\nthe figure rose.', 'It did not\nsay by how much.'] },
  { name: 'blank line always separates', text: 'A heading without a stop\n\nthe body starts here.', sentences: ['A heading without a stop', 'the body starts here.'] },
  { name: 'CRLF blank line', text: 'First line\r\n\r\nSecond line.', sentences: ['First line', 'Second line.'] },
  { name: 'domain names and versions', text: 'See example.com for V3.2 details. Then stop.', sentences: ['See example.com for V3.2 details.', 'Then stop.'] },
  { name: 'year before a figure', text: 'It was 2024. 100 people came.', sentences: ['It was 2024.', '100 people came.'] },
  { name: 'state abbreviation', text: 'He lives in Healdsburg, Calif. and works there.', sentences: ['He lives in Healdsburg, Calif. and works there.'] },
  { name: 'dotted initialism not listed', text: 'The F.B.I. Director spoke. The F.B.I. The agency said.', sentences: ['The F.B.I. Director spoke.', 'The F.B.I.', 'The agency said.'] },
  { name: 'et al.', text: 'Smith et al. found it. Others did not.', sentences: ['Smith et al. found it.', 'Others did not.'] },
  { name: 'comma after abbreviation', text: 'Made in the U.S., sold abroad.', sentences: ['Made in the U.S., sold abroad.'] },
  { name: 'no final stop', text: 'China now has an official AI throughput number', sentences: ['China now has an official AI throughput number'] },
  { name: 'CJK', text: '日均词元调用量突破140万亿。这是官方数据。', sentences: ['日均词元调用量突破140万亿。', '这是官方数据。'] },
  { name: 'white space only', text: '  \n  ', sentences: [] },
];

describe('splitSentences', () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(split(c.text)).toEqual(c.sentences);
    });
  }

  it('keeps to the given range', () => {
    const text = 'Before. Inside one. Inside two. After.';
    const start = text.indexOf('Inside');
    const end = text.indexOf(' After');
    expect(splitSentences(text, start, end).map((s) => text.slice(s.start, s.end))).toEqual(['Inside one.', 'Inside two.']);
  });

  it('never throws, returns trimmed ordered non-empty ranges inside the bounds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.nat(), fc.nat(), (text, a, b) => {
        const start = Math.min(a, b) % (text.length + 1);
        const end = Math.max(start, Math.max(a, b) % (text.length + 1));
        const spans = splitSentences(text, start, end);
        let last = start;
        for (const s of spans) {
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(s.end).toBeGreaterThan(s.start);
          expect(s.end).toBeLessThanOrEqual(end);
          expect(text.slice(s.start, s.end)).toBe(text.slice(s.start, s.end).trim());
          last = s.end;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('does not throw on odd bounds', () => {
    expect(splitSentences('Abc. Def.', -5, 999)).toHaveLength(2);
    expect(splitSentences('Abc.', 3, 1)).toEqual([]);
  });
});
