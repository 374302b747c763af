/**
 * `claimtrace extract [FILE | -]`: the quantities, time expressions and claims read out of plain
 * text (a file, or standard input), as one article published on --published. Stores nothing.
 */
import { readFile } from 'node:fs/promises';
import { extractClaims } from '../../extract/index.js';
import { findPeriods } from '../../extract/period.js';
import { findQuantities } from '../../extract/quantity.js';
import type { PeriodMention, QuantityMention } from '../../extract/types.js';
import { decodeFile } from '../../ingest/decode.js';
import { readText } from '../../ingest/text.js';
import { InputError } from '../../ingest/types.js';
import type { Claim } from '../../store/schema.js';
import { articleIdOf } from '../../store/store.js';
import { UsageError, dateOption, formatOption } from '../args.js';
import type { Command } from '../args.js';
import { emit, readStdin } from '../io.js';
import { slug } from '../../extract/entities.js';
import { aliasTable } from '../../link/entities.js';

/** The contract's `extract` document for `text`. */
export function extractJson(
  text: string,
  published: string | null,
  path = '-',
): { quantities: QuantityMention[]; periods: PeriodMention[]; claims: Claim[] } {
  const read = readText(path, text);
  const { id } = articleIdOf(Buffer.from(text, 'utf8'));
  return {
    quantities: findQuantities(text),
    periods: findPeriods(text, { published }),
    claims: extractClaims(read, { articleId: id, published, aliases: aliasTable(slug) }),
  };
}

export const extract: Command = {
  name: 'extract',
  summary: 'show the quantities, periods and claims read out of plain text (a file or stdin)',
  positionals: true,
  options: { published: { type: 'string' }, format: { type: 'string' } },
  help: `Usage: claimtrace extract [FILE | -] [--published YYYY-MM-DD] [--format json]

Reads plain text (FILE, or standard input with '-' or no FILE) as one article published on
--published (the anchor of relative dates such as "last year"), stores nothing and prints:
  {"quantities": [{text, start, end, value, ...}], "periods": [{text, start, end, from, to, ...}],
   "claims": [... as in the check report]}
Offsets are into the text as read (UTF-16 code units, end-exclusive).

Options:
  --published YYYY-MM-DD   the publication date
  --format json            (the only format)

Example:
  echo "Sales rose 40% to \\$2.1 billion in March." | claimtrace extract - --published 2026-04-02`,

  async run(values, positionals) {
    if (positionals.length > 1) throw new UsageError('extract takes one FILE (or - for standard input)');
    formatOption(values, ['json'] as const, 'json');
    const published = dateOption(values, 'published') ?? null;
    const file = positionals[0] ?? '-';
    let bytes: Buffer;
    if (file === '-') bytes = await readStdin();
    else {
      try {
        bytes = await readFile(file);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new InputError(file, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, expected a text file' : (error as Error).message);
      }
    }
    const text = decodeFile(file === '-' ? 'standard input' : file, bytes);
    await emit(JSON.stringify(extractJson(text, published, file), null, 2));
    return 0;
  },
};
