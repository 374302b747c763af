/**
 * Class, id, tag and role hints that tell story from page furniture, read from
 * `data/html-boilerplate.json`: which elements are never text, which are hidden, which look unlikely
 * to hold the story, and the ±25 class weight of a container (the Readability scoring convention).
 */
import lexicon from '../data/html-boilerplate.json' with { type: 'json' };
import { attr, classAndId, tagOf } from './dom.js';
import type { HElement } from './dom.js';

const DROP_TAGS = new Set(lexicon.dropTags.words);
const CHROME_TAGS = new Set(lexicon.pageChromeTags.words);
const DROP_ROLES = new Set(lexicon.dropRoles.words);
const HIDDEN_CLASSES = lexicon.hiddenClasses.words;
const UNLIKELY = lexicon.unlikely.words;
const MAYBE = lexicon.maybeCandidate.words;
const POSITIVE = lexicon.positive.words;
const NEGATIVE = lexicon.negative.words;
const SHARE = lexicon.shareWords.words;

const has = (text: string, words: string[]): boolean => text !== '' && words.some((w) => text.includes(w));

/** Elements that are never text: scripts, styles, embeds, forms. */
export function isNeverText(el: HElement): boolean {
  return DROP_TAGS.has(tagOf(el));
}

/** Sectioning elements of page furniture: nav, aside, footer, header, menu. */
export function isPageChrome(el: HElement): boolean {
  return CHROME_TAGS.has(tagOf(el));
}

/** Hidden by markup: `hidden`, `aria-hidden="true"`, `display:none`, screen-reader-only classes, furniture roles. */
export function isHidden(el: HElement): boolean {
  if ('hidden' in el.attribs) return true;
  if (attr(el, 'aria-hidden').toLowerCase() === 'true' && !/fallback-image/.test(attr(el, 'class'))) return true;
  const style = attr(el, 'style');
  if (style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)) return true;
  const role = attr(el, 'role').toLowerCase();
  if (role && DROP_ROLES.has(role)) return true;
  const cls = attr(el, 'class').toLowerCase();
  return has(cls, HIDDEN_CLASSES);
}

/** Class or id says "ad, comments, related, menu…" and nothing rescues it ("main-content"). */
export function isUnlikely(el: HElement): boolean {
  const tag = tagOf(el);
  if (tag === 'body' || tag === 'html' || tag === 'article' || tag === 'main' || tag === 'a') return false;
  const hints = classAndId(el);
  if (!has(hints, UNLIKELY) || has(hints, MAYBE)) return false;
  if (/\barticlebody\b/i.test(attr(el, 'itemprop'))) return false;
  return true;
}

/** Share and follow button rows. */
export function isShareRow(el: HElement): boolean {
  return has(classAndId(el), SHARE);
}

/** −25…+25 per attribute: negative and positive class and id words (Readability's class weight). */
export function classWeight(el: HElement): number {
  let weight = 0;
  for (const value of [attr(el, 'class').toLowerCase(), attr(el, 'id').toLowerCase()]) {
    if (value === '') continue;
    if (has(value, NEGATIVE)) weight -= 25;
    if (has(value, POSITIVE)) weight += 25;
  }
  return weight;
}
