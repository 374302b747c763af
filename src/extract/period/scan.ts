/**
 * One pass over the text: a regular-expression pre-scan finds trigger words, a small window of
 * tokens around each is parsed, and the longest expression covering the trigger is kept. Matches
 * never overlap and come out in text order, each with its paragraph and the cues the resolver
 * needs (is the sentence about the future? does "ended Sept. 30" follow?).
 */
import type { Expr } from './expr.js';
import { parseAt } from './grammar.js';
import { TENSE_CUE, TRIGGER } from './lexicon.js';
import { insideWord, tokenize, Toks, type Tok } from './tokens.js';

export interface Range {
  start: number;
  end: number;
}

export interface Raw {
  start: number;
  end: number;
  expr: Expr;
  /** Index of the paragraph the expression is in. */
  para: number;
  /** Tense of the clause around the expression ("will meet Friday": future), for days and months
   * written without a year. */
  tense: Tense;
  /** "the quarter ended Sept. 30": the next expression gives the last day. */
  endedBy: boolean;
}

const LEFT = 44;
const RIGHT = 60;
const LOOKBACK = 6;

/** Paragraphs: text between blank lines. */
export function paragraphsOf(text: string): Range[] {
  const out: Range[] = [];
  const re = /\n[ \t\r]*\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  out.push({ start, end: text.length });
  return out;
}

export type Tense = 'future' | 'past' | null;

const cueOf = (m: RegExpExecArray): Tense => (m[1] ? 'future' : 'past');

/** At most two words open the sentence before the expression ("In January, …"). */
const OPENS = /(?:^|[.!?]["”’')]*\s+|\n\s*)(?:\p{L}+\s+){0,2}$/u;

/** A regular past form right before an expression ("arrived Thursday", "resigned on Monday"), with the word before it. */
const DONE_BEFORE = /(?:^|\s)(?:(\p{L}+)\s+)?(\p{L}+ed)\s+(?:on\s+)?$/u;

/** The tense cue nearest before `start` in its clause, else the first after `end` in its sentence. */
function tenseAround(text: string, start: number, end: number, para: Range): Tense {
  let before = text.slice(Math.max(para.start, start - 120), start);
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('? '), before.lastIndexOf('! '), before.lastIndexOf('; '), before.lastIndexOf(', '), before.lastIndexOf('\n'));
  if (cut >= 0) before = before.slice(cut + 2);
  const re = TENSE_CUE;
  re.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let m = re.exec(before); m; m = re.exec(before)) last = m;
  if (last) return cueOf(last);
  // "who arrived Thursday", "resigned on Monday": a regular past form right before the day is its
  // tense ("will be delayed Friday", "scheduled Friday" and "extended to Nov. 20" are not).
  const ed = DONE_BEFORE.exec(before);
  if (ed && !/^(be|been|being|will|would|shall|to)$/i.test(ed[1] ?? '')) {
    re.lastIndex = 0;
    const cue = re.exec(ed[2]);
    if (!cue) return 'past';
  }
  // After the expression: its own clause, or the main clause an opening phrase leads into ("In
  // January, the company brought in …"), up to a subordinate clause ("decided on Feb. 11 that a
  // war would be needed": the war is another clause's time).
  let after = text.slice(end, Math.min(para.end, end + 80));
  if (OPENS.test(text.slice(Math.max(para.start, start - 40), start))) after = after.replace(/^\s*,/, ' ');
  const stop = after.search(/[,.?!;]\s|\b(?:that|which|who|because|when|while|if|although|after|before|until|unless)\b/i);
  if (stop >= 0) after = after.slice(0, stop);
  re.lastIndex = 0;
  const first = re.exec(after);
  return first ? cueOf(first) : null;
}

/** Bases whose placement depends on tense: weekdays, weekends, and days or months without a year. */
function needsTense(e: Expr): boolean {
  const b = e.base;
  if (!b) return false;
  if (b.k === 'weekday' || (b.k === 'rel' && b.gran === 'weekend')) return true;
  return (b.k === 'day' || b.k === 'month') && b.y === undefined && b.yRel === undefined && (b.k === 'day' || b.rel === undefined);
}

const ENDED = /,?\s*(?:that |which )?(?:ended|ending|ends|through|to)\b/y;

function endedAt(text: string, end: number): boolean {
  ENDED.lastIndex = end;
  return ENDED.test(text);
}

/** Index of the first token starting at or after `offset` (tokens in text order). */
function firstAtOrAfter(tokens: Tok[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid].s < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Time expressions of `text` in order, unresolved. */
export function scan(text: string, paragraphs: Range[]): Raw[] {
  const out: Raw[] = [];
  let lastEnd = 0;
  let p = 0;
  const re = new RegExp(TRIGGER.source, TRIGGER.flags);
  // Each paragraph is tokenized once, when a trigger first falls in it; a window is a slice of it.
  let paraTokens: Tok[] = [];
  let tokenized = -1;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const at = m.index;
    if (at < lastEnd) continue;
    while (p < paragraphs.length - 1 && paragraphs[p].end <= at) p++;
    const para = paragraphs[p];
    if (tokenized !== p) {
      paraTokens = tokenize(text, para.start, para.end);
      tokenized = p;
    }
    let left = Math.max(para.start, at - LEFT);
    while (insideWord(text, left)) left++;
    let right = Math.min(para.end, at + m[0].length + RIGHT);
    while (right < para.end && insideWord(text, right)) right++;
    const T = new Toks(text, paraTokens.slice(firstAtOrAfter(paraTokens, left), firstAtOrAfter(paraTokens, right)));
    let k = 0;
    while (k < T.length && T.t[k].s < at) k++;
    if (k >= T.length) continue;
    let best: { a: number; b: number; expr: Expr } | null = null;
    for (let j = Math.max(0, k - LOOKBACK); j <= k; j++) {
      if (T.t[j].s < lastEnd) continue;
      const found = parseAt(T, j, j === k);
      if (found && found.b > k && (!best || found.b > best.b)) best = found;
    }
    if (!best) continue;
    const start = T.t[best.a].s;
    const end = T.t[best.b - 1].e;
    out.push({
      start,
      end,
      expr: best.expr,
      para: p,
      tense: needsTense(best.expr) ? tenseAround(text, start, end, para) : null,
      endedBy: endedAt(text, end),
    });
    lastEnd = end;
    re.lastIndex = Math.max(re.lastIndex, end);
  }
  return out;
}
