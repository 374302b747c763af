/**
 * A report of the seeds' story built from claims as the extractor gives them (the check's
 * factories) and run through the real check: four articles start the series of China's daily
 * token usage at 100 billion in early 2024, one (e) at 1 trillion in early 2025; all five give 100
 * trillion at the end of 2025 and over 140 trillion in March 2026, from one speaker.
 */
import { checkClaims } from '../../src/check/index.js';
import { buildReport } from '../../src/report/json.js';
import type { ArticleRecord, Claim, Report } from '../../src/store/schema.js';
import { articlesFor, usage } from '../check/factory.js';

type Point = [number, string, string];
const EARLY_2024: Point = [1e11, '2024-01-01/2024-04-30', '100 billion'];
const EARLY_2025: Point = [1e12, '2025-01-01/2025-04-30', '1 trillion'];
const END_2025: Point = [1e14, '2025-10-01/2025-12-31', '100 trillion'];
const MARCH_2026: Point = [1.4e14, '2026-03', 'over 140 trillion'];

const OUTLETS: Record<string, string> = { a: 'China News Service', b: 'Yicai', c: 'Xinhua', d: 'Global Times', e: 'Tech Blog' };

/** One article's sentence: its points, linked as one series, with the figure's offsets in the quote. */
function series(article: string, points: Point[], quote?: (figure: string) => string): Claim[] {
  return points.map(([x, when, figure], index) => {
    const c = usage(article, x, when, figure, { series: { id: `${article}:s1`, index }, speaker: 'Liu Liehong', organisation: 'National Data Administration', bound: figure.startsWith('over') ? 'lower' : undefined });
    if (!quote) return c;
    const q = quote(figure);
    const at = q.indexOf(figure);
    return { ...c, quote: q, end: c.start + q.length, figure: { text: figure, start: c.start + at, end: c.start + at + figure.length } };
  });
}

/** The claims; `quote` rewrites article e's sentences (for the injection tests). */
export function storyClaims(quote?: (figure: string) => string): Claim[] {
  return [
    ...['a', 'b', 'c', 'd'].flatMap((a) => series(a, [EARLY_2024, END_2025, MARCH_2026])),
    ...series('e', [EARLY_2025, END_2025, MARCH_2026], quote),
  ];
}

/** The report and the store's records of the story. */
export function storyReport(claims: Claim[] = storyClaims()): { report: Report; records: ArticleRecord[] } {
  const records = articlesFor(claims, Object.fromEntries(Object.entries(OUTLETS).map(([id, outlet]) => [id, { outlet, path: `sources/articles/${id}.txt`, title: `Story ${id}` }])));
  const { groups, findings } = checkClaims({ articles: records, claims, sources: [] });
  return { report: buildReport({ articles: records, claims, sources: [], groups, findings }), records };
}
