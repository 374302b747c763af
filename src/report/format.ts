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

/** Nouns whose plural is not the singular and an "s" ("12 people", "3 men", "30 feet"). */
const IRREGULAR: Record<string, string> = { people: 'people', person: 'people', man: 'men', woman: 'women', child: 'children', foot: 'feet', tooth: 'teeth', mouse: 'mice', life: 'lives', staff: 'staff', police: 'police', dead: 'dead', injured: 'injured', wounded: 'wounded', missing: 'missing' };

/** The plural of a unit for a message, its last word inflected ("square mile" → "square miles", "casualty" → "casualties"). */
function pluralUnit(unit: string): string {
  // "mile per hour" → "miles per hour": the counted noun, not the denominator
  const per = unit.indexOf(' per ');
  if (per > 0) return pluralUnit(unit.slice(0, per)) + unit.slice(per);
  const i = unit.lastIndexOf(' ') + 1;
  const [head, last] = [unit.slice(0, i), unit.slice(i)];
  if (IRREGULAR[last]) return head + IRREGULAR[last];
  if (/s$/.test(last)) return unit;
  if (/[^aeiou]y$/.test(last)) return head + last.slice(0, -1) + 'ies';
  if (/(x|ch|sh)$/.test(last)) return `${unit}es`;
  return `${unit}s`;
}

function amount(n: number, unit: string | null): string {
  const num = formatNumber(n);
  if (unit === null) return num;
  if (CURRENCY[unit]) return `${CURRENCY[unit]}${num}`;
  if (/^[A-Z]{3}$/.test(unit)) return `${unit} ${num}`;
  if (unit === '%') return `${num}%`;
  if (unit === 'x') return `${num}x`;
  if (unit === 'pp') return `${num} percentage points`;
  return `${num} ${n !== 1 && /^[a-z][a-z ]*$/.test(unit) ? pluralUnit(unit) : unit}`;
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
