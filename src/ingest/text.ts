/**
 * The reader for plain-text articles (.txt), mostly text pasted from web pages. Every line stays in
 * the text at its own place in the file; lines become blocks (paragraphs end at a blank line or at a
 * single line break, except in hard-wrapped text), list items, headings, metadata lines and page
 * furniture, and the metadata the text itself carries (a timestamp line, a dateline, a byline, a
 * line naming the site, the headline) is read with a note on how.
 */
import { buildResult } from './builder.js';
import type { BlockInput, Piece, SourceLink } from './builder.js';
import { isBoilerplateLine, isCaptionLine, isCaptionText, parseByline, parseLabelLine, parseOutletCue } from './byline.js';
import type { Byline, LabelLine } from './byline.js';
import { formatDay, inferYear, parseDateText } from './date.js';
import { datelineAtStart, datelineInside } from './dateline.js';
import type { DatelineMatch } from './dateline.js';
import { applyDeclared, emptyMeta, metaField } from './meta.js';
import type { ArticleMeta, BlockKind, DeclaredMeta, ReadResult } from './types.js';

/** A line of the file: its range without the line end, and its content range without outer spaces. */
interface Line {
  start: number;
  end: number;
  contentStart: number;
  contentEnd: number;
  text: string;
}

type LineKind = 'blank' | 'text' | 'list' | 'label' | 'byline' | 'outlet' | 'boilerplate' | 'caption';

interface Classified extends Line {
  kind: LineKind;
  /** For list items: where the item text starts (after the marker) and its depth. */
  itemStart?: number;
  depth?: number;
  label?: LabelLine;
  byline?: Byline;
  outlet?: string;
}

/** A group of lines that becomes one block. */
interface Group {
  kind: BlockKind;
  lines: Classified[];
  /** First source offset of the block text (after a list marker or a dateline). */
  from: number;
  to: number;
  depth?: number;
}

/** How many lines from the top a title or dateline may sit, counted in content blocks. */
const DATELINE_WITHIN = 3;
const HEADLINE_MAX = 200;
const HEADING_MAX = 120;

function isSpaceCode(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0xa0 || c === 0xfeff || c === 0x0c || c === 0x0b || (c >= 0x2000 && c <= 0x200b) || c === 0x3000;
}

/** Split the source into lines (LF, CRLF or CR), keeping offsets. */
export function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  const n = source.length;
  while (start <= n) {
    let end = start;
    while (end < n) {
      const c = source.charCodeAt(end);
      if (c === 0x0a || c === 0x0d) break;
      end++;
    }
    let cs = start;
    let ce = end;
    while (cs < ce && isSpaceCode(source.charCodeAt(cs))) cs++;
    while (ce > cs && isSpaceCode(source.charCodeAt(ce - 1))) ce--;
    lines.push({ start, end, contentStart: cs, contentEnd: ce, text: source.slice(cs, ce) });
    if (end >= n) break;
    start = source.charCodeAt(end) === 0x0d && source.charCodeAt(end + 1) === 0x0a ? end + 2 : end + 1;
  }
  return lines;
}

const LIST_MARKER = /^(?:[-*•·▪●◦‣–—+]|\(?\d{1,3}[.)]|\(?[a-z][.)])(?:\s+|$)/u;

function classify(line: Line): Classified {
  const text = line.text;
  if (text === '') return { ...line, kind: 'blank' };
  const label = parseLabelLine(text);
  if (label) return { ...line, kind: 'label', label };
  const byline = parseByline(text);
  if (byline) return { ...line, kind: 'byline', byline };
  const outlet = parseOutletCue(text);
  if (outlet) return { ...line, kind: 'outlet', outlet };
  if (isBoilerplateLine(text)) return { ...line, kind: 'boilerplate' };
  if (isCaptionLine(text)) return { ...line, kind: 'caption' };
  const marker = LIST_MARKER.exec(text);
  if (marker && !/^\d{1,3}\.\d/.test(text)) {
    const indent = line.contentStart - line.start;
    return { ...line, kind: 'list', itemStart: line.contentStart + marker[0].length, depth: 1 + Math.floor(indent / 2) };
  }
  return { ...line, kind: 'text' };
}

const TERMINAL = /[.!?:;…。！？"”’')\]]$/u;
const SENTENCE_END = /[.!?…。！？]["”’')\]]*$/u;

/** Short, with letters, not ending in a full stop or a comma: a headline or a heading. */
function looksLikeHeadline(text: string, max: number): boolean {
  if (text.length < 3 || text.length > max) return false;
  if (!/\p{L}/u.test(text) || /^\p{Ll}/u.test(text) || /^https?:\/\//i.test(text)) return false;
  if (/[.,;:]$/.test(text) && !/\.\.\.$/.test(text)) return false;
  if (/["”’)\]]$/u.test(text) && /[.,;:]["”’)\]]+$/u.test(text)) return false;
  return text.split(/\s+/).length <= (max === HEADLINE_MAX ? 30 : 20);
}

/**
 * Hard-wrapped text (lines broken at a fixed width inside paragraphs) is read paragraph by paragraph;
 * pasted web text, with one paragraph per line, line by line.
 */
function isHardWrapped(lines: Classified[]): boolean {
  let inner = 0;
  let fitting = 0;
  let longest = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = lines[i];
    longest = Math.max(longest, a.end - a.start);
    if (a.kind !== 'text' || lines[i + 1].kind !== 'text') continue;
    inner++;
    const width = a.end - a.start;
    if (width >= 40 && width <= 100 && !SENTENCE_END.test(a.text)) fitting++;
    else if (width >= 40 && width <= 100) fitting += 0.5;
  }
  return inner >= 4 && fitting >= inner * 0.6 && longest <= 120;
}

/** True when `next` continues the sentence of `prev` across a line break ("…the bureau\nsaid…"). */
function continues(prev: Classified, next: Classified): boolean {
  return !TERMINAL.test(prev.text) && /^\p{Ll}/u.test(next.text);
}

function group(lines: Classified[], notes: string[]): Group[] {
  const wrapped = isHardWrapped(lines);
  if (wrapped) notes.push('hard-wrapped text: lines joined into paragraphs at blank lines');
  const groups: Group[] = [];
  let joined = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.kind === 'blank') continue;
    const g: Group = { kind: 'paragraph', lines: [line], from: line.itemStart ?? line.contentStart, to: line.contentEnd };
    if (line.kind === 'list') {
      g.kind = 'list-item';
      g.depth = line.depth;
    } else if (line.kind === 'boilerplate') g.kind = 'boilerplate';
    else if (line.kind === 'caption') g.kind = 'caption';
    else if (line.kind !== 'text') g.kind = 'meta';
    if (line.kind === 'text' || line.kind === 'list') {
      while (i + 1 < lines.length) {
        const next = lines[i + 1];
        const last = g.lines[g.lines.length - 1];
        const join = next.kind === 'text' && (wrapped || continues(last, next));
        if (!join) break;
        g.lines.push(next);
        g.to = next.contentEnd;
        joined++;
        i++;
      }
    }
    groups.push(g);
  }
  if (joined > 0 && !wrapped) notes.push(`${joined} line break${joined === 1 ? '' : 's'} inside sentences joined`);
  return groups;
}

interface Found {
  meta: ArticleMeta;
  notes: string[];
}

/** Read the year of a dateline date, or infer it from the text; null when nothing gives it. */
function datelineDate(d: DatelineMatch, source: string, notes: string[]): { value: string; how: string } | null {
  if (d.month === null || d.day === null) return null;
  if (d.year !== null) {
    const day = formatDay(d.year, d.month, d.day);
    return day ? { value: day, how: `dateline '${d.text}'` } : null;
  }
  const inferred = inferYear(source, d.month, d.day);
  if (!inferred) {
    notes.push(`dateline '${d.text}' gives no year and the text names none: published left unknown`);
    return null;
  }
  const day = formatDay(inferred.year, d.month, d.day);
  if (!day) return null;
  const how = `dateline '${d.text}'; year ${inferred.year} inferred from '${inferred.evidence}' (${inferred.rule})`;
  notes.push(`published: year ${inferred.year} of the dateline inferred from '${inferred.evidence}' (${inferred.rule})`);
  return { value: day, how };
}

/**
 * Find the title and dateline at the top, split a headline glued to a dateline, and mark headings.
 * Returns the groups to build, with the metadata read from the datelines.
 */
function shape(groups: Group[], source: string, found: Found): Group[] {
  const out: Group[] = [];
  let content = 0;
  let sawParagraph = false;
  let afterOutletCue = false;
  for (let gi = 0; gi < groups.length; gi++) {
    const g = groups[gi];
    if (g.kind === 'meta') {
      afterOutletCue = g.lines[0].kind === 'outlet';
      out.push(g);
      continue;
    }
    if (afterOutletCue && g.kind === 'list-item') {
      out.push({ ...g, kind: 'boilerplate' });
      continue;
    }
    afterOutletCue = false;
    if (g.kind !== 'paragraph') {
      out.push(g);
      if (g.kind === 'list-item') content++;
      continue;
    }
    const text = source.slice(g.from, g.to);
    const hasMore = (): boolean => groups.slice(gi + 1, gi + 50).some((n) => n.kind === 'paragraph' || n.kind === 'list-item');
    // The headline: the first content line, short, without a final full stop.
    if (content === 0 && !sawParagraph && g.lines.length === 1) {
      const glued = datelineInside(text);
      if (glued && looksLikeHeadline(text.slice(0, glued.start).trim(), HEADLINE_MAX) && glued.outlet !== null) {
        const headEnd = trimEnd(source, g.from, g.from + glued.start);
        out.push({ kind: 'title', lines: g.lines, from: g.from, to: headEnd });
        out.push({ kind: 'meta', lines: g.lines, from: g.from + glued.start, to: trimEnd(source, g.from + glued.start, g.from + glued.bodyStart) });
        out.push({ kind: 'paragraph', lines: g.lines, from: g.from + glued.bodyStart, to: g.to });
        found.meta.title ??= metaField(source.slice(g.from, headEnd), 'inferred', 'first line, a headline glued to the dateline');
        useDateline(glued, source, found);
        content += 2;
        sawParagraph = true;
        continue;
      }
      if (looksLikeHeadline(text, HEADLINE_MAX) && !datelineAtStart(text) && hasMore()) {
        out.push({ ...g, kind: 'title' });
        found.meta.title ??= metaField(text, 'inferred', 'first line: short and without a final full stop');
        content++;
        continue;
      }
    }
    // A dateline opening one of the first paragraphs.
    if (content < DATELINE_WITHIN) {
      const d = datelineAtStart(text);
      if (d) {
        out.push({ kind: 'meta', lines: g.lines, from: g.from, to: trimEnd(source, g.from, g.from + d.bodyStart) });
        out.push({ ...g, from: g.from + d.bodyStart });
        useDateline(d, source, found);
        content++;
        sawParagraph = true;
        continue;
      }
    }
    // Alt text or a caption pasted as a line of its own.
    if (g.lines.length === 1 && looksLikeHeadline(text, HEADLINE_MAX) && !SENTENCE_END.test(text) && isCaptionText(text)) {
      out.push({ ...g, kind: 'caption' });
      continue;
    }
    // A heading: a short line without final punctuation followed by a paragraph or a list.
    const next = groups[gi + 1];
    if (g.lines.length === 1 && next && (next.kind === 'paragraph' || next.kind === 'list-item') && looksLikeHeadline(text, HEADING_MAX) && !SENTENCE_END.test(text)) {
      out.push({ ...g, kind: 'heading' });
      content++;
      continue;
    }
    out.push(g);
    content++;
    sawParagraph = true;
  }
  return out;
}

function trimEnd(source: string, from: number, to: number): number {
  while (to > from && isSpaceCode(source.charCodeAt(to - 1))) to--;
  return to;
}

function useDateline(d: DatelineMatch, source: string, found: Found): void {
  if (d.outlet && !found.meta.outlet) found.meta.outlet = metaField(d.outlet, 'inferred', `dateline '${d.text}'`);
  if (!found.meta.published) {
    const date = datelineDate(d, source, found.notes);
    if (date) found.meta.published = metaField(date.value, 'inferred', date.how);
  }
}

/** Metadata from labelled lines, bylines and site trailers, first ones first. */
function metaFromLines(lines: Classified[], found: Found): void {
  const { meta } = found;
  let editor: string | null = null;
  let teamOutlet: { value: string; how: string } | null = null;
  for (const line of lines) {
    const quoted = `'${line.text.length > 80 ? line.text.slice(0, 77) + '...' : line.text}'`;
    if (line.kind === 'label' && line.label) {
      const { field, value, label } = line.label;
      const how = `'${label}:' line`;
      if (field === 'published') {
        const day = parseDateText(value);
        if (day && !meta.published) meta.published = metaField(day, 'inferred', `${how} ${quoted}`);
      } else if (field === 'editor') editor ??= value;
      else if (field === 'author') meta.author ??= metaField(value, 'inferred', how);
      else if (field === 'title') meta.title ??= metaField(value, 'inferred', how);
      else if (field === 'url') meta.url ??= metaField(value, 'inferred', how);
      else if (field === 'outlet') meta.outlet ??= metaField(value, 'inferred', how);
    } else if (line.kind === 'byline' && line.byline) {
      const b = line.byline;
      if (b.role === 'editor') editor ??= b.name;
      else if (!meta.author) {
        meta.author = metaField(b.name, 'inferred', `byline '${b.written}'`);
        if (b.outlet) teamOutlet ??= { value: b.outlet, how: `byline '${b.written}': a team of the outlet` };
      }
      if (b.published && !meta.published) meta.published = metaField(b.published, 'inferred', `byline ${quoted}`);
    } else if (line.kind === 'outlet' && line.outlet) {
      meta.outlet ??= metaField(line.outlet, 'inferred', `line ${quoted}`);
    }
  }
  if (editor) found.notes.push(`'${editor}' is named as the editor, not taken as the author`);
  if (!meta.outlet && teamOutlet) meta.outlet = metaField(teamOutlet.value, 'inferred', teamOutlet.how);
}

const URL_IN_TEXT = /https?:\/\/[^\s<>"'“”‘’]+/giu;

/** Bare URLs written in the blocks, as links whose anchor is the URL itself. */
function bareLinks(source: string, groups: Group[]): SourceLink[] {
  const links: SourceLink[] = [];
  for (const g of groups) {
    const text = source.slice(g.from, g.to);
    for (const m of text.matchAll(URL_IN_TEXT)) {
      let url = m[0];
      while (/[.,;:!?)\]]$/.test(url) && !(url.endsWith(')') && url.includes('('))) url = url.slice(0, -1);
      const start = g.from + (m.index ?? 0);
      links.push({ text: url, url, sourceStart: start, sourceEnd: start + url.length });
    }
  }
  return links;
}

/**
 * Read a plain-text article. `declared` metadata wins over what the text shows (origin 'declared',
 * how 'declared'); fields nothing shows are null.
 */
export function readText(path: string, source: string, declared?: DeclaredMeta): ReadResult {
  const notes: string[] = [];
  const lines = splitLines(source).map(classify);
  const found: Found = { meta: emptyMeta(), notes };
  metaFromLines(lines, found);
  const groups = shape(group(lines, notes), source, found);
  const blocks: BlockInput[] = groups.map((g) => {
    const piece: Piece = { text: source.slice(g.from, g.to), sourceStart: g.from };
    return { kind: g.kind, pieces: [piece], ...(g.depth === undefined ? {} : { depth: g.depth }) };
  });
  const meta = applyDeclared(path, found.meta, declared, 'declared', notes);
  return buildResult({ path, format: 'text', source, blocks, meta, links: bareLinks(source, groups), notes });
}
