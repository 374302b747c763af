/**
 * Small builders for the mdast nodes the report is made of, and the one serialiser (remark-stringify
 * with remark-gfm for tables). Text goes in as `text` nodes and remark escapes it on the way out, so
 * nothing quoted from an article can become Markdown syntax.
 */
import type { BlockContent, Heading, Image, List, ListItem, Paragraph, PhrasingContent, Root, Table, TableCell, TableRow } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';

export const text = (value: string): PhrasingContent => ({ type: 'text', value });
export const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
export const emphasis = (value: string): PhrasingContent => ({ type: 'emphasis', children: [text(value)] });
export const code = (value: string): PhrasingContent => ({ type: 'inlineCode', value });
export const paragraph = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });
export const heading = (depth: Heading['depth'], ...children: PhrasingContent[]): Heading => ({ type: 'heading', depth, children });
export const item = (...children: BlockContent[]): ListItem => ({ type: 'listItem', spread: false, children });
export const list = (items: ListItem[], ordered = false): List => ({ type: 'list', ordered, spread: false, children: items });
export const image = (url: string, alt: string): Image => ({ type: 'image', url, alt });
const cell = (...children: PhrasingContent[]): TableCell => ({ type: 'tableCell', children });
const row = (cells: TableCell[]): TableRow => ({ type: 'tableRow', children: cells });

/** A table cell's content: a string is plain text. */
export type Cell = string | PhrasingContent[];

/** A GFM table: a header row of strings, then rows of cells. */
export function table(header: string[], rows: Cell[][]): Table {
  const toCell = (c: Cell): TableCell => (typeof c === 'string' ? cell(text(c)) : cell(...c));
  return { type: 'table', align: header.map(() => null), children: [row(header.map((h) => cell(text(h)))), ...rows.map((r) => row(r.map(toCell)))] };
}

/**
 * What GFM would turn into a link although escaped (`https\://…`, `www.…`, `name@host.tld`): the
 * autolink-literal extension ignores backslash escapes, so such words are set as code instead.
 */
const AUTOLINK = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;

/** Split the text nodes of a tree so that anything GFM would autolink becomes inline code: it stays literal. */
export function literalUrls(tree: Root): Root {
  visit(tree, 'text', (node, index, parent) => {
    if (!parent || index === undefined || !AUTOLINK.test(node.value)) return;
    AUTOLINK.lastIndex = 0;
    const parts: PhrasingContent[] = [];
    let at = 0;
    for (const m of node.value.matchAll(AUTOLINK)) {
      if (m.index > at) parts.push(text(node.value.slice(at, m.index)));
      parts.push(code(m[0]));
      at = m.index + m[0].length;
    }
    if (at < node.value.length) parts.push(text(node.value.slice(at)));
    (parent.children as PhrasingContent[]).splice(index, 1, ...parts);
    return [SKIP, index + parts.length];
  });
  return tree;
}

/** Serialise an mdast tree as GFM Markdown, the same way for every output of the tool. */
export function toMarkdown(tree: Root): string {
  return unified()
    .use(remarkGfm, { tablePipeAlign: false })
    .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', fences: true, listItemIndent: 'one', rule: '-' })
    .stringify(literalUrls(structuredClone(tree)));
}
