/**
 * The story's containers as blocks of source-anchored text: paragraphs, headings, list items,
 * quotes, table cells and captions, with byline and date lines as `meta` blocks, and the links
 * inside with their anchor's source range.
 */
import type { BlockInput, SourceLink } from '../builder.js';
import type { BlockKind } from '../types.js';
import { isBylineElement } from './author.js';
import { BLOCK_TAGS, attr, classAndId, isElement, isText, tagOf, textOf, walk } from './dom.js';
import type { HElement, HNode } from './dom.js';
import { absoluteUrl } from './metadata.js';
import type { Stats } from './stats.js';
import { BlockWriter, alignText, learnReferences } from './text.js';

export interface BlocksInput {
  parts: HElement[];
  dropped: ReadonlySet<HElement>;
  stats: Map<HElement, Stats>;
  /** The text the tree was parsed from (same offsets as the source). */
  parsedSource: string;
  /** The headline element, read as the `title` block. */
  titleElement: HElement | null;
  /** Base URL for relative links. */
  base: string | null;
}

export interface BlocksOutput {
  blocks: BlockInput[];
  links: SourceLink[];
}

const HEADING = /^h([1-6])$/;
const DATE_HINT = /(?:^|[\s_-])(?:date|dateline|time|timestamp|published|pubdate|updated|posted)(?:$|[\s_-])/;

interface Context {
  kind: BlockKind;
  depth?: number;
  pre: boolean;
}

/** Read the blocks and links of the story. */
export function storyBlocks(input: BlocksInput): BlocksOutput {
  const blocks: BlockInput[] = [];
  const links: SourceLink[] = [];
  const { parsedSource, dropped } = input;
  const firstStart = input.parts[0]?.startIndex ?? 0;
  const title = input.titleElement;
  const titleInside = title !== null && input.parts.some((p) => contains(p, title));
  const roots: HElement[] = title && !titleInside && (title.startIndex ?? Infinity) < firstStart ? [title, ...input.parts] : input.parts;

  let writer: BlockWriter | null = null;
  const contexts: Context[] = [{ kind: 'paragraph', pre: false }];
  const flush = (): void => {
    if (writer && !writer.empty) {
      const ctx = contexts[contexts.length - 1];
      blocks.push({ kind: ctx.kind, ...(ctx.depth === undefined ? {} : { depth: ctx.depth }), pieces: writer.pieces });
    }
    writer = null;
  };
  const opened = new Set<HElement>();
  learnReferences(parsedSource);

  for (const root of roots) {
    walk(
      root,
      (node) => {
        if (isText(node)) {
          if (node.startIndex === null || node.endIndex === null) return;
          writer ??= new BlockWriter(contexts[contexts.length - 1].pre);
          writer.addSegments(alignText(node.data, parsedSource.slice(node.startIndex, node.endIndex + 1), node.startIndex));
          return;
        }
        if (!isElement(node)) return node.type === 'root';
        if (dropped.has(node)) return false;
        const tag = tagOf(node);
        if (tag === 'br') {
          writer?.lineBreak(node.startIndex ?? 0, (node.endIndex ?? 0) - (node.startIndex ?? 0) + 1);
          return false;
        }
        if (tag === 'a') {
          const link = linkOf(node, input.base);
          if (link) links.push(link);
          return true;
        }
        if (!BLOCK_TAGS.has(tag) && node !== root) return true;
        flush();
        contexts.push(contextOf(node, contexts[contexts.length - 1], input));
        opened.add(node);
        return true;
      },
      (el) => {
        if (!opened.has(el)) return;
        flush();
        contexts.pop();
        opened.delete(el);
      },
    );
    flush();
  }
  return { blocks, links };
}

/** The block kind an element gives its text. */
function contextOf(el: HElement, outer: Context, input: BlocksInput): Context {
  const tag = tagOf(el);
  const pre = outer.pre || tag === 'pre' || tag === 'xmp' || tag === 'listing' || tag === 'plaintext';
  if (el === input.titleElement) return { kind: 'title', pre };
  const heading = HEADING.exec(tag);
  if (heading) return { kind: 'heading', depth: Number(heading[1]), pre };
  if (outer.kind === 'meta' || outer.kind === 'caption' || outer.kind === 'table-cell' || outer.kind === 'title') return { ...outer, pre };
  if (isMetaLine(el, input.stats)) return { kind: 'meta', pre };
  if (tag === 'li') return { kind: 'list-item', depth: listDepth(el), pre };
  if (tag === 'td' || tag === 'th') return { kind: 'table-cell', pre };
  if (tag === 'figcaption' || tag === 'caption') return { kind: 'caption', pre };
  if (tag === 'blockquote') return { kind: 'quote', pre };
  if (outer.kind === 'quote' || outer.kind === 'list-item') return { ...outer, pre };
  return { kind: 'paragraph', pre };
}

/** A short line that carries a byline or a date rather than story text. */
function isMetaLine(el: HElement, stats: Map<HElement, Stats>): boolean {
  const length = stats.get(el)?.text ?? 0;
  if (length === 0 || length > 120) return false;
  if (isBylineElement(el)) return true;
  if (DATE_HINT.test(classAndId(el))) return true;
  // a line that is nothing but a <time> element (and a label)
  let time = 0;
  walk(el, (n) => {
    if (isElement(n) && tagOf(n) === 'time') time += n.children.length > 0 ? textOf(n).length : 0;
    return true;
  });
  return time > 0 && time >= length * 0.5;
}

function listDepth(el: HElement): number {
  let depth = 0;
  for (let p = el.parent; p; p = p.parent) if (tagOf(p) === 'ul' || tagOf(p) === 'ol') depth++;
  return Math.max(1, depth);
}

/** A link with the source range of its anchor text, or null for script and in-page links. */
function linkOf(a: HElement, base: string | null): SourceLink | null {
  const href = attr(a, 'href').trim();
  if (href === '' || href.startsWith('#') || /^(?:javascript|data|vbscript):/i.test(href)) return null;
  const url = /^(?:mailto|tel):/i.test(href) ? href : (absoluteUrl(href, base) ?? (base ? null : href));
  if (!url) return null;
  let start = -1;
  let end = -1;
  walk(a, (n) => {
    if (isText(n) && n.startIndex !== null && n.endIndex !== null && /\S/.test(n.data)) {
      const lead = n.data.length - n.data.trimStart().length;
      const trail = n.data.length - n.data.trimEnd().length;
      const exact = n.endIndex - n.startIndex + 1 === n.data.length;
      if (start < 0) start = n.startIndex + (exact ? lead : 0);
      end = n.endIndex + 1 - (exact ? trail : 0);
    }
    return true;
  });
  if (start < 0) start = end = a.startIndex ?? 0;
  return { text: textOf(a), url, sourceStart: start, sourceEnd: end };
}

function contains(ancestor: HNode, node: HNode): boolean {
  for (let p: HNode | null = node; p; p = p.parent) if (p === ancestor) return true;
  return false;
}
