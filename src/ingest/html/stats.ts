/**
 * Per-element counts over the page, in one pass: text length (white space collapsed), text inside
 * links, commas, paragraphs, images, list items, inputs, embeds and heading text, each for the
 * whole subtree, plus the text an element holds directly (outside child blocks). Elements in
 * `dropped` count as empty.
 */
import { BLOCK_TAGS, attr, isElement, isText, tagOf, walk } from './dom.js';
import type { HElement, HNode } from './dom.js';

export interface Stats {
  text: number;
  link: number;
  commas: number;
  /** Text that sits directly in the element or in its inline children, not in a child block. */
  ownText: number;
  ownCommas: number;
  p: number;
  img: number;
  li: number;
  input: number;
  embed: number;
  heading: number;
}

const COMMAS = /[\u002C\u060C\uFE50\uFE10\uFE11\u2E41\u2E34\u2E32\uFF0C\u3001]/g;
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const EMBEDS = new Set(['object', 'embed', 'iframe', 'video', 'audio']);

const empty = (): Stats => ({ text: 0, link: 0, commas: 0, ownText: 0, ownCommas: 0, p: 0, img: 0, li: 0, input: 0, embed: 0, heading: 0 });

/** Length of a text with each run of white space counted once. */
export function collapsedLength(text: string): number {
  let n = 0;
  let space = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const ws = c === 32 || c === 10 || c === 9 || c === 13 || c === 12;
    if (ws) {
      if (!space) n++;
      space = true;
    } else {
      n++;
      space = false;
    }
  }
  return n;
}

/** Counts for every element under `root` that is not dropped. */
export function computeStats(root: HNode, dropped: ReadonlySet<HElement>): Map<HElement, Stats> {
  const stats = new Map<HElement, Stats>();
  const linkDepth: HElement[] = [];
  walk(
    root,
    (node) => {
      if (isText(node)) {
        const len = collapsedLength(node.data);
        if (len === 0) return;
        const commas = node.data.match(COMMAS)?.length ?? 0;
        const inLink = linkDepth.length > 0;
        let owner = true;
        for (let p = node.parent; p; p = p.parent) {
          const s = stats.get(p);
          if (!s) break;
          s.text += len;
          s.commas += commas;
          if (inLink) s.link += tagOf(p) === 'a' && attr(p, 'href').startsWith('#') ? len * 0.3 : len;
          if (owner) {
            s.ownText += len;
            s.ownCommas += commas;
            if (BLOCK_TAGS.has(tagOf(p))) owner = false;
          }
        }
        return;
      }
      if (!isElement(node)) return node.type === 'root';
      if (dropped.has(node)) return false;
      stats.set(node, empty());
      const tag = tagOf(node);
      if (tag === 'a' && attr(node, 'href')) linkDepth.push(node);
      return true;
    },
    (el) => {
      const s = stats.get(el);
      if (!s) return;
      const tag = tagOf(el);
      if (linkDepth[linkDepth.length - 1] === el) linkDepth.pop();
      if (tag === 'p') s.p++;
      else if (tag === 'img') s.img++;
      else if (tag === 'li') s.li++;
      else if (tag === 'input' || tag === 'select' || tag === 'textarea' || tag === 'button') s.input++;
      else if (EMBEDS.has(tag)) s.embed++;
      if (HEADINGS.has(tag)) s.heading += s.text;
      const parent = el.parent && stats.get(el.parent);
      if (parent) {
        parent.p += s.p;
        parent.img += s.img;
        parent.li += s.li;
        parent.input += s.input;
        parent.embed += s.embed;
        parent.heading += s.heading;
      }
    },
  );
  return stats;
}

/** Share of an element's text that sits inside links (0 for an empty element). */
export function linkDensity(s: Stats | undefined): number {
  return s && s.text > 0 ? Math.min(1, s.link / s.text) : 0;
}
