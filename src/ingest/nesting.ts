/**
 * Two shapes the Markdown parser takes time quadratic in, each measured by one linear scan: how
 * deeply block containers nest (block quotes, list items; deep nesting also overflows its stack),
 * and how many square brackets share a paragraph (each `]` looks back over the open labels, and the
 * GFM footnote syntax normalises the text back to each one: 100,000 unmatched `[` took over 90 s).
 * Files past either limit, far beyond any article, are read as plain text instead (see `read.ts`).
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

/**
 * Past this, a Markdown file is read as plain text: the sum over its paragraphs of the square of
 * each paragraph's bracket count. A paragraph of 10,000 brackets reaches it (about half a second of
 * parsing); an article's few dozen links per paragraph stay millions of times below it.
 */
export const MAX_BRACKET_WORK = 10_000 ** 2;

/**
 * The parser's label work: for each paragraph (lines between blank lines), the square of its number
 * of `[` and `]`, summed.
 */
export function markdownBracketWork(source: string): number {
  let work = 0;
  let count = 0;
  let lineBlank = true;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 91 || c === 93) {
      count++;
      lineBlank = false;
    } else if (c === 10 || (c === 13 && source.charCodeAt(i + 1) !== 10)) {
      if (lineBlank) {
        work += count * count;
        count = 0;
      }
      lineBlank = true;
    } else if (c !== 32 && c !== 9 && c !== 13) lineBlank = false;
  }
  return work + count * count;
}
