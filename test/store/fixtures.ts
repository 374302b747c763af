/** Small valid store records for the store tests. */
import { SCHEMA_VERSION } from '../../src/store/schema.js';
import type { ArticleRecord, Claim, Shard } from '../../src/store/schema.js';

/** An index entry for `path`, with an id derived from `n`. */
export function record(n: number, path = `sources/a${n}.txt`, outlet: string | null = null): ArticleRecord {
  const id = `a-${n.toString(16).padStart(16, '0')}`;
  return {
    id,
    path,
    format: 'text',
    hash: id.slice(2).padEnd(64, '0'),
    title: { value: `Article ${n}`, origin: 'inferred', how: 'first line' },
    outlet: outlet ? { value: outlet, origin: 'declared', how: 'add --outlet' } : null,
    author: null,
    published: { value: '2026-03-24', origin: 'inferred', how: 'dateline' },
    url: null,
    notes: [],
    claimCount: 1,
    sourceCount: 0,
  };
}

/** A claim of article `article`. */
export function claim(article: string, n = 0): Claim {
  return {
    id: `c-${article.slice(2)}-${n}`,
    article,
    quote: 'Daily token usage exceeded 140 trillion in March.',
    start: 0,
    end: 49,
    line: 1,
    column: 1,
    subject: 'China',
    metric: 'daily token usage',
    value: { min: 1.4e14, max: 1.4e14, unit: 'token', per: 'day', approx: false, bound: 'lower' },
    period: { start: '2026-03-01', end: '2026-03-31', text: 'in March' },
    attribution: null,
    sources: [],
    kind: 'figure',
    figure: { text: '140 trillion', start: 28, end: 40 },
    subjectKey: 'china',
    metricKey: 'token-usage',
    speaker: null,
    organisation: null,
    series: null,
    change: null,
    event: null,
    entities: [],
    block: 'paragraph',
  };
}

/** The shard of `r`, with one claim. */
export const shard = (r: ArticleRecord): Shard => ({ schema: SCHEMA_VERSION, article: r, claims: [claim(r.id)], sources: [] });
