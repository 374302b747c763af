/** Short content hashes for group and finding ids and for evidence. */
import { createHash } from 'node:crypto';

/** Hex sha1 of the parts joined by a separator no text contains, cut to `length`. */
export function shortHash(parts: readonly string[], length = 10): string {
  return createHash('sha1').update(parts.join('\u0000')).digest('hex').slice(0, length);
}

/** Code-unit order: the same on every machine and locale. */
export const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
