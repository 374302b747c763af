/**
 * The HTML reader: a saved web page becomes the story's blocks (navigation, ads, scripts, styles,
 * footers, related lists and comments left out), its metadata and its outbound links, with every
 * piece of text tied to its place in the source file. Malformed pages are read as browsers would,
 * in bounded time; scripts are never run nor kept.
 */
import { buildResult } from './builder.js';
import type { BlockInput } from './builder.js';
import { applyDeclared } from './meta.js';
import type { DeclaredMeta, ReadResult } from './types.js';
import { storyBlocks } from './html/blocks.js';
import { findBody } from './html/body.js';
import { classAndId, tagOf } from './html/dom.js';
import type { HElement } from './html/dom.js';
import { isHidden, isNeverText, isUnlikely } from './html/hints.js';
import { readPageInfo } from './html/metadata.js';
import { parseHtml } from './html/parse.js';

/** Subtrees never searched for a headline, byline or date: scripts, hidden parts, navigation, comments. */
function notForMeta(el: HElement): boolean {
  const tag = tagOf(el);
  if (isNeverText(el) || isHidden(el) || tag === 'nav' || tag === 'footer' || tag === 'aside') return true;
  return isUnlikely(el) && !/header|meta|byline|author|info/.test(classAndId(el));
}

/** The `<article>` around the story's container, else the container's parent: where its byline sits. */
function storyScope(parts: HElement[]): HElement | null {
  const first = parts[0];
  if (!first) return null;
  for (let p: HElement | null = first; p; p = p.parent) if (tagOf(p) === 'article') return p;
  return first.parent && tagOf(first.parent) !== 'body' && tagOf(first.parent) !== 'html' ? first.parent : first;
}

/** Read an HTML page. `declared` metadata wins over what the page says. */
export function readHtml(path: string, source: string, declared?: DeclaredMeta): ReadResult {
  const parsed = parseHtml(source);
  const notes = [...parsed.notes];
  const body = findBody(parsed.root);
  const info = readPageInfo(parsed.root, notForMeta, notes, storyScope(body.parts));
  notes.push(body.how);
  const { blocks, links } = storyBlocks({
    parts: body.parts,
    dropped: body.dropped,
    stats: body.stats,
    parsedSource: parsed.parsedSource,
    titleElement: info.titleElement,
    base: info.base,
  });
  const meta = applyDeclared(path, info.meta, declared, 'declared', notes);
  return buildResult({ path, format: 'html', source, blocks: orderBySource(blocks), meta, links, notes });
}

/** Blocks in source order (the builder's offset maps rely on it). */
function orderBySource(blocks: BlockInput[]): BlockInput[] {
  const start = (b: BlockInput): number => b.pieces[0]?.sourceStart ?? 0;
  for (let i = 1; i < blocks.length; i++) if (start(blocks[i]) < start(blocks[i - 1])) return [...blocks].sort((a, b) => start(a) - start(b));
  return blocks;
}
