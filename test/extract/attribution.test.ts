import { describe, expect, it } from 'vitest';
import { findAttribution, newAttributionContext } from '../../src/extract/attribution.js';
import { tokenize } from '../../src/extract/tokens.js';

const read = (sentences: string[]) => {
  const ctx = newAttributionContext();
  return sentences.map((s) => findAttribution(tokenize(s), 0, ctx)?.text ?? null);
};

describe('findAttribution', () => {
  const cases: Array<[string, string | null]> = [
    ['Average daily token usage in China has exceeded 140 trillion so far this month, Liu Liehong, director of the National Data Administration, told reporters in Beijing today.', 'Liu Liehong, National Data Administration'],
    ["According to China's National Data Administration (NDA), daily token consumption grew from just 1 trillion in early 2025.", 'National Data Administration'],
    ['According to OpenRouter data cited by Chinese media, Chinese models contributed 12.96 trillion tokens in the first week of April 2026 alone.', 'OpenRouter'],
    ['The company earned $2 billion last year, said Jane Smith, chief executive of Acme Corp.', 'Jane Smith, Acme Corp'],
    // A title before the name is not part of it: two outlets' "U.S. Commerce Secretary Gina
    // Raimondo" and "Commerce Secretary Gina Raimondo" are one speaker.
    ['Police Chief John Doe said 8,000 people attended.', 'John Doe'],
    ['U.S. Commerce Secretary Gina Raimondo said the plan would cost $52 billion.', 'Gina Raimondo'],
    ['The plan would cost $52 billion, Commerce Secretary Gina Raimondo said.', 'Gina Raimondo'],
    ['Federal Reserve Chairman Jerome Powell said rates would stay at 5.25%.', 'Jerome Powell'],
    ['President Biden said the plan would cost $52 billion.', 'Biden'],
    ['General Motors said it would cut 1,200 jobs.', 'General Motors'],
    // an initial's or abbreviation's stop inside the name
    ['An earthquake measuring 4.6 struck early Thursday, according to the U.S. Geological Survey.', 'U.S. Geological Survey'],
    ['Sales rose 12% last year, said John F. Kennedy, chief executive of Acme Inc.', 'John F. Kennedy, Acme Inc'],
    ['The economy grew 3 percent in the quarter.', null],
    // Sources named by their role, the commonest attribution of breaking news.
    ['About 5,000 people marched through Paris on Saturday, police said.', 'police'],
    ['About 5,000 people marched, according to police.', 'police'],
    ['Twelve people were killed, local officials said.', 'local officials'],
    ['At least 30 people died, state media reported.', 'state media'],
    ['The victim was 42, the coroner said.', 'coroner'],
    // a role word that is not the one speaking is no source
    ['The police station was closed for renovation.', null],
  ];
  it.each(cases)('%s', (sentence, expected) => {
    expect(read([sentence])[0]).toBe(expected);
  });

  it('carries a speaker to "Liu said" and "he added"', () => {
    const got = read([
      'Liu Liehong, head of the National Data Bureau, revealed that usage exceeded 140 trillion in March.',
      'The sharp uptick shows rapid growth, Liu said.',
      'It also signifies that the supply of datasets has swelled, he added.',
    ]);
    expect(got).toEqual(['Liu Liehong, National Data Bureau', 'Liu Liehong, National Data Bureau', 'Liu Liehong, National Data Bureau']);
  });
});
