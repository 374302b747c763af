/**
 * Author names as pages give them: cleaned of "By", trailing dates and roles, rejected when they are
 * a URL, a handle or a date, and found in byline elements (`rel=author`, `itemprop=author`,
 * `.byline`) when the page has no author metadata.
 */
import metaData from '../data/html-meta.json' with { type: 'json' };
import { attr, classAndId, isElement, tagOf, textOf, walk } from './dom.js';
import type { HElement, HNode } from './dom.js';

const BYLINE_HINTS: string[] = metaData.bylineHints.words;
const NOT_NAMES = new Set(metaData.notNames.words);
const STATUS_LINE = /^(?:last\s+)?(?:updated|published|posted|modified)\b/i;
const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
/** "By", "Written by", and the same word in the languages of the pages we read (fr, de, es/pt, it, nl, sv). */
const LEADING_BY = /^(?:(?:written|words|story|reporting|text|posted)\s+by|by|par|von|por|di|door|av|autor|auteur)\s*:?\s+/i;
const DATE_TAIL = new RegExp(
  `\\s*(?:[|•·,;–—-]\\s*|\\s)(?:(?:updated|published|posted|last updated|on)\\b.*|${MONTH}\\s+\\d{1,2}\\b.*|\\d{1,2}\\s+${MONTH}\\b.*|\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}.*)$`,
  'i',
);

/** A dateline, not a byline: "CAIRO —", "WASHINGTON, D.C. (Reuters) –". */
const DATELINE = /^\p{Lu}[\p{Lu}\s.,'’]*(?:\([^)]*\))?\s*[—–-]+$/u;

/** A cleaned author name, or null when `raw` is not one. */
export function cleanAuthor(raw: string): string | null {
  let s = raw.replace(/\s+/g, ' ').trim();
  if (s === '' || s.length > 200) return null;
  if (/^(?:https?:\/\/|www\.)\S+$/i.test(s) || /^@\w+$/.test(s) || STATUS_LINE.test(s) || DATELINE.test(s)) return null;
  s = s.replace(LEADING_BY, '');
  s = s.replace(DATE_TAIL, '').trim();
  s = s.replace(/\s*[|•·]\s*$/, '').replace(/^[,;:|•·\s]+|[,;:|•·\s]+$/g, '').trim();
  if (s.length < 2 || s.length > 100) return null;
  if (!/\p{L}/u.test(s)) return null;
  if (s.split(' ').length > 12 || NOT_NAMES.has(s.toLowerCase())) return null;
  if (new RegExp(`^(?:${MONTH}|\\d)`, 'i').test(s) && /\d/.test(s)) return null;
  return withoutJobTitle(s);
}

/** The job a byline may close with ("Games Editor", "Staff Writer", "Senior Correspondent"). */
const JOB = /^(?:editor|writer|reporter|correspondent|columnist|contributor|producer|journalist|critic|analyst|photographer|editor-at-large)$/i;
/** Words of a job before its noun ("Games Editor", "Senior Staff Writer", "Chief Political Correspondent"). */
const JOB_WORDS = /^(?:games|sports|politics|political|business|tech|technology|science|health|entertainment|music|film|arts|culture|travel|food|style|opinion|news|world|national|foreign|investigative|senior|staff|chief|contributing|executive|managing|deputy|associate|assistant|special|white|house|washington|economics|economy|markets|finance|legal|education|environment|climate|features|digital|video|data|global|local|metro|city)$/i;

/** "Ben Silverman Games Editor" is Ben Silverman: the job after a name of two words or more goes. */
function withoutJobTitle(s: string): string {
  // "John Smith, Staff Writer"
  const comma = /^(.+?),\s*([^,]+)$/.exec(s);
  if (comma) {
    const job = comma[2].split(' ');
    if (JOB.test(job[job.length - 1]) && job.slice(0, -1).every((w) => JOB_WORDS.test(w))) return comma[1];
  }
  if (/[,&]|\band\b/.test(s)) return s;
  const words = s.split(' ');
  if (!JOB.test(words[words.length - 1])) return s;
  let end = words.length - 1;
  while (end > 2 && JOB_WORDS.test(words[end - 1])) end--;
  return end >= 2 && words.slice(0, end).every((w) => /^\p{Lu}/u.test(w)) ? words.slice(0, end).join(' ') : s;
}

/** Join distinct author names with ", ". */
export function joinAuthors(names: string[]): string | null {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const name of names) {
    const clean = cleanAuthor(name);
    if (!clean || seen.has(clean.toLowerCase())) continue;
    seen.add(clean.toLowerCase());
    out.push(clean);
  }
  return out.length > 0 ? out.join(', ') : null;
}

/** True when an element is marked as a byline (rel/itemprop author, byline-like class or id). */
export function isBylineElement(el: HElement): boolean {
  if (/\bauthor\b/i.test(attr(el, 'rel')) || /\b(?:author|creator)\b/i.test(attr(el, 'itemprop'))) return true;
  const hints = classAndId(el);
  if (hints === '' || /\b(?:bio|avatar|photo|image|img|pic|social|follow|more|box|list|page|archive|link-list|info-?box)\b/.test(hints)) return false;
  return BYLINE_HINTS.some((w) => hints.includes(w));
}

/**
 * The first byline element's author under `root` (skipping `skip`ped subtrees), with a description of
 * the element for the field's `how`.
 */
export function bylineFromDom(root: HNode, skip: (el: HElement) => boolean): { value: string; how: string; element: HElement } | null {
  let found: { value: string; how: string; element: HElement } | null = null;
  walk(root, (node) => {
    if (found || !isElement(node)) return !found;
    if (skip(node)) return false;
    if (!isBylineElement(node)) return true;
    const nameEl = itempropName(node);
    const text = textOf(nameEl ?? node);
    if (text.length === 0 || text.length > 100) return true;
    const value = cleanAuthor(text);
    if (!value) return true;
    found = { value, how: `byline element <${tagOf(node)}${describe(node)}>`, element: node };
    return false;
  });
  return found;
}

function itempropName(el: HElement): HElement | null {
  let hit: HElement | null = null;
  walk(el, (node) => {
    if (hit) return false;
    if (isElement(node) && node !== el && /\bname\b/.test(attr(node, 'itemprop'))) hit = node;
    return !hit;
  });
  return hit;
}

function describe(el: HElement): string {
  if (attr(el, 'rel')) return ` rel="${attr(el, 'rel')}"`;
  if (attr(el, 'itemprop')) return ` itemprop="${attr(el, 'itemprop')}"`;
  const cls = attr(el, 'class').trim().split(/\s+/)[0];
  if (cls) return ` class="${cls}"`;
  return attr(el, 'id') ? ` id="${attr(el, 'id')}"` : '';
}
