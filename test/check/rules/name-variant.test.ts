import type { Claim } from '../../../src/store/schema.js';
import { claim } from '../factory.js';
import { ruleTable } from '../harness.js';

/** A sentence naming entities: [text as written, canonical]. */
function names(article: string, quote: string, entities: Array<[string, string]>, speaker: string | null = null): Claim {
  return claim({ article, quote, speaker, entities: entities.map(([text, canonical]) => ({ text, canonical, start: 0, end: text.length })) });
}
const NDA = 'national-data-administration';

ruleTable('name-variant', {
  valid: [
    {
      name: 'an acronym',
      claims: [names('a', 'the National Data Administration (NDA) said', [['National Data Administration', NDA]]), names('b', 'the NDA said', [['NDA', NDA]])],
    },
    { name: 'a shorter form of a name', claims: [names('a', 'Liu Liehong said', [['Liu Liehong', 'liu-liehong']]), names('b', 'Liu said', [['Liu', 'liu-liehong']])] },
    {
      name: 'case and word order',
      claims: [
        names('a', "the 'Data Value Release Year'", [['Data Value Release Year', 'data-value-release-year']]),
        names('b', "a 'data value release year'", [['data value release year', 'data-value-release-year']]),
        names('c', "the 'Year of Data Value Release'", [['Year of Data Value Release', 'data-value-release-year']]),
      ],
    },
    {
      name: 'one title throughout',
      claims: [
        names('a', 'Liu Liehong, head of the National Data Administration, said', [['National Data Administration', NDA]], 'Liu Liehong'),
        names('b', 'Liu Liehong, head of the National Data Administration, told reporters', [['National Data Administration', NDA]], 'Liu Liehong'),
      ],
    },
  ],
  invalid: [
    {
      name: '"National Data Bureau" against "National Data Administration"',
      claims: [
        names('a', 'Liu Liehong, head of the National Data Bureau, revealed', [['National Data Bureau', NDA]]),
        names('b', 'Liu Liehong, head of the National Data Administration, said', [['National Data Administration', NDA]]),
        names('c', 'according to the National Data Administration', [['National Data Administration', NDA]]),
      ],
      errors: [{ severity: 'info', message: ["A (2026-03-23) writes 'National Data Bureau'", "B (2026-03-23) and C (2026-03-23) write 'National Data Administration'"], articles: ['a', 'b', 'c'] }],
    },
    {
      name: "'head' against 'director'",
      claims: [
        names('a', 'Liu Liehong, head of the National Data Administration, said', [], 'Liu Liehong'),
        names('b', 'Liu Liehong, head of the National Data Administration, said', [], 'Liu Liehong'),
        names('c', 'Liu Liehong, director of the National Data Administration, told reporters', [], 'Liu Liehong'),
      ],
      errors: [{ severity: 'info', message: ["C (2026-03-23) writes Liu Liehong as 'director'", "as 'head'"], articles: ['a', 'b', 'c'] }],
    },
  ],
});
