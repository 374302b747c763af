/**
 * Finding the story in a page: drop what is never text (scripts, styles, forms, hidden elements) and
 * page furniture (nav, aside, footer, header; ads, comments, related lists by class and id), score
 * the containers that remain, pick the story's container and clean it. When that yields under 500
 * characters, try again with the furniture rules relaxed one by one and keep the longest result.
 */
import { isElement, tagOf, walk } from './dom.js';
import type { HElement } from './dom.js';
import { cleanContent } from './clean.js';
import { isHidden, isNeverText, isPageChrome, isUnlikely } from './hints.js';
import { pickContent, scoreCandidates } from './score.js';
import { computeStats } from './stats.js';
import type { Stats } from './stats.js';

export interface Body {
  /** The story's containers, in document order. */
  parts: HElement[];
  /** Elements inside `parts` (and elsewhere) not to read. */
  dropped: Set<HElement>;
  stats: Map<HElement, Stats>;
  /** What the finder did, for the reader's notes. */
  how: string;
}

interface Pass {
  stripUnlikely: boolean;
  weightClasses: boolean;
  conditional: boolean;
}

const PASSES: Pass[] = [
  { stripUnlikely: true, weightClasses: true, conditional: true },
  { stripUnlikely: false, weightClasses: true, conditional: true },
  { stripUnlikely: false, weightClasses: false, conditional: true },
  { stripUnlikely: false, weightClasses: false, conditional: false },
];

/** Story text below this many characters makes the finder try a more lenient pass. */
export const MIN_STORY_LENGTH = 500;

/** Elements dropped before scoring. */
export function pruneTree(root: HElement, stripUnlikely: boolean): Set<HElement> {
  const dropped = new Set<HElement>();
  walk(root, (node) => {
    if (!isElement(node)) return node.type === 'root';
    if (isNeverText(node) || isHidden(node) || (stripUnlikely && (isPageChrome(node) || isUnlikely(node)))) {
      dropped.add(node);
      return false;
    }
    return true;
  });
  return dropped;
}

/** Find the story's containers in the parsed page. */
export function findBody(root: HElement): Body {
  let best: (Body & { length: number }) | null = null;
  for (const [index, pass] of PASSES.entries()) {
    const dropped = pruneTree(root, pass.stripUnlikely);
    const stats = computeStats(root, dropped);
    const scores = scoreCandidates(root, dropped, stats, { weightClasses: pass.weightClasses });
    const picked = pickContent(scores, stats);
    const parts = picked ? picked.parts : fallbackParts(root);
    const cleaned = cleanContent(parts, dropped, stats, { conditional: pass.conditional, weightClasses: pass.weightClasses });
    const length = parts.reduce((n, p) => n + (stats.get(p)?.text ?? 0), 0);
    const how = `${picked ? describe(picked.top) : 'no scored container; whole <body>'}${parts.length > 1 ? ` + ${parts.length - 1} sibling${parts.length > 2 ? 's' : ''}` : ''}, ${dropped.size} elements dropped (${cleaned} inside the story)${index > 0 ? `, lenient pass ${index + 1}` : ''}`;
    if (!best || length > best.length) best = { parts, dropped, stats, how, length };
    if (length >= MIN_STORY_LENGTH) break;
  }
  return best!;
}

function fallbackParts(root: HElement): HElement[] {
  let body: HElement | null = null;
  walk(root, (node) => {
    if (body || !isElement(node)) return !body && node.type === 'root';
    if (tagOf(node) === 'body') body = node;
    return !body;
  });
  return [body ?? root];
}

function describe(el: HElement): string {
  const tag = tagOf(el);
  const id = el.attribs?.id ? `#${el.attribs.id}` : '';
  const cls = el.attribs?.class ? `.${el.attribs.class.trim().split(/\s+/).slice(0, 2).join('.')}` : '';
  return `story in <${tag}${id}${cls}>`;
}
