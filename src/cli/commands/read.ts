/** `claimtrace read FILE`: what the reader made of one article, without storing it (CONTRACT.md). */
import { readArticle } from '../../ingest/read.js';
import type { ReadResult } from '../../ingest/types.js';
import { UsageError, bytesOption, formatOption } from '../args.js';
import type { Command } from '../args.js';
import { DEFAULT_MAX_BYTES } from '../../ingest/decode.js';
import { emit } from '../io.js';

/** The contract's shape of a read article: metadata values (null when unknown), text and links. */
export function readJson(read: ReadResult): {
  title: string | null;
  outlet: string | null;
  author: string | null;
  published: string | null;
  url: string | null;
  text: string;
  links: Array<{ text: string; url: string }>;
} {
  return {
    title: read.meta.title?.value ?? null,
    outlet: read.meta.outlet?.value ?? null,
    author: read.meta.author?.value ?? null,
    published: read.meta.published?.value ?? null,
    url: read.meta.url?.value ?? null,
    text: read.text,
    links: read.links.map((l) => ({ text: l.text, url: l.url })),
  };
}

export const read: Command = {
  name: 'read',
  summary: 'show what the reader makes of one article (metadata, text, links)',
  positionals: true,
  options: { format: { type: 'string' }, 'max-bytes': { type: 'string' } },
  help: `Usage: claimtrace read FILE [--format json|text] [--max-bytes N]

Reads one article file (.txt, .md, .markdown, .html, .htm) and prints what the reader made of it,
without storing anything.

Options:
  --format json   (default) {title, outlet, author, published, url, text, links: [{text, url}]};
                  metadata fields are null when unknown
  --format text   the article body as plain text, paragraphs separated by blank lines
  --max-bytes N   reject files larger than N bytes (default ${DEFAULT_MAX_BYTES / 2 ** 20}MB)

Example:
  claimtrace read sources/articles/002_9c1f1b377c43c8ef.txt --format json`,

  async run(values, positionals) {
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'no FILE given' : 'read takes one FILE');
    const format = formatOption(values, ['json', 'text'] as const, 'json');
    const result = await readArticle(positionals[0], { maxBytes: bytesOption(values, 'max-bytes') });
    await emit(format === 'text' ? result.text : JSON.stringify(readJson(result), null, 2));
    return 0;
  },
};
