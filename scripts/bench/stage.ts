/**
 * One measured stage of the benchmark, run in its own process so that its peak RSS is its own:
 *
 *   node dist/scripts/bench/stage.js STORE DIR [--ingest-only] [--add FILE]
 *
 * Adds every article under DIR to a new store (the CLI's ingest path, worker threads included),
 * with `--add FILE` then adds that one article (timed alone), checks the store as `claimtrace
 * check` does (the add's re-check: `add_one_s` is the two together) and renders the Markdown
 * report. Prints a JSON line of figures on stdout as each phase ends (so a stage stopped at its
 * time limit still reports the phases it finished); the CLI's progress lines go to stderr.
 */
import { analyseStore, rememberCheck } from '../../src/cli/analyse.js';
import { ingestPaths } from '../../src/cli/ingest.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { openStore } from '../../src/store/store.js';

/** Figures of a stage; a phase the stage did not reach (time limit) stays absent. */
export interface StageFigures {
  ingest_s?: number;
  added?: number;
  check_s?: number;
  articles?: number;
  claims?: number;
  findings?: number;
  report_s?: number;
  remember_s?: number;
  add_one_ingest_s?: number;
  add_one_s?: number;
  /** Peak RSS of the process so far, MB. */
  peak_rss_mb: number;
}

const seconds = (from: number): number => (performance.now() - from) / 1000;

/** Print the figures of a phase as soon as it ends (a stage stopped later still reports them). */
function report(figures: Omit<StageFigures, 'peak_rss_mb'>): void {
  process.stdout.write(JSON.stringify({ ...figures, peak_rss_mb: process.resourceUsage().maxRSS / 1024 }) + '\n');
}

async function main(): Promise<void> {
  const [file, dir, ...rest] = process.argv.slice(2);
  if (!file || !dir) throw new Error('usage: stage.js STORE DIR [--ingest-only] [--add FILE]');
  const addOne = rest.includes('--add') ? rest[rest.indexOf('--add') + 1] : undefined;
  const store = openStore(file);

  let t = performance.now();
  const summary = await ingestPaths(store, [dir]);
  if (summary.failed > 0) throw new Error(`${summary.failed} generated articles could not be added`);
  report({ ingest_s: seconds(t), added: summary.results.length, claims: summary.results.reduce((n, r) => n + r.claims, 0) });
  if (rest.includes('--ingest-only')) return;

  // Adding one article to the full store is timed first, so that it is measured even when the
  // check that follows runs past the stage's time limit.
  let addOneIngest: number | undefined;
  if (addOne) {
    t = performance.now();
    await ingestPaths(store, [addOne]);
    addOneIngest = seconds(t);
    report({ add_one_ingest_s: addOneIngest });
  }

  t = performance.now();
  const analysis = await analyseStore(store);
  const { articles, claims, findings } = analysis.report;
  const check_s = seconds(t);
  report({ check_s, articles: articles.length, claims: claims.length, findings: findings.length });
  t = performance.now();
  renderMarkdown(analysis.report, analysis.records);
  const report_s = seconds(t);
  t = performance.now();
  await rememberCheck(store, analysis.report);
  report({ report_s, remember_s: seconds(t) });

  if (addOne) {
    // The check just run is the "re-check" of the store holding the one article added above.
    report({ add_one_s: (addOneIngest ?? 0) + check_s });
  }
}

await main();
