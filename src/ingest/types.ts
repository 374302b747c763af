/**
 * What a reader makes of one article file. Readers turn a file (plain text, Markdown, HTML) into
 * blocks of plain text, each of which remembers where it sits in the file, so that every claim read
 * later can be pointed back at its place in the original.
 */

/** A half-open range [start, end) of UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
}

/** Where a metadata value came from. */
export type Origin = 'declared' | 'inferred';

/** One metadata field with its provenance ("front matter", "og:title", "dateline; year inferred from 'March 2026' in the text"). */
export interface MetaField {
  value: string;
  origin: Origin;
  how: string;
}

export interface ArticleMeta {
  title: MetaField | null;
  outlet: MetaField | null;
  author: MetaField | null;
  /** YYYY-MM-DD */
  published: MetaField | null;
  url: MetaField | null;
}

export type BlockKind =
  | 'title' // the headline
  | 'meta' // a line that carries metadata (timestamp, byline, editor, dateline line)
  | 'heading'
  | 'paragraph'
  | 'list-item'
  | 'quote'
  | 'table-cell'
  | 'caption'
  | 'boilerplate'; // navigation-like text kept for positions but not read for claims

/** A block of plain text and the runs that tie it to the source file. */
export interface Block {
  kind: BlockKind;
  /** Range of the block in `ReadResult.text`. */
  start: number;
  end: number;
  /** Heading depth for headings, nesting depth for list items. */
  depth?: number;
}

/**
 * Aligned runs between the plain text and the source file: inside a run, offsets map one to one
 * (`source = sourceStart + (plain - plainStart)`); a run with `exact: false` only maps its ends
 * (an HTML entity, a Markdown escape) and inner offsets are clamped into its source range.
 */
export interface Run {
  plainStart: number;
  sourceStart: number;
  length: number;
  sourceLength: number;
  exact: boolean;
}

export interface Link {
  text: string;
  url: string;
  /** Range of the anchor text in `ReadResult.text` (may be empty for bare links). */
  start: number;
  end: number;
}

export type Format = 'text' | 'markdown' | 'html';

export interface ReadResult {
  path: string;
  format: Format;
  /** The file as read (decoded to a string). Offsets reported to users refer to this. */
  source: string;
  /** Plain body text: blocks separated by a blank line. Extraction reads this. */
  text: string;
  blocks: Block[];
  /** Sentences of `text` (ranges in `text`), in order, never crossing a block boundary. */
  sentences: Span[];
  runs: Run[];
  meta: ArticleMeta;
  links: Link[];
  /** Notes on what the reader had to guess or skip ("year inferred from ...", "dropped 3 script elements"). */
  notes: string[];
}

/** Metadata a user declares (front matter, sidecar NAME.meta.yaml, `add --outlet ...`). */
export interface DeclaredMeta {
  title?: string;
  outlet?: string;
  author?: string;
  published?: string;
  url?: string;
}

/** Input that cannot be read: the message names the reason; the CLI prefixes the file. */
export class InputError extends Error {
  readonly file: string;
  readonly reason: string;
  constructor(file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'InputError';
    this.file = file;
    this.reason = reason;
  }
}
