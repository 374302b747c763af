import { describe, expect, it } from 'vitest';
import type { Run } from '../../src/ingest/types.js';
import { segments, sourceToPlain } from '../../src/serve/marks.js';

// Source "<p>Tokens &amp; 140 trillion</p>" read as plain "Tokens & 140 trillion":
// "Tokens " maps 3..10 → 0..7, "&amp;" (inexact) 10..15 → 7..8, " 140 trillion" 15..28 → 8..21.
const runs: Run[] = [
  { plainStart: 0, sourceStart: 3, length: 7, sourceLength: 7, exact: true },
  { plainStart: 7, sourceStart: 10, length: 1, sourceLength: 5, exact: false },
  { plainStart: 8, sourceStart: 15, length: 13, sourceLength: 13, exact: true },
];

describe('sourceToPlain', () => {
  const cases: Array<[string, number, number, [number, number] | null]> = [
    ['a word inside one run', 16, 19, [9, 12]],
    ['a range across an entity', 3, 19, [0, 12]],
    ['part of an entity counts whole', 11, 13, [7, 8]],
    ['markup only', 0, 3, null],
    ['past the text', 40, 45, null],
  ];
  it.each(cases)('%s', (_, start, end, expected) => {
    expect(sourceToPlain(runs, start, end)).toEqual(expected);
  });
});

describe('segments', () => {
  const cases: Array<[string, Array<{ start: number; end: number; id: string }>, Array<[number, number, string[]]>]> = [
    ['no marks: one plain segment', [], [[0, 10, []]]],
    ['one mark in the middle', [{ start: 2, end: 5, id: 'a' }], [[0, 2, []], [2, 5, ['a']], [5, 10, []]]],
    [
      'a figure inside a sentence-long claim',
      [{ start: 0, end: 10, id: 's' }, { start: 3, end: 6, id: 'f' }],
      [[0, 3, ['s']], [3, 6, ['s', 'f']], [6, 10, ['s']]],
    ],
    ['marks clipped to the range', [{ start: -4, end: 2, id: 'a' }, { start: 8, end: 30, id: 'b' }], [[0, 2, ['a']], [2, 8, []], [8, 10, ['b']]]],
    ['adjacent marks of the same claim merge', [{ start: 1, end: 3, id: 'a' }, { start: 3, end: 5, id: 'a' }], [[0, 1, []], [1, 5, ['a']], [5, 10, []]]],
    ['an empty mark is ignored', [{ start: 4, end: 4, id: 'a' }], [[0, 10, []]]],
  ];
  it.each(cases)('%s', (_, marks, expected) => {
    expect(segments(0, 10, marks).map((s) => [s.start, s.end, s.ids])).toEqual(expected);
  });
});
