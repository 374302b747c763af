/**
 * The reader for Markdown articles (.md, .markdown): unified + remark-parse with YAML front matter
 * and GFM. Blocks come from the syntax tree (headings, paragraphs, list items, block quotes, table
 * cells); their text comes from text and inline-code nodes at their places in the file, so quotes
 * point into the Markdown as written. Raw HTML is dropped, never interpreted.
 */
import type { Nodes, Parents, PhrasingContent, Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { isScalar, parseDocument } from 'yaml';
import { buildResult } from './builder.js';
import type { BlockInput, Piece, SourceLink } from './builder.js';
import { parseByline, parseLabelLine, parseOutletCue } from './byline.js';
import { formatDay, inferYear, parseDateText } from './date.js';
import { datelineAtStart } from './dateline.js';
import { applyDeclared, emptyMeta, metaField } from './meta.js';
import type { ArticleMeta, BlockKind, DeclaredMeta, ReadResult } from './types.js';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

/** Front matter keys read as each declared field, first found first. */
const FRONT_MATTER_KEYS: Record<keyof DeclaredMeta, string[]> = {
  title: ['title', 'headline'],
  outlet: ['outlet', 'publisher', 'site', 'site_name', 'siteName', 'publication'],
  author: ['author', 'authors', 'byline', 'by'],
  published: ['published', 'date', 'published_at', 'publishedAt', 'pubDate', 'publish_date', 'publishDate', 'datePublished'],
  url: ['url', 'link', 'canonical', 'canonical_url', 'source_url'],
};

/** Front matter read: the declared metadata, and where the title's text stands in the YAML (when it is written as read). */
export interface FrontMatter {
  meta: DeclaredMeta;
  /** Offset of the title's value in the YAML text, when the text there equals the value (no escapes, not folded). */
  titleAt: number | null;
}

/** Read the YAML front matter into declared metadata; a broken block is a note, not an error. */
export function frontMatterMeta(yamlText: string, notes: string[]): FrontMatter {
  const doc = parseDocument(yamlText);
  if (doc.errors.length > 0) {
    notes.push(`front matter is not valid YAML (${doc.errors[0].message.split('\n')[0]}): ignored`);
    return { meta: {}, titleAt: null };
  }
  const data: unknown = doc.toJS();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { meta: {}, titleAt: null };
  const record = data as Record<string, unknown>;
  const meta: DeclaredMeta = {};
  let titleAt: number | null = null;
  for (const [field, keys] of Object.entries(FRONT_MATTER_KEYS) as [keyof DeclaredMeta, string[]][]) {
    for (const key of keys) {
      const value = scalar(record[key]);
      if (value === null) continue;
      meta[field] = value;
      if (field === 'title') titleAt = valueAt(yamlText, doc.get(key, true), value);
      break;
    }
  }
  return { meta, titleAt };
}

/** Where a scalar's value is written in the YAML text: inside its quotes, when the text there is the value itself. */
function valueAt(yamlText: string, node: unknown, value: string): number | null {
  if (!isScalar(node) || !node.range) return null;
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  const start = node.range[0] + (quoted ? 1 : 0);
  const written = yamlText.slice(start, node.range[1] - (quoted ? 1 : 0));
  return written === value ? start : null;
}

function scalar(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const parts = value.map((v) => (v && typeof v === 'object' && 'name' in v ? scalar((v as { name: unknown }).name) : scalar(v))).filter((v): v is string => !!v);
    return parts.length > 0 ? parts.join(', ') : null;
  }
  if (typeof value === 'object' && 'name' in value) return scalar((value as { name: unknown }).name);
  return null;
}

const ENTITY = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;

/**
 * Align a node's value with its source range: runs of equal characters are exact pieces; escapes
 * ("\*") drop the backslash, character references ("&amp;") are inexact pieces, and container
 * prefixes after a line break ("> ", indentation) are skipped.
 */
export function alignPieces(value: string, source: string, start: number, end: number): Piece[] {
  const pieces: Piece[] = [];
  let i = 0;
  let j = start;
  let runV = -1;
  let runS = -1;
  const close = (): void => {
    if (runV >= 0 && i > runV) pieces.push({ text: value.slice(runV, i), sourceStart: runS });
    runV = -1;
  };
  while (i < value.length) {
    const entity = source.charCodeAt(j) === 0x26 && j < end ? ENTITY.exec(source.slice(j, Math.min(end, j + 40))) : null;
    if (j < end && value.charCodeAt(i) === source.charCodeAt(j) && !(entity && !value.startsWith(entity[0], i))) {
      if (runV < 0) {
        runV = i;
        runS = j;
      }
      i++;
      j++;
      continue;
    }
    close();
    if (j >= end) {
      pieces.push({ text: value.slice(i), sourceStart: end, sourceLength: 0, exact: false });
      break;
    }
    const c = source[j];
    if (c === '\\' && source[j + 1] === value[i]) {
      j++;
      continue;
    }
    if (c === '&') {
      const m = entity;
      if (m) {
        const after = j + m[0].length;
        let len = 1;
        for (const n of [1, 2]) {
          if (i + n === value.length || value.charCodeAt(i + n) === source.charCodeAt(after)) {
            len = n;
            break;
          }
        }
        pieces.push({ text: value.slice(i, i + len), sourceStart: j, sourceLength: m[0].length, exact: false });
        i += len;
        j = after;
        continue;
      }
    }
    j++;
  }
  close();
  return pieces;
}

interface Walk {
  source: string;
  blocks: BlockInput[];
  links: SourceLink[];
  definitions: Map<string, string>;
  notes: string[];
  dropped: { html: number; code: number };
}

/** Pieces of phrasing content (text, inline code, links, emphasis), in order. */
function phrasing(nodes: PhrasingContent[], walk: Walk, pieces: Piece[]): void {
  for (const node of nodes) {
    const pos = node.position;
    switch (node.type) {
      case 'text':
        if (pos?.start.offset !== undefined && pos.end.offset !== undefined) pieces.push(...alignPieces(node.value, walk.source, pos.start.offset, pos.end.offset));
        break;
      case 'inlineCode': {
        if (pos?.start.offset === undefined || pos.end.offset === undefined) break;
        const raw = walk.source.slice(pos.start.offset, pos.end.offset);
        const at = raw.indexOf(node.value);
        if (at >= 0) pieces.push({ text: node.value, sourceStart: pos.start.offset + at });
        else pieces.push({ text: node.value, sourceStart: pos.start.offset, sourceLength: raw.length, exact: false });
        break;
      }
      case 'break':
        if (pos?.start.offset !== undefined && pos.end.offset !== undefined) pieces.push({ text: '\n', sourceStart: pos.start.offset, sourceLength: pos.end.offset - pos.start.offset, exact: false });
        break;
      case 'link':
      case 'linkReference': {
        const before = pieces.length;
        phrasing(node.children, walk, pieces);
        const url = node.type === 'link' ? node.url : walk.definitions.get(node.identifier.toLowerCase());
        const anchor = pieces.slice(before);
        if (url !== undefined && anchor.length > 0) {
          const last = anchor[anchor.length - 1];
          walk.links.push({
            text: anchor.map((p) => p.text).join(''),
            url,
            sourceStart: anchor[0].sourceStart,
            sourceEnd: last.sourceStart + (last.sourceLength ?? last.text.length),
          });
        }
        break;
      }
      case 'emphasis':
      case 'strong':
      case 'delete':
        phrasing(node.children, walk, pieces);
        break;
      case 'html':
        walk.dropped.html++;
        break;
      default:
        // images, footnote references: not part of the read text
        break;
    }
  }
}

function addBlock(walk: Walk, kind: BlockKind, nodes: PhrasingContent[], depth?: number): void {
  const pieces: Piece[] = [];
  phrasing(nodes, walk, pieces);
  walk.blocks.push({ kind, pieces, ...(depth === undefined ? {} : { depth }) });
}

/** Walk block content; `inside` is the container kind (quote, list item) and `depth` the list depth. */
function blocks(nodes: (RootContent | Nodes)[], walk: Walk, inside: BlockKind | null, depth: number): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'heading':
        addBlock(walk, 'heading', node.children, node.depth);
        break;
      case 'paragraph':
        addBlock(walk, inside ?? 'paragraph', node.children, inside === 'list-item' ? depth : undefined);
        break;
      case 'blockquote':
        blocks(node.children, walk, 'quote', depth);
        break;
      case 'list':
        for (const item of node.children) blocks(item.children, walk, inside === 'quote' ? 'quote' : 'list-item', depth + 1);
        break;
      case 'table':
        for (const row of node.children) for (const cell of row.children) addBlock(walk, 'table-cell', cell.children);
        break;
      case 'footnoteDefinition':
        blocks(node.children, walk, inside, depth);
        break;
      case 'html':
        walk.dropped.html++;
        break;
      case 'code':
        walk.dropped.code++;
        break;
      default:
        break;
    }
  }
}

function collectDefinitions(node: Parents | Root, into: Map<string, string>): void {
  for (const child of node.children) {
    if (child.type === 'definition') into.set(child.identifier.toLowerCase(), child.url);
    else if ('children' in child) collectDefinitions(child as Parents, into);
  }
}

function blockText(block: BlockInput): string {
  return block.pieces.map((p) => p.text).join('');
}

/** Metadata paragraphs (bylines, labelled lines, datelines) near the top or bottom, as the text reader reads them. */
function inferMeta(walk: Walk, meta: ArticleMeta): void {
  const paragraphs = walk.blocks.filter((b) => b.kind === 'paragraph');
  let editor: string | null = null;
  for (const block of paragraphs) {
    const text = blockText(block).trim();
    if (text.includes('\n') || text.length > 240) continue;
    const label = parseLabelLine(text);
    const byline = label ? null : parseByline(text);
    const outlet = label || byline ? null : parseOutletCue(text);
    if (!label && !byline && !outlet) continue;
    block.kind = 'meta';
    if (label?.field === 'published') meta.published ??= metaField(parseDateText(label.value) ?? '', 'inferred', `'${label.label}:' line`);
    else if (label?.field === 'author') meta.author ??= metaField(label.value, 'inferred', `'${label.label}:' line`);
    else if (label?.field === 'editor') editor ??= label.value;
    else if (label?.field === 'outlet') meta.outlet ??= metaField(label.value, 'inferred', `'${label.label}:' line`);
    else if (label?.field === 'url') meta.url ??= metaField(label.value, 'inferred', `'${label.label}:' line`);
    else if (byline?.role === 'author') {
      meta.author ??= metaField(byline.name, 'inferred', `byline '${byline.written}'`);
      if (byline.outlet) meta.outlet ??= metaField(byline.outlet, 'inferred', `byline '${byline.written}': a team of the outlet`);
      if (byline.published) meta.published ??= metaField(byline.published, 'inferred', `byline '${byline.written}'`);
    } else if (byline?.role === 'editor') editor ??= byline.name;
    else if (outlet) meta.outlet ??= metaField(outlet, 'inferred', `line '${text}'`);
  }
  if (editor) walk.notes.push(`'${editor}' is named as the editor, not taken as the author`);
  // A dateline opening one of the first three paragraphs is split off as a metadata block.
  for (const block of paragraphs.slice(0, 3)) {
    if (block.kind !== 'paragraph') continue;
    const first = block.pieces[0];
    const d = first && (first.exact ?? true) ? datelineAtStart(first.text) : null;
    if (!d) continue;
    const index = walk.blocks.indexOf(block);
    const head: Piece = { text: first.text.slice(0, d.bodyStart).trimEnd(), sourceStart: first.sourceStart };
    const body: Piece = { text: first.text.slice(d.bodyStart), sourceStart: first.sourceStart + d.bodyStart };
    walk.blocks.splice(index, 1, { kind: 'meta', pieces: [head] }, { kind: 'paragraph', pieces: [body, ...block.pieces.slice(1)] });
    if (d.outlet) meta.outlet ??= metaField(d.outlet, 'inferred', `dateline '${d.text}'`);
    if (!meta.published && d.month !== null && d.day !== null) {
      if (d.year !== null) {
        const day = formatDay(d.year, d.month, d.day);
        if (day) meta.published = metaField(day, 'inferred', `dateline '${d.text}'`);
      } else {
        const inferred = inferYear(walk.source, d.month, d.day);
        const day = inferred ? formatDay(inferred.year, d.month, d.day) : null;
        if (inferred && day) {
          meta.published = metaField(day, 'inferred', `dateline '${d.text}'; year ${inferred.year} inferred from '${inferred.evidence}' (${inferred.rule})`);
          walk.notes.push(`published: year ${inferred.year} of the dateline inferred from '${inferred.evidence}' (${inferred.rule})`);
        } else walk.notes.push(`dateline '${d.text}' gives no year and the text names none: published left unknown`);
      }
    }
    break;
  }
}

/**
 * Read a Markdown article. Front matter (title, outlet, author, url, published) counts as declared;
 * `declared` wins over it. Without a declared title the first level-1 heading is the title.
 */
export function readMarkdown(path: string, source: string, declared?: DeclaredMeta): ReadResult {
  const notes: string[] = [];
  const tree = processor.parse(source) as Root;
  const walk: Walk = { source, blocks: [], links: [], definitions: new Map(), notes, dropped: { html: 0, code: 0 } };
  collectDefinitions(tree, walk.definitions);
  let front: DeclaredMeta = {};
  // Where the title stands in the file, for a headline given only in the front matter.
  let titleAt: number | null = null;
  for (const node of tree.children) {
    if (node.type !== 'yaml') continue;
    const read = frontMatterMeta(node.value, notes);
    front = read.meta;
    const inner = read.titleAt === null || node.position?.start.offset === undefined ? -1 : source.indexOf(node.value, node.position.start.offset);
    titleAt = inner < 0 ? null : inner + read.titleAt!;
  }
  blocks(tree.children, walk, null, 0);
  let meta = emptyMeta();
  const h1 = walk.blocks.find((b) => b.kind === 'heading' && b.depth === 1 && blockText(b).trim() !== '');
  inferMeta(walk, meta);
  meta = applyDeclared(path, meta, front, 'front matter', notes, false);
  meta = applyDeclared(path, meta, declared, 'declared', notes);
  if (h1) {
    const text = blockText(h1).replace(/\s+/g, ' ').trim();
    if (!meta.title) meta.title = metaField(text, 'inferred', 'first level-1 heading');
    if (meta.title.value === text) h1.kind = 'title';
  }
  // A headline given only in the front matter is still the headline: read it for claims, at its
  // place in the YAML, so that "… in Seven Years" can be held against the body.
  const headline = meta.title?.value;
  if (!walk.blocks.some((b) => b.kind === 'title') && titleAt !== null && headline !== undefined && headline === front.title) {
    walk.blocks.unshift({ kind: 'title', pieces: [{ text: headline, sourceStart: titleAt }] });
  }
  if (walk.dropped.html > 0) notes.push(`dropped ${walk.dropped.html} raw HTML node${walk.dropped.html === 1 ? '' : 's'}`);
  if (walk.dropped.code > 0) notes.push(`skipped ${walk.dropped.code} code block${walk.dropped.code === 1 ? '' : 's'}`);
  return buildResult({ path, format: 'markdown', source, blocks: walk.blocks, meta, links: walk.links, notes });
}
