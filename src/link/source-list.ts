/**
 * Source lists at the end of an article ("Sources", "References", "Further reading"): each entry
 * gives an outlet, a headline, a URL and notes such as "Key use in this article: Confirms the 100
 * billion → 140 trillion sequence". Entries written as plain text may spread over several lines or
 * list items (seed 001: "Outlet — Headline", then "– URL", then "– Key use ...: ... -").
 */
import cues from './data/citation-cues.json' with { type: 'json' };
import type { ReadResult, Span } from '../ingest/types.js';
import { nameKey, type Outlet, type OutletRegistry } from './outlets.js';

/** One entry of a source list. */
export interface ListEntry {
  /** Outlets the entry names, the publisher first ("Tencent News / Cailian Press"). */
  names: Array<{ name: string; outlet: Outlet | null }>;
  url: string | null;
  headline: string | null;
  /** The labelled notes, as written ("Key use in this article: ..."). */
  note: string | null;
  /** The entry in the plain text. */
  span: Span;
}

export interface SourceLists {
  entries: ListEntry[];
  /** Where the lists stand in the plain text (heading included), so other passes skip them. */
  ranges: Span[];
}

const headings = new Set(cues.sections.headings);
const ends = new Set(cues.sectionEnds.headings);
const noteLabels = new Set(cues.noteLabels.labels);

interface Line extends Span {
  text: string;
}

const BULLET = /^[\s\-–—*•·▪●◦‣+]+/u;
const TRAIL = /\s+[-–—]+\s*$/u;
const URL_ONLY = /^(?:<)?((?:https?:\/\/|www\.)[^\s<>]+?)(?:>)?[.,;]?$/i;
const LABEL = /^([\p{L}][\p{L}\s'’-]{0,40}?)\s*:\s*(.*)$/u;
const SEPARATORS = [' — ', ' – ', ' | ', ' - ', ': '];

const headingKey = (s: string) => nameKey(s.replace(/[:：]\s*$/, ''));

/** Lines of one block, trimmed of bullets and trailing separators, with plain-text ranges. */
function linesOf(text: string, start: number, end: number): Line[] {
  const out: Line[] = [];
  let pos = start;
  for (const raw of text.slice(start, end).split('\n')) {
    const lead = BULLET.exec(raw)?.[0].length ?? 0;
    let body = raw.slice(lead);
    const trail = TRAIL.exec(body);
    if (trail) body = body.slice(0, trail.index);
    const trimmed = body.trimEnd();
    out.push({ text: trimmed, start: pos + lead, end: pos + lead + trimmed.length });
    pos += raw.length + 1;
  }
  return out;
}

/** Find every source list and read its entries. */
export function findSourceLists(read: ReadResult, registry: OutletRegistry): SourceLists {
  const entries: ListEntry[] = [];
  const ranges: Span[] = [];
  const { blocks, text } = read;
  for (let b = 0; b < blocks.length; b++) {
    const head = text.slice(blocks[b].start, blocks[b].end).trim();
    if (head.length > 40 || !headings.has(headingKey(head))) continue;
    const lines: Line[] = [];
    let c = b + 1;
    for (; c < blocks.length; c++) {
      const t = text.slice(blocks[c].start, blocks[c].end).trim();
      if (blocks[c].kind === 'boilerplate' || ends.has(headingKey(t)) || (headings.has(headingKey(t)) && t.length <= 40)) break;
      lines.push(...linesOf(text, blocks[c].start, blocks[c].end));
    }
    const found = readEntries(lines, read, registry);
    entries.push(...found.entries);
    ranges.push({ start: blocks[b].start, end: found.end ?? blocks[b].end });
    b = c - 1;
  }
  return { entries, ranges };
}

/** Group lines into entries; stops at prose that is not part of a list. */
function readEntries(lines: Line[], read: ReadResult, registry: OutletRegistry): { entries: ListEntry[]; end: number | null } {
  const entries: ListEntry[] = [];
  let current: ListEntry | null = null;
  let end: number | null = null;
  const close = () => {
    if (current && (current.names.length > 0 || current.url)) entries.push(current);
    current = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.text === '') continue;
    const url = URL_ONLY.exec(line.text);
    if (url) {
      if (!current || current.url) {
        close();
        current = { names: [], url: null, headline: null, note: null, span: { start: line.start, end: line.end } };
      }
      const entry: ListEntry = current;
      entry.url = url[1];
      if (entry.names.length === 0) entry.names = outletsOfUrl(url[1], registry);
      entry.span.end = line.end;
      end = line.end;
      continue;
    }
    const label = LABEL.exec(line.text);
    if (label && current && noteLabels.has(label[1].toLowerCase().trim())) {
      const entry: ListEntry = current;
      entry.note = entry.note ? `${entry.note} ${line.text}` : line.text;
      entry.span.end = line.end;
      end = line.end;
      continue;
    }
    // A new entry head, unless this is prose or a heading of something else.
    const next = lines.slice(i + 1).find((l) => l.text !== '');
    const nextIsPart = next !== undefined && (URL_ONLY.test(next.text) || isNoteLine(next.text));
    const parsed = parseHead(line, read, registry);
    const looksLikeEntry = parsed.url !== null || parsed.names.some((n) => n.outlet) || nextIsPart || (parsed.separated && line.text.length < 300);
    if (!looksLikeEntry) break;
    close();
    current = { names: parsed.names, url: parsed.url, headline: parsed.headline, note: null, span: { start: line.start, end: line.end } };
    end = line.end;
  }
  close();
  return { entries, end };
}

function isNoteLine(text: string): boolean {
  const label = LABEL.exec(text);
  return label !== null && noteLabels.has(label[1].toLowerCase().trim());
}

function outletsOfUrl(url: string, registry: OutletRegistry): ListEntry['names'] {
  const outlet = registry.byUrl(url);
  return outlet ? [{ name: outlet.name, outlet }] : [];
}

/** Split "Tencent News / Cailian Press" or "Reuters and AFP" into names. */
function splitNames(part: string, registry: OutletRegistry): ListEntry['names'] {
  const whole = registry.byName(part);
  if (whole) return [{ name: part, outlet: whole }];
  const pieces = part.split(/\s*\/\s*|\s+and\s+|\s*&\s*|,\s*/).filter(Boolean);
  if (pieces.length > 1 && pieces.every((p) => p.split(/\s+/).length <= 6)) return pieces.map((p) => ({ name: p, outlet: registry.byName(p) }));
  return [{ name: part, outlet: null }];
}

/** The head line of an entry: "Outlet — Headline", "[Headline](url) — Outlet", "Outlet: Headline, URL". */
function parseHead(line: Line, read: ReadResult, registry: OutletRegistry): { names: ListEntry['names']; url: string | null; headline: string | null; separated: boolean } {
  let text = line.text;
  let url: string | null = null;
  let headline: string | null = null;
  const link = read.links.find((l) => l.start >= line.start && l.end <= line.end && /^(https?:|www\.)/i.test(l.url));
  if (link) {
    url = link.url;
    if (link.text && link.text !== link.url) {
      const rest = (read.text.slice(line.start, link.start) + read.text.slice(link.end, line.end)).replace(/^[\s\-–—|:,.]+|[\s\-–—|:,.]+$/g, '');
      // "[Headline](url) — Outlet": the anchor is the headline; a line that is all anchor is read whole.
      if (rest) {
        headline = link.text.trim();
        text = rest;
      } else text = link.text.trim();
    }
  }
  const inline = /(?:https?:\/\/|www\.)[^\s<>]+/i.exec(text);
  if (inline) {
    url ??= inline[0].replace(/[.,;)]+$/, '');
    text = (text.slice(0, inline.index) + text.slice(inline.index + inline[0].length)).trim();
  }
  text = text.replace(/^[\s\-–—|:,]+|[\s\-–—|:,]+$/g, '');
  const byUrl = url ? registry.byUrl(url) : null;
  for (const sep of SEPARATORS) {
    const at = text.indexOf(sep);
    if (at <= 0) continue;
    const left = text.slice(0, at).trim();
    const right = text.slice(at + sep.length).trim();
    const leftNames = splitNames(left, registry);
    const rightNames = splitNames(right, registry);
    const known = (ns: ListEntry['names']) => ns.some((n) => n.outlet !== null);
    if (known(rightNames) && !known(leftNames)) return { names: order(rightNames, byUrl), url, headline: headline ?? left, separated: true };
    if (known(leftNames) || left.split(/\s+/).length <= 6) return { names: order(leftNames, byUrl), url, headline: headline ?? right, separated: true };
    if (right.split(/\s+/).length <= 6) return { names: order(rightNames, byUrl), url, headline: headline ?? left, separated: true };
  }
  const whole = text ? registry.byName(text) : null;
  if (whole) return { names: [{ name: text, outlet: whole }], url, headline, separated: false };
  if (byUrl) return { names: [{ name: byUrl.name, outlet: byUrl }], url, headline: headline ?? (text || null), separated: false };
  return { names: [], url, headline: headline ?? (text || null), separated: false };
}

/** The outlet that owns the URL first (it published the page), the others after it. */
function order(names: ListEntry['names'], byUrl: Outlet | null): ListEntry['names'] {
  if (!byUrl) return names;
  const own = names.findIndex((n) => n.outlet?.key === byUrl.key);
  if (own <= 0) return own < 0 ? [{ name: byUrl.name, outlet: byUrl }, ...names] : names;
  return [names[own], ...names.filter((_, k) => k !== own)];
}
