/**
 * Placing claims in an article's text for the article page: claim offsets point into the file as
 * written; the page shows the reader's plain text, so ranges are carried across the reader's runs,
 * then the text is cut into segments, each covered by the same set of claims (claims overlap: one
 * sentence may hold several figures).
 */
import type { Run } from '../ingest/types.js';

/** A range in the plain text, tagged with what covers it. */
export interface Mark {
  start: number;
  end: number;
  id: string;
}

/** A piece of text and the ids of the marks covering all of it (empty: plain text). */
export interface Segment {
  start: number;
  end: number;
  ids: string[];
}

/**
 * The plain-text range of the source range [start, end), through the reader's runs (an inexact run,
 * an entity or an escape, counts whole); null when no run covers any of it (markup, metadata).
 */
export function sourceToPlain(runs: readonly Run[], start: number, end: number): [number, number] | null {
  let from = -1;
  let to = -1;
  for (const r of runs) {
    const rs = r.sourceStart;
    const re = r.sourceStart + r.sourceLength;
    const overlaps = start < re && end > rs;
    if (!overlaps) continue;
    const a = r.plainStart + (r.exact ? Math.max(0, start - rs) : 0);
    const b = r.plainStart + (r.exact ? Math.min(r.length, end - rs) : r.length);
    if (from < 0 || a < from) from = a;
    if (b > to) to = b;
  }
  return from >= 0 && to > from ? [from, to] : null;
}

/** Cut [start, end) into segments at every mark boundary, each with the marks covering it, in order. */
export function segments(start: number, end: number, marks: readonly Mark[]): Segment[] {
  const inside = marks.filter((m) => m.start < end && m.end > start && m.end > m.start);
  const cuts = new Set([start, end]);
  for (const m of inside) {
    cuts.add(Math.max(start, m.start));
    cuts.add(Math.min(end, m.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const ids = inside.filter((m) => m.start <= a && m.end >= b).map((m) => m.id);
    const last = out[out.length - 1];
    if (last && last.ids.join(' ') === ids.join(' ')) last.end = b;
    else out.push({ start: a, end: b, ids });
  }
  return out;
}
