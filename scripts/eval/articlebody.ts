/**
 * Main-text extraction on the scrapinghub article-extraction-benchmark pages:
 * `<data>/articlebody/html/ID.html` against `ground-truth.json` (`{ID: {articleBody, url}}`).
 *
 * The benchmark's own metric (its evaluate.py): tokens are `\w+` matches with case kept; each text
 * becomes a multiset of 4-token shingles; per document TP = Σ min(gold, ours), FP and FN the excess
 * counts, the three normalised to sum 1; precision and recall are averaged over the documents where
 * they are defined (P = 1 when FP = FN = 0), and F1 is the harmonic mean of the two averages.
 * Our article body is the text of the story blocks `readHtml` returns, without the title and the
 * byline/date (`meta`) blocks, one block per line. Readability.js 0.6.0 scores F1 0.956 on these 40.
 *
 * `ARTICLEBODY_VERBOSE=1` prints every document's figures.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readHtml } from '../../src/ingest/html.js';
import type { BlockKind, ReadResult } from '../../src/ingest/types.js';
import type { EvalResult } from './types.js';

/** Blocks that make up the article body in the benchmark's sense. */
export const BODY_KINDS: ReadonlySet<BlockKind> = new Set(['paragraph', 'heading', 'list-item', 'quote', 'table-cell', 'caption']);

/** The article body of a read page: its story blocks, one per line. */
export function articleBody(result: ReadResult): string {
  return result.blocks
    .filter((b) => BODY_KINDS.has(b.kind))
    .map((b) => result.text.slice(b.start, b.end))
    .join('\n');
}

type Counts = [tp: number, fp: number, fn: number];

const TOKEN = /[\p{L}\p{N}_]+/gu;

/** 4-token shingles of a text, as the benchmark forms them (one empty shingle list gives none). */
function shingles(text: string, n = 4): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const out = new Map<string, number>();
  for (let i = 0; i < Math.max(1, tokens.length - n + 1); i++) {
    const key = tokens.slice(i, i + n).join('\u0001');
    if (key === '') continue;
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** Normalised TP/FP/FN of one document. */
export function shingleMatch(gold: string, ours: string): Counts {
  const g = shingles(gold);
  const p = shingles(ours);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...g.keys(), ...p.keys()])) {
    const a = g.get(key) ?? 0;
    const b = p.get(key) ?? 0;
    tp += Math.min(a, b);
    fp += Math.max(0, b - a);
    fn += Math.max(0, a - b);
  }
  const s = tp + fp + fn;
  return s > 0 ? [tp / s, fp / s, fn / s] : [tp, fp, fn];
}

function precision([tp, fp, fn]: Counts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

function recall([tp, fp, fn]: Counts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** P, R and F1 over documents, the benchmark's way. */
export function benchmarkScores(counts: Counts[]): { precision: number; recall: number; f1: number } {
  const p = mean(counts.filter(([tp, fp]) => tp + fp > 0).map(precision));
  const r = mean(counts.filter(([tp, , fn]) => tp + fn > 0).map(recall));
  return { precision: p, recall: r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

export async function evaluate(dataDir: string): Promise<EvalResult | null> {
  const dir = join(dataDir, 'articlebody');
  const truthPath = join(dir, 'ground-truth.json');
  if (!existsSync(truthPath)) return null;
  const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as Record<string, { articleBody: string; url: string }>;
  const verbose = process.env.ARTICLEBODY_VERBOSE === '1';
  const rows: Array<{ id: string; url: string; counts: Counts; f1: number; chars: number; goldChars: number }> = [];
  let bytes = 0;
  let millis = 0;
  for (const [id, gold] of Object.entries(truth)) {
    const file = join(dir, 'html', `${id}.html`);
    if (!existsSync(file)) continue;
    const html = readFileSync(file, 'utf8');
    const started = performance.now();
    const result = readHtml(file, html);
    millis += performance.now() - started;
    bytes += Buffer.byteLength(html);
    const body = articleBody(result);
    const counts = shingleMatch(gold.articleBody, body);
    const p = precision(counts);
    const r = recall(counts);
    rows.push({ id, url: gold.url, counts, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0, chars: body.length, goldChars: gold.articleBody.length });
  }
  const scores = benchmarkScores(rows.map((r) => r.counts));
  const lines = [
    `${rows.length} pages, ${(bytes / 1e6).toFixed(1)} MB; metric: 4-token shingles of \\w+ tokens, per-page P/R averaged, F1 of the averages`,
    `precision ${scores.precision.toFixed(3)}  recall ${scores.recall.toFixed(3)}  F1 ${scores.f1.toFixed(3)}   (Readability.js 0.6.0 on these pages: P 0.924 R 0.990 F1 0.956)`,
    `readHtml speed: ${(bytes / 1e6 / (millis / 1000)).toFixed(1)} MB/s (${(millis / Math.max(1, rows.length)).toFixed(0)} ms a page)`,
    '',
    verbose ? 'every page (F1, P, R, our chars / gold chars):' : 'worst pages (F1, P, R, our chars / gold chars):',
  ];
  const sorted = [...rows].sort((a, b) => a.f1 - b.f1);
  for (const row of verbose ? sorted : sorted.slice(0, 8)) {
    lines.push(
      `  ${row.f1.toFixed(3)}  P ${precision(row.counts).toFixed(3)}  R ${recall(row.counts).toFixed(3)}  ${row.chars}/${row.goldChars}  ${row.id.slice(0, 10)}  ${row.url}`,
    );
  }
  return {
    name: 'articlebody',
    lines,
    metrics: { precision: scores.precision, recall: scores.recall, f1: scores.f1, pages: rows.length, mbPerSecond: bytes / 1e6 / (millis / 1000) },
  };
}
