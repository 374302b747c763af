import { describe, expect, it } from 'vitest';
import { findNamed } from '../../src/link/named.js';
import { loadOutlets } from '../../src/link/outlets.js';

const registry = loadOutlets();

/** Names found in one sentence, as "name" or "name <- via" or "name (vague)". */
function named(sentence: string, people: string[] = []): string[] {
  const found = findNamed(sentence, 0, sentence.length, { registry, people: new Set(people.map((p) => p.toLowerCase())) });
  return found.map((m) => `${m.name}${m.vague ? ' (vague)' : ''}${m.via !== null ? ` <- ${found[m.via].name}` : ''}`);
}

describe('sources named without a link', () => {
  const cases: Array<[string, string[]]> = [
    // the seed phrasings
    ["China's open-source AI models now account for roughly 30% of global AI usage, according to the South China Morning Post.", ['South China Morning Post']],
    ["Tencent News, citing Cailian Press coverage of the same speech, highlighted Liu's claim that some model companies have generated more revenue.", ['Tencent News <- Cailian Press', 'Cailian Press']],
    ['According to OpenRouter data cited by Chinese media, Chinese models contributed 12.96 trillion tokens in the first week of April.', ['OpenRouter', 'Chinese media (vague) <- OpenRouter']],
    ['Reports from China News Service and IT Home tie the usage surge to a wider policy package.', ['China News Service', 'IT Home']],
    ["Reuters' Breakingviews column argued that China's AI token obsession may be misguided.", ["Reuters' Breakingviews"]],
    ["IT Home's report says the administration wants new facilities to use more than 80% green electricity.", ['IT Home']],
    ['In remarks carried by Chinese state-backed media, Liu described tokens as a settlement unit.', ['Chinese state-backed media (vague)']],
    ["According to China's National Data Administration (NDA), daily token consumption grew from 1 trillion.", ['National Data Administration']],
    ['Pricing data from DeepInfra, OpenRouter, and LLM-Stats as of April 2026.', ['DeepInfra', 'OpenRouter', 'LLM-Stats']],
    // other common shapes
    ['Exports rose 5% in May, Xinhua reported.', ['Xinhua']],
    ['The ministry told Reuters that exports rose 5%.', ['Reuters']],
    ['According to a Goldman Sachs analysis, the market could reach $21 billion.', ['Goldman Sachs']],
    ['Xinhua, citing the Ministry of Commerce, said exports rose.', ['Xinhua <- Ministry of Commerce', 'Ministry of Commerce']],
    ['The deal, first reported by the Financial Times, is worth $2 billion.', ['Financial Times']],
    ['Shares fell 3%, per Bloomberg.', ['Bloomberg']],
    // an initial's or abbreviation's stop inside the name
    ['The quake had a magnitude of 4.6, according to the U.S. Geological Survey.', ['U.S. Geological Survey']],
    ['Output fell 3% in May, according to the U.N. Development Programme.', ['U.N. Development Programme']],
  ];
  it.each(cases)('%s', (sentence, expected) => {
    expect(named(sentence)).toEqual(expected);
  });

  const none: string[] = [
    'Liu Liehong, director of the National Data Administration, told reporters in Beijing today.',
    'Statistical data reveals a sharp upward trajectory.',
    'Chinese AI models charge $2–3 per million output tokens, compared with $10 via APIs elsewhere.',
    'According to the upstream source brief, the search returned a 502 error.',
    'The figure was 5%, according to John Smith.',
    'The aim is to create AI-ready datasets, Liu said.',
  ];
  it.each(none)('no source in: %s', (sentence) => {
    expect(named(sentence)).toEqual([]);
  });

  it('never reads a quoted person as a source', () => {
    expect(named('The market is worth $3 billion, according to Wang.', ['Wang Wei'])).toEqual([]);
  });
});
