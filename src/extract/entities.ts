/**
 * Names in a sentence: runs of capitalised words ("National Data Administration", "Liu Liehong"),
 * acronyms defined in the text ("National Data Administration (NDA)"), and a canonical key for each
 * so that name variants resolve to one entity (through the editable alias file and the acronyms).
 */
import lexicon from './data/claim-entities.json' with { type: 'json' };
import type { Token } from './tokens.js';

const connectors = new Set(lexicon.connectors.words);
const notNames = new Set(lexicon.notNames.words);
const notAlone = new Set(lexicon.notAlone.words);
const demonyms: Record<string, string> = lexicon.places.demonyms;

export interface NameSpan {
  text: string;
  start: number;
  end: number;
  /** Token range [first, last] in the sentence tokens. */
  first: number;
  last: number;
}

/** Names found per token list (a sentence's names are asked for by several readers); not to be changed. */
const found = new WeakMap<Token[], { sentenceStart: number; names: NameSpan[] }>();

/** Runs of capitalised words, joined by connectors ("Bank of America"), possessives cut off. */
export function findNames(tokens: Token[], sentenceStart: number): NameSpan[] {
  const hit = found.get(tokens);
  if (hit?.sentenceStart === sentenceStart) return hit.names;
  const names = readNames(tokens, sentenceStart);
  found.set(tokens, { sentenceStart, names });
  return names;
}

function readNames(tokens: Token[], sentenceStart: number): NameSpan[] {
  const names: NameSpan[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    const isStart = t.kind === 'word' && t.cap && !notNames.has(t.lower) && !t.lower.startsWith("'");
    if (!isStart) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length) {
      const n = tokens[j + 1];
      if (n.kind === 'word' && n.cap && !t.lower.startsWith("'") && !(notNames.has(n.lower) && n.lower !== 'the')) {
        j++;
        continue;
      }
      if (n.kind === 'word' && connectors.has(n.lower) && j + 2 < tokens.length && tokens[j + 2].cap && tokens[j + 2].kind === 'word') {
        j += 2;
        continue;
      }
      // The stop of an initial or an abbreviation goes on into the name: "U.S. Geological
      // Survey", "John F. Kennedy", "J.P. Morgan", "St. Louis".
      if (abbreviationStop(tokens, j + 1) && !notNames.has(tokens[j + 2].lower) && !tokens[j + 2].lower.startsWith("'")) {
        j += 2;
        continue;
      }
      break;
    }
    // A lone capitalised word at the very start of a sentence is as often a plain word as a name
    // (unless the article gave it as a surname before); a month abbreviated or a company suffix
    // alone is none.
    const single = j === i;
    if (!(single && ((tokens[i].start === sentenceStart && !isLikelyName(tokens[i].text) && !tokens[i].surname) || notAlone.has(tokens[i].lower)))) {
      names.push({ text: joinTokens(tokens, i, j), start: tokens[i].start, end: tokens[j].end, first: i, last: j });
    }
    i = j + 1;
  }
  return names;
}

const PREFIXES = new Set(['St', 'Mt', 'Ft']);

/** The stop at k ends an initial or abbreviation inside a name: "U.S. Geological", "J.P. Morgan". */
export const abbreviationStop = (tokens: Token[], k: number): boolean =>
  k > 0 && tokens[k]?.text === '.' && tokens[k].start === tokens[k - 1].end && abbreviation(tokens[k - 1].text) && tokens[k + 1]?.kind === 'word' && tokens[k + 1].cap;

/** An initial or a dotted abbreviation that a name goes on after ("F", "U.S", "J.P"), or a
 * place-name prefix ("St", "Mt", "Ft"). */
export const abbreviation = (word: string): boolean => /^\p{Lu}(?:\.\p{Lu})*$/u.test(word) || PREFIXES.has(word);

function isLikelyName(word: string): boolean {
  return /^[A-Z]{2,}$/.test(word) || demonyms[word.toLowerCase()] !== undefined;
}

/** The text of tokens i..j as written (single spaces where the source had white space). */
export function joinTokens(tokens: Token[], i: number, j: number): string {
  let s = tokens[i].text;
  for (let k = i + 1; k <= j; k++) s += (tokens[k].start > tokens[k - 1].end ? ' ' : '') + tokens[k].text;
  return s;
}

/** A name reduced to a key: lower case, no leading article, no possessive, hyphens for spaces. */
export function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}.]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** Acronyms defined in a text: "National Data Administration (NDA)" gives NDA → that name. */
export function findAcronyms(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /((?:[A-Z][\p{L}.&'’-]*\s+)(?:(?:of|for|and|the|on)\s+|[A-Z][\p{L}.&'’-]*\s+){0,8})\(([A-Z][A-Za-z&]{1,9})\)/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const words = m[1].trim().split(/\s+/);
    const acronym = m[2];
    // Keep the shortest tail of words whose capitals spell the acronym, else the whole run.
    let name = words.join(' ');
    for (let k = words.length - 1; k >= 0; k--) {
      const tail = words.slice(k);
      const initials = tail.filter((w) => /^[A-Z]/.test(w)).map((w) => w[0]).join('');
      if (initials.toUpperCase() === acronym.replace(/[^A-Z]/g, '')) {
        name = tail.join(' ');
        break;
      }
    }
    out.set(acronym, name.replace(/^(?:China|the)['’]s\s+/i, ''));
  }
  return out;
}

/** Resolves names to canonical entities: the alias file first, then the article's acronyms. */
export type EntityResolver = (name: string) => { canonical: string; display: string };

/** A resolver over an alias table (alias slug → canonical display name) and the text's acronyms. */
export function makeResolver(aliases: Map<string, string>, acronyms: Map<string, string>): EntityResolver {
  return (name) => {
    let n = name.replace(/['’]s$/, '').replace(/^the\s+/i, '');
    const expanded = acronyms.get(n);
    if (expanded) n = expanded;
    const aliased = aliases.get(slug(n));
    const display = aliased ?? n;
    return { canonical: slug(display), display };
  };
}

/** The country a demonym names ("Chinese" → "China"), if it is one. */
export function demonymCountry(word: string): string | null {
  return demonyms[word.toLowerCase()] ?? null;
}
