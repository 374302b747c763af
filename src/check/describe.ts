/**
 * Words for messages: an article as "Yicai (2026-03-24)", several as "1M Reviews (2026-03-23) and 2
 * others", a figure as written ("'over 140 trillion'"), a value in words when no text is known.
 */
import type { ArticleRecord, Claim, ClaimValue } from '../store/schema.js';
import { cmp } from './hash.js';
import { formatPeriod } from './period.js';
import type { ArticleInfo } from './types.js';

const NO_OUTLET = new Set(['', 'unknown', 'n/a', 'none']);

/** Normalised path for stable keys: the last two segments, lower case, forward slashes. */
export function pathKey(path: string): string {
  return path.replace(/\\/g, '/').split('/').filter((s) => s && s !== '.').slice(-2).join('/').toLowerCase();
}

/** How messages name an article, and the parts of it keys are made of. */
export function articleInfo(record: ArticleRecord): ArticleInfo {
  const outletValue = record.outlet?.value?.trim() ?? '';
  const outlet = NO_OUTLET.has(outletValue.toLowerCase()) ? null : outletValue;
  const file = record.path.replace(/\\/g, '/').split('/').pop() ?? record.path;
  return { id: record.id, record, key: pathKey(record.path), label: outlet ?? file, outlet, published: record.published?.value ?? null };
}

/** "Yicai (2026-03-24)". */
export function nameArticle(a: ArticleInfo | undefined, id = '?'): string {
  if (!a) return id;
  return `${a.label} (${a.published ?? 'undated'})`;
}

/** Articles in message order: by path. */
export function orderArticles(ids: Iterable<string>, articles: Map<string, ArticleInfo>): string[] {
  return [...new Set(ids)].sort((x, y) => cmp(articles.get(x)?.key ?? x, articles.get(y)?.key ?? y) || cmp(x, y));
}

/** "A (d)", "A (d) and B (d)", "A (d) and 3 others". */
export function nameArticles(ids: Iterable<string>, articles: Map<string, ArticleInfo>): string {
  const list = orderArticles(ids, articles);
  const first = nameArticle(articles.get(list[0]), list[0]);
  if (list.length <= 1) return first;
  if (list.length === 2) return `${first} and ${nameArticle(articles.get(list[1]), list[1])}`;
  return `${first} and ${list.length - 1} others`;
}

/** Singular or plural verb for a list of articles: ("gives", "give"). */
export const verb = (count: number, singular: string, plural: string): string => (count === 1 ? singular : plural);

const SCALES: Array<[number, string]> = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
];

/** A number in words: 1.4e14 → "140 trillion", 43885310 → "43,885,310", 0.42 → "0.42". */
export function formatNumber(x: number): string {
  const a = Math.abs(x);
  for (const [size, word] of SCALES) {
    if (a < size) continue;
    const q = a / size;
    if (Math.abs(q - Math.round(q * 1000) / 1000) <= 1e-9 * q) return `${x < 0 ? '-' : ''}${+q.toFixed(3)} ${word}`;
  }
  if (Number.isInteger(x)) return x.toLocaleString('en-US');
  return String(+x.toPrecision(6));
}

/** A value in words: "over 140 trillion token/day", "$1.1 per million output tokens", "40%". */
export function formatValue(v: ClaimValue): string {
  const money = v.unit !== null && /^[A-Z]{3}$/.test(v.unit);
  const num = (x: number): string => (money && v.unit === 'USD' ? `$${formatNumber(x)}` : formatNumber(x));
  let s = v.min === v.max ? num(v.min) : `${num(v.min)}–${num(v.max)}`;
  if (v.unit === '%') s += '%';
  else if (v.unit === 'x') s += 'x';
  else if (v.unit && !(money && v.unit === 'USD')) s += ` ${v.unit}`;
  if (v.per) s += ` per ${v.per}`;
  if (v.bound === 'lower') s = `over ${s}`;
  if (v.bound === 'upper') s = `up to ${s}`;
  if (v.approx) s = `about ${s}`;
  return s;
}

/** The figure as written, quoted: "'over 140 trillion'"; else the value in words. */
export function quoteFigure(c: Claim): string {
  if (c.figure?.text) return `'${c.figure.text}'`;
  return c.value ? formatValue(c.value) : `'${shorten(c.quote, 60)}'`;
}

/** The figure with its period: "'100 billion' (early 2024)". */
export function figureAt(c: Claim): string {
  return c.period ? `${quoteFigure(c)} (${c.period.text || formatPeriod(c.period)})` : quoteFigure(c);
}

/** Cut a text at a word boundary. */
export function shorten(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 15))}…`;
}

/** A few words of a claim's quote ending with `phrase` ("told reporters in Beijing today"). */
export function phraseBefore(quote: string, phrase: string, words = 4): string {
  const i = quote.toLowerCase().lastIndexOf(phrase.toLowerCase());
  if (i < 0 || phrase === '') return shorten(quote, 60);
  const before = quote.slice(0, i).replace(/\s+/g, ' ').trimEnd().split(' ').slice(-words);
  // Keep the clause the phrase is in: drop words up to the last comma or dash.
  let start = 0;
  before.forEach((w, k) => {
    if (/[,;:—–]$/.test(w)) start = k + 1;
  });
  return [...before.slice(start), quote.slice(i, i + phrase.length)].join(' ').trim();
}

/** Metric and subject in words for a message, from the first claims that name them: "daily AI token usage (China)". */
export function whatOf(...claims: Claim[]): string {
  // The metric most of the claims name in words, passing over those that only repeat the unit ("call").
  const named = (c: Claim): string | null => {
    if (!c.metric) return null;
    const m = c.metric.toLowerCase().replace(/s$/, '');
    const unit = (c.value?.unit ?? '').toLowerCase();
    return m === unit || m === c.metricKey ? null : c.metric;
  };
  // A headline's words are cut to fit ("Clintons Report Earnings"): the body's name the metric better.
  const body = claims.filter((c) => c.block !== 'title');
  const metric = mostCommon(body.map(named)) ?? mostCommon(claims.map(named)) ?? claims.find((c) => c.metric)?.metric ?? claims.find((c) => c.metricKey)?.metricKey ?? 'the figure';
  const subject = mostCommon(claims.map((c) => c.subject));
  return subject ? `${metric} (${subject})` : metric;
}

/** The most frequent non-null text (ties: the longer, then the first). */
function mostCommon(texts: Array<string | null>): string | null {
  const counts = new Map<string, number>();
  for (const t of texts) if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
  let best: string | null = null;
  for (const [t, n] of counts) {
    const b = best === null ? 0 : counts.get(best)!;
    if (n > b || (n === b && best !== null && t.length > best.length)) best = t;
  }
  return best;
}
