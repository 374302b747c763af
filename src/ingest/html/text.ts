/**
 * Text nodes back to their place in the source. A text node's decoded text (`&amp;` → `&`) is aligned
 * with its raw source: plain characters map one to one, each entity becomes an inexact piece with
 * the entity's source length. `BlockWriter` then joins the text of one block, collapsing white
 * space as a browser renders it, and hands the builder source-anchored pieces.
 */
import { load } from 'cheerio';
import type { Piece } from '../builder.js';
import { isElement, isText } from './dom.js';
import type { HElement } from './dom.js';

/** A stretch of decoded text and the source range it stands for. */
export interface Segment {
  text: string;
  sourceStart: number;
  sourceLength: number;
  exact: boolean;
}

const ENTITY = /&(?:#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,8};?|[A-Za-z][A-Za-z0-9]{0,31};?)/y;
const ENTITIES = new RegExp(ENTITY.source, 'g');

/**
 * Align decoded text `data` with `raw`, the source range it was parsed from (starting at `start`).
 * Falls back to one inexact segment when the two cannot be matched character by character.
 */
export function alignText(data: string, raw: string, start: number): Segment[] {
  if (data === raw) return [{ text: data, sourceStart: start, sourceLength: raw.length, exact: true }];
  learnReferences(raw);
  const out: Segment[] = [];
  let i = 0;
  let j = 0;
  let plainFrom = -1;
  const flushPlain = (): void => {
    if (plainFrom >= 0 && i > plainFrom) {
      out.push({ text: raw.slice(plainFrom, i), sourceStart: start + plainFrom, sourceLength: i - plainFrom, exact: true });
    }
    plainFrom = -1;
  };
  while (i < raw.length && j <= data.length) {
    if (raw.charCodeAt(i) === 38) {
      // '&': a character reference (decoded in `data`), or a literal ampersand
      ENTITY.lastIndex = i;
      const m = ENTITY.exec(raw);
      const ref = m ? referenceIn(m[0]) : null;
      if (ref && data.startsWith(ref.text, j)) {
        flushPlain();
        out.push({ text: ref.text, sourceStart: start + i, sourceLength: ref.raw.length, exact: false });
        i += ref.raw.length;
        j += ref.text.length;
        continue;
      }
    }
    if (j < data.length && raw.charCodeAt(i) === data.charCodeAt(j)) {
      if (plainFrom < 0) plainFrom = i;
      i++;
      j++;
      continue;
    }
    return [{ text: data, sourceStart: start, sourceLength: raw.length, exact: false }];
  }
  flushPlain();
  if (i !== raw.length || j !== data.length) return [{ text: data, sourceStart: start, sourceLength: raw.length, exact: false }];
  return out;
}

/**
 * What the parser decodes each `&…` match to, learnt from the parser itself (so unknown names such as
 * `&bogus;`, legacy names without a semicolon such as `&copy2024`, and astral code points come out
 * exactly as in the tree). Bounded: cleared when it grows past `MAX_LEARNT`.
 */
const decoded = new Map<string, string>();
const MAX_LEARNT = 100_000;

/**
 * Decode, in one parse, the references of `raw` not met before. The HTML reader calls it once on
 * the whole page so that text nodes find theirs already known.
 */
export function learnReferences(raw: string): void {
  const missing = new Set<string>();
  for (const m of raw.matchAll(ENTITIES)) if (!decoded.has(m[0])) missing.add(m[0]);
  if (missing.size === 0) return;
  if (decoded.size + missing.size > MAX_LEARNT) decoded.clear();
  const list = [...missing];
  const $ = load(list.map((r) => `<i>${r}</i>`).join(''), { xml: { xmlMode: false, decodeEntities: true } });
  const items = ($.root()[0] as unknown as HElement).children;
  if (items.length !== list.length || !items.every(isElement)) return;
  items.forEach((item, k) => decoded.set(list[k], (item as HElement).children.map((c) => (isText(c) ? c.data : '')).join('')));
}

/**
 * The reference at the start of the match `match` and its decoded text, or null when the parser left
 * it as written. A legacy reference may decode a prefix only (`&notin` → `¬in`): the characters it
 * kept as written are not part of the reference.
 */
function referenceIn(match: string): { raw: string; text: string } | null {
  const text = decoded.get(match);
  if (text === undefined || text === match) return null;
  let kept = 0;
  while (kept < text.length - 1 && kept < match.length - 2 && text[text.length - 1 - kept] === match[match.length - 1 - kept]) kept++;
  return { raw: match.slice(0, match.length - kept), text: text.slice(0, text.length - kept) };
}

/** Characters that HTML collapses into one space. */
const HTML_SPACE = /[ \t\n\r\f]+/g;

/**
 * Collects the text of one block: white space is collapsed across node boundaries and trimmed at both
 * ends (unless `pre`), adjacent exact pieces are merged, and `<br>` gives a line break.
 */
export class BlockWriter {
  readonly pieces: Piece[] = [];
  private pendingSpace: Segment | null = null;
  private pendingBreak: Segment | null = null;
  private lastEnd = -1;

  constructor(readonly pre = false) {}

  /** Number of characters written so far (pending space not counted). */
  get length(): number {
    let n = 0;
    for (const p of this.pieces) n += p.text.length;
    return n;
  }

  /** True when nothing but white space has been written. */
  get empty(): boolean {
    return this.pieces.length === 0;
  }

  /** Add the segments of one text node. */
  addSegments(segments: Segment[]): void {
    for (const seg of segments) {
      if (this.pre || !seg.exact) {
        if (!this.pre && /^[ \t\n\r\f]+$/.test(seg.text)) this.space(seg);
        else this.emit(seg);
        continue;
      }
      let at = 0;
      HTML_SPACE.lastIndex = 0;
      for (let m = HTML_SPACE.exec(seg.text); m; m = HTML_SPACE.exec(seg.text)) {
        if (m.index > at) this.emit(sub(seg, at, m.index));
        this.space(sub(seg, m.index, m.index + m[0].length));
        at = m.index + m[0].length;
      }
      if (at < seg.text.length) this.emit(sub(seg, at, seg.text.length));
    }
  }

  /** A line break (`<br>`) at `sourceStart`, standing for `sourceLength` characters of markup. */
  lineBreak(sourceStart: number, sourceLength: number): void {
    if (this.pieces.length === 0) return;
    this.pendingSpace = null;
    this.pendingBreak = { text: '\n', sourceStart, sourceLength, exact: false };
  }

  /** A word boundary that renders as a space (between table cells of a row, list markers). */
  softSpace(sourceStart: number): void {
    if (this.pieces.length === 0 || this.pendingBreak) return;
    this.pendingSpace ??= { text: ' ', sourceStart, sourceLength: 0, exact: false };
  }

  private space(seg: Segment): void {
    if (this.pieces.length === 0 || this.pendingBreak) return;
    if (!this.pendingSpace) this.pendingSpace = seg;
  }

  private emit(seg: Segment): void {
    if (seg.text.length === 0) return;
    const gap = this.pendingBreak ?? this.pendingSpace;
    if (gap && this.pieces.length > 0) {
      const text = gap === this.pendingBreak ? '\n' : ' ';
      this.push({ text, sourceStart: gap.sourceStart, sourceLength: gap.sourceLength, exact: gap.text === text && gap.sourceLength === 1 });
    }
    this.pendingSpace = null;
    this.pendingBreak = null;
    this.push({ text: seg.text, sourceStart: seg.sourceStart, sourceLength: seg.sourceLength, exact: seg.exact });
  }

  private push(piece: Required<Piece>): void {
    const last = this.pieces[this.pieces.length - 1] as Required<Piece> | undefined;
    if (last && last.exact && piece.exact && this.lastEnd === piece.sourceStart) {
      last.text += piece.text;
      last.sourceLength += piece.sourceLength;
    } else this.pieces.push({ ...piece });
    this.lastEnd = piece.sourceStart + piece.sourceLength;
  }
}

function sub(seg: Segment, from: number, to: number): Segment {
  return { text: seg.text.slice(from, to), sourceStart: seg.sourceStart + from, sourceLength: to - from, exact: true };
}
