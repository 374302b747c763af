import type { Claim } from '../../../src/store/schema.js';
import { claim, p, usage, v } from '../factory.js';
import { ruleTable } from '../harness.js';

const years = (n: number, text: string, block: string, quote: string): Claim =>
  claim({ article: 'nyt', metricKey: 'duration:tax-return', metric: 'years of tax returns', subjectKey: 'clintons', value: v(n, { unit: 'year' }), figure: text, block, quote });
const price = (x: number, per: string, text: string, metricKey: string, approx = false, quote = `DeepSeek V3.2 costs ${text}.`): Claim =>
  claim({ article: 'cm', metricKey, metric: 'price', subjectKey: 'deepseek-v3.2', subject: 'DeepSeek V3.2', value: v(x, { unit: 'USD', per, approx }), figure: text, quote });
const rate = (x: number, text: string, speaker: string | null, quote: string): Claim =>
  claim({ article: 'nyt', metricKey: 'rate:tax', metric: 'tax rate', subjectKey: 'clintons', value: v(x, { unit: '%' }), period: p('2014'), figure: text, speaker, quote });
const tax = (x: number, text: string, metric: string): Claim =>
  claim({ article: 'nyt', metricKey: 'tax', metric, subjectKey: 'clintons', value: v(x, { unit: 'USD' }), period: p('2007-01-01/2014-12-31'), figure: text });

ruleTable('internal-contradiction', {
  valid: [
    {
      name: 'a claim contrasted with the record, on another authority',
      claims: [rate(30, '30 percent', 'Jeb Bush', 'Mr. Bush said the Clintons paid 30 percent.'), rate(35.72, '35.72 percent', null, 'Their effective tax rate was 35.72 percent.')],
    },
    {
      name: 'two figures in one sentence (a comparison)',
      claims: (() => {
        const a = usage('a', 1e14, '2026-03', '100 trillion', { quote: 'Estimates ranged from 100 trillion to 140 trillion.', start: 10, end: 60 });
        const b = usage('a', 1.4e14, '2026-03', '140 trillion', { quote: 'Estimates ranged from 100 trillion to 140 trillion.', start: 10, end: 60 });
        return [a, b];
      })(),
    },
    { name: 'different things under one key: federal taxes and state and local taxes', claims: [tax(43885310, '$43,885,310', 'federal taxes'), tax(13625777, '$13,625,777', 'state and local taxes')] },
    {
      name: 'no named subject: two people held on two bonds',
      claims: [
        claim({ article: 'rep', metricKey: 'bond:jail-lieu', metric: 'held in jail in lieu', value: v(70000, { unit: 'USD' }), figure: '$70,000', quote: 'He was held in jail in lieu of $70,000 bond.' }),
        claim({ article: 'rep', metricKey: 'bond:jail-lieu', metric: 'held in jail in lieu', value: v(516000, { unit: 'USD' }), figure: '$516,000', quote: 'She was held in jail in lieu of $516,000 bond.' }),
      ],
    },
    {
      name: 'counts named only by their noun: "42 people" and "37 people"',
      claims: [
        claim({ article: 'ap', metricKey: 'people', metric: 'people', subjectKey: 'border', value: v(42, { unit: 'people' }), figure: '42', quote: 'Agents arrested 42 people.' }),
        claim({ article: 'ap', metricKey: 'people', metric: 'people', subjectKey: 'border', value: v(37, { unit: 'people' }), figure: '37', quote: 'In 2013, 37 people were turned back.' }),
      ],
    },
    { name: 'the headline agrees with the body', claims: [usage('a', 1.4e14, '2026-03', '140 Trillion', { block: 'title' }), usage('a', 1.4e14, '2026-03', 'over 140 trillion', { bound: 'lower' })] },
  ],
  invalid: [
    {
      name: 'headline "in Seven Years" against body "eight years of tax returns"',
      claims: [
        years(7, 'Seven Years', 'title', 'Clintons Report Earnings of $139 Million in Seven Years'),
        years(8, 'eight years', 'paragraph', 'Hillary Rodham Clinton on Friday released her most recent eight years of tax returns.'),
      ],
      errors: [{ severity: 'error', message: ["'Seven Years' in the headline", "'eight years' in the text"], articles: ['nyt'] }],
    },
    {
      name: '"roughly $42" for 100 million tokens against "$1.10 per million", under neighbouring keys',
      claims: [
        price(0.42, 'million output tokens', '$42', 'price:token', true, 'A chatbot processing 100 million output tokens per month pays roughly $42 on DeepSeek V3.2.'),
        price(1.1, 'million output tokens', '$1.10', 'price:output-token', false, 'DeepSeek V3.2 at $1.10 per million output tokens is not a loss leader.'),
      ],
      errors: [{ severity: 'warning', message: ["'$42'", "'$1.10'"], articles: ['cm'] }],
    },
    {
      name: 'the same, under one key',
      claims: [
        price(0.42, 'million output tokens', '$42', 'price:output-token', true, 'A chatbot pays roughly $42 for 100 million output tokens on DeepSeek V3.2.'),
        price(1.1, 'million output tokens', '$1.10', 'price:output-token', false, 'DeepSeek V3.2 at $1.10 per million output tokens.'),
      ],
      errors: [{ severity: 'warning', message: ["'$42'", "'$1.10'"] }],
    },
  ],
});
