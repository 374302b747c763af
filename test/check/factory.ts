/**
 * Claims, articles and sources for check tests: `claim({...overrides})` fills every field of the
 * schema with a harmless default, so a test states only what it is about.
 */
import type { ArticleRecord, Claim, ClaimPeriod, ClaimValue, Source } from '../../src/store/schema.js';

let counter = 0;

/** A value: `v(48, { unit: 'page' })`, a range `v([2, 3], { unit: 'USD', per: 'million output tokens' })`. */
export function v(x: number | [number, number], opts: Partial<Omit<ClaimValue, 'min' | 'max'>> = {}): ClaimValue {
  const [min, max] = Array.isArray(x) ? x : [x, x];
  return { min, max, unit: opts.unit ?? null, per: opts.per ?? null, approx: opts.approx ?? false, bound: opts.bound ?? null };
}

const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const pad = (n: number): string => String(n).padStart(2, '0');

/** A period: "2026" (a year), "2026-03" (a month), "2026-03-23" (a day), "2024-01-01/2024-04-30" (a span). */
export function p(spec: string, text?: string): ClaimPeriod {
  let start: string;
  let end: string;
  if (spec.includes('/')) [start, end] = spec.split('/');
  else if (/^\d{4}$/.test(spec)) [start, end] = [`${spec}-01-01`, `${spec}-12-31`];
  else if (/^\d{4}-\d{2}$/.test(spec)) {
    const [y, m] = spec.split('-').map(Number);
    [start, end] = [`${spec}-01`, `${spec}-${pad(lastDay(y, m))}`];
  } else [start, end] = [spec, spec];
  return { start, end, text: text ?? spec };
}

export type ClaimOverrides = Omit<Partial<Claim>, 'figure'> & { figure?: string | Claim['figure'] };

/** A figure claim with defaults; any field can be overridden. `figure` may be given as the text written. */
export function claim(overrides: ClaimOverrides = {}): Claim {
  counter += 1;
  const article = overrides.article ?? 'a';
  const figureText = typeof overrides.figure === 'string' ? overrides.figure : overrides.figure?.text ?? null;
  const quote = overrides.quote ?? (figureText ? `The figure was ${figureText}.` : 'A sentence.');
  const start = overrides.start ?? counter * 100;
  const figure = typeof overrides.figure === 'string' ? { text: overrides.figure, start, end: start + overrides.figure.length } : overrides.figure ?? null;
  return {
    id: overrides.id ?? `c-${article}-${counter}`,
    article,
    quote,
    start,
    end: overrides.end ?? start + quote.length,
    line: 1,
    column: 1,
    subject: null,
    metric: null,
    value: null,
    period: null,
    attribution: null,
    sources: [],
    kind: 'figure',
    subjectKey: null,
    metricKey: null,
    speaker: null,
    organisation: null,
    series: null,
    change: null,
    event: null,
    entities: [],
    block: 'paragraph',
    ...overrides,
    figure,
  } as Claim;
}

export interface ArticleOverrides {
  path?: string;
  outlet?: string | null;
  published?: string | null;
  title?: string | null;
}

/** An article record: outlet defaults to the id in capitals, published to 2026-03-23. */
export function article(id: string, o: ArticleOverrides = {}): ArticleRecord {
  const meta = (value: string | null | undefined) => (value ? { value, origin: 'declared' as const, how: 'test' } : null);
  return {
    id,
    path: o.path ?? `articles/${id}.txt`,
    format: 'text',
    hash: `hash-${id}`,
    title: meta(o.title),
    outlet: meta(o.outlet === undefined ? id.toUpperCase() : o.outlet),
    author: null,
    published: meta(o.published === undefined ? '2026-03-23' : o.published),
    url: null,
    notes: [],
    claimCount: 0,
    sourceCount: 0,
  };
}

/** A cited source. */
export function source(id: string, articleId: string, url: string | null = null): Source {
  return { id, name: null, url, kind: url ? 'link' : 'named', article: articleId, start: 0, end: 0, note: null, via: null };
}

/** Articles for every article id the claims use, with per-article overrides. */
export function articlesFor(claims: Claim[], overrides: Record<string, ArticleOverrides> = {}): ArticleRecord[] {
  const ids = [...new Set([...claims.map((c) => c.article), ...Object.keys(overrides)])];
  return ids.map((id) => article(id, overrides[id]));
}

/** Token usage a day in China, the seeds' metric: `usage('a', 1.4e14, '2026-03', 'over 140 trillion', {bound: 'lower'})`. */
export function usage(articleId: string, x: number, when: string | null, text: string, extra: ClaimOverrides & { bound?: 'lower' | 'upper'; approx?: boolean; unit?: string } = {}): Claim {
  const { bound, approx, unit, ...rest } = extra;
  return claim({
    article: articleId,
    metricKey: 'usage:token/day',
    metric: 'daily token usage',
    subjectKey: 'china',
    subject: 'China',
    value: v(x, { unit: unit ?? 'token', per: 'day', bound: bound ?? null, approx: approx ?? false }),
    period: when ? p(when) : null,
    figure: text,
    quote: `China's daily token usage was ${text}${when ? ` in ${when}` : ''}.`,
    ...rest,
  });
}
