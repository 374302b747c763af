/**
 * The claim reader's tokenizer: kind, letter case and lower-case form of each token, for ASCII and
 * for letters and digits outside it (the ASCII fast path must agree with the Unicode classes).
 */
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/extract/tokens.js';

const cases: Array<[string, Array<[string, string, 'word' | 'num' | 'punct', boolean]>]> = [
  ["China's 140 trillion", [['China', 'china', 'word', true], ["'s", "'s", 'word', false], ['140', '140', 'num', false], ['trillion', 'trillion', 'word', false]]],
  ['Liu’s US$2.5bn, up 40%', [['Liu', 'liu', 'word', true], ['’s', "'s", 'word', false], ['US', 'us', 'word', true], ['$', '$', 'punct', false], ['2.5', '2.5', 'num', false], ['bn', 'bn', 'word', false], [',', ',', 'punct', false], ['up', 'up', 'word', false], ['40', '40', 'num', false], ['%', '%', 'punct', false]]],
  ['Émile Ωmega élan', [['Émile', 'émile', 'word', true], ['Ωmega', 'ωmega', 'word', true], ['élan', 'élan', 'word', false]]],
  ['٣٤ ²³ 北京 @[x]', [['٣٤', '٣٤', 'num', false], ['²³', '²³', 'num', false], ['北京', '北京', 'word', false], ['@', '@', 'punct', false], ['[', '[', 'punct', false], ['x', 'x', 'word', false], [']', ']', 'punct', false]]],
  ['O’NEILL’S Z-9 `q`', [['O', 'o', 'word', true], ['’', "'", 'word', false], ['NEILL', 'neill', 'word', true], ['’', "'", 'word', false], ['S', 's', 'word', true], ['Z-9', 'z-9', 'word', true], ['`', '`', 'punct', false], ['q', 'q', 'word', false], ['`', '`', 'punct', false]]],
];

describe('tokenize', () => {
  for (const [text, expected] of cases) {
    it(text, () => {
      const tokens = tokenize(`» ${text}`, 2);
      expect(tokens.map((t) => [t.text, t.lower, t.kind, t.cap])).toEqual(expected);
      for (const t of tokens) expect(`» ${text}`.slice(t.start, t.end)).toBe(t.text);
    });
  }
});
