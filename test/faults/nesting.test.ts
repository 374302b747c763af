/** How deeply a Markdown file nests its blocks: the guard that sends absurd nesting to the text reader. */
import { describe, expect, it } from 'vitest';
import { MAX_MARKDOWN_NESTING, markdownNesting } from '../../src/ingest/nesting.js';

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
