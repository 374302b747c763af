/**
 * Metadata lines of pasted article text, read with the lexicon in `data/text-meta.json`: labelled
 * lines ("Timestamp: March 23, 2026 at 03:50 PM", "Editor: Tom Litting"), bylines ("By Jane Doe",
 * "By China Made & Tech Team."), lines that name the site ("Related coverage on 1M Reviews",
 * "© 2026 Yicai Global"), and page furniture ("Share this article", "Photo: …").
 */
import lexicon from './data/text-meta.json' with { type: 'json' };
import { parseDateText } from './date.js';

export type LabelField = 'published' | 'author' | 'editor' | 'title' | 'url' | 'outlet';

export interface LabelLine {
  label: string;
  /** The field the label sets; null for lines that are metadata but set nothing ("Updated: …"). */
  field: LabelField | null;
  value: string;
}

export interface Byline {
  /** "author" for bylines, "editor" for "Edited by …" credits. */
  role: 'author' | 'editor';
  name: string;
  /** The outlet when the byline names one of its teams ("By Reuters Staff" → "Reuters"). */
  outlet: string | null;
  /** A date written after the name ("By Jane Doe | March 23, 2026"), as YYYY-MM-DD. */
  published: string | null;
  /** The byline up to the end of the name, as written ("By China Made & Tech Team."). */
  written: string;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const labels = new Map<string, LabelField | null>();
for (const entry of lexicon.labels) labels.set(entry.label.toLowerCase(), entry.field as LabelField | null);
const LABEL = new RegExp(
  `^(${[...labels.keys()].sort((a, b) => b.length - a.length).map(escape).join('|')})\\s*:\\s*(\\S.*)$`,
  'i',
);
const authorPrefixes = lexicon.authorPrefixes.map((e) => e.prefix).sort((a, b) => b.length - a.length);
const editorPrefixes = lexicon.editorPrefixes.map((e) => e.prefix).sort((a, b) => b.length - a.length);
const lowerCues = lexicon.outletCues.map((e) => e.cue.toLowerCase()).sort((a, b) => b.length - a.length);
const teamWords = lexicon.teamWords.flatMap((g) => g.words).sort((a, b) => b.length - a.length);
const TEAM = new RegExp(`^(.*\\S)\\s+(?:${teamWords.map(escape).join('|')})$`);
const connectors = new Set(lexicon.nameConnectors.flatMap((g) => g.words));
const notNames = new Set(lexicon.notNames.flatMap((g) => g.words));
const boilerplate = new Set(lexicon.boilerplate.flatMap((g) => g.lines));
const captionPrefixes = lexicon.captionPrefixes.flatMap((g) => g.prefixes);
const captionWords = lexicon.captionWords.flatMap((g) => g.words).map(escape).join('|');
const CAPTION_TEXT = new RegExp(`\\b(?:${captionWords})(?:$|\\s+(?:showing|shows|depicting|of|comparing)\\b)|,\\s+showing\\b`, 'i');
const COPYRIGHT = /^(?:©|\(c\)|copyright)(?:\s*©)?\s*(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\s*,?\s*)?(.+?)\.?(?:\s+all rights reserved\.?)?$/i;
const URL_VALUE = /^<?(https?:\/\/[^\s<>]+)>?$/i;

const NAME_TOKEN = /^[\p{Lu}\p{N}][\p{L}\p{M}\p{N}'’.&-]*$/u;
const INITIAL = /^\p{Lu}\.$/u;

/** True when `tokens` read as a person's or an organisation's name. */
function isName(tokens: string[], maxTokens: number): boolean {
  if (tokens.length === 0 || tokens.length > maxTokens) return false;
  if (notNames.has(tokens[0].replace(/[.,]$/, ''))) return false;
  if (connectors.has(tokens[tokens.length - 1]) && tokens[tokens.length - 1] !== 'The') return false;
  let letters = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (connectors.has(t) && (i > 0 || t === 'The' || t === 'the')) continue;
    if (!NAME_TOKEN.test(t)) return false;
    if (/\p{L}/u.test(t)) letters = true;
  }
  return letters && /\p{L}/u.test(tokens[0]);
}

/** Collapse white space and drop a final full stop that is not an initial's. */
function cleanName(name: string): string {
  const s = name.replace(/\s+/g, ' ').trim();
  if (s.endsWith('.') && !INITIAL.test(s.split(' ').pop() ?? '')) return s.slice(0, -1).trim();
  return s;
}

/** The outlet in a team byline ("Reuters Staff" → "Reuters"), or null. */
export function outletOfTeam(name: string): string | null {
  const m = TEAM.exec(name);
  if (!m) return null;
  const outlet = m[1].replace(/^(?:the|The)\s+/, '').trim();
  return outlet === '' || connectors.has(outlet) ? null : outlet;
}

/** A labelled metadata line ("Timestamp: …", "Editor: …"), or null when the value does not fit the label. */
export function parseLabelLine(line: string): LabelLine | null {
  const s = line.trim();
  if (s.length > 240) return null;
  const m = LABEL.exec(s);
  if (!m) return null;
  const label = m[1];
  const field = labels.get(label.toLowerCase()) ?? null;
  const value = m[2].trim();
  switch (field) {
    case 'published':
      return parseDateText(value) ? { label, field, value } : null;
    case 'author':
    case 'editor': {
      const name = cleanName(value.split(/\s*[;|]\s*/)[0]);
      return isName(name.split(' '), 12) ? { label, field, value: name } : null;
    }
    case 'url': {
      const url = URL_VALUE.exec(value);
      return url ? { label, field, value: url[1] } : null;
    }
    case 'title':
    case 'outlet':
      return value.length <= 200 ? { label, field, value: cleanName(value) } : null;
    default:
      return parseDateText(value) || value.length <= 80 ? { label, field: null, value } : null;
  }
}

/**
 * A byline ("By Jane Doe", "By Jane Doe and John Roe | March 23, 2026", "By China Made & Tech Team.
 * Independent publication…", "Reporting by …; Editing by …"), or null. Prose that starts with "By"
 * ("By March, usage had…", "By the end of 2025…") is not a byline.
 */
export function parseByline(line: string): Byline | null {
  const s = line.trim();
  for (const [role, prefixes] of [['author', authorPrefixes], ['editor', editorPrefixes]] as const) {
    for (const prefix of prefixes) {
      const head = s.slice(0, prefix.length + 1);
      if (head.toLowerCase() !== prefix.toLowerCase() + ' ' && head.toLowerCase() !== prefix.toLowerCase() + '\u00a0') continue;
      const rest = s.slice(prefix.length).trim();
      const found = readName(rest);
      if (!found) continue;
      const name = cleanName(found.name);
      const written = `${prefix} ${found.name}${found.separator === '.' ? '.' : ''}`;
      return { role, name, outlet: role === 'author' ? outletOfTeam(name) : null, published: found.published, written };
    }
  }
  return null;
}

/** The name at the start of a byline's remainder and what follows it, if the remainder is a byline. */
function readName(rest: string): { name: string; published: string | null; separator: string } | null {
  // The name runs to the first separator: ". " after a word that is not an initial, ",", "|", ";", "/", a dash.
  const tokens = rest.split(/\s+/);
  const name: string[] = [];
  let after = '';
  let separator = '';
  for (let i = 0; i < tokens.length; i++) {
    let t = tokens[i];
    const m = /^(.*?)([,|;/]|\.)$/.exec(t);
    if (t === '|' || t === '-' || t === '—' || t === '–' || t === '/') {
      separator = t;
      after = tokens.slice(i + 1).join(' ');
      break;
    }
    if (m && !(m[2] === '.' && (INITIAL.test(t) || /^(?:Jr|Sr|St|Dr)\.$/.test(t)))) {
      t = m[1];
      if (t !== '') name.push(t);
      separator = m[2];
      after = tokens.slice(i + 1).join(' ');
      break;
    }
    name.push(t);
  }
  if (!isName(name, 8)) return null;
  const published = after ? parseDateText(after) : null;
  if (separator === '' || separator === '.' || separator === ';') return { name: name.join(' '), published, separator };
  // After a comma, dash or bar only a short credit (role, outlet, date) may follow, never a sentence.
  const words = after.split(/\s+/).filter(Boolean);
  if (published || (words.length <= 6 && !/[.!?]$/.test(after.trim()))) return { name: name.join(' '), published, separator };
  return null;
}

/** The site named by a trailer line ("Related coverage on 1M Reviews", "© 2026 Yicai Global"), or null. */
export function parseOutletCue(line: string): string | null {
  const s = line.trim();
  if (s.length > 160) return null;
  const lower = s.toLowerCase();
  for (const cue of lowerCues) {
    if (!lower.startsWith(cue + ' ')) continue;
    const value = cleanName(s.slice(cue.length).replace(/[:.]\s*$/, ''));
    if (isName(value.split(' '), 6)) return value;
  }
  const c = /^(?:©|\(c\)|copyright)/i.test(s) ? COPYRIGHT.exec(s) : null;
  if (c) {
    const value = cleanName(c[1].replace(/\.\s*all rights reserved\.?$/i, ''));
    if (isName(value.split(' '), 6)) return value;
  }
  return null;
}

/** True for a line of page furniture ("Advertisement", "Share this article"). */
export function isBoilerplateLine(line: string): boolean {
  return boilerplate.has(line.trim());
}

/** True for a picture caption or credit line ("Photo: Reuters"). */
export function isCaptionLine(line: string): boolean {
  const s = line.trim();
  return captionPrefixes.some((p) => s.startsWith(p));
}

/** True for an unpunctuated line that describes a picture ("… bar chart showing …", "DeepSeek logo"). */
export function isCaptionText(line: string): boolean {
  return CAPTION_TEXT.test(line.trim());
}
