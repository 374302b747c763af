import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findQuantities } from '../../src/extract/quantity.js';

type Want = { text: string; min: number; max?: number; unit: string | null; per?: string | null; bound?: 'lower' | 'upper' | null; approx?: boolean; unitText?: string | null; kind?: string; change?: string | null };

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

function check(sentence: string, want: Want[]) {
  const got = findQuantities(sentence);
  expect(got.map((q) => q.text)).toEqual(want.map((w) => w.text));
  want.forEach((w, i) => {
    const q = got[i];
    expect(close(q.value.min, w.min), `${w.text} min ${q.value.min}`).toBe(true);
    expect(close(q.value.max, w.max ?? w.min), `${w.text} max ${q.value.max}`).toBe(true);
    expect(q.value.unit).toBe(w.unit);
    if (w.per !== undefined) expect(q.value.per).toBe(w.per);
    if (w.bound !== undefined) expect(q.value.bound).toBe(w.bound);
    if (w.approx !== undefined) expect(q.value.approx).toBe(w.approx);
    if (w.unitText !== undefined) expect(q.unitText).toBe(w.unitText);
    if (w.kind !== undefined) expect(q.kind).toBe(w.kind);
    if (w.change !== undefined) expect(q.change).toBe(w.change);
  });
}

describe('findQuantities: figures an editor checks', () => {
  const cases: Array<[string, Want[]]> = [
    ["China's daily Token usage exceeded 140 trillion in March.", [{ text: '140 trillion', min: 1.4e14, unit: null, bound: 'lower' }]],
    ['a growth of over 1,000 times in two years', [{ text: 'over 1,000 times', min: 1000, unit: 'x', bound: 'lower', kind: 'multiplier' }, { text: 'two years', min: 2, unit: 'year' }]],
    ['from 100 billion daily calls in early 2024', [{ text: '100 billion', min: 1e11, unit: 'call', per: 'day', unitText: 'daily calls' }]],
    ['GPT-5 costs $1.10 per million output tokens.', [{ text: '$1.10', min: 1.1, unit: 'USD', per: 'million output tokens', kind: 'money' }]],
    ['Revenue was up 40 percent from a year earlier.', [{ text: '40 percent', min: 40, unit: '%', change: 'up' }]],
    ['The rate fell 3 percentage points.', [{ text: '3 percentage points', min: 3, unit: 'pp', kind: 'percentage-point', change: 'down' }]],
    ['It will cost between $2.1 billion and $21.1 billion.', [{ text: '$2.1 billion and $21.1 billion', min: 2.1e9, max: 2.11e10, unit: 'USD' }]],
    ['Prices of $2–3 billion, a 10–20x gain and 5 to 10 percent.', [{ text: '$2–3 billion', min: 2e9, max: 3e9, unit: 'USD' }, { text: '10–20x', min: 10, max: 20, unit: 'x' }, { text: '5 to 10 percent', min: 5, max: 10, unit: '%' }]],
    ['The data centres store 890 petabytes and draw 3.4 terawatts.', [{ text: '890 petabytes', min: 890, unit: 'petabyte' }, { text: '3.4 terawatts', min: 3.4, unit: 'terawatt' }]],
    ['Some 8,000 protesters marched.', [{ text: 'Some 8,000', min: 8000, unit: 'protester', approx: true }]],
    ['He faces a 48-page indictment.', [{ text: '48-page', min: 48, unit: 'page' }]],
    // Powers: the exponent's signs fold ("^--23" is ^23), and a minus before the base applies after the power.
    ['A sample of 10^−9 grams.', [{ text: '10^−9 grams', min: 1e-9, unit: 'gram' }]],
    ['The factor is 2^-1 and the sum -1.1^--23.', [{ text: '2^-1', min: 0.5, unit: null }, { text: '-1.1^--23', min: -8.95430243255239, unit: null }]],
    // A decimal comma (one or two digits after it) is not a thousands separator, nor a list.
    ['The fine was 1,3 million euros.', [{ text: '1,3 million euros', min: 1.3e6, unit: 'EUR' }]],
    ['A coffee costs 5,00 euros.', [{ text: '5,00 euros', min: 5, unit: 'EUR' }]],
    ['See exercises 22,24,26,31.', [{ text: '22', min: 22, unit: null }, { text: '24', min: 24, unit: null }, { text: '26', min: 26, unit: null }, { text: '31', min: 31, unit: null }]],
    // An IPv4 address is four numbers; a version number is none; digits said one by one are each a number.
    ['The server at 192.168.1.2 failed.', [{ text: '192', min: 192, unit: null }, { text: '168', min: 168, unit: null }, { text: '1', min: 1, unit: null }, { text: '2', min: 2, unit: null }]],
    ['Upgrade to version 1.2.3 now.', []],
    ['They were playing three-nought-four.', [{ text: 'three', min: 3, unit: null }, { text: 'nought', min: 0, unit: null }, { text: 'four', min: 4, unit: null }]],
    // Cents after a written currency word, with or without "cents".
    ['It only cost thirteen dollars forty five.', [{ text: 'thirteen dollars forty five', min: 13.45, unit: 'USD' }]],
    ['It costs one dollar and two, they said.', [{ text: 'one dollar and two', min: 1.02, unit: 'USD' }]],
    ['He paid 5 dollars and 20 people watched.', [{ text: '5 dollars', min: 5, unit: 'USD' }, { text: '20', min: 20, unit: 'people' }]],
    ['Speeds rose by three orders of magnitude.', [{ text: 'three orders of magnitude', min: 1000, unit: 'x' }]],
    ['Usage doubled in a year.', [{ text: 'doubled', min: 2, unit: 'x' }]],
    ["Country music's $500 million empire; the city’s $2 billion budget; a S$30 fare.", [{ text: '$500 million', min: 5e8, unit: 'USD' }, { text: '$2 billion', min: 2e9, unit: 'USD' }, { text: 'S$30', min: 30, unit: 'SGD' }]],
    ['It sold for US$5 million, €3bn, RMB 100 and 500 yuan.', [{ text: 'US$5 million', min: 5e6, unit: 'USD' }, { text: '€3bn', min: 3e9, unit: 'EUR' }, { text: 'RMB 100', min: 100, unit: 'CNY' }, { text: '500 yuan', min: 500, unit: 'CNY' }]],
    ['Nearly two-thirds of voters and a dozen states.', [{ text: 'Nearly two-thirds', min: 2 / 3, unit: null, approx: true }, { text: 'a dozen', min: 12, unit: 'state' }]],
    ['At least 300 people died; up to 5 more are missing.', [{ text: 'At least 300', min: 300, unit: 'people', bound: 'lower' }, { text: 'up to 5', min: 5, unit: null, bound: 'upper' }]],
    ['Oil output fell by 500,000 barrels a day.', [{ text: '500,000 barrels', min: 500000, unit: 'barrel', per: 'day', change: 'down' }]],
    // "a year earlier" is a time back, not a rate; "a year" alone is one.
    ['The dividend is up 15% from 4 pence a year earlier.', [{ text: '15%', min: 15, unit: '%', change: 'up' }, { text: '4 pence', min: 4, unit: 'penny', per: null }]],
    ['It paid $1.61 a share a year ago and $50,000 a year in salaries.', [{ text: '$1.61', min: 1.61, unit: 'USD', per: 'share' }, { text: '$50,000', min: 50000, unit: 'USD', per: 'year' }]],
    ['A 15-year-old was hurt.', [{ text: '15-year-old', min: 15, unit: 'year-old' }]],
  ];
  it.each(cases)('%s', (sentence, want) => check(sentence, want));
});

describe('findQuantities: numbers that are not quantities', () => {
  const none: string[] = [
    'In 2024, the plan changed.',
    'The meeting was held on March 23 at 03:50 PM.',
    'The filing is dated 2026-03-23.',
    'It was included in the 15th Five-Year Plan.',
    'GPT-5.4 and DeepSeek V3.2 compete with Qwen 3.5.',
    'The iPhone 15 runs Windows 11 apps.',
    'Section 230 protects platforms.',
    'Call 555-1234 after 9 a.m. for help 24/7.',
    'Music of the 1990s.',
    'Arsenal won 3-2 on Sunday.',
  ];
  it.each(none)('%s', (sentence) => {
    expect(findQuantities(sentence).map((q) => q.text)).toEqual([]);
  });
});

describe('findQuantities: contract', () => {
  it('keeps text equal to the slice, sorted and non-overlapping, on the seed articles', () => {
    const dir = join(__dirname, '../../sources/articles');
    for (const f of readdirSync(dir)) {
      const text = readFileSync(join(dir, f), 'utf8');
      const qs = findQuantities(text);
      let end = 0;
      for (const q of qs) {
        expect(q.text).toBe(text.slice(q.start, q.end));
        expect(q.start).toBeGreaterThanOrEqual(end);
        expect(Number.isFinite(q.value.min) && Number.isFinite(q.value.max)).toBe(true);
        end = q.end;
      }
    }
  });
  it('never throws on odd input', () => {
    for (const s of ['', '$', '-', '1,', '.5.', '1e999', '9'.repeat(400), '\u0000 12 \ud800', 'one and and', 'between and', '$ - 3 to', '1/0', '0/0 percent']) {
      expect(() => findQuantities(s)).not.toThrow();
    }
  });
});
