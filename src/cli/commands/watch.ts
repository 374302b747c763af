/** `claimtrace watch [PATH…]`: add the articles, write the report, and do it again whenever files are added or changed. */
import { existsSync } from 'node:fs';
import { DEFAULT_STORE, openStore } from '../../store/store.js';
import { removeArticles } from '../../workflow/remove.js';
import { watchPaths } from '../../workflow/watch.js';
import { UsageError, dbOption, str } from '../args.js';
import type { Command } from '../args.js';
import { ingestPaths } from '../ingest.js';
import { say } from '../io.js';
import { checkAndReport, reportFormat } from './check.js';

/** A whole number option at least `min`, or a UsageError. */
function numberOption(value: string | undefined, name: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min) throw new UsageError(`--${name} must be a number of at least ${min}, not '${value}'`);
  return n;
}

export const watch: Command = {
  name: 'watch',
  summary: 'add articles and rewrite the report whenever files are added or changed',
  positionals: true,
  options: {
    ...dbOption,
    out: { type: 'string' },
    format: { type: 'string' },
    debounce: { type: 'string' },
    once: { type: 'boolean' },
    timeout: { type: 'string' },
  },
  help: `Usage: claimtrace watch [PATH...] [--db FILE] [--out FILE] [--format md|json] [--debounce MS] [--once] [--timeout SECONDS]

Adds the article files under PATH... (default: sources), checks the store and writes the report;
then watches PATH... and, whenever article files are added or changed, or their NAME.meta.yaml
sidecar is (after --debounce ms of quiet), adds them again, re-checks, rewrites the report and
says what changed on stderr. An article file deleted from the folder is removed from the store
(the findings that rested on it are reported resolved; editors' decisions stay). Ctrl-C (SIGINT)
or SIGTERM stops it cleanly, after the re-check in progress.

Options:
  --db FILE            the store (default ${DEFAULT_STORE})
  --out FILE           the report (default reports/report.md, or reports/report.json with --format json)
  --format md|json     the report as Markdown (default) or the contract JSON
  --debounce MS        quiet time before a re-check (default 300)
  --once               do the first pass and stop (no watching)
  --timeout SECONDS    stop watching after SECONDS

Example:
  claimtrace watch sources/articles --out reports/report.md`,

  async run(values, positionals) {
    const paths = positionals.length > 0 ? positionals : ['sources'];
    const format = reportFormat(values, 'md');
    const out = str(values, 'out') ?? (format === 'json' ? 'reports/report.json' : 'reports/report.md');
    const debounceMs = numberOption(str(values, 'debounce'), 'debounce', 0) ?? 300;
    const timeout = numberOption(str(values, 'timeout'), 'timeout', 0);
    for (const p of paths) if (!existsSync(p)) throw new UsageError(`${p}: no such file or folder to watch`);
    const store = openStore(str(values, 'db') ?? DEFAULT_STORE);

    const first = await ingestPaths(store, paths);
    await checkAndReport(store, { format, out });
    if (values.once) return first.failed > 0 ? 2 : 0;

    const stop = new AbortController();
    const onSignal = (): void => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    const timer = timeout !== undefined ? setTimeout(onSignal, timeout * 1000) : null;
    try {
      await watchPaths(
        paths,
        async (files) => {
          const present = files.filter((f) => existsSync(f));
          const deleted = files.filter((f) => !present.includes(f));
          try {
            const removed = await removeArticles(store, deleted);
            for (const a of removed) say(`claimtrace: ${a.path}: deleted from the folder: removed from the store (${a.claimCount} claims)`);
            if (present.length === 0 && removed.length === 0) return;
            if (present.length > 0) await ingestPaths(store, present);
            await checkAndReport(store, { format, out });
          } catch (error) {
            // A bad moment (a store locked too long, a file half-written) must not end the watch.
            say(`claimtrace: warning: re-check failed (${(error as Error).message.split('\n')[0]}); waiting for the next change`);
          }
        },
        {
          debounceMs,
          signal: stop.signal,
          onError: (path, error) => say(`claimtrace: ${path}: ${error.message}`),
          onReady: () => say(`claimtrace: watching ${paths.join(', ')} (Ctrl-C to stop)`),
        },
      );
    } finally {
      if (timer) clearTimeout(timer);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
    say('claimtrace: stopped watching');
    return first.failed > 0 ? 2 : 0;
  },
};
