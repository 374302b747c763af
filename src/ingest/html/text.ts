/**
 * Text nodes back to their place in the source. A text node's decoded text (`&amp;` → `&`) is aligned
 * with its raw source: plain characters map one to one, each entity becomes an inexact piece with
 * the entity's source length. `BlockWriter` then joins the text of one block, collapsing white
 * space as a browser renders it, and hands the builder source-anchored pieces.
 */
import type { Piece } from '../builder.js';

/** A stretch of decoded text and the source range it stands for. */
export interface Segment {
  text: string;
  sourceStart: number;
  sourceLength: number;
  exact: boolean;
}

const ENTITY = /&(?:#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,8};?|[A-Za-z][A-Za-z0-9]{0,31};?)/y;

/**
 * Align decoded text `data` with `raw`, the source range it was parsed from (starting at `start`).
 * Falls back to one inexact segment when the two cannot be matched character by character.
 */
export function alignText(data: string, raw: string, start: number): Segment[] {
  if (data === raw) return [{ text: data, sourceStart: start, sourceLength: raw.length, exact: true }];
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
      // '&': an entity (decoded), or a literal ampersand
      ENTITY.lastIndex = i;
      const m = ENTITY.exec(raw);
      if (m) {
        const k = decodedLength(raw, i + m[0].length, data, j, m[0]);
        if (k > 0 && !(k === m[0].length && data.startsWith(m[0], j))) {
          flushPlain();
          out.push({ text: data.slice(j, j + k), sourceStart: start + i, sourceLength: m[0].length, exact: false });
          i += m[0].length;
          j += k;
          continue;
        }
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
 * How many characters of `data` (from `j`) the entity `entity` decoded to: the shortest length after
 * which the raw text that follows the entity lines up again. 0 when none does.
 */
function decodedLength(raw: string, after: number, data: string, j: number, entity: string): number {
  const ahead = raw.slice(after, after + 12);
  const cut = ahead.search(/[&\r]/);
  const probe = cut >= 0 ? ahead.slice(0, cut) : ahead;
  const atEnd = after >= raw.length;
  for (let k = 1; k <= entity.length + 1 && j + k <= data.length; k++) {
    if (atEnd ? j + k === data.length : data.startsWith(probe, j + k) && (probe.length > 0 || cut >= 0)) return k;
  }
  return 0;
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
