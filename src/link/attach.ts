/**
 * Which cited sources back which claim. Three signals, each enough on its own:
 * - position: the source is cited in the claim's sentence, or in the sentence just before it in the
 *   same paragraph when the claim names no speaker of its own ("..., according to the SCMP. Combined,
 *   they hold about 15%");
 * - notes: a source list's note or headline names the claim's figure ("over 80% green electricity"
 *   against "more than 80% green electricity") or its topic, scored like retext-readability: a figure
 *   agreeing in value and unit, plus topic words, must reach a threshold;
 * - named outlet: the claim is attributed to an outlet that the article cites.
 */
import lexicon from './data/note-words.json' with { type: 'json' };
import { toPlain } from '../ingest/builder.js';
import type { ReadResult, Span } from '../ingest/types.js';
import type { Claim } from '../store/schema.js';
import type { Cited } from './cited.js';
import { figureAgrees, findFigures, singularUnit, type Figure } from './numbers.js';
import { nameKey, type OutletRegistry } from './outlets.js';

/** Why a claim is linked to a source. */
export type LinkReason = 'sentence' | 'previous-sentence' | 'note' | 'named-outlet';

export interface ClaimLink {
  claim: string;
  cited: Cited;
  reason: LinkReason;
  /** For note links: the note item that matched and its score. */
  evidence: string | null;
  score: number;
}

export interface AttachOptions {
  registry: OutletRegistry;
  /** Points a note item needs to link a claim (default 3: a figure agreeing in value and unit, or in value plus one topic word). */
  threshold?: number;
}

const stop = new Set([...lexicon.stop.words, ...lexicon.noteVerbs.words]);

/** Content words of a text, singular, lower case. */
export function topicWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.toLowerCase().matchAll(/[\p{L}][\p{L}-]{3,}/gu)) {
    for (const part of m[0].split('-')) {
      if (part.length >= 4 && !stop.has(part)) out.add(singularUnit(part));
    }
  }
  return out;
}

/** The sentence index holding a plain-text offset (binary search). */
function sentenceAt(read: ReadResult, at: number): number {
  let lo = 0;
  let hi = read.sentences.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (read.sentences[mid].start <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The block holding a plain-text offset, end inclusive, or -1 (blocks are in order and apart: binary search). */
function blockOf(read: ReadResult, at: number): number {
  let lo = 0;
  let hi = read.blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (read.blocks[mid].start <= at) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi >= 0 && at <= read.blocks[hi].end ? hi : -1;
}

/** Every mention of every cited source, by start, to find those overlapping a span without a scan. */
interface MentionIndex {
  starts: number[];
  ends: number[];
  cited: number[];
  /** The longest mention: nothing starting further back than this can reach a span. */
  longest: number;
}

function mentionIndex(cited: Cited[]): MentionIndex {
  const all: Array<{ start: number; end: number; cited: number }> = [];
  cited.forEach((c, k) => {
    for (const m of c.mentions) all.push({ start: m.start, end: m.end, cited: k });
  });
  all.sort((a, b) => a.start - b.start);
  return {
    starts: all.map((m) => m.start),
    ends: all.map((m) => m.end),
    cited: all.map((m) => m.cited),
    longest: all.reduce((n, m) => Math.max(n, m.end - m.start), 0),
  };
}

/** Indexes (into `cited`, ascending) of the sources with a mention overlapping `span`. */
function citedOverlapping(index: MentionIndex, span: Span): number[] {
  // The first mention starting at or after span.end: every overlapping mention comes before it.
  let lo = 0;
  let hi = index.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index.starts[mid] < span.end) lo = mid + 1;
    else hi = mid;
  }
  const found = new Set<number>();
  for (let i = lo - 1; i >= 0 && index.starts[i] > span.start - index.longest - 1; i--) {
    if (index.ends[i] > span.start) found.add(index.cited[i]);
  }
  return [...found].sort((a, b) => a - b);
}

/** `phrase` occurs in `text` as whole words. */
function containsPhrase(text: string, phrase: string): boolean {
  let at = text.indexOf(phrase);
  while (at >= 0) {
    const before = text[at - 1] ?? ' ';
    const after = text[at + phrase.length] ?? ' ';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
    at = text.indexOf(phrase, at + 1);
  }
  return false;
}

const squash = (s: string) => s.toLowerCase().replace(/[\s\u00a0]+/g, ' ').replace(/[’']/g, "'");

/** Points for one note item against one claim. */
export function scoreNote(item: string, claim: Claim): number {
  const note: NoteItem = { text: item, figures: findFigures(item), words: topicWords(item) };
  return scoreItem(note, claim, { squashed: squash(claim.quote), words: topicWords(claim.quote) });
}

/** `scoreNote` with the item and the claim's quote read beforehand. */
function scoreItem(item: NoteItem, claim: Claim, quoted: { squashed: string; words: Set<string> }): number {
  const quote = quoted.squashed;
  const figures = item.figures;
  let figure = 0;
  for (const f of figures) {
    let points = 0;
    const literal = (f.scaled || f.unit === '%' || f.phrase !== f.text) && containsPhrase(quote, squash(f.phrase));
    if (figureAgrees(f, claim.value) || literal) {
      points = 2;
      if (f.unit && (literal || f.unit === '%' || f.unit === 'x' || f.unit === 'currency' || f.unit === claim.value?.unit || quote.includes(f.unit))) points++;
      if (f.scaled) points++;
    } else if (f.year && quote.includes(f.text)) points = 1;
    figure = Math.max(figure, points);
  }
  let topic = 0;
  for (const w of item.words) if (quoted.words.has(w)) topic++;
  // An item with figures that none of the claim's figures agree with is about something else.
  if (figures.some((f) => !f.year) && figure < 2) return 0;
  if (figure === 0) return topic >= 3 ? topic : 0;
  return figure + Math.min(topic, 2);
}

/** Items of a note: "Key use in this article: Confirms A, B, and C." gives A, B, C. */
export function noteItems(note: string): string[] {
  return note
    .split(/(?<=[.;])\s+(?=[\p{Lu}])|;\s*|,\s+(?:and\s+)?(?=[\p{L}\p{N}$€£¥"“])/u)
    .map((s) => s.replace(/^[\p{L}\s'’-]{1,40}:\s*/u, '').trim())
    .filter((s) => s.length > 0);
}

/** A note item read once for all the claims it is scored against. */
interface NoteItem {
  text: string;
  figures: Figure[];
  words: Set<string>;
}

/** Every claim ↔ source link with its reason. */
export function attachClaims(read: ReadResult, claims: Claim[], cited: Cited[], options: AttachOptions): ClaimLink[] {
  const threshold = options.threshold ?? 3;
  const links: ClaimLink[] = [];
  const linked = new Map<Cited, Set<string>>(cited.map((c) => [c, new Set<string>()]));
  const add = (claim: Claim, c: Cited, reason: LinkReason, evidence: string | null = null, score = 0) => {
    const claimsOf = linked.get(c) ?? new Set<string>();
    if (claimsOf.has(claim.id)) return;
    claimsOf.add(claim.id);
    linked.set(c, claimsOf);
    links.push({ claim: claim.id, cited: c, reason, evidence, score });
  };
  const mentions = mentionIndex(cited);
  // The notes and headlines of listed sources, split and read once.
  const noted = cited.flatMap((c) => {
    const items = [c.note, c.headline]
      .filter((t): t is string => !!t)
      .flatMap(noteItems)
      .map((text): NoteItem => ({ text, figures: findFigures(text), words: topicWords(text) }));
    return items.length > 0 ? [{ cited: c, items }] : [];
  });
  // Cited sources by outlet key and by name key, for the named-outlet signal.
  const byOutlet = new Map<string, Cited[]>();
  const byNameKey = new Map<string, Cited[]>();
  const push = (map: Map<string, Cited[]>, key: string, c: Cited) => map.set(key, [...(map.get(key) ?? []), c]);
  for (const c of cited) {
    if (c.outlet) push(byOutlet, c.outlet.key, c);
    if (c.name) push(byNameKey, nameKey(c.name), c);
  }
  const order = new Map(cited.map((c, k) => [c, k]));
  const ownWords: WordMemo = new Map();

  for (const claim of claims) {
    const start = toPlain(read.runs, claim.start);
    const end = Math.max(start, toPlain(read.runs, claim.end));
    const si = sentenceAt(read, start);
    const sentence: Span = si >= 0 ? read.sentences[si] : { start, end };
    const quoteSpan: Span = { start: Math.min(start, sentence.start), end: Math.max(end, sentence.end) };

    // Position: cited in the claim's sentence.
    const here = citedOverlapping(mentions, quoteSpan);
    for (const k of here) add(claim, cited[k], 'sentence');
    // Position: cited in the sentence just before, same paragraph, and the claim names nobody itself.
    if (here.length === 0 && si > 0 && !ownAttribution(read, claim, sentence, ownWords)) {
      const prev = read.sentences[si - 1];
      if (blockOf(read, prev.start) === blockOf(read, sentence.start)) {
        for (const k of citedOverlapping(mentions, prev)) add(claim, cited[k], 'previous-sentence');
      }
    }
    // Notes and headlines of listed sources.
    if (noted.length > 0) {
      const quote = { squashed: squash(claim.quote), words: topicWords(claim.quote) };
      for (const { cited: c, items } of noted) {
        let best = 0;
        let evidence: string | null = null;
        for (const item of items) {
          const s = scoreItem(item, claim, quote);
          if (s > best) {
            best = s;
            evidence = item.text;
          }
        }
        if (best >= threshold) add(claim, c, 'note', evidence, best);
      }
    }
    // Named outlet: the claim is attributed to an outlet the article cites.
    for (const who of [claim.organisation, claim.speaker, claim.attribution]) {
      if (!who) continue;
      const outlet = options.registry.byName(who);
      const hits = new Set([...(outlet ? (byOutlet.get(outlet.key) ?? []) : []), ...(byNameKey.get(nameKey(who)) ?? [])]);
      for (const c of [...hits].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))) add(claim, c, 'named-outlet');
    }
  }
  return links;
}

/** Whether a sentence (by index) holds a word: claims of one long sentence ask the same questions. */
type WordMemo = Map<string, boolean>;

/** True when the claim's own sentence names its speaker (any part of the name) or organisation. */
function ownAttribution(read: ReadResult, claim: Claim, sentence: Span, memo: WordMemo = new Map()): boolean {
  let text: string | null = null;
  const word = (w: string) => {
    const key = `${sentence.start}:${sentence.end}\u0000${w}`;
    let found = memo.get(key);
    if (found === undefined) {
      text ??= read.text.slice(sentence.start, sentence.end).toLowerCase();
      found = new RegExp(`(^|[^\\p{L}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(text);
      memo.set(key, found);
    }
    return found;
  };
  if (claim.organisation && word(claim.organisation.toLowerCase())) return true;
  if (!claim.speaker) return false;
  return claim.speaker
    .toLowerCase()
    .split(/[\s,]+/)
    .some((p) => p.length >= 3 && word(p));
}
