/**
 * The sides of a disagreement: a finding's claims split by what they say (the same value for the
 * same period, or the same date), the side fewer articles support first: the one that stands apart.
 */
import type { Claim } from '../store/schema.js';
import { claimGist } from './format.js';

export interface Side {
  /** What this side says, in words: "100 billion tokens per day, early 2024". */
  says: string;
  claims: Claim[];
  articles: string[];
}

const sideKey = (c: Claim): string =>
  `${c.value ? `${c.value.min}/${c.value.max}/${c.value.unit}/${c.value.per}` : c.kind}|${c.period ? `${c.period.start}/${c.period.end}` : ''}`;

/** Split claims (in report order) into sides; ties keep the order of their first claim. */
export function sidesOf(claims: Claim[]): Side[] {
  const sides = new Map<string, Side>();
  for (const c of claims) {
    const key = sideKey(c);
    const side = sides.get(key) ?? { says: c.value && c.period ? `${claimGist(c)}, ${c.period.text}` : claimGist(c), claims: [], articles: [] };
    side.claims.push(c);
    if (!side.articles.includes(c.article)) side.articles.push(c.article);
    sides.set(key, side);
  }
  const ordered = [...sides.values()];
  return ordered.map((s, i) => ({ s, i })).sort((a, b) => a.s.articles.length - b.s.articles.length || a.i - b.i).map(({ s }) => s);
}

/** The claims that stand apart: every side but the best supported one (all of them on a tie). */
export function standingApart(claims: Claim[]): Set<string> {
  const sides = sidesOf(claims);
  if (sides.length < 2) return new Set();
  const most = Math.max(...sides.map((s) => s.articles.length));
  const top = sides.filter((s) => s.articles.length === most);
  const apart = top.length === 1 ? sides.filter((s) => s !== top[0]) : sides;
  return new Set(apart.flatMap((s) => s.claims.map((c) => c.id)));
}
