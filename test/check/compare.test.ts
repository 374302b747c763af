import { describe, expect, it } from 'vitest';
import { compareValues, type Side } from '../../src/check/compare.js';
import { abbreviates } from '../../src/check/conflicts.js';
import { numeralUnit, precisionOf } from '../../src/check/precision.js';
import { parsePer, relateUnits } from '../../src/check/units.js';
import { v } from './factory.js';

const side = (figure: string, value: ReturnType<typeof v>): Side => ({ value, figure });
const usd = (x: number | [number, number], o: Parameters<typeof v>[1] = {}) => v(x, { unit: 'USD', ...o });

describe('compareValues', () => {
  // [what, A, B, agree, units]
  const cases: Array<[string, Side, Side, boolean, string]> = [
    ['a lower bound admits the figure', side('over 140 trillion', v(1.4e14, { unit: 'token', bound: 'lower' })), side('140 trillion', v(1.4e14, { unit: 'token' })), true, 'same'],
    ['a lower bound admits a larger figure', side('more than 140 trillion', v(1.4e14, { bound: 'lower' })), side('141.2 trillion', v(1.412e14)), true, 'same'],
    ['a lower bound rejects a smaller figure', side('over 140 trillion', v(1.4e14, { bound: 'lower' })), side('100 trillion', v(1e14)), false, 'same'],
    ['a hedge agrees with the round figure', side('roughly 100 trillion', v(1e14, { approx: true })), side('100 trillion', v(1e14)), true, 'same'],
    ['two crowd counts differ', side('8,000 protesters', v(8000, { unit: 'protester' })), side('5,000', v(5000, { unit: 'protester' })), false, 'same'],
    ['a truncation agrees ($43 million, $43,885,310)', side('$43 million', usd(43e6)), side('$43,885,310', usd(43885310)), true, 'same'],
    ['a rounding agrees ($13.6 million, $13,625,777)', side('$13.6 million', usd(13.6e6)), side('$13,625,777', usd(13625777)), true, 'same'],
    ['more than one unit off disagrees ($139 million, $140,937,785)', side('$139 million', usd(139e6)), side('$140,937,785', usd(140937785)), false, 'same'],
    ['a hedge widens to 5% (about 310 times, 312)', side('about 310 times', v(310, { unit: 'x', approx: true })), side('312 times', v(312, { unit: 'x' })), true, 'same'],
    ['same precision must be equal (48, 47 pages)', side('48-page', v(48, { unit: 'page' })), side('47-page', v(47, { unit: 'page' })), false, 'same'],
    ['same precision must be equal (7,000, 8,000)', side('7,000', v(7000)), side('8,000', v(8000)), false, 'same'],
    ['a word number is precise to the unit (one mile, 1.2 miles)', side('one mile', v(1, { unit: 'mile' })), side('1.2 miles', v(1.2, { unit: 'mile' })), true, 'same'],
    ['ten times the value disagrees (1.2, 12 miles)', side('1.2 miles', v(1.2, { unit: 'mile' })), side('12 miles', v(12, { unit: 'mile' })), false, 'same'],
    ['a hedge is not 33% (about 3 miles, four miles)', side('about 3 miles', v(3, { unit: 'mile', approx: true })), side('four miles', v(4, { unit: 'mile' })), false, 'same'],
    ['two hedged distances differ (about 20, about 26 miles)', side('about 20 miles', v(20, { approx: true })), side('about 26 miles', v(26, { approx: true })), false, 'same'],
    ['a finer percentage agrees (35.7%, 35.72%)', side('35.7 percent', v(35.7, { unit: '%' })), side('35.72 percent', v(35.72, { unit: '%' })), true, 'same'],
    ['a value inside a range agrees', side('$2–3', usd([2, 3], { per: 'million output tokens' })), side('$2.50', usd(2.5, { per: 'million output tokens' })), true, 'same'],
    ['a value outside a range disagrees', side('$2–3', usd([2, 3], { per: 'million output tokens' })), side('$1.10', usd(1.1, { per: 'million output tokens' })), false, 'same'],
    ['per million and per token convert', side('$1.10', usd(1.1, { per: 'million output tokens' })), side('$0.0000011', usd(0.0000011, { per: 'output token' })), true, 'convertible'],
    ['a price per 100 million against a price per million', side('$42', usd(42, { per: '100 million output tokens' })), side('$1.10', usd(1.1, { per: 'million output tokens' })), false, 'convertible'],
    ['calls are not tokens', side('100 billion daily calls', v(1e11, { unit: 'call', per: 'day' })), side('100 billion daily tokens', v(1e11, { unit: 'token', per: 'day' })), true, 'incompatible'],
    ['a price is not a total', side('$42', usd(42)), side('$1.10', usd(1.1, { per: 'million output tokens' })), false, 'incompatible'],
    ['"at least three" admits four', side('at least three agents', v(3, { bound: 'lower' })), side('four agents', v(4)), true, 'same'],
    ['"nearly $15 million" admits $14,959,450', side('nearly $15 million', usd(15e6, { approx: true })), side('$14,959,450', usd(14959450)), true, 'same'],
    ['two magnitudes differ (4.4, 4.6)', side('4.4', v(4.4)), side('4.6', v(4.6)), false, 'same'],
    ['round hundreds differ (100, 140 trillion)', side('100 trillion', v(1e14)), side('140 trillion', v(1.4e14)), false, 'same'],
    ['"more than $250,000" admits $250,000', side('more than $250,000', usd(250000, { bound: 'lower' })), side('$250,000', usd(250000)), true, 'same'],
    ['USD at different scales is one unit', side('$2.1 billion', usd(2.1e9)), side('$2,100 million', usd(2.1e9)), true, 'same'],
    ['a percentage is not percentage points', side('40%', v(40, { unit: '%' })), side('40 points', v(40, { unit: 'pp' })), true, 'incompatible'],
    ['an unknown unit compares', side('4.6', v(4.6)), side('magnitude 4.6', v(4.6, { unit: 'magnitude' })), true, 'unknown'],
  ];
  it.each(cases)('%s', (_what, a, b, agree, units) => {
    const ab = compareValues(a, b);
    const ba = compareValues(b, a);
    expect(ab.agree).toBe(agree);
    expect(ba.agree).toBe(agree);
    expect(ab.units).toBe(units);
  });

  it('measures the gap between the values as written', () => {
    expect(compareValues(side('$139 million', usd(139e6)), side('$140,937,785', usd(140937785))).gap).toBeCloseTo(0.0137, 3);
    expect(compareValues(side('48', v(48)), side('47', v(47))).gap).toBeCloseTo(1 / 48, 3);
    expect(compareValues(side('over 140 trillion', v(1.4e14, { bound: 'lower' })), side('140 trillion', v(1.4e14))).gap).toBe(0);
  });
});

describe('numeralUnit', () => {
  const cases: Array<[string, number]> = [
    ['43', 1],
    ['13.6', 0.1],
    ['1.10', 0.01],
    ['43,885,310', 10],
    ['100', 10],
    ['8,000', 100],
    ['140', 10],
    ['20', 1],
    ['3', 1],
  ];
  it.each(cases)('%s is written to %d', (numeral, unit) => {
    expect(numeralUnit(numeral)).toBeCloseTo(unit, 12);
  });

  it('reads the precision of the written figure, scaled to the value', () => {
    expect(precisionOf(usd(43e6), '$43 million').min).toBeCloseTo(1e6, 3);
    expect(precisionOf(usd(0.42, { per: 'million output tokens' }), '$42').min).toBeCloseTo(0.01, 9);
    expect(precisionOf(v(1.4e14), null).min).toBeCloseTo(1e13, 0);
    expect(precisionOf(v([2, 3]), '$2–3')).toEqual({ min: 1, max: 1 });
  });
});

describe('parsePer and relateUnits', () => {
  const pers: Array<[string, number, string]> = [
    ['million output tokens', 1e6, 'output token'],
    ['day', 1, 'day'],
    ['100 million tokens', 1e8, 'token'],
    ['1M tokens', 1e6, 'token'],
    ['kWh', 1, 'kwh'],
  ];
  it.each(pers)('per %s', (per, scale, base) => {
    expect(parsePer(per)).toEqual({ scale, base });
  });

  it('relates units', () => {
    expect(relateUnits(v(1, { unit: 'tokens' }), v(2, { unit: 'token' }))).toBe('same');
    expect(relateUnits(v(1, { unit: 'USD' }), v(2, { unit: 'EUR' }))).toBe('incompatible');
    expect(relateUnits(v(1, { unit: 'token', per: 'day' }), v(2, { unit: 'token' }))).toBe('unknown');
    expect(relateUnits(v(1, { unit: 'USD', per: 'million tokens' }), v(2, { unit: 'USD', per: 'thousand tokens' }))).toBe('convertible');
    expect(relateUnits(v(1, { unit: 'USD', per: 'kWh' }), v(2, { unit: 'USD', per: 'million tokens' }))).toBe('incompatible');
  });
});

describe('written precision is a rounding or a truncation, not a free unit', () => {
  const cases: Array<[string, Side, Side, boolean]> = [
    ['"1 trillion" is not 100 billion', side('1 trillion', v(1e12)), side('100 billion', v(1e11)), false],
    ['"nearly $44 million" rounds $43,885,310', side('$44 million', usd(44e6)), side('$43,885,310', usd(43885310)), true],
    ['"140 trillion" truncates 145 trillion', side('140 trillion', v(1.4e14)), side('145 trillion', v(1.45e14)), true],
    ['"140 trillion" is not 134 trillion', side('140 trillion', v(1.4e14)), side('134 trillion', v(1.34e14)), false],
  ];
  it.each(cases)('%s', (_what, a, b, agree) => {
    expect(compareValues(a, b).agree).toBe(agree);
    expect(compareValues(b, a).agree).toBe(agree);
  });
});

describe('abbreviates: an acronym and the name it stands for', () => {
  const table: [string, string, boolean][] = [
    ['usgs', 'u.s. geological survey', true],
    ['usgs', 'united states geological survey', true],
    ['usgs', 'geological survey', true],
    ['nasa', 'national aeronautics and space administration', true],
    ['fbi', 'federal bureau of investigation', true],
    ['ap', 'associated press', true],
    ['cnn', 'geological survey', false],
    ['usgs', 'survey', false],
    ['nda', 'national development and reform commission', false],
    ['reuters', 'thomson reuters', false],
  ];
  for (const [short, long, expected] of table) it(`${short} / ${long}: ${expected}`, () => expect(abbreviates(short, long)).toBe(expected));
});
