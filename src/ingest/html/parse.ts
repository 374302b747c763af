/**
 * Parsing an HTML page into a tree whose nodes know their source offsets (cheerio over htmlparser2,
 * `withStartIndices`/`withEndIndices`). Before parsing, a linear scan flattens nesting deeper than
 * `MAX_DEPTH` by blanking the excess tags with spaces of the same length, so offsets stay valid
 * and a page of 100,000 unclosed `<div>`s parses in bounded time instead of quadratic time.
 */
import { load } from 'cheerio';
import type { CheerioAPI } from 'cheerio';
import type { HElement } from './dom.js';

/** Deepest element nesting kept; real article pages stay well under 100. */
export const MAX_DEPTH = 256;

/** Tags that never have content, so never nest. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'command', 'basefont', 'frame', 'isindex']);
/** Tags the parser closes by itself when a sibling opens (`<p>a<p>b`), so they do not deepen the tree. */
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'rb', 'rt', 'rp']);
/** Elements whose content is raw text up to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes']);

export interface Parsed {
  $: CheerioAPI;
  root: HElement;
  /** The text the tree was parsed from: the source, or a copy of the same length with excess tags blanked. */
  parsedSource: string;
  notes: string[];
}

/** Parse `source`; never throws on malformed markup. */
export function parseHtml(source: string): Parsed {
  const notes: string[] = [];
  const parsedSource = flattenDeepNesting(source, MAX_DEPTH, notes);
  const $ = load(parsedSource, {
    xml: { xmlMode: false, withStartIndices: true, withEndIndices: true, decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  });
  return { $, root: $.root()[0] as unknown as HElement, parsedSource, notes };
}

/**
 * Blank (with spaces) the start and end tags nested deeper than `limit`, scanning tags once.
 * Returns `source` itself when nothing is too deep.
 */
export function flattenDeepNesting(source: string, limit: number, notes: string[]): string {
  const lower = source.toLowerCase();
  const blanks: Array<[number, number]> = [];
  let depth = 0;
  let excess = 0;
  let nextGt = -1;
  let i = lower.indexOf('<');
  while (i >= 0 && i < lower.length) {
    if (lower.startsWith('<!--', i)) {
      const end = lower.indexOf('-->', i + 4);
      if (end < 0) break;
      i = lower.indexOf('<', end + 3);
      continue;
    }
    if (nextGt < i) nextGt = lower.indexOf('>', i);
    if (nextGt < 0) break;
    const closing = lower.charCodeAt(i + 1) === 47; // '/'
    const nameStart = closing ? i + 2 : i + 1;
    let nameEnd = nameStart;
    while (nameEnd < nextGt && /[a-z0-9:-]/.test(lower[nameEnd])) nameEnd++;
    const name = lower.slice(nameStart, nameEnd);
    const tagEnd = nextGt + 1;
    if (name === '' || !/^[a-z]/.test(name)) {
      i = lower.indexOf('<', i + 1);
      continue;
    }
    if (!closing && RAW_TEXT.has(name)) {
      const close = lower.indexOf(`</${name}`, tagEnd);
      if (close < 0) break;
      i = close;
      continue;
    }
    const selfClosed = lower.charCodeAt(nextGt - 1) === 47; // '/>' (SVG and MathML children)
    if (!VOID.has(name) && !SELF_CLOSING_SIBLINGS.has(name) && !selfClosed) {
      if (!closing) {
        if (depth >= limit) {
          excess++;
          blanks.push([i, tagEnd]);
        } else depth++;
      } else if (excess > 0) {
        excess--;
        blanks.push([i, tagEnd]);
      } else if (depth > 0) depth--;
    }
    i = lower.indexOf('<', tagEnd);
  }
  if (blanks.length === 0) return source;
  notes.push(`nesting deeper than ${limit} elements flattened (${blanks.length} tags ignored)`);
  const parts: string[] = [];
  let at = 0;
  for (const [start, end] of blanks) {
    parts.push(source.slice(at, start), ' '.repeat(end - start));
    at = end;
  }
  parts.push(source.slice(at));
  return parts.join('');
}
