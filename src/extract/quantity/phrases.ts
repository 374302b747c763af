/**
 * Multiword phrase lookup over tokens ("square feet", "°C", "more than", "Hong Kong dollars"). A
 * phrase is split with the scanner's own tokenizer, so "km/h" and "°C" match exactly as they are
 * tokenized in text. Where the phrase has no space between two tokens the text must not either;
 * where it has a space the text may have spaces but no line break. Phrases match forwards from a
 * token, or backwards ending at a token (for words before a number).
 */
import { lex, low, raw, type Tokens } from './lex.js';

interface Node<T> {
  next: Map<string, Node<T>>;
  value?: T;
}

/** A set of phrases with a value each; the longest match wins. */
export class PhraseTable<T> {
  private readonly fwd: Node<T> = { next: new Map() };
  private readonly back: Node<T> = { next: new Map() };

  /** Add a phrase. `exact` phrases match only in the letter case written. */
  add(phrase: string, value: T, exact = false): void {
    const t = lex(phrase);
    if (t.n === 0) return;
    const keys: string[] = [];
    for (let i = 0; i < t.n; i++) keys.push(key(exact ? raw(t, i) : low(t, i), exact));
    // forwards: a token's glue marker says how it joins the token before it
    let node = this.fwd;
    for (let i = 0; i < t.n; i++) node = child(node, (i > 0 && t.gap[i] === 0 ? '~' : '') + keys[i]);
    if (node.value === undefined) node.value = value;
    // backwards: a token's glue marker says how it joins the token after it
    node = this.back;
    for (let i = t.n - 1; i >= 0; i--) node = child(node, (i < t.n - 1 && t.gap[i + 1] === 0 ? '~' : '') + keys[i]);
    if (node.value === undefined) node.value = value;
  }

  /** Longest phrase starting at token i (the first token's own gap is not checked). */
  match(t: Tokens, i: number): { value: T; last: number } | null {
    let node: Node<T> | undefined = this.fwd;
    let best: { value: T; last: number } | null = null;
    for (let j = i; j < t.n && node; j++) {
      if (j > i && t.gap[j] === 2) break;
      const glue = j > i && t.gap[j] === 0 ? '~' : '';
      const r = raw(t, j);
      const l = low(t, j);
      node = node.next.get(glue + '=' + r) ?? node.next.get(glue + l);
      if (!node) break;
      if (node.value !== undefined) best = { value: node.value, last: j };
    }
    return best;
  }

  /** Longest phrase ending at token i. */
  matchBack(t: Tokens, i: number): { value: T; first: number } | null {
    let node: Node<T> | undefined = this.back;
    let best: { value: T; first: number } | null = null;
    for (let j = i; j >= 0 && node; j--) {
      if (j < i && t.gap[j + 1] === 2) break;
      const glue = j < i && t.gap[j + 1] === 0 ? '~' : '';
      node = node.next.get(glue + '=' + raw(t, j)) ?? node.next.get(glue + low(t, j));
      if (!node) break;
      if (node.value !== undefined) best = { value: node.value, first: j };
    }
    return best;
  }
}

function key(s: string, exact: boolean): string {
  return exact ? '=' + s : s;
}

function child<T>(node: Node<T>, k: string): Node<T> {
  let c = node.next.get(k);
  if (!c) {
    c = { next: new Map() };
    node.next.set(k, c);
  }
  return c;
}
