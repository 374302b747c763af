/**
 * Sentence splitting for news text: a single forward scan that stops only at terminators
 * (. ? ! … and the CJK full stops) and at blank lines, and decides each stop from the word before it
 * (abbreviations from `data/abbreviations.json`, initials, numbers) and the word after it (a lower-case
 * word never starts a sentence; after an abbreviation only a usual sentence opener does).
 */
import lexicon from './data/abbreviations.json' with { type: 'json' };
import type { Span } from './types.js';

type AbbreviationKind = 'title' | 'internal' | 'number' | 'month' | 'inline';

const exact = new Map<string, AbbreviationKind>();
const folded = new Map<string, AbbreviationKind>();
for (const entry of lexicon.abbreviations as { text: string; kind: string; match?: string }[]) {
  const key = entry.match ?? entry.text;
  const kind = entry.kind as AbbreviationKind;
  exact.set(key, kind);
  if (key === key.toLowerCase()) folded.set(key, kind);
}
const starters = new Set<string>();
for (const group of lexicon.sentenceStarters) for (const word of group.words) starters.add(word);

const FULL_STOP = 0x2e;
const QUESTION = 0x3f;
const EXCLAMATION = 0x21;
const ELLIPSIS = 0x2026;

function isTerminator(c: number): boolean {
  return c === FULL_STOP || c === QUESTION || c === EXCLAMATION || c === ELLIPSIS || c === 0x203c || c === 0x2047 || c === 0x2048 || c === 0x2049;
}

/** CJK full stops end a sentence without a following space. */
function isWideTerminator(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff0e;
}

function isSpace(c: number): boolean {
  return (
    c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x0b || c === 0xa0 || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Quotes and brackets that can close a sentence after its terminator. */
function isCloser(c: number): boolean {
  return (
    c === 0x22 || c === 0x27 || c === 0x29 || c === 0x5d || c === 0x7d || c === 0x2019 || c === 0x201d ||
    c === 0xbb || c === 0x203a || c === 0x300d || c === 0x300f || c === 0xff09
  );
}

/** Quotes and brackets that can open a sentence. */
function isOpener(c: number): boolean {
  return (
    c === 0x22 || c === 0x27 || c === 0x28 || c === 0x5b || c === 0x7b || c === 0x2018 || c === 0x201c ||
    c === 0xab || c === 0x2039 || c === 0x300c || c === 0x300e || c === 0xff08 || c === 0x201e
  );
}

const LOWER = /\p{Ll}/u;
const WORDY = /[\p{L}\p{N}]/u;
const UPPER = /\p{Lu}|\p{Lt}/u;

function isLower(c: number): boolean {
  if (c >= 0x61 && c <= 0x7a) return true;
  if (c < 0x80) return false;
  return LOWER.test(String.fromCharCode(c));
}

function isUpper(c: number): boolean {
  if (c >= 0x41 && c <= 0x5a) return true;
  if (c < 0x80) return false;
  return UPPER.test(String.fromCharCode(c));
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Characters that continue a clause, so a terminator before them ends nothing ("U.S., …"). */
function isContinuation(c: number): boolean {
  return c === 0x2c || c === 0x3b || c === 0x3a || c === 0x25;
}

/** The word that ends just before `at` (a terminator), without opening quotes or brackets. */
function wordBefore(text: string, from: number, at: number): string {
  let i = at;
  while (i > from && !isSpace(text.charCodeAt(i - 1))) i--;
  while (i < at && (isOpener(text.charCodeAt(i)) || text.charCodeAt(i) === 0x2014 || text.charCodeAt(i) === 0x2013)) i++;
  return text.slice(i, at);
}

/** The word that starts at `at`, letters and digits only (for the sentence-opener check). */
function wordAt(text: string, at: number, end: number): string {
  let i = at;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || isTerminator(c) || isContinuation(c) || isCloser(c)) break;
    i++;
  }
  return text.slice(at, i);
}

/** Position of a blank line (two line breaks with only spaces or tabs between) starting at `i`, or -1. */
function blankLineEnd(text: string, i: number, end: number): number {
  let j = i + 1;
  while (j < end) {
    const c = text.charCodeAt(j);
    if (c === 0x0a) return j + 1;
    if (c === 0x20 || c === 0x09 || c === 0x0d) j++;
    else return -1;
  }
  return -1;
}

function isInitial(word: string): boolean {
  if (word.length !== 1) return false;
  return isUpper(word.charCodeAt(0));
}

/** Letters joined by stops, "F.B.I" or "N.Y" (the final stop is the terminator). */
function isDottedInitialism(word: string): boolean {
  if (word.length < 3) return false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (i % 2 === 1) {
      if (c !== FULL_STOP) return false;
    } else if (!isUpper(c) && !isLower(c)) return false;
  }
  return true;
}

/**
 * Decide whether a single full stop at `dot`, followed by space and then `next` (the first character
 * that is not space or an opening quote), ends a sentence.
 */
function stopEnds(text: string, from: number, dot: number, nextAt: number, end: number): boolean {
  const next = text.charCodeAt(nextAt);
  const word = wordBefore(text, from, dot);
  const kind = exact.get(word + '.') ?? folded.get(word.toLowerCase() + '.');
  const nextIsDigit = isDigit(next);
  if (kind !== undefined) {
    switch (kind) {
      case 'title':
      case 'internal':
        return false;
      case 'number':
      case 'month':
        return !nextIsDigit;
      case 'inline':
        return starters.has(wordAt(text, nextAt, end));
    }
  }
  if (isInitial(word)) {
    if (!isUpper(next)) return true;
    const following = wordAt(text, nextAt, end);
    return following.length > 1 && starters.has(following);
  }
  if (isDottedInitialism(word)) return starters.has(wordAt(text, nextAt, end));
  return true;
}

/**
 * Split `text[start, end)` into sentences: ranges in `text`, trimmed of surrounding white space, in
 * order, never empty. Blank lines always separate sentences; single line breaks are spaces.
 */
export function splitSentences(text: string, start = 0, end: number = text.length): Span[] {
  const out: Span[] = [];
  if (!(start >= 0)) start = 0;
  if (!(end <= text.length)) end = text.length;
  if (end <= start) return out;
  let sentenceStart = start;
  const emit = (from: number, to: number): void => {
    while (from < to && isSpace(text.charCodeAt(from))) from++;
    while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
    if (to > from) out.push({ start: from, end: to });
  };
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      const after = blankLineEnd(text, i, end);
      if (after >= 0) {
        emit(sentenceStart, i);
        sentenceStart = after;
        i = after;
        continue;
      }
      i++;
      continue;
    }
    if (isWideTerminator(c)) {
      let j = i + 1;
      while (j < end && (isWideTerminator(text.charCodeAt(j)) || isCloser(text.charCodeAt(j)))) j++;
      emit(sentenceStart, j);
      sentenceStart = j;
      i = j;
      continue;
    }
    if (!isTerminator(c)) {
      i++;
      continue;
    }
    // A run of terminators ("?!", "...", "…"), then closing quotes and brackets.
    let j = i + 1;
    let stops = c === FULL_STOP ? 1 : 0;
    let other = c !== FULL_STOP;
    while (j < end && isTerminator(text.charCodeAt(j))) {
      if (text.charCodeAt(j) === FULL_STOP) stops++;
      else other = true;
      j++;
    }
    let k = j;
    while (k < end && (isCloser(text.charCodeAt(k)) || isTerminator(text.charCodeAt(k)))) k++;
    if (k >= end) {
      i = k;
      continue;
    }
    if (!isSpace(text.charCodeAt(k))) {
      // "3.5", "U.S", "example.com", "?)," : not a boundary.
      i = k > i + 1 ? k : i + 1;
      continue;
    }
    // Look past the space and any opening quotes to the first character of the next sentence.
    let n = k;
    let breaks = 0;
    while (n < end && isSpace(text.charCodeAt(n))) {
      if (text.charCodeAt(n) === 0x0a) breaks++;
      n++;
    }
    if (n >= end) {
      i = n;
      continue;
    }
    let m = n;
    while (m < end && isOpener(text.charCodeAt(m))) m++;
    const next = m < end ? text.charCodeAt(m) : 0x20;
    let ends: boolean;
    if (breaks >= 2) ends = true;
    else if (isLower(next) || isContinuation(text.charCodeAt(n))) ends = false;
    else if (!other && stops === 1 && j === i + 1) ends = stopEnds(text, sentenceStart, i, m < end ? m : n, end);
    else ends = true;
    // A sentence of punctuation alone ("... " between two quotes) joins the next one.
    if (ends && !WORDY.test(text.slice(sentenceStart, i))) ends = false;
    if (ends) {
      emit(sentenceStart, k);
      sentenceStart = n;
    }
    i = n;
  }
  emit(sentenceStart, end);
  return out;
}
