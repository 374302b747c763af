/** Figures and counts in words, the same on every machine and locale. */
import type { Claim, ClaimValue } from '../store/schema.js';

const SCALES: Array<[number, string]> = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
];
const CURRENCY: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥', CNY: '¥' };

/** Digits with thousands separators, at most three decimals. */
function digits(n: number): string {
  const [whole, frac] = (+n.toFixed(3)).toString().split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
}

/** A number as an editor writes it: 1.4e14 → "140 trillion", 40 → "40". */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  for (const [scale, word] of SCALES) if (abs >= scale) return `${digits(+(n / scale).toPrecision(4))} ${word}`;
  return digits(n);
}

function amount(n: number, unit: string | null): string {
  const num = formatNumber(n);
  if (unit === null) return num;
  if (CURRENCY[unit]) return `${CURRENCY[unit]}${num}`;
  if (/^[A-Z]{3}$/.test(unit)) return `${unit} ${num}`;
  if (unit === '%') return `${num}%`;
  if (unit === 'x') return `${num}x`;
  if (unit === 'pp') return `${num} percentage points`;
  const plural = n !== 1 && /^[a-z][a-z ]*[^s]$/.test(unit) ? 's' : '';
  return `${num} ${unit}${plural}`;
}

/** A claim's value in words: "over 140 trillion tokens per day", "$2.1 billion–$21.1 billion". */
export function formatValue(v: ClaimValue): string {
  const body = v.min === v.max ? amount(v.min, v.unit) : `${amount(v.min, v.unit)}–${amount(v.max, v.unit)}`;
  const bound = v.bound === 'lower' ? 'over ' : v.bound === 'upper' ? 'up to ' : '';
  const approx = v.approx ? 'about ' : '';
  return `${approx}${bound}${body}${v.per ? ` per ${v.per}` : ''}`;
}

/** What a claim says, briefly: its value, else its period, else its quote. */
export const claimGist = (c: Claim): string => (c.value ? formatValue(c.value) : c.period ? c.period.text : c.quote);

/** The figure as the article writes it ("over 140 trillion"), else the gist. */
export const asWritten = (c: Claim): string => c.figure?.text ?? (c.value ? formatValue(c.value) : (c.period?.text ?? c.quote));

/** "1 article", "3 articles". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** A period in words: "early 2024 (2024-01-01 – 2024-03-31)". */
export const formatPeriod = (p: Claim['period']): string => (p ? `${p.text} (${p.start === p.end ? p.start : `${p.start} – ${p.end}`})` : 'no period');
