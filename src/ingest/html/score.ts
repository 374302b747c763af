/**
 * The story's container, found the Readability way: every paragraph of 25 characters or more gives
 * its ancestors points (1 + commas + one per 100 characters, at most 3; halved for the grandparent,
 * then divided by three times the level), containers start from their tag and ±25 class weight,
 * link-heavy containers lose in proportion to their link text, and the best one is widened to its
 * parent when the runners-up sit beside it, then joined by siblings that score nearly as well.
 */
import { BLOCK_TAGS, attr, isElement, tagOf, walk } from './dom.js';
import type { HElement, HNode } from './dom.js';
import { classWeight } from './hints.js';
import { linkDensity } from './stats.js';
import type { Stats } from './stats.js';

export interface ScoreOptions {
  /** Use class and id words in the scores. */
  weightClasses: boolean;
}

const SCORED = new Set(['p', 'pre', 'td', 'h2', 'h3', 'h4', 'h5', 'h6', 'section']);
const PARAGRAPH_LIKE = new Set(['p', 'pre', 'td', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dt', 'dd', 'blockquote', 'figcaption', 'caption', 'th']);

/** Starting score of a container by its tag (Readability's initializeNode). */
function tagScore(tag: string): number {
  switch (tag) {
    case 'div':
    case 'article':
    case 'main':
      return 5;
    case 'pre':
    case 'td':
    case 'blockquote':
      return 3;
    case 'address':
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'form':
      return -3;
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
    case 'th':
      return -5;
    default:
      return 0;
  }
}

/** Points a paragraph of `length` characters with `commas` commas gives. */
function paragraphPoints(length: number, commas: number): number {
  return 1 + commas + Math.min(Math.floor(length / 100), 3);
}

/** Bonus for containers that declare themselves the story (schema.org articleBody, `<article>`, `<main>`). */
function semanticBonus(el: HElement): number {
  if (/\barticlebody\b/i.test(attr(el, 'itemprop'))) return 30;
  return 0;
}

/** Scores of the candidate containers under `root`. */
export function scoreCandidates(root: HNode, dropped: ReadonlySet<HElement>, stats: Map<HElement, Stats>, options: ScoreOptions): Map<HElement, number> {
  const scores = new Map<HElement, number>();
  const init = (el: HElement): void => {
    if (scores.has(el)) return;
    scores.set(el, tagScore(tagOf(el)) + (options.weightClasses ? classWeight(el) : 0) + semanticBonus(el));
  };
  // points go to the paragraph's container (level 0) and up to four more ancestors
  const give = (from: HElement, points: number, selfIncluded: boolean): void => {
    let level = 0;
    for (let node: HElement | null = selfIncluded ? from : from.parent; node && level < 5; node = node.parent, level++) {
      if (!isElement(node) || !node.parent || tagOf(node) === 'html') break;
      init(node);
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(node, scores.get(node)! + points / divider);
    }
  };
  walk(root, (node) => {
    if (!isElement(node)) return node.type === 'root';
    if (dropped.has(node)) return false;
    const s = stats.get(node);
    if (!s) return false;
    const tag = tagOf(node);
    if (SCORED.has(tag)) {
      if (s.text >= 25 && !(tag === 'section' && s.ownText < 25)) {
        const len = tag === 'section' ? s.ownText : s.text;
        give(node, paragraphPoints(len, tag === 'section' ? s.ownCommas : s.commas), false);
      }
      return tag !== 'p' && tag !== 'pre';
    }
    // a block that holds text directly (text between <br>s, a div used as a paragraph) is a paragraph of its own
    if (BLOCK_TAGS.has(tag) && !PARAGRAPH_LIKE.has(tag) && s.ownText >= 25) give(node, paragraphPoints(s.ownText, s.ownCommas), true);
    return true;
  });
  for (const [el, score] of scores) scores.set(el, score * (1 - linkDensity(stats.get(el))));
  return scores;
}

/**
 * The best container and the siblings that belong with it, in document order; null when nothing
 * scored.
 */
export function pickContent(scores: Map<HElement, number>, stats: Map<HElement, Stats>): { top: HElement; parts: HElement[] } | null {
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0) return null;
  let [top, topScore] = ranked[0];
  // runners-up close to the best that sit under one ancestor: the story is that ancestor
  const close = ranked.slice(1, 5).filter(([, s]) => s / topScore >= 0.75).map(([el]) => el);
  if (close.length >= 3) {
    for (let p = top.parent; p && tagOf(p) !== 'body' && tagOf(p) !== 'html' && isElement(p); p = p.parent) {
      const holds = close.filter((c) => contains(p!, c)).length;
      if (holds >= 3) {
        top = p;
        break;
      }
    }
  }
  scores.has(top) || scores.set(top, 0);
  topScore = scores.get(top)!;
  // climb while the parent scores better (the story is split over children of one parent)
  let last = topScore;
  const threshold = topScore / 3;
  for (let p = top.parent; p && isElement(p) && tagOf(p) !== 'body' && tagOf(p) !== 'html'; p = p.parent) {
    const ps = scores.get(p);
    if (ps === undefined) continue;
    if (ps < threshold) break;
    if (ps > last) {
      top = p;
      break;
    }
    last = ps;
  }
  // an only child stands for its parent
  while (top.parent && isElement(top.parent) && tagOf(top.parent) !== 'body' && tagOf(top.parent) !== 'html' && elementChildren(top.parent).length === 1) top = top.parent;
  topScore = scores.get(top) ?? topScore;
  const parent = top.parent;
  if (!parent || !isElement(parent)) return { top, parts: [top] };
  const parts: HElement[] = [];
  const siblingThreshold = Math.max(10, topScore * 0.2);
  const topClass = attr(top, 'class');
  for (const sib of elementChildren(parent)) {
    if (sib === top) {
      parts.push(sib);
      continue;
    }
    const s = stats.get(sib);
    if (!s) continue;
    const bonus = topClass !== '' && attr(sib, 'class') === topClass ? topScore * 0.2 : 0;
    const score = scores.get(sib);
    if (score !== undefined && score + bonus >= siblingThreshold) parts.push(sib);
    else if (tagOf(sib) === 'p') {
      const density = linkDensity(s);
      if (s.text > 80 && density < 0.25) parts.push(sib);
      else if (s.text > 0 && s.text <= 80 && density === 0 && /\.( |$)/.test(ownTextOf(sib))) parts.push(sib);
    }
  }
  return { top, parts };
}

function contains(ancestor: HElement, node: HElement): boolean {
  for (let p: HElement | null = node; p; p = p.parent) if (p === ancestor) return true;
  return false;
}

function elementChildren(el: HElement): HElement[] {
  return el.children.filter(isElement);
}

function ownTextOf(el: HElement): string {
  const parts: string[] = [];
  walk(el, (n) => {
    if ('data' in n && n.type === 'text') parts.push((n as unknown as { data: string }).data);
  });
  return parts.join('').replace(/\s+/g, ' ').trim();
}
