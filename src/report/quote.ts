/**
 * A sentence quoted from an article, as mdast: in curly quotes, whitespace collapsed, the figure
 * (or the date) the claim rests on in bold. The words stay text nodes, so remark escapes whatever
 * Markdown or HTML they hold.
 */
import type { PhrasingContent } from 'mdast';
import type { Claim } from '../store/schema.js';
import { strong, text } from './mdast.js';

const squash = (s: string): string => s.replace(/\s+/g, ' ');

/** Where in the quote the figure stands: from the figure's file offsets, else by searching its words. */
export function figureSpan(c: Claim): [number, number] | null {
  if (c.figure) {
    const at = c.figure.start - c.start;
    if (at >= 0 && c.quote.slice(at, at + c.figure.text.length) === c.figure.text && c.figure.text.length > 0) return [at, at + c.figure.text.length];
  }
  const words = c.figure?.text ?? (c.value === null ? c.period?.text : undefined);
  if (!words) return null;
  const found = c.quote.indexOf(words);
  return found >= 0 ? [found, found + words.length] : null;
}

/** The claim's quote with its figure emphasised: “… exceeded **140 trillion** in March.” */
export function quoted(c: Claim): PhrasingContent[] {
  const span = figureSpan(c);
  if (!span) return [text(`“${squash(c.quote).trim()}”`)];
  const before = squash(c.quote.slice(0, span[0])).trimStart();
  const after = squash(c.quote.slice(span[1])).trimEnd();
  return [text(`“${before}`), strong(squash(c.quote.slice(span[0], span[1]))), text(`${after}”`)];
}
