/**
 * One measured stage of the benchmark, run in its own process so that its peak RSS is its own:
 *
 *   node dist/scripts/bench/stage.js STORE DIR [--ingest-only] [--add FILE]
 *
 * Adds every article under DIR to a new store (the CLI's ingest path, worker threads included),
 * checks the store as `claimtrace check` does (a full check: no check cache yet), writes the
 * Markdown report and its charts beside the store as `check --out` does; with `--add FILE` then adds that one article and re-checks as `claimtrace add`
 * does (only what it touches, through the check cache): `add_one_s` is the two
 * together, `add_one_ingest_s` the add alone. Prints a JSON line of figures on stdout as each phase ends (so a stage stopped at its
 * time limit still reports the phases it finished); the CLI's progress lines go to stderr.
 */
import { dirname, join } from 'node:path';
import { analyseStore, rememberCheck } from '../../src/cli/analyse.js';
import { ingestPaths } from '../../src/cli/ingest.js';
import { markdownReport } from '../../src/report/write.js';
import { openStore } from '../../src/store/store.js';
import { recheckStore } from '../../src/workflow/incremental.js';

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
  /** Articles the rules read in the re-check after the add, of how many, and articles whose shards it read. */
  add_one_checked?: number;
  add_one_articles?: number;
  add_one_loaded?: number;
  /** Peak RSS of the process so far, MB. */
  peak_rss_mb: number;
}

const seconds = (from: number): number => (performance.now() - from) / 1000;

/** Print the figures of a phase as soon as it ends (a stage stopped later still reports them). */
function report(figures: Omit<StageFigures, 'peak_rss_mb'>): void {
  process.stdout.write(JSON.stringify({ ...figures, peak_rss_mb: process.resourceUsage().maxRSS / 1024 }) + '\n');
}

/** The full check, the report and remembering the check; nothing of it stays reachable after. */
async function checkOnce(store: ReturnType<typeof openStore>): Promise<void> {
  let t = performance.now();
  const analysis = await analyseStore(store);
  const { articles, claims, findings } = analysis.report;
  const check_s = seconds(t);
  report({ check_s, articles: articles.length, claims: claims.length, findings: findings.length });
  // The report as `check --out` saves it: the Markdown and the chart of every disputed series.
  t = performance.now();
  await markdownReport(analysis.report, analysis.records, { out: join(dirname(store.file), 'report.md') });
  const report_s = seconds(t);
  t = performance.now();
  await rememberCheck(store, analysis.report);
  report({ report_s, remember_s: seconds(t) });
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

  await checkOnce(store);
  if (addOne) {
    t = performance.now();
    await ingestPaths(store, [addOne]);
    const addOneIngest = seconds(t);
    const recheck = await recheckStore(store);
    report({ add_one_ingest_s: addOneIngest, add_one_s: seconds(t), add_one_checked: recheck.stats.checked, add_one_articles: recheck.stats.articles, add_one_loaded: recheck.stats.loaded });
  }
}

await main();
