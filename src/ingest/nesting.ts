/**
 * How deeply a Markdown file nests its block containers (block quotes, list items), measured by one
 * linear scan of the line starts. The Markdown parser takes time that grows with the square of the
 * nesting and recursion that overflows the stack on it, so files nested deeper than any article
 * are read as plain text instead (see `read.ts`).
 */

/** Nesting above this sends a Markdown file to the plain-text reader; real articles stay under 10. */
export const MAX_MARKDOWN_NESTING = 200;

const isBlank = (c: string | undefined): boolean => c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r';

/**
 * The deepest line start: container markers (`>`, `-`, `*`, `+`, `1.`, `1)`) counted one level
 * each, the indentation before them one level per two columns.
 */
export function markdownNesting(source: string): number {
  const n = source.length;
  let max = 0;
  let i = 0;
  while (i < n) {
    let depth = 0;
    let indent = 0;
    for (;;) {
      // Indentation before the first marker nests; the spaces after a marker only separate.
      while (i < n && (source[i] === ' ' || source[i] === '\t')) {
        const width = source[i++] === '\t' ? 4 : 1;
        if (depth === 0) indent += width;
      }
      const c = source[i];
      if (c === '>' || ((c === '-' || c === '*' || c === '+') && isBlank(source[i + 1]))) {
        depth++;
        i++;
        continue;
      }
      let j = i;
      while (j < n && j - i < 9 && source[j] >= '0' && source[j] <= '9') j++;
      if (j > i && (source[j] === '.' || source[j] === ')') && isBlank(source[j + 1])) {
        depth++;
        i = j + 1;
        continue;
      }
      break;
    }
    max = Math.max(max, depth + Math.floor(indent / 2));
    const end = source.indexOf('\n', i);
    if (end < 0) break;
    i = end + 1;
  }
  return max;
}
