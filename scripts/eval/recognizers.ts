/**
 * Microsoft Recognizers-Text English specs (number, percent, currency, dimension). A case is right
 * when the set of values we find equals the gold set of values, compared numerically; for currency
 * the unit must match too, through the visible table below. Each suite looks only at the mentions
 * of its own kind (all figures for `number`, percents for `percent`, money for `currency`, measures
 * for `dimension`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findQuantities } from '../../src/extract/quantity.js';
import type { QuantityMention } from '../../src/extract/types.js';
import type { EvalResult } from './types.js';

interface Case {
  input: string;
  results: Array<{ text: string; start: number; end: number; value: string | null; unit?: string }>;
}

/** Recognizers-Text currency names → our ISO 4217 codes (or subunit names). */
const CURRENCY: Record<string, string | string[]> = {
  franc: ['CHF', 'FRF', 'BEF', 'XOF', 'XAF'],
  peseta: 'ESP',
  'netherlands guilder': 'NLG',
  'costa rican colón': 'CRC',
  'georgian lari': 'GEL',
  'lao kip': 'LAK',
  dollar: 'USD',
  'united states dollar': 'USD',
  'canadian dollar': 'CAD',
  'australian dollar': 'AUD',
  'new zealand dollar': 'NZD',
  'hong kong dollar': 'HKD',
  'singapore dollar': 'SGD',
  'new taiwan dollar': 'TWD',
  'jamaican dollar': 'JMD',
  'zimbabwe dollar': 'ZWL',
  euro: 'EUR',
  pound: 'GBP',
  'british pound': 'GBP',
  'pound sterling': 'GBP',
  yen: 'JPY',
  'japanese yen': 'JPY',
  'chinese yuan': 'CNY',
  yuan: 'CNY',
  renminbi: 'CNY',
  rupee: 'INR',
  'indian rupee': 'INR',
  'pakistani rupee': 'PKR',
  'sri lankan rupee': 'LKR',
  won: 'KRW',
  'south korean won': 'KRW',
  'russian ruble': 'RUB',
  ruble: 'RUB',
  'turkish lira': 'TRY',
  'israeli new shekel': 'ILS',
  shekel: 'ILS',
  'malaysian ringgit': 'MYR',
  'swiss franc': 'CHF',
  'french franc': 'FRF',
  'finnish markka': 'FIM',
  'deutsche mark': 'DEM',
  'german mark': 'DEM',
  'italian lira': 'ITL',
  'spanish peseta': 'ESP',
  'mexican peso': 'MXN',
  'philippine peso': 'PHP',
  peso: 'MXN',
  'south african rand': 'ZAR',
  'brazilian real': 'BRL',
  'swedish krona': 'SEK',
  'norwegian krone': 'NOK',
  'danish krone': 'DKK',
  'kuwaiti dinar': 'KWD',
  'saudi riyal': 'SAR',
  'united arab emirates dirham': 'AED',
  'nigerian naira': 'NGN',
  'egyptian pound': 'EGP',
  bitcoin: 'BTC',
  cent: 'cent',
  'united states cent': 'cent',
  penny: 'penny',
  pence: 'penny',
};

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-8 + 1e-6 * Math.max(Math.abs(a), Math.abs(b));

function num(s: string | null): number {
  return s === null || s === undefined ? NaN : parseFloat(String(s).replace(/[%,\s]/g, ''));
}

function sameSet(gold: number[], pred: number[]): boolean {
  const g = [...new Set(gold)].sort((a, b) => a - b);
  const p = [...new Set(pred)].sort((a, b) => a - b);
  if (g.length !== p.length) return false;
  return g.every((x, i) => close(x, p[i]));
}

function values(qs: QuantityMention[]): number[] {
  return qs.flatMap((q) => (q.value.min === q.value.max ? [q.value.min] : [q.value.min, q.value.max]));
}

const TIME_UNITS = new Set(['millisecond', 'microsecond', 'nanosecond', 'second', 'minute', 'hour', 'day', 'week', 'fortnight', 'month', 'quarter', 'year', 'decade', 'century', 'millennium']);

type Pick = (q: QuantityMention) => boolean;
const SUITES: Array<{ name: string; pick: Pick; unit: boolean; report: boolean }> = [
  // the number recognizer leaves out figures glued to a unit of measure ("180ml" is a dimension)
  { name: 'number', pick: (q) => q.kind !== 'measure' || TIME_UNITS.has(q.value.unit ?? ''), unit: false, report: true },
  { name: 'percent', pick: (q) => q.kind === 'percent', unit: false, report: true },
  { name: 'currency', pick: (q) => q.kind === 'money', unit: true, report: true },
  // durations ("20 minutes") belong to Recognizers' date-time model, not to dimensions
  { name: 'dimension', pick: (q) => q.kind === 'measure' && !TIME_UNITS.has(q.value.unit ?? ''), unit: false, report: true },
];

/** Score the extractor on `<data>/recognizers/*.json`. */
export async function evaluate(dataDir: string): Promise<EvalResult | null> {
  const dir = join(dataDir, 'recognizers');
  if (!existsSync(dir)) return null;
  const lines: string[] = [];
  const metrics: Record<string, number> = {};
  const show = Number(process.env.RECOGNIZERS_SHOW ?? 5);
  for (const suite of SUITES) {
    const file = join(dir, `${suite.name}.json`);
    if (!existsSync(file)) continue;
    const cases = JSON.parse(readFileSync(file, 'utf8')) as Case[];
    let right = 0;
    const fails: string[] = [];
    for (const c of cases) {
      const found = findQuantities(c.input).filter(suite.pick);
      // gold entries without a value (a bare currency name) are not figures and are left out
      const results = c.results.filter((r) => Number.isFinite(num(r.value)));
      const gold = results.map((r) => num(r.value));
      let ok = sameSet(gold, values(found));
      if (ok && suite.unit) {
        const pu = found.map((q) => q.value.unit ?? '');
        ok = results.length === pu.length && results.every((r) => {
          const want = CURRENCY[(r.unit ?? '').toLowerCase()] ?? `?${r.unit}`;
          return pu.some((u) => (Array.isArray(want) ? want.includes(u) : want === u));
        });
      }
      if (ok) right++;
      else fails.push(`${JSON.stringify(c.input.slice(0, 110))} gold [${c.results.map((r) => `${r.value}${suite.unit ? ' ' + r.unit : ''}`).join(', ')}] got [${found.map((q) => `${q.text}=${q.value.min}${q.value.max !== q.value.min ? '-' + q.value.max : ''}${suite.unit ? ' ' + q.value.unit : ''}`).join(', ')}]`);
    }
    const acc = cases.length ? right / cases.length : 0;
    metrics[suite.name] = acc;
    lines.push(`${suite.name.padEnd(10)} ${right}/${cases.length} = ${(100 * acc).toFixed(1)}%${suite.name === 'dimension' ? '' : '   (target ≥ 97%)'}`);
    for (const f of fails.slice(0, show)) lines.push(`  ✗ ${f}`);
  }
  return { name: 'recognizers', lines, metrics };
}
