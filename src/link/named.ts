/**
 * Sources named in a sentence without a link: "according to the South China Morning Post",
 * "Tencent News, citing Cailian Press" (Tencent News via Cailian Press), "OpenRouter data cited by
 * Chinese media" (Chinese media via OpenRouter), "Reports from China News Service and IT Home",
 * "Reuters' Breakingviews column argued". Cue phrases come from `data/citation-cues.json`.
 */
import cues from './data/citation-cues.json' with { type: 'json' };
import { abbreviation } from '../extract/entities.js';
import { isVagueName, type Outlet, type OutletRegistry } from './outlets.js';

/** A word or punctuation mark with its offsets in the text. */
export interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** Starts with a capital letter or a digit followed by letters ("1M", "21st"), or is CJK. */
  cap: boolean;
  /** Ends in a possessive ("Home's", "Reuters'"). */
  possessive: boolean;
}

/** A source name found in a sentence. */
export interface NamedMention {
  name: string;
  start: number;
  end: number;
  outlet: Outlet | null;
  vague: boolean;
  /** "source": cited for the claim; "carrier": passed it on ("cited by X", "reported by X"). */
  role: 'source' | 'carrier';
  /** Index (in the returned list) of the mention this one cites ("X, citing Y": X.via = Y). */
  via: number | null;
}

const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}&+.\-]*[\p{L}\p{N}])?(?:['’]s\b|['’](?=\s))?|[^\s\p{L}\p{N}]/gu;

/** Words and punctuation of text[start, end). */
export function words(text: string, start = 0, end = text.length): Word[] {
  const out: Word[] = [];
  const slice = text.slice(start, end);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) {
    const t = m[0];
    const possessive = /['’]s?$/.test(t) && t.length > 1 && /\p{L}/u.test(t);
    const core = possessive ? t.replace(/['’]s?$/, '') : t;
    const cap = /^\p{Lu}/u.test(core) || /^\p{N}+\p{L}/u.test(core) || /^[\u3400-\u9fff]/u.test(core);
    out.push({ text: core, lower: core.toLowerCase(), start: start + m.index, end: start + m.index + core.length, cap, possessive });
  }
  return out;
}

interface BeforeCue {
  words: string[];
  role: 'source' | 'carrier';
  registryOnly: boolean;
  phrase: string;
}

const registryOnlyBefore = new Set(cues.registryOnly.phrases);
const beforeCues: BeforeCue[] = cues.before.cues
  .map((c) => ({ words: c.phrase.split(' '), role: c.role as 'source' | 'carrier', registryOnly: registryOnlyBefore.has(c.phrase), phrase: c.phrase }))
  .sort((a, b) => b.words.length - a.words.length);
/** The cues by last word, in the order above (only these can end right before a word). */
const beforeCuesByLast = new Map<string, BeforeCue[]>();
for (const c of beforeCues) beforeCuesByLast.set(c.words[c.words.length - 1], [...(beforeCuesByLast.get(c.words[c.words.length - 1]) ?? []), c]);
const registryOnlyAfter = new Set(cues.after.registryOnly);
const afterCues = cues.after.cues.map((c) => c.phrase.split(' ')).sort((a, b) => b.length - a.length);
/** The cues by first word, in the order above. */
const afterCuesByFirst = new Map<string, string[][]>();
for (const c of afterCues) afterCuesByFirst.set(c[0], [...(afterCuesByFirst.get(c[0]) ?? []), c]);
const connectors = new Set(cues.connectors.words);
const notNames = new Set(cues.notNames.words);
const notAlone = new Set(cues.notAlone.words);
const orgWords = new Set(cues.orgWords.words);
const VIA_CUES = new Set(['citing', 'quoting', 'which cited', 'which quoted', 'in turn citing']);
const DETERMINERS = new Set(['a', 'an', 'the']);
const NOUN_CUES = new Set(['report', 'reporting', 'column', 'analysis', 'data', 'figures', 'statistics', 'survey', 'estimates', 'disclosures']);
const CARRIED_CUES = new Set(['cited by', 'as cited by', 'carried by', 'quoted by', 'reported by', 'as reported by', 'first reported by']);

/** A stop word that starts no name ("The", "It"); an acronym in capitals ("IT Home") is not one. */
const isStop = (w: Word) => notNames.has(w.lower) && !(w.text.length >= 2 && /^\p{Lu}+$/u.test(w.text));

/** A run of capitalised words from `i`: "the South China Morning Post", "IT Home's", "Reuters' Breakingviews". */
export function readName(ws: Word[], i: number): { first: number; last: number } | null {
  let j = i;
  if (ws[j]?.lower === 'the') j++;
  const first = j;
  const w = ws[first];
  if (!w || !w.cap || isStop(w)) return null;
  let last = first;
  while (last - first < 7 && !ws[last].possessive) {
    const n = ws[last + 1];
    if (!n) break;
    if (n.cap && n.start - ws[last].end <= 1 && !/^[,;:()]$/.test(n.text)) {
      last++;
      continue;
    }
    const after = ws[last + 2];
    if (connectors.has(n.lower) && n.lower !== 'and' && after?.cap && !isStop(after)) {
      last += 2;
      continue;
    }
    // "the U.S. Geological Survey", "J.P. Morgan": the stop of an initial or abbreviation.
    if (n.text === '.' && n.start === ws[last].end && abbreviation(ws[last].text) && after?.cap && after.start - n.end <= 1 && !isStop(after)) {
      last += 2;
      continue;
    }
    break;
  }
  // "Reuters' Breakingviews": a possessive outlet owning a capitalised name.
  if (ws[last].possessive && ws[last + 1]?.cap && last - first < 3 && !isStop(ws[last + 1])) {
    const more = readName(ws, last + 1);
    if (more) last = more.last;
  }
  return { first, last };
}

function textOf(text: string, ws: Word[], first: number, last: number): string {
  return text.slice(ws[first].start, ws[last].end);
}

/** Longest vague name from `i` ("Chinese state-backed media"), as a word range. */
function readVague(text: string, ws: Word[], i: number): { first: number; last: number } | null {
  let best: { first: number; last: number } | null = null;
  for (let last = i; last < Math.min(ws.length, i + 4); last++) {
    if (!/\p{L}/u.test(ws[last].text)) break;
    if (isVagueName(textOf(text, ws, i, last))) best = { first: i, last };
  }
  return best;
}

/** The range reaching further (a vague "Chinese state-backed media" over the bare name "Chinese"). */
function longer(a: { first: number; last: number } | null, b: { first: number; last: number } | null) {
  if (!a) return b;
  if (!b) return a;
  return b.last > a.last ? b : a;
}

const isAcronym = (s: string) => /^[A-Z][A-Z0-9&.-]{1,9}$/.test(s);
const isCamel = (s: string) => /^\p{Lu}\p{Ll}+\p{Lu}/u.test(s) || /^\p{Lu}+-\p{Lu}/u.test(s);

/** How sure we are that an unknown name is an organisation or publication, not a person or a plain word. */
function looksLikeOrganisation(name: string, atSentenceStart: boolean): boolean {
  const parts = name.replace(/^the\s+/i, '').split(/\s+/);
  if (parts.some((p) => orgWords.has(p.toLowerCase().replace(/['’]s?$/, '')))) return true;
  if (parts.length === 1) {
    const p = parts[0];
    if (notAlone.has(p.toLowerCase())) return false;
    if (isAcronym(p) || isCamel(p) || /\d/.test(p)) return true;
    return !atSentenceStart && !notNames.has(p.toLowerCase());
  }
  return parts.some((p) => isAcronym(p));
}

/** Options for `findNamed`. */
export interface NamedOptions {
  registry: OutletRegistry;
  /** Names of people the claims quote (speakers): never sources. */
  people?: Set<string>;
  /** The article's own outlet, never a source of itself. */
  self?: Outlet | null;
}

/** Does the phrase `cue` end right before word `i`? Returns the cue's first word index. */
function cueBefore(ws: Word[], i: number, cue: string[]): number | null {
  const start = i - cue.length;
  if (start < 0) return null;
  for (let k = 0; k < cue.length; k++) if (ws[start + k].lower !== cue[k]) return null;
  return start;
}

/** Source names in the sentence text[start, end). */
export function findNamed(text: string, start: number, end: number, options: NamedOptions): NamedMention[] {
  const ws = words(text, start, end);
  const out: NamedMention[] = [];
  const taken = new Set<number>();
  const isPerson = (name: string) => {
    const people = options.people;
    if (!people || people.size === 0) return false;
    const k = name.toLowerCase();
    return people.has(k) || [...people].some((p) => p.endsWith(' ' + k) || p.startsWith(k + ' '));
  };
  const accept = (first: number, last: number, role: NamedMention['role'], registryOnly: boolean, mode: 'strict' | 'loose' | 'framed'): number | null => {
    for (let k = first; k <= last; k++) if (taken.has(k)) return null;
    let name = textOf(text, ws, first, last).replace(/['’]s?$/, '');
    let outlet = options.registry.byName(name);
    // "China's National Data Administration": drop a possessive owner in front of a longer name.
    const owner = ws.slice(first, last).findIndex((w) => w.possessive);
    if (!outlet && owner === 0 && last - first >= 2) {
      name = textOf(text, ws, first + 1, last).replace(/['’]s?$/, '');
      outlet = options.registry.byName(name);
    }
    if (options.self && outlet && outlet.key === options.self.key) return null;
    const vague = !outlet && isVagueName(name);
    if (!outlet && !vague) {
      if (registryOnly) return null;
      if (isPerson(name)) return null;
      if (notAlone.has(name.toLowerCase())) return null;
      const single = !/\s/.test(name);
      if (mode !== 'framed' && !looksLikeOrganisation(name, first === 0) && !(mode === 'loose' && single && first > 0)) return null;
    }
    for (let k = first; k <= last; k++) taken.add(k);
    out.push({ name, start: ws[first].start, end: ws[last].end, outlet, vague, role, via: null });
    return out.length - 1;
  };

  for (let i = 0; i < ws.length; i++) {
    // --- a cue before the name ---
    let cue: BeforeCue | null = null;
    for (const c of (i > 0 && beforeCuesByLast.get(ws[i - 1].lower)) || []) {
      if (cueBefore(ws, i, c.words) !== null) {
        cue = c;
        break;
      }
    }
    if (cue) {
      const range = longer(readName(ws, i), readVague(text, ws, ws[i]?.lower === 'the' ? i + 1 : i));
      if (range) {
        const index = accept(range.first, range.last, cue.role, cue.registryOnly, 'loose');
        if (index !== null) {
          linkVia(out, index, cue.phrase, ws, i - cue.words.length);
          // Lists after the cue: "from China News Service and IT Home", "DeepInfra, OpenRouter, and LLM-Stats".
          // Items after bare commas count only when an "and" closes the list or the registry knows them
          // ("media, Liu described" is a clause, not a list).
          const chain: Array<{ first: number; last: number; and: boolean }> = [];
          let k = range.last + 1;
          while (k < ws.length) {
            let next = k;
            if (ws[next]?.text === ',') next++;
            const and = ws[next]?.lower === 'and' || ws[next]?.lower === '&';
            if (and) next++;
            if (next === k) break;
            const more = longer(readName(ws, next), readVague(text, ws, next));
            if (!more) break;
            chain.push({ ...more, and });
            k = more.last + 1;
          }
          const closed = chain.some((c) => c.and);
          for (const more of chain) {
            const moreName = textOf(text, ws, more.first, more.last);
            const known = options.registry.byName(moreName) !== null || isVagueName(moreName);
            if (!known && !(closed && looksLikeOrganisation(moreName, false))) break;
            if (accept(more.first, more.last, cue.role, cue.registryOnly, 'strict') === null) break;
          }
        }
      }
    }
    // --- a cue after the name: "X reported", "IT Home's report says", "OpenRouter token usage statistics" ---
    const range = readName(ws, i);
    if (!range) continue;
    const name = textOf(text, ws, range.first, range.last);
    const known = options.registry.byName(name.replace(/['’]s?$/, '')) !== null;
    for (let gap = 0; gap <= (known ? 3 : 2); gap++) {
      const at = range.last + 1 + gap;
      const hit = at < ws.length ? afterCuesByFirst.get(ws[at].lower)?.find((c) => c.every((w, k) => ws[at + k]?.lower === w)) : undefined;
      if (hit) {
        const between = ws.slice(range.last + 1, at);
        if (between.some((w) => w.cap || !/\p{L}/u.test(w.text))) break;
        if (gap > 0 && !known && !ws[range.last].possessive && between.length > 2) break;
        // "a Goldman Sachs analysis", "the Eurostat data": a determiner frames the name as an author.
        const framed = range.first > 0 && DETERMINERS.has(ws[range.first - 1].lower) && gap === 0 && NOUN_CUES.has(hit[0]);
        accept(range.first, range.last, 'source', registryOnlyAfter.has(hit.join(' ')), framed ? 'framed' : 'strict');
        break;
      }
      if (ws[at]?.text === ',' && ws[at + 1]?.lower === 'citing') {
        accept(range.first, range.last, 'source', false, 'strict');
        break;
      }
    }
    i = Math.max(i, range.last);
  }
  return out;
}

/**
 * Chains in one sentence: "X, citing Y" makes X cite Y; "Y data cited by X" and "remarks carried by
 * X" make X the carrier of Y (X via Y).
 */
function linkVia(out: NamedMention[], index: number, phrase: string, ws: Word[], cueStart: number): void {
  const named = out[index];
  const before = (maxGap: number): number | null => {
    let best: number | null = null;
    for (let k = 0; k < out.length; k++) {
      if (k === index || out[k].end > ws[cueStart].start) continue;
      const gap = ws.filter((w) => w.start >= out[k].end && w.end <= ws[cueStart].start).length;
      if (gap <= maxGap && (best === null || out[k].end > out[best].end)) best = k;
    }
    return best;
  };
  if (VIA_CUES.has(phrase)) {
    const subject = before(2);
    if (subject !== null) out[subject].via = index;
  } else if (CARRIED_CUES.has(phrase)) {
    const origin = before(3);
    if (origin !== null) named.via = origin;
  }
}
