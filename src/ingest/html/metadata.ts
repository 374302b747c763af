/**
 * Metadata of a web page: title, publication day, outlet, author and canonical URL, from Open Graph,
 * Twitter Cards, Dublin Core and vendor `<meta>` tags, schema.org JSON-LD, `<title>`, the `h1`, `<time>`
 * elements and byline elements. Every field is `inferred` and its `how` names the tag it came from.
 */
import { parseDateText } from '../date.js';
import metaData from '../data/html-meta.json' with { type: 'json' };
import { emptyMeta, metaField } from '../meta.js';
import type { ArticleMeta } from '../types.js';
import { bylineFromDom, cleanAuthor, joinAuthors } from './author.js';
import { attr, isElement, isText, tagOf, textOf, walk } from './dom.js';
import type { HElement } from './dom.js';
import { isHidden, isNeverText } from './hints.js';
import { storyFromJsonLd } from './jsonld.js';
import type { JsonLdStory } from './jsonld.js';
import { squash, stripSiteName } from './title.js';

/** `<meta>` values by lower-cased name, property, itemprop or http-equiv; first occurrence first. */
export type MetaTags = Map<string, string[]>;

/** What the page says about itself, beyond `ArticleMeta`. */
export interface PageInfo {
  meta: ArticleMeta;
  /** Base for resolving relative links: `<base href>`, else the canonical URL. */
  base: string | null;
  /** The `h1` element whose text is the title, if any. */
  titleElement: HElement | null;
  story: JsonLdStory | null;
}

/** Collect every `<meta>` and JSON-LD script, `<title>`, `<link rel>` and `<base>` of the page. */
function scanHead(root: HElement): { tags: MetaTags; jsonLd: string[]; title: string | null; links: Map<string, string>; base: string | null; h1: HElement[] } {
  const tags: MetaTags = new Map();
  const jsonLd: string[] = [];
  const links = new Map<string, string>();
  const h1: HElement[] = [];
  let title: string | null = null;
  let base: string | null = null;
  walk(root, (node) => {
    if (!isElement(node)) return true;
    const tag = tagOf(node);
    if (tag === 'meta') {
      const value = node.attribs.content ?? node.attribs.value;
      if (value === undefined) return false;
      const keys = [attr(node, 'name'), attr(node, 'property'), attr(node, 'itemprop'), attr(node, 'http-equiv')].join(' ');
      for (const key of keys.toLowerCase().split(/\s+/)) {
        if (!key) continue;
        const list = tags.get(key) ?? [];
        list.push(value);
        tags.set(key, list);
      }
      return false;
    }
    if (tag === 'script') {
      if (/ld\+json/i.test(attr(node, 'type'))) jsonLd.push(node.children.map((c) => (isText(c) ? c.data : '')).join(''));
      return false;
    }
    if (tag === 'svg' || tag === 'math' || tag === 'style' || tag === 'noscript' || tag === 'template') return false;
    if (tag === 'title' && title === null) title = textOf(node);
    else if (tag === 'link') {
      for (const rel of attr(node, 'rel').toLowerCase().split(/\s+/)) if (rel && !links.has(rel) && attr(node, 'href')) links.set(rel, attr(node, 'href'));
    } else if (tag === 'base' && base === null && attr(node, 'href')) base = attr(node, 'href');
    else if (tag === 'h1') h1.push(node);
    return true;
  });
  return { tags, jsonLd, title, links, base, h1 };
}

/** First non-empty value among `keys`, with the key it came from. */
function firstTag(tags: MetaTags, entries: Array<{ key: string }>, accept: (v: string) => boolean = (v) => v.trim() !== ''): { value: string; key: string } | null {
  for (const { key } of entries) {
    for (const value of tags.get(key) ?? []) if (accept(value)) return { value: value.trim(), key };
  }
  return null;
}

const isUrl = (v: string): boolean => /^(?:https?:)?\/\//i.test(v.trim());

/** Absolute http(s) URL of `href` against `base`, or null. */
export function absoluteUrl(href: string, base: string | null): string | null {
  try {
    const url = base ? new URL(href.trim(), base) : new URL(href.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Host words that can name a site ("www.nytimes.com" → "nytimes"). */
function hostNames(url: string | null): string[] {
  if (!url) return [];
  try {
    const host = new URL(url).hostname.replace(/^www\d*\./, '');
    return [host, host.split('.').slice(0, -1).join('.')].filter(Boolean);
  } catch {
    return [];
  }
}

/**
 * Read the page's metadata. `skip` marks subtrees (navigation, comments) not searched for a headline,
 * byline or date; `scope` is the story's container (its `<article>`), searched first for a byline.
 */
export function readPageInfo(root: HElement, skip: (el: HElement) => boolean, notes: string[], scope: HElement | null = null): PageInfo {
  const head = scanHead(root);
  const { tags } = head;
  const story = storyFromJsonLd(head.jsonLd, notes);
  const meta = emptyMeta();

  // URL first: it resolves relative links and names the site's host
  const canonical = head.links.get('canonical');
  const canonicalUrl = canonical ? absoluteUrl(canonical, null) : null;
  const ogUrl = firstTag(tags, metaData.url, (v) => absoluteUrl(v, null) !== null);
  if (canonicalUrl) meta.url = metaField(canonicalUrl, 'inferred', 'link rel=canonical');
  else if (ogUrl) meta.url = metaField(absoluteUrl(ogUrl.value, null)!, 'inferred', ogUrl.key);
  else if (story?.url && absoluteUrl(story.url, null)) meta.url = metaField(absoluteUrl(story.url, null)!, 'inferred', 'JSON-LD url');
  const base = head.base ? absoluteUrl(head.base, meta.url?.value ?? null) : (meta.url?.value ?? null);

  // outlet: the publisher the story object names, else the site name the page gives
  const site = firstTag(tags, metaData.outlet.filter((e) => e.key !== 'twitter:site'));
  if (story?.publisher && !isUrl(story.publisher)) meta.outlet = metaField(story.publisher, 'inferred', 'JSON-LD publisher');
  else if (site) meta.outlet = metaField(site.value, 'inferred', site.key);
  const siteNames = [meta.outlet?.value, ...(tags.get('og:site_name') ?? [])].filter((s): s is string => !!s);
  const sites = [...siteNames, ...(tags.get('application-name') ?? []), ...(tags.get('twitter:site') ?? []).map((h) => h.replace(/^@/, '')), ...hostNames(meta.url?.value ?? null)];

  // title: the story object's headline, the title tags, <title> without the site's name, the h1
  const h1Texts = head.h1.filter((el) => !skip(el)).map((el) => ({ el, text: textOf(el) })).filter((h) => h.text !== '');
  const firstH1 = h1Texts[0]?.text ?? null;
  const docTitle = head.title ? head.title.replace(/\s+/g, ' ').trim() : null;
  const candidates: Array<{ value: string; how: string }> = [];
  const ld = story?.story ? storyTitle(story, [docTitle, ...h1Texts.map((h) => h.text)]) : null;
  if (ld) candidates.push(ld);
  for (const { key } of metaData.title) for (const value of tags.get(key) ?? []) candidates.push({ value, how: key });
  if (docTitle) {
    const stripped = stripSiteName(docTitle, sites, firstH1);
    candidates.push(stripped ? { value: stripped.title, how: `<title> without "${stripped.removed}"` } : { value: docTitle, how: '<title>' });
  }
  if (firstH1) candidates.push({ value: firstH1, how: 'first <h1>' });
  for (const c of candidates) {
    const value = c.value.replace(/\s+/g, ' ').trim();
    if (value === '' || siteNames.some((name) => squash(name) === squash(value))) continue;
    meta.title = metaField(value, 'inferred', c.how);
    break;
  }
  const titleElement = meta.title ? (h1Texts.find((h) => squash(h.text) === squash(meta.title!.value))?.el ?? null) : null;

  // publication day
  meta.published = publishedDay(root, tags, story, skip);

  // author
  const metaAuthor = firstTag(tags, metaData.author.filter((e) => e.key !== 'twitter:creator'), (v) => !isUrl(v) && cleanAuthor(v) !== null);
  const ldAuthor = story ? joinAuthors(story.authors.filter((a) => !isUrl(a))) : null;
  if (ldAuthor) meta.author = metaField(ldAuthor, 'inferred', 'JSON-LD author');
  else if (metaAuthor) meta.author = metaField(cleanAuthor(metaAuthor.value)!, 'inferred', metaAuthor.key);
  else {
    const byline =
      (scope ? bylineFromDom(scope, (el) => isNeverText(el) || isHidden(el)) : null) ?? bylineFromDom(root, (el) => skip(el) || tagOf(el) === 'head');
    if (byline) meta.author = metaField(byline.value, 'inferred', byline.how);
  }
  return { meta, base, titleElement, story };
}

/**
 * The story object's headline, or its name when only the name matches the page's own title or
 * headline (pages put the page name in one and a social headline in the other).
 */
function storyTitle(story: JsonLdStory, pageTitles: Array<string | null>): { value: string; how: string } | null {
  const { headline, name } = story;
  if (headline && name && squash(headline) !== squash(name)) {
    const seen = pageTitles.filter((t): t is string => !!t).map(squash);
    const matches = (v: string): boolean => seen.some((t) => t === squash(v) || t.startsWith(squash(v)));
    if (matches(name) && !matches(headline)) return { value: name, how: 'JSON-LD name' };
  }
  if (headline) return { value: headline, how: 'JSON-LD headline' };
  return name ? { value: name, how: 'JSON-LD name' } : null;
}

/** The publication day from metadata, JSON-LD, then `<time>` elements, then update times. */
function publishedDay(root: HElement, tags: MetaTags, story: JsonLdStory | null, skip: (el: HElement) => boolean): ArticleMeta['published'] {
  const day = (value: string | null | undefined): string | null => (value ? parseDateText(value) : null);
  for (const { key } of metaData.published) {
    for (const value of tags.get(key) ?? []) {
      const d = day(value);
      if (d) return metaField(d, 'inferred', `${key} "${value.trim()}"`);
    }
  }
  const ld = day(story?.datePublished);
  if (ld) return metaField(ld, 'inferred', `JSON-LD datePublished "${story!.datePublished}"`);
  const time = timeElement(root, skip);
  if (time) return time;
  for (const { key } of metaData.updated) {
    for (const value of tags.get(key) ?? []) {
      const d = day(value);
      if (d) return metaField(d, 'inferred', `${key} "${value.trim()}" (an update time: no publication time given)`);
    }
  }
  const modified = day(story?.dateModified);
  if (modified) return metaField(modified, 'inferred', `JSON-LD dateModified "${story!.dateModified}" (no publication time given)`);
  return null;
}

/** A `<time>` marked as the publication time (`itemprop=datePublished`, `pubdate`), else the first `<time datetime>` in an `<article>`. */
function timeElement(root: HElement, skip: (el: HElement) => boolean): ArticleMeta['published'] {
  let marked: ArticleMeta['published'] = null;
  let inArticle: ArticleMeta['published'] = null;
  walk(root, (node) => {
    if (marked || !isElement(node)) return !marked;
    if (skip(node)) return false;
    const itemprop = attr(node, 'itemprop').toLowerCase();
    const value = attr(node, 'datetime') || (itemprop.includes('datepublished') ? attr(node, 'content') : '');
    if (!value) return true;
    const d = parseDateText(value);
    if (!d) return true;
    if (itemprop.includes('datepublished') || 'pubdate' in node.attribs) marked = metaField(d, 'inferred', `<${tagOf(node)} ${itemprop ? 'itemprop=datePublished' : 'pubdate'}> "${value}"`);
    else if (!inArticle && tagOf(node) === 'time' && insideArticle(node)) inArticle = metaField(d, 'inferred', `first <time datetime="${value}"> in the <article>`);
    return true;
  });
  return marked ?? inArticle;
}

function insideArticle(el: HElement): boolean {
  for (let p = el.parent; p; p = p.parent) if (tagOf(p) === 'article' || /\barticle\b/i.test(attr(p, 'itemtype') + ' ' + attr(p, 'role'))) return true;
  return false;
}
