/**
 * Strings for the property tests: any UTF-16 text (lone surrogates included), and "newsy" text
 * assembled from the pieces articles are made of (figures, units, dates, markup), which reaches
 * far more of the extractors' code than random characters do.
 */
import fc from 'fast-check';

/** Runs per property: a few hundred under `npm test`, many more in the long fault run. */
export const RUNS = process.env.CLAIMTRACE_FAULTS === 'long' ? 5_000 : 300;

const PIECES = [
  ' ', ' ', ' ', '\n', '\n\n', '\r\n', '\t', '.', ',', ';', ':', '"', '“', '”', "'", '(', ')', '-', '–', '%', '$', '€', '¥', '~',
  '0', '1', '7', '12', '140', '1,000', '3.4', '0.5', '1e308', '9'.repeat(40), '-5', '+12', '½', '١٢٣',
  'million', 'billion', 'trillion', 'thousand', 'percent', 'per cent', 'times', 'fold', 'tokens', 'tonnes', 'yuan', 'dollars', 'kWh', 'per day', 'a day',
  'January', 'March', 'Q1', 'H2', '2024', '2026', 'early', 'late', 'last year', 'this month', 'yesterday', 'on Monday', 'between', 'and', 'from', 'to', 'by', 'since', 'in', 'over', 'about', 'nearly', 'up', 'down', 'rose', 'fell',
  'China', 'the National Data Bureau', 'said', 'according to', 'Liu Liehong', 'daily token usage',
  '# ', '> ', '- ', '1. ', '**', '_', '`', '[', ']', '](', 'http://x.org', '<p>', '</p>', '<div>', '<script>', '</script>', '<!--', '-->', '&amp;', '&#49;', '&bogus;', '---\n',
  '\u0000', '\u00a0', '\u200b', '\u202e', '\ufeff', '\ud83d\ude00', '\ud800', '\udc00',
];

/** Text made of article pieces. */
export const newsy = fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }).map((parts) => parts.join(''));

const pick = (...xs: string[]): fc.Arbitrary<string> => fc.constantFrom(...xs);

/** A sentence shaped like an article's claims, every slot drawn from variants, some odd. */
export const claimSentence = fc
  .tuple(
    pick("China's", 'The country’s', 'Beijing’s', ''),
    pick('daily token usage', 'token calls', 'data centre power use', 'revenue'),
    pick('exceeded', 'rose to', 'fell to', 'was', 'reached', 'surged over', 'jumped'),
    pick('about ', 'nearly ', 'over ', 'up to ', ''),
    pick('140', '1,000', '3.4', '0.5', '100', '9'.repeat(30), '1e308', '12-15', 'ten', 'two'),
    pick(' trillion', ' billion', ' million', '%', ' percent', '-fold', ''),
    pick(' tokens', ' yuan', ' kWh', ' per day', ''),
    pick(' in March 2026', ' in early 2024', ' last year', ' on March 23', ' between 2024 and 2026', ' in Q1', ''),
    pick(', the National Data Bureau said', ', according to Liu Liehong', ''),
    pick('.', '', '!', '…'),
  )
  .map((parts) => `${parts[0]} ${parts[1]} ${parts.slice(2).join('')}`.trim());

/** Text of claim-shaped sentences and article pieces, in paragraphs. */
export const article = fc
  .array(fc.oneof({ weight: 3, arbitrary: claimSentence }, { weight: 1, arbitrary: newsy }), { minLength: 1, maxLength: 8 })
  .chain((parts) => fc.constantFrom(' ', '\n', '\n\n').map((sep) => parts.join(sep)));

/** Any sequence of UTF-16 code units, lone surrogates included. */
export const anyUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 300 });

/** The strings every property is tried on. */
export const text = fc.oneof({ weight: 3, arbitrary: article }, newsy, anyUnits, fc.string({ unit: 'binary', maxLength: 300 }));
