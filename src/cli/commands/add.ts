/** `claimtrace add PATH…`: read articles, extract their claims and keep them in the store. */
import type { DeclaredMeta } from '../../ingest/types.js';
import { DEFAULT_MAX_BYTES } from '../../ingest/decode.js';
import { DEFAULT_STORE, openStore } from '../../store/store.js';
import { UsageError, bytesOption, dateOption, dbOption, str } from '../args.js';
import type { Command, Values } from '../args.js';
import { ingestPaths } from '../ingest.js';
import { fail, say } from '../io.js';
import type { Recheck } from '../../workflow/incremental.js';

/** Metadata declared on the command line (applies to every file given). */
export function declaredOptions(values: Values): DeclaredMeta | undefined {
  const declared: DeclaredMeta = {};
  for (const key of ['outlet', 'url', 'title', 'author'] as const) {
    const v = str(values, key);
    if (v !== undefined) declared[key] = v;
  }
  const published = dateOption(values, 'published');
  if (published !== undefined) declared.published = published;
  return Object.keys(declared).length > 0 ? declared : undefined;
}

export const add: Command = {
  name: 'add',
  summary: 'add article files or folders to the store',
  positionals: true,
  options: {
    ...dbOption,
    outlet: { type: 'string' },
    published: { type: 'string' },
    url: { type: 'string' },
    title: { type: 'string' },
    author: { type: 'string' },
    'max-bytes': { type: 'string' },
    'skip-check': { type: 'boolean' },
    rebuild: { type: 'boolean' },
  },
  help: `Usage: claimtrace add PATH... [--db FILE] [--outlet X] [--published YYYY-MM-DD] [--url U] [--title T] [--author A] [--max-bytes N] [--skip-check] [--rebuild]

Reads each article (.txt, .md, .markdown, .html, .htm; folders are read recursively), extracts its
claims and cited sources, and keeps them in the store. Prints one line per file on stderr: added,
unchanged (same bytes and metadata already held) or replaced (an edited file at the same path).
When something was added or replaced, re-checks the store and prints what changed since the last
check: new findings, resolved ones (their claims were edited away), groups joined or broken.

Options:
  --db FILE            the store (default ${DEFAULT_STORE})
  --outlet, --published, --url, --title, --author
                       declare the article's metadata (wins over what the reader infers);
                       applies to every file given
  --max-bytes N        reject files larger than N bytes (default ${DEFAULT_MAX_BYTES / 2 ** 20}MB; accepts 20MB, 512k)
  --skip-check         do not re-check after adding
  --rebuild            rebuild the store from scratch from PATH...: every file is read again and
                       the articles not given are dropped; editors' decisions are kept

Exit status: 0 when every input was added; 2 when some input could not be read (each named on
stderr; the others are still added).

Example:
  claimtrace add sources/articles
  claimtrace add story.html --outlet "Daily Ledger" --published 2026-03-24`,

  async run(values, positionals) {
    if (positionals.length === 0) throw new UsageError('no PATH given (files or folders of articles)');
    const declared = declaredOptions(values);
    if (declared && positionals.length > 1) say('claimtrace: note: the declared metadata applies to every file given');
    const store = openStore(str(values, 'db') ?? DEFAULT_STORE);
    const options = { declared, maxBytes: bytesOption(values, 'max-bytes') };
    let summary: Awaited<ReturnType<typeof ingestPaths>>;
    if (values.rebuild) {
      const { rebuildStore } = await import('../../workflow/rebuild.js');
      const rebuilt = await rebuildStore(store, (scratch) => ingestPaths(scratch, positionals, options));
      summary = rebuilt.result;
      say(`claimtrace: rebuilt ${store.file}: ${rebuilt.held} articles, ${rebuilt.dropped} dropped; editors' decisions kept`);
    } else summary = await ingestPaths(store, positionals, options);
    const claims = summary.results.reduce((n, r) => n + r.claims, 0);
    const count = (s: string): number => summary.results.filter((r) => r.status === s).length;
    say(
      `claimtrace: ${count('added')} added, ${count('replaced')} replaced, ${count('unchanged')} unchanged (${claims} claims)` +
        (summary.failed ? `; ${summary.failed} could not be read` : ''),
    );
    if (!values['skip-check'] && (values.rebuild || count('added') + count('replaced') > 0)) {
      // Only what the new articles touch is checked again (the check cache).
      // The check is loaded only now: `add --skip-check` does without it.
      const [{ recheckStore }, { changeLines }] = await Promise.all([import('../../workflow/incremental.js'), import('../../workflow/summary.js')]);
      let recheck: Recheck;
      try {
        recheck = await recheckStore(store, new Date(), (line) => say(`claimtrace: ${line}`));
      } catch (error) {
        say(`claimtrace: warning: could not record this check in ${store.file} (${(error as Error).message.split('\n')[0]})`);
        return summary.failed > 0 ? 2 : 0;
      }
      for (const error of recheck.errors) fail(error.file, error.reason);
      for (const line of changeLines(recheck.changes)) say(line);
      if (recheck.errors.length > 0) return 2;
    }
    return summary.failed > 0 ? 2 : 0;
  },
};
