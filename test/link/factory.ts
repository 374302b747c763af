/** Small builders for the link tests: read an article, and make claims the way the extractor would. */
import { readFileSync } from 'node:fs';
import { buildResult, spanToSource } from '../../src/ingest/builder.js';
import { readText } from '../../src/ingest/text.js';
import type { BlockKind, ReadResult } from '../../src/ingest/types.js';
import type { Claim, ClaimValue } from '../../src/store/schema.js';

/** Read a plain-text file with the project's text reader. */
export function readFile(path: string): ReadResult {
  return readText(path, readFileSync(path, 'utf8'));
}

/** Read plain text given inline (one paragraph per line). */
export function readString(text: string, path = 'inline.txt'): ReadResult {
  return readText(path, text);
}

/** A ReadResult from explicit blocks and links (for Markdown/HTML-shaped input without a reader). */
export function readBlocks(blocks: Array<{ kind: BlockKind; text: string }>, links: Array<{ text: string; url: string }> = []): ReadResult {
  let source = '';
  const inputs = blocks.map((b) => {
    const start = source.length;
    source += b.text + '\n\n';
    return { kind: b.kind, pieces: [{ text: b.text, sourceStart: start }] };
  });
  const sourceLinks = links.map((l) => {
    const at = source.indexOf(l.text);
    return { text: l.text, url: l.url, sourceStart: at, sourceEnd: at + l.text.length };
  });
  return buildResult({ path: 'blocks.md', format: 'markdown', source, blocks: inputs, meta: { title: null, outlet: null, author: null, published: null, url: null }, links: sourceLinks });
}

let counter = 0;

/**
 * A claim on the sentence holding the `occurrence`-th `figure` in the article, as the extractor
 * would give it (quote = the sentence, offsets in the file).
 */
export function claimAt(
  read: ReadResult,
  article: string,
  figure: string,
  value: Partial<ClaimValue> & { min: number } | null,
  extra: Partial<Claim> = {},
  occurrence = 0,
): Claim {
  let at = -1;
  for (let k = 0; k <= occurrence; k++) {
    at = read.text.indexOf(figure, at + 1);
    if (at < 0) throw new Error(`"${figure}" not found (occurrence ${k})`);
  }
  const sentence = read.sentences.find((s) => s.start <= at && at < s.end) ?? { start: at, end: at + figure.length };
  const { start, end } = spanToSource(read.runs, sentence);
  const fig = spanToSource(read.runs, { start: at, end: at + figure.length });
  return {
    id: `c-${article}-${++counter}`,
    article,
    quote: read.source.slice(start, end),
    start,
    end,
    line: 1,
    column: 1,
    subject: null,
    metric: null,
    value: value ? { max: value.min, unit: null, per: null, approx: false, bound: null, ...value } : null,
    period: null,
    attribution: null,
    sources: [],
    kind: value ? 'figure' : 'event',
    figure: { text: figure, start: fig.start, end: fig.end },
    subjectKey: null,
    metricKey: null,
    speaker: null,
    organisation: null,
    series: null,
    change: null,
    event: null,
    entities: [],
    block: 'paragraph',
    ...extra,
  };
}
