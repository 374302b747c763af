/**
 * Who gave a figure: "X said", "according to X", "X told reporters", "X, citing Y", "data from X",
 * "disclosed by X", with titles kept ("head of", "director of") and carried to later sentences
 * that continue the same speaker ("Liu said", "he added").
 */
import lexicon from './data/claim-attribution.json' with { type: 'json' };
import { findNames, joinTokens, type NameSpan } from './entities.js';
import type { Token } from './tokens.js';

const speechVerbs = new Set(lexicon.speechVerbs.words);
const titles = new Set(lexicon.titles.words);
const pronouns = new Set(lexicon.pronouns.words);
/** Sources named by their role ("police", "local officials", "the coroner"), without "the", longest first. */
const roles = lexicon.generic.words.map((w) => w.replace(/^the\s+/, '').split(' ')).sort((a, b) => b.length - a.length);

/** The role-named source whose words start at token `start` ("police", "state media"), or null. */
function roleAt(tokens: Token[], start: number): string | null {
  return roles.find((words) => start >= 0 && words.every((w, i) => tokens[start + i]?.lower === w))?.join(' ') ?? null;
}

/** The role-named source whose words end at token `k` ("local officials said"), or null. */
function roleEndingAt(tokens: Token[], k: number): string | null {
  return roles.find((words) => roleAt(tokens, k - words.length + 1) === words.join(' '))?.join(' ') ?? null;
}
const cues = lexicon.prepositions.phrases.map((p) => p.split(' ')).sort((a, b) => b.length - a.length);
/** The cues by first word, longest first as above (only these can match at a token). */
const cuesByFirst = new Map<string, string[][]>();
for (const cue of cues) cuesByFirst.set(cue[0], [...(cuesByFirst.get(cue[0]) ?? []), cue]);

/** Words that mark a name as an organisation rather than a person. */
const ORG_WORDS = /\b(Administration|Bureau|Ministry|Agency|Office|Service|Department|Commission|Council|Bank|Institute|University|Association|Group|Inc|Corp|Corporation|Company|Co|Ltd|LLC|Press|News|Times|Post|Media|Journal|Forum|Committee|Board|Court|Police|Party|Government|Parliament|Congress|Senate|House|Center|Centre|Foundation|Fund|Authority|Organization|Organisation|Union|Federation|Network|Research|Statistics|Data|Reuters|Xinhua|Bloomberg|OpenRouter|Survey|Reports?|Review|Daily|Weekly|Radio|TV|Television|Broadcasting|Agency|Exchange|Commission|Academy|Society|Institute|Laboratory|Lab|Labs|Hospital|Museum|Library)\b/;

export interface Speaker {
  name: string | null;
  organisation: string | null;
  title: string | null;
}

export interface Attribution extends Speaker {
  /** Display form: "Liu Liehong, National Data Administration". */
  text: string;
}

/** What earlier sentences of the article established: known speakers and the last one. */
export interface AttributionContext {
  speakers: Map<string, Speaker>;
  last: Speaker | null;
}

export const newAttributionContext = (): AttributionContext => ({ speakers: new Map(), last: null });

export function isOrganisation(name: string): boolean {
  return ORG_WORDS.test(name) || /^[A-Z]{2,}$/.test(name);
}

const display = (s: Speaker): string => [s.name, s.organisation].filter(Boolean).join(', ');
const stripThe = (s: string) => s.replace(/^the\s+/i, '');

/** The attribution of one sentence, updating the context with any speaker it introduces. */
export function findAttribution(tokens: Token[], sentenceStart: number, ctx: AttributionContext): Attribution | null {
  const names = findNames(tokens, sentenceStart);
  const found = byCue(tokens, names) ?? bySpeechVerb(tokens, names, ctx);
  if (!found) return null;
  // "Police Chief John Doe", read as an organisation for its first word, is a person with a title.
  if (!found.name && found.organisation) {
    const split = splitTitle(found.organisation);
    if (split.title) [found.name, found.organisation, found.title] = [split.name, null, split.title];
  }
  if (found.name) {
    const split = splitTitle(found.name);
    found.name = split.name;
    found.title ??= split.title;
  }
  if (found.name) {
    const known = lookup(ctx, found.name);
    if (known) {
      found.name = known.name;
      found.organisation ??= known.organisation;
      found.title ??= known.title;
    }
    remember(ctx, found);
  }
  ctx.last = found.name ? found : ctx.last;
  const text = display(found);
  return text ? { ...found, text } : null;
}

/** Titles written before a name that a surname alone may follow ("President Biden", "Sen. Schumer"). */
const SHORT_TITLES = new Set(['president', 'secretary', 'minister', 'chancellor', 'governor', 'senator', 'mayor', 'premier', 'mr', 'mrs', 'ms', 'dr', 'sen', 'gov', 'rep', 'gen', 'prof', 'judge', 'sheriff']);

/**
 * A title written before a person's name is not part of it: "U.S. Commerce Secretary Gina
 * Raimondo" is Gina Raimondo (title "U.S. Commerce Secretary"), as another outlet's "Commerce
 * Secretary Gina Raimondo" or "Gina Raimondo, the commerce secretary" is. The name after the
 * title is two words or more, or a surname after a title that takes one ("President Biden"), so
 * "General Motors" stays a name.
 */
export function splitTitle(written: string): { name: string; title: string | null } {
  const words = written.split(/\s+/);
  for (let i = words.length - 2; i >= 0; i--) {
    const w = words[i].toLowerCase().replace(/\.$/, '');
    if (!titles.has(w) && !SHORT_TITLES.has(w)) continue;
    const rest = words.slice(i + 1);
    if (!rest.every((x) => /^\p{Lu}/u.test(x))) return { name: written, title: null };
    if (rest.length >= 2 || SHORT_TITLES.has(w)) return { name: rest.join(' '), title: words.slice(0, i + 1).join(' ') };
    return { name: written, title: null };
  }
  return { name: written, title: null };
}

function lookup(ctx: AttributionContext, name: string): Speaker | undefined {
  return ctx.speakers.get(name.toLowerCase());
}

function remember(ctx: AttributionContext, s: Speaker): void {
  if (!s.name) return;
  const parts = s.name.split(/\s+/);
  for (const key of [s.name, parts[0], parts[parts.length - 1]]) {
    const prev = ctx.speakers.get(key.toLowerCase());
    if (!prev || key === s.name || !prev.organisation) ctx.speakers.set(key.toLowerCase(), { ...s, organisation: s.organisation ?? prev?.organisation ?? null, title: s.title ?? prev?.title ?? null });
  }
}

function nameAt(names: NameSpan[], tokenIndex: number): NameSpan | undefined {
  return names.find((n) => n.first === tokenIndex);
}

/** "according to X", "data from X", "disclosed by X", "citing X". */
function byCue(tokens: Token[], names: NameSpan[]): Speaker | null {
  for (let i = 0; i < tokens.length; i++) {
    const starting = cuesByFirst.get(tokens[i].lower);
    if (!starting) continue;
    for (const cue of starting) {
      if (!cue.every((w, k) => tokens[i + k]?.lower === w)) continue;
      let j = i + cue.length;
      if (tokens[j]?.lower === 'the') j++;
      let name = nameAt(names, j);
      if (!name) {
        // "according to police", "according to the coroner"
        const role = roleAt(tokens, j);
        if (role) return { name: null, organisation: role, title: null };
        continue;
      }
      // "China's National Data Administration": the owner goes, the organisation stays.
      if (tokens[name.last + 1]?.lower === "'s") {
        const owned = nameAt(names, name.last + 2);
        if (owned) name = owned;
      }
      return withApposition(tokens, names, name);
    }
  }
  return null;
}

/** "NAME, TITLE of ORG," after a name: the title and organisation of a person. */
function withApposition(tokens: Token[], names: NameSpan[], name: NameSpan): Speaker {
  if (isOrganisation(name.text)) return { name: null, organisation: stripThe(name.text), title: null };
  const app = apposition(tokens, names, name.last + 1);
  return { name: name.text, organisation: app?.organisation ?? null, title: app?.title ?? null };
}

/** ", head of the National Data Bureau" starting at token i (the comma). */
function apposition(tokens: Token[], names: NameSpan[], i: number): { title: string; organisation: string | null; end: number } | null {
  if (tokens[i]?.text !== ',') return null;
  let j = i + 1;
  const titleWords: string[] = [];
  while (j < tokens.length && j < i + 8 && tokens[j].kind === 'word' && tokens[j].lower !== 'of' && tokens[j].text !== ',') {
    titleWords.push(tokens[j].lower);
    j++;
  }
  const title = titleWords.filter((w) => titles.has(w) || titles.has(titleWords.join(' '))).length > 0 ? titleWords.join(' ') : null;
  if (!title) return null;
  let organisation: string | null = null;
  if (tokens[j]?.lower === 'of') {
    j++;
    if (tokens[j]?.lower === 'the') j++;
    let org = nameAt(names, j);
    if (org && tokens[org.last + 1]?.lower === "'s") org = nameAt(names, org.last + 2) ?? org;
    if (org) {
      organisation = stripThe(org.text);
      j = org.last + 1;
    }
  }
  return { title, organisation, end: j };
}

/** "X said", "X, head of Y, told reporters", "said X", "he added", "Liu noted". */
function bySpeechVerb(tokens: Token[], names: NameSpan[], ctx: AttributionContext): Speaker | null {
  for (let v = 0; v < tokens.length; v++) {
    if (!speechVerbs.has(tokens[v].lower)) continue;
    // Left: skip auxiliaries and adverbs.
    let k = v - 1;
    while (k >= 0 && /^(has|have|had|also|reportedly|later|then|further|previously|recently|once|was|were|is|been)$/.test(tokens[k].lower)) k--;
    if (k >= 0 && tokens[k].text === ',') {
      // "NAME, TITLE of ORG, said": find the name before the apposition.
      for (let c = k - 1; c >= 0 && c >= k - 14; c--) {
        if (tokens[c].text !== ',') continue;
        const name = names.find((n) => n.last === c - 1);
        if (name && !isOrganisation(name.text)) {
          const app = apposition(tokens, names, c);
          if (app && app.end >= k - 1) return { name: name.text, organisation: app.organisation, title: app.title };
        }
      }
    }
    if (k >= 0) {
      const name = names.find((n) => n.last === k);
      if (name) {
        if (isOrganisation(name.text)) return { name: null, organisation: stripThe(name.text), title: null };
        return { name: name.text, organisation: null, title: null };
      }
      if (pronouns.has(tokens[k].lower) && tokens[k].lower !== 'it' && ctx.last) return { ...ctx.last };
      // "police said", "officials told reporters", "state media reported"
      const role = roleEndingAt(tokens, k);
      if (role) return { name: null, organisation: role, title: null };
    }
    // Right: "said Liu Liehong, director of ..."
    const right = nameAt(names, v + 1);
    if (right && !isOrganisation(right.text) && right.last > right.first) return withApposition(tokens, names, right);
  }
  return null;
}

/** Names in the sentence that read as organisations, for the entity list. */
export function organisationsIn(tokens: Token[], sentenceStart: number): string[] {
  return findNames(tokens, sentenceStart).map((n) => stripThe(n.text)).filter(isOrganisation);
}

export { joinTokens };
