/**
 * Assembles a `ReadResult` from the pieces a reader found. A reader hands over blocks, each a list
 * of text pieces that sit at known places in the source; the builder joins blocks with a blank
 * line, records the aligned runs, and splits sentences inside each block.
 */
import { splitSentences } from './sentences.js';
import type { ArticleMeta, Block, BlockKind, Format, Link, ReadResult, Run, Span } from './types.js';

/** A piece of plain text and where it came from in the source. */
export interface Piece {
  text: string;
  /** Start of the piece in the source. */
  sourceStart: number;
  /** Length of the source range the piece stands for (defaults to `text.length`). */
  sourceLength?: number;
  /** True when `text` equals the source range character for character (default: lengths equal). */
  exact?: boolean;
}

export interface BlockInput {
  kind: BlockKind;
  depth?: number;
  pieces: Piece[];
}

/** A link whose anchor is given as a range of the source; the builder maps it into the text. */
export interface SourceLink {
  text: string;
  url: string;
  sourceStart: number;
  sourceEnd: number;
}

export interface BuildInput {
  path: string;
  format: Format;
  source: string;
  blocks: BlockInput[];
  meta: ArticleMeta;
  links?: SourceLink[];
  notes?: string[];
}

/** Join the blocks into plain text with runs and sentences. Empty blocks are dropped. */
export function buildResult(input: BuildInput): ReadResult {
  const parts: string[] = [];
  const runs: Run[] = [];
  const blocks: Block[] = [];
  const sentences: Span[] = [];
  let offset = 0;
  for (const block of input.blocks) {
    const pieces = block.pieces.filter((p) => p.text.length > 0);
    if (pieces.length === 0 || pieces.every((p) => p.text.trim() === '')) continue;
    if (blocks.length > 0) {
      parts.push('\n\n');
      offset += 2;
    }
    const start = offset;
    for (const piece of pieces) {
      const sourceLength = piece.sourceLength ?? piece.text.length;
      runs.push({
        plainStart: offset,
        sourceStart: piece.sourceStart,
        length: piece.text.length,
        sourceLength,
        exact: piece.exact ?? sourceLength === piece.text.length,
      });
      parts.push(piece.text);
      offset += piece.text.length;
    }
    blocks.push({ kind: block.kind, start, end: offset, ...(block.depth === undefined ? {} : { depth: block.depth }) });
  }
  const text = parts.join('');
  for (const block of blocks) sentences.push(...splitSentences(text, block.start, block.end));
  const links: Link[] = [];
  for (const link of input.links ?? []) {
    const start = toPlain(runs, link.sourceStart);
    const end = toPlain(runs, link.sourceEnd);
    links.push({ text: link.text, url: link.url, start, end: Math.max(start, end) });
  }
  return {
    path: input.path,
    format: input.format,
    source: input.source,
    text,
    blocks,
    sentences,
    runs,
    meta: input.meta,
    links,
    notes: input.notes ?? [],
  };
}

/** Index of the last run whose plain start is at or before `offset` (binary search). */
function runAt(runs: Run[], offset: number, key: 'plainStart' | 'sourceStart'): number {
  let lo = 0;
  let hi = runs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid][key] <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Map an offset in the plain text to an offset in the source file. */
export function toSource(runs: Run[], plain: number): number {
  const i = runAt(runs, plain, 'plainStart');
  if (i < 0) return runs.length > 0 ? runs[0].sourceStart : plain;
  const run = runs[i];
  const delta = plain - run.plainStart;
  if (delta >= run.length) return run.sourceStart + run.sourceLength;
  if (run.exact) return run.sourceStart + delta;
  return run.sourceStart + Math.min(run.sourceLength, Math.round((delta * run.sourceLength) / Math.max(1, run.length)));
}

/** Map a source offset to the plain text (runs are in source order for every reader). */
export function toPlain(runs: Run[], source: number): number {
  const i = runAt(runs, source, 'sourceStart');
  if (i < 0) return 0;
  const run = runs[i];
  const delta = source - run.sourceStart;
  if (delta >= run.sourceLength) return run.plainStart + run.length;
  if (run.exact) return run.plainStart + delta;
  return run.plainStart + Math.min(run.length, Math.round((delta * run.length) / Math.max(1, run.sourceLength)));
}

/**
 * Map the end of a plain-text range (exclusive) to the source: the end of the source range that the
 * range's last character stands for, so a span ending on an entity (`3&#37;`) covers all of it.
 */
export function endToSource(runs: Run[], plainEnd: number): number {
  const i = runAt(runs, plainEnd - 1, 'plainStart');
  if (i < 0) return toSource(runs, plainEnd);
  const run = runs[i];
  const delta = plainEnd - run.plainStart;
  if (delta >= run.length) return run.sourceStart + run.sourceLength;
  if (run.exact) return run.sourceStart + delta;
  return run.sourceStart + Math.min(run.sourceLength, Math.round((delta * run.sourceLength) / Math.max(1, run.length)));
}

/** Map a plain-text span to the source: end-exclusive on both sides. */
export function spanToSource(runs: Run[], span: Span): Span {
  const start = toSource(runs, span.start);
  const end = span.end > span.start ? endToSource(runs, span.end) : start;
  return { start, end: Math.max(start, end) };
}
