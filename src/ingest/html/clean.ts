/**
 * Cleaning inside the chosen story container (Readability's "clean conditionally"): lists, tables,
 * divs and sections that look like link lists, image galleries, widgets or share rows are dropped,
 * unless they are data tables or hold real prose (ten commas or more).
 */
import { attr, isElement, tagOf, walk } from './dom.js';
import type { HElement } from './dom.js';
import { classWeight, isShareRow } from './hints.js';
import { linkDensity } from './stats.js';
import type { Stats } from './stats.js';

const CONDITIONAL = new Set(['table', 'ul', 'ol', 'dl', 'div', 'section', 'figure', 'fieldset', 'center']);
const HEADERS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

export interface CleanOptions {
  /** Drop widgets by the counts above. */
  conditional: boolean;
  /** Use class and id words. */
  weightClasses: boolean;
}

/** Drop boilerplate inside `parts`, adding the dropped elements to `dropped`. Returns how many. */
export function cleanContent(parts: HElement[], dropped: Set<HElement>, stats: Map<HElement, Stats>, options: CleanOptions): number {
  const inside: HElement[] = [];
  for (const part of parts) {
    walk(part, (node) => {
      if (!isElement(node)) return false;
      if (dropped.has(node)) return false;
      if (node !== part) inside.push(node);
      return tagOf(node) !== 'pre' && tagOf(node) !== 'code';
    });
  }
  let count = 0;
  for (let i = inside.length - 1; i >= 0; i--) {
    const el = inside[i];
    if (hasDroppedAncestor(el, dropped)) continue;
    if (shouldDrop(el, stats, options)) {
      dropped.add(el);
      subtract(el, stats);
      count++;
    }
  }
  return count;
}

function shouldDrop(el: HElement, stats: Map<HElement, Stats>, options: CleanOptions): boolean {
  const s = stats.get(el);
  if (!s) return false;
  const tag = tagOf(el);
  const weight = options.weightClasses ? classWeight(el) : 0;
  if (HEADERS.has(tag)) return options.weightClasses && weight < 0;
  if (options.weightClasses && s.text < 500 && isShareRow(el) && !/\barticlebody\b/i.test(attr(el, 'itemprop'))) return true;
  if (!options.conditional || !CONDITIONAL.has(tag)) return false;
  if (tag === 'table' && isDataTable(el)) return false;
  if (weight < 0) return true;
  if (s.commas >= 10) return false;
  const isList = tag === 'ul' || tag === 'ol' || tag === 'dl' || (s.text > 0 && listText(el, stats) / s.text > 0.9);
  const density = linkDensity(s);
  const headingDensity = s.text > 0 ? s.heading / s.text : 0;
  const inFigure = hasAncestorTag(el, 'figure');
  if (s.img > 1 && s.p / s.img < 0.5 && !inFigure) return true;
  if (!isList && s.li - 100 > s.p) return true;
  if (s.input > Math.floor(s.p / 3)) return true;
  if (!isList && headingDensity < 0.9 && s.text < 25 && (s.img === 0 || s.img > 2) && density > 0) return true;
  if (!isList && weight < 25 && density > 0.2) return true;
  if (weight >= 25 && density > 0.5) return true;
  if ((s.embed === 1 && s.text < 75) || s.embed > 1) return true;
  if (isList && s.text < 25 * Math.max(1, s.li) && density > 0.5) return true;
  return false;
}

/** Text inside the list elements of `el`. */
function listText(el: HElement, stats: Map<HElement, Stats>): number {
  let n = 0;
  walk(el, (node) => {
    if (!isElement(node)) return false;
    const tag = tagOf(node);
    if (tag === 'ul' || tag === 'ol') {
      n += stats.get(node)?.text ?? 0;
      return false;
    }
    return true;
  });
  return n;
}

/** A table of data rather than layout (Readability's test, by markup and size). */
function isDataTable(table: HElement): boolean {
  if (attr(table, 'role') === 'presentation' || attr(table, 'datatable') === '0') return false;
  if (attr(table, 'summary')) return true;
  let rows = 0;
  let columns = 0;
  let marked = false;
  let nested = false;
  walk(table, (node) => {
    if (!isElement(node)) return false;
    const tag = tagOf(node);
    if (node !== table && tag === 'table') {
      nested = true;
      return false;
    }
    if (tag === 'caption' || tag === 'thead' || tag === 'tfoot' || tag === 'th' || tag === 'colgroup') marked = true;
    if (tag === 'tr') {
      rows++;
      columns = Math.max(columns, node.children.filter((c) => isElement(c) && (tagOf(c) === 'td' || tagOf(c) === 'th')).length);
    }
    return true;
  });
  if (nested) return false;
  if (marked) return true;
  return rows >= 10 || columns > 4 || rows * columns > 10;
}

function hasAncestorTag(el: HElement, tag: string): boolean {
  for (let p = el.parent; p; p = p.parent) if (tagOf(p) === tag) return true;
  return false;
}

function hasDroppedAncestor(el: HElement, dropped: ReadonlySet<HElement>): boolean {
  for (let p = el.parent; p; p = p.parent) if (dropped.has(p)) return true;
  return false;
}

/** Take a dropped element's counts out of its ancestors. */
function subtract(el: HElement, stats: Map<HElement, Stats>): void {
  const s = stats.get(el);
  if (!s) return;
  for (let p = el.parent; p; p = p.parent) {
    const a = stats.get(p);
    if (!a) break;
    a.text -= s.text;
    a.link -= s.link;
    a.commas -= s.commas;
    a.p -= s.p;
    a.img -= s.img;
    a.li -= s.li;
    a.heading -= s.heading;
  }
}
