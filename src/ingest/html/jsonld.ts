/**
 * schema.org JSON-LD in `<script type="application/ld+json">`: the object that describes the story
 * (an Article, NewsArticle, BlogPosting…, also inside `@graph` or arrays) and the fields the reader
 * wants from it. Malformed JSON is skipped; nothing in the script is ever run.
 */
import metaData from '../data/html-meta.json' with { type: 'json' };

/** The story fields JSON-LD gave, as strings. */
export interface JsonLdStory {
  type: string;
  /** True for a story type (Article, NewsArticle…), false for a page type (WebPage…). */
  story: boolean;
  headline: string | null;
  name: string | null;
  datePublished: string | null;
  dateModified: string | null;
  authors: string[];
  publisher: string | null;
  url: string | null;
}

const STORY_TYPES: string[] = metaData.articleTypes.words;
const TYPES: string[] = [...STORY_TYPES, ...metaData.pageTypes.words];
/** Larger scripts are skipped: a story description is a few kilobytes. */
const MAX_SCRIPT = 1_000_000;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Parse the JSON-LD script texts and return the best story object, or null. */
export function storyFromJsonLd(scripts: string[], notes: string[]): JsonLdStory | null {
  const objects: Array<{ [key: string]: Json }> = [];
  for (const text of scripts) {
    if (text.length > MAX_SCRIPT) {
      notes.push('skipped a JSON-LD script over 1 MB');
      continue;
    }
    let parsed: Json;
    const body = unwrap(text);
    try {
      parsed = JSON.parse(body) as Json;
    } catch {
      try {
        // raw line breaks and tabs inside strings are a common CMS slip
        parsed = JSON.parse(body.replace(/[\u0000-\u001f]+/g, ' ')) as Json;
      } catch {
        notes.push('skipped a JSON-LD script that is not valid JSON');
        continue;
      }
    }
    collect(parsed, objects, 0);
  }
  let best: { obj: { [key: string]: Json }; rank: number; type: string } | null = null;
  for (const obj of objects) {
    const types = typesOf(obj);
    let rank = Infinity;
    let type = '';
    for (const t of types) {
      const r = TYPES.indexOf(t);
      if (r >= 0 && r < rank) [rank, type] = [r, t];
    }
    if (rank === Infinity) continue;
    if (!best || rank < best.rank) best = { obj, rank, type };
  }
  if (!best) return null;
  const o = best.obj;
  return {
    type: best.type,
    story: STORY_TYPES.includes(best.type),
    headline: str(o.headline),
    name: str(o.name),
    datePublished: str(o.datePublished) ?? str(o.dateCreated),
    dateModified: str(o.dateModified),
    authors: names(o.author ?? o.creator ?? null),
    publisher: names(o.publisher ?? null)[0] ?? null,
    url: str(o.url) ?? idOf(o.mainEntityOfPage ?? null),
  };
}

/** Script text without the comment and CDATA wrappers pages put around it. */
export function unwrap(text: string): string {
  return text
    .trim()
    .replace(/^(?:\/\/\s*|\/\*\s*)?<!\[CDATA\[(?:\s*\*\/)?/, '')
    .replace(/(?:\/\/\s*|\/\*\s*)?\]\]>(?:\s*\*\/)?$/, '')
    .replace(/^\s*<!--/, '')
    .replace(/-->\s*$/, '')
    .trim();
}

function collect(value: Json, out: Array<{ [key: string]: Json }>, depth: number): void {
  if (depth > 8 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) collect(v, out, depth + 1);
    return;
  }
  out.push(value);
  const graph = value['@graph'];
  if (graph) collect(graph, out, depth + 1);
  const main = value.mainEntity;
  if (main && typeof main === 'object') collect(main, out, depth + 1);
}

function typesOf(obj: { [key: string]: Json }): string[] {
  const t = obj['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/#:]/, ''));
}

function str(value: Json | undefined): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return str(value[0]);
  return null;
}

function idOf(value: Json): string | null {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && !Array.isArray(value)) return str(value['@id']) ?? str(value.url);
  return null;
}

/** Names of persons or organisations given as a string, an object with `name`, or a list of either. */
function names(value: Json): string[] {
  if (value === null) return [];
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (Array.isArray(value)) return value.flatMap((v) => names(v));
  if (typeof value === 'object') {
    const name = str(value.name);
    if (name) return [name];
    const given = str(value.givenName);
    const family = str(value.familyName);
    if (given || family) return [[given, family].filter(Boolean).join(' ')];
  }
  return [];
}
