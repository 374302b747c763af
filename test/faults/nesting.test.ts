/** The two guards that send absurd Markdown (deep nesting, brackets by the ten thousand) to the text reader. */
import { describe, expect, it } from 'vitest';
import { MAX_BRACKET_WORK, MAX_MARKDOWN_NESTING, markdownBracketWork, markdownNesting } from '../../src/ingest/nesting.js';

const cases: Array<[string, string, number]> = [
  ['plain prose', 'Usage rose 5% in 2025.\nNothing nested.\n', 0],
  ['a block quote in a list item', '- > quoted 5%\n', 2],
  ['an ordered list inside a bullet', '- 1. first\n  2) second\n', 2],
  ['a thematic break counts its dashes', '- - -\n', 3],
  ['a negative number is not a marker', '-5% in May\n', 0],
  ['a year at a line start is not a marker', '2025. A year.\n', 1],
  ['indentation: one level per two columns', '      - deep\n', 4],
  ['tabs count four columns', '\t\t- x\n', 5],
  ['10,000 block quotes', `${'>'.repeat(10_000)} x\n`, 10_000],
  ['10,000 list markers on one line', `${'- '.repeat(10_000)}x\n`, 10_000],
  ['CRLF line ends', '> a\r\n> > b\r\n', 2],
];

describe('markdownNesting', () => {
  for (const [name, text, depth] of cases) it(name, () => expect(markdownNesting(text)).toBe(depth));
  it('real articles stay far below the limit', () => expect(markdownNesting('# T\n\n- a\n  - b\n    > c\n')).toBeLessThan(MAX_MARKDOWN_NESTING / 20));
});

const bracketCases: Array<[string, string, number]> = [
  ['no brackets', 'Usage rose 5% in 2025.\n', 0],
  ['a link', 'See [the report](https://example.org).\n', 4],
  ['two links in one paragraph', 'See [a](x) and [b](y).\nMore text.\n', 16],
  ['two paragraphs count apart', 'See [a](x).\n\nAnd [b](y).\n', 8],
  ['a blank line with spaces and CRLF ends a paragraph', '[a]\r\n  \r\n[b]\r\n', 8],
  ['1,000 unmatched brackets', `${'['.repeat(1_000)}\n`, 1_000_000],
];

describe('markdownBracketWork', () => {
  for (const [name, text, work] of bracketCases) it(name, () => expect(markdownBracketWork(text)).toBe(work));
  it('a paragraph of 100,000 brackets is past the limit, an article with 500 links is not', () => {
    expect(markdownBracketWork(`x ${'['.repeat(100_000)} y\n`)).toBeGreaterThan(MAX_BRACKET_WORK);
    expect(markdownBracketWork(Array.from({ length: 500 }, (_, i) => `Para [link ${i}](https://example.org/${i}) [^${i}].\n\n`).join(''))).toBeLessThan(MAX_BRACKET_WORK / 1000);
  });
});
