/**
 * The words around a figure: qualifiers that make it a bound or an approximation ("more than",
 * "about", "exceeded the"), the direction of a change ("up 40 percent", "jumped to", "a 3% drop"),
 * and currency symbols written before it ("US$", "€", "RMB").
 */
import type { Change } from '../types.js';
import { PUNCT, WORD, isChar, low, type Tokens } from './lex.js';
import { changeAfter, changeBefore, changeFrom, changeLink, changeTo, qualifiersAfter, qualifiersBefore, type Qualifier } from './lexicon.js';

/** A qualifier ending just before token `first`: its bound/approx and its first token. */
export function qualifierBefore(t: Tokens, first: number): { q: Qualifier; first: number } | null {
  let j = first - 1;
  if (j < 0 || t.gap[first] === 2) return null;
  let m = qualifiersBefore.matchBack(t, j);
  if (m) {
    // "some" and "near" are qualifiers only right before the figure; symbols must be glued or spaced once
    return { q: m.value, first: m.first };
  }
  // verbs of exceeding may take "the" ("crossed the 140 trillion mark")
  if (low(t, j) === 'the' && j > 0) {
    m = qualifiersBefore.matchBack(t, j - 1);
    if (m && m.value.verb) return { q: m.value, first: m.first };
  }
  return null;
}

/** A qualifier right after token `last` ("50 or more", "20-odd", "1,000+"). */
export function qualifierAfter(t: Tokens, last: number): { q: Qualifier; last: number } | null {
  let j = last + 1;
  if (j >= t.n || t.gap[j] === 2) return null;
  if (isChar(t, j, '-') && t.gap[j] === 0 && t.kind[j + 1] === WORD && t.gap[j + 1] === 0) j++;
  const m = qualifiersAfter.match(t, j);
  if (!m) return null;
  // "+" only glued ("1,000+"), and not before digits ("+5" is a sign)
  if (isChar(t, j, '+') && (t.gap[j] !== 0 || (t.kind[j + 1] !== PUNCT && t.gap[j + 1] === 0 && j + 1 < t.n))) return null;
  if (low(t, j) === 'plus' && t.gap[j] !== 0 && j + 1 < t.n && t.kind[j + 1] !== PUNCT) return null;
  return { q: m.value, last: m.last };
}

/** Direction of change around a figure spanning tokens first..last (after qualifiers are removed). */
export function changeAround(t: Tokens, first: number, last: number): Change {
  let j = first - 1;
  // "from"/"to" right before the figure, with a change word before them
  const w = low(t, j);
  if (changeTo.has(w) || changeFrom.has(w)) {
    for (let k = j - 1; k >= Math.max(0, j - 6); k--) {
      if (t.kind[k] === PUNCT && !isChar(t, k, '%') && !isChar(t, k, '$')) break;
      const x = low(t, k);
      if (changeBefore.has(x)) return changeTo.has(w) ? 'to' : 'from';
    }
    if (changeFrom.has(w)) return null;
    if (w === 'to') return null;
  }
  if (changeLink.has(w)) j--;
  const v = low(t, j);
  if (v === 'up' || v === 'down') {
    // "edged up", "up 40 percent"
    return v;
  }
  const d = changeBefore.get(v);
  if (d && t.kind[j] === WORD) return d;
  if (isChar(t, first - 1, '+') && t.gap[first] === 0) return 'up';
  // "a 3 percent drop", "a 40% increase"
  const a = low(t, last + 1);
  const after = changeAfter.get(a);
  if (after && t.gap[last + 1] !== 2 && t.kind[last + 1] === WORD) return after;
  return null;
}
