import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../src/extract/index.js';
import { MAX_QUOTE, windowAround } from '../../src/extract/quote.js';
import { readHtml } from '../../src/ingest/html.js';
import { readText } from '../../src/ingest/text.js';

/** One "sentence" with no full stop: a flattened table of district budgets. */
const table = (rows: number): string =>
  Array.from({ length: rows }, (_, i) => `district ${String.fromCharCode(65 + (i % 26))} spent $${i + 3} million on roads in 2024`).join('; ');

describe('windowAround', () => {
  const text = 'aaa bbb ccc 42 ddd eee fff';
  const cases: Array<[number, string]> = [
    [100, 'aaa bbb ccc 42 ddd eee fff'],
    [10, 'ccc 42 ddd'],
    [8, '42'],
    [2, '42'],
  ];
  for (const [max, quote] of cases) {
    it(`keeps at most ${max} characters around the figure, between words: "${quote}"`, () => {
      const at = text.indexOf('42');
      const w = windowAround(text, 0, text.length, at, at + 2, max);
      expect(text.slice(w.start, w.end)).toBe(quote);
    });
  }
});

describe('quotes of an overlong sentence', () => {
  const source = `Road budgets\n\nThe city council said ${table(200)}.\n\nThe mayor said spending rose 12% in 2024.\n`;
  const claims = extractClaims(readText('roads.txt', source), { articleId: 'a-1', published: '2025-01-10' });
  const long = claims.filter((c) => c.quote.includes('district'));

  it('cuts each quote to the words around its figure, still the file text between start and end', () => {
    expect(long.length).toBeGreaterThan(100);
    for (const c of long) {
      expect(c.quote.length).toBeLessThanOrEqual(MAX_QUOTE);
      expect(source.slice(c.start, c.end)).toBe(c.quote);
      expect(c.figure!.start).toBeGreaterThanOrEqual(c.start);
      expect(c.figure!.end).toBeLessThanOrEqual(c.end);
      expect(source.slice(c.figure!.start, c.figure!.end)).toBe(c.figure!.text);
    }
  });

  it('moves line and column with the quote', () => {
    for (const c of long) {
      const before = source.slice(0, c.start);
      expect(c.line).toBe(before.split('\n').length);
      expect(c.column).toBe(c.start - (before.lastIndexOf('\n') + 1) + 1);
    }
  });

  it('leaves a sentence of ordinary length whole', () => {
    expect(claims.find((c) => c.value?.unit === '%')?.quote).toBe('The mayor said spending rose 12% in 2024.');
  });

  it('cuts quotes of HTML too, the figure inside', () => {
    const page = `<html><body><h1>Road budgets</h1><p>The city council said ${table(200).replace(/\$/g, '&#36;')}.</p></body></html>`;
    const html = extractClaims(readHtml('roads.html', page), { articleId: 'a-2', published: '2025-01-10' });
    const cut = html.filter((c) => c.quote.includes('district'));
    expect(cut.length).toBeGreaterThan(100);
    for (const c of cut) {
      expect(c.quote.length).toBeLessThanOrEqual(MAX_QUOTE);
      expect(c.figure!.start).toBeGreaterThanOrEqual(c.start);
      expect(c.figure!.end).toBeLessThanOrEqual(c.end);
      expect(c.quote).toContain(c.figure!.text);
    }
  });
});
