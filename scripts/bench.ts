/**
 * `npm run bench [-- --sizes 100,1000,10000] [--mixed 2000] [--keep]`
 *
 * Speed on generated newsroom archives (`bench/generate.ts`), all in one run: ingest+extract
 * throughput on plain text and on mixed .txt/.md/.html (MB/s of input files, claims/s), the full
 * check, the Markdown report and peak RSS at each size (each size in its own process, through the
 * CLI's own code), adding one article to the largest store and re-checking the parts it touches (in
 * process, and wall time of `claimtrace add FILE` including process start), and the wink-nlp baseline tagging
 * the same text. Prints a table and writes `bench/results.json`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus, type GeneratedArticle } from './bench/generate.js';
import type { StageFigures } from './bench/stage.js';
import { winkBaseline } from './bench/wink.js';
import { workerCount } from '../src/parallel/pool.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const STAGE = fileURLToPath(new URL('./bench/stage.js', import.meta.url));
const BIN = join(ROOT, 'bin', 'claimtrace.js');

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const sizes = (opt('sizes') ?? '100,1000,10000').split(',').map(Number).sort((a, b) => a - b);
const mixedSize = Number(opt('mixed') ?? 2000);
const keep = args.includes('--keep');
const largest = sizes[sizes.length - 1];

/** Time limits in seconds (the whole run stays under about 8 minutes on a 2-core machine). */
const LIMITS: Record<number | 'mixed' | 'cli', number> = { 100: 40, 1000: 100, 10000: 240, mixed: 60, cli: 30 };

const MB = (articles: readonly GeneratedArticle[]): number => articles.reduce((n, a) => n + Buffer.byteLength(a.content), 0) / 1e6;
const round = (x: number, digits = 2): number => Number(x.toFixed(digits));

function writeCorpus(dir: string, articles: readonly GeneratedArticle[]): void {
  mkdirSync(dir, { recursive: true });
  for (const a of articles) writeFileSync(join(dir, a.name), a.content);
}

interface Stage extends Partial<StageFigures> {
  /** Seconds after which the stage was stopped, when it was. */
  stopped?: number;
}

/** Run one stage in its own process for at most `limit` seconds; the figures of the phases it finished. */
function stage(limit: number, store: string, dir: string, ...flags: string[]): Stage {
  const run = spawnSync(process.execPath, [STAGE, store, dir, ...flags], { encoding: 'utf8', maxBuffer: 1 << 30, timeout: limit * 1000, killSignal: 'SIGKILL' });
  const figures: Stage = {};
  for (const line of run.stdout.split('\n')) if (line.startsWith('{')) Object.assign(figures, JSON.parse(line));
  if (run.error && (run.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') return { ...figures, stopped: limit };
  if (run.status !== 0) throw new Error(`bench stage on ${dir} failed (exit ${run.status}):\n${run.stderr.split('\n').slice(-8).join('\n')}`);
  return figures;
}

const say = (s: string): void => void process.stderr.write(`bench: ${s}\n`);
/** A figure rounded, or null when its phase was not reached. */
const fig = (x: number | undefined, digits = 2): number | null => (x === undefined || !Number.isFinite(x) ? null : round(x, digits));
const show = (x: number | null, unit = ''): string => (x === null ? '—' : `${x}${unit}`);
const bySize = (f: (n: number) => number | null): Record<number, number | null> => Object.fromEntries(sizes.map((n) => [n, f(n)]));

const started = performance.now();
const load0 = loadavg()[0];
const tmp = mkdtempSync(join(tmpdir(), 'claimtrace-bench-'));
say(`working in ${tmp}; ${availableParallelism()} cores, ${workerCount()} worker threads, load ${load0.toFixed(1)}`);

try {
  // The corpora: plain text at each size, and the same stories in .txt/.md/.html.
  const plain = new Map(sizes.map((n) => [n, generateCorpus(n, { seed: 42 })]));
  const mixed = generateCorpus(mixedSize, { seed: 42, formats: ['txt', 'md', 'html'] });
  const mixedAsText = generateCorpus(mixedSize, { seed: 42 });
  for (const [n, articles] of plain) writeCorpus(join(tmp, `plain-${n}`), articles);
  writeCorpus(join(tmp, `mixed-${mixedSize}`), mixed);
  // Three articles the largest store does not hold, for adding one.
  const extra = generateCorpus(8, { seed: 7 });
  const addDir = join(tmp, 'extra');
  writeCorpus(addDir, extra.slice(0, 3));
  const [addInProcess, addThroughCli, addWithoutCheck] = extra.slice(0, 3).map((a) => join(addDir, a.name));

  say(`wink-nlp on ${round(MB(mixedAsText))} MB (the text of the mixed corpus)`);
  const wink = winkBaseline(mixedAsText.map((a) => a.content));

  const perSize = new Map<number, Stage>();
  for (const n of sizes) {
    const limit = LIMITS[n] ?? 120;
    say(`${n} articles: ingest, check, report${n === largest ? ', add one' : ''} (at most ${limit} s)`);
    const flags = n === largest ? ['--add', addInProcess] : [];
    const f = stage(limit, join(tmp, `store-${n}`, 'claimtrace.json'), join(tmp, `plain-${n}`), ...flags);
    if (f.stopped) say(`${n} articles: stopped after ${f.stopped} s`);
    perSize.set(n, f);
  }
  say(`${mixedSize} mixed articles: ingest`);
  const mix = stage(LIMITS.mixed, join(tmp, 'store-mixed', 'claimtrace.json'), join(tmp, `mixed-${mixedSize}`), '--ingest-only');

  let addOneWall: number | null = null;
  let addOnlyWall: number | null = null;
  const big = perSize.get(largest)!;
  const bigStore = join(tmp, `store-${largest}`, 'claimtrace.json');
  if (big.check_s !== undefined) {
    // `claimtrace add` re-checks only what the new article touches (the check
    // cache the full check left). `check ONE_FILE --format json` would also print the whole
    // report (some 250 MB at 10,000 articles), which is not the re-check's cost.
    say(`${largest} articles: claimtrace add ONE_FILE (wall, process start and re-check included; at most ${LIMITS.cli} s)`);
    const t = performance.now();
    const cli = spawnSync(process.execPath, [BIN, 'add', addThroughCli, '--db', bigStore], { encoding: 'utf8', timeout: LIMITS.cli * 1000, killSignal: 'SIGKILL' });
    if (cli.status === 0) addOneWall = (performance.now() - t) / 1000;
    else say(`claimtrace add ONE_FILE did not finish (${cli.error?.message ?? `exit ${cli.status}`})`);
  }
  if (big.ingest_s !== undefined) {
    say(`${largest} articles: claimtrace add ONE_FILE --skip-check (wall, the store's part alone)`);
    const t = performance.now();
    const cli = spawnSync(process.execPath, [BIN, 'add', addWithoutCheck, '--skip-check', '--db', bigStore], { encoding: 'utf8', timeout: LIMITS.cli * 1000, killSignal: 'SIGKILL' });
    if (cli.status === 0) addOnlyWall = (performance.now() - t) / 1000;
    else say(`claimtrace add ONE_FILE did not finish (${cli.error?.message ?? `exit ${cli.status}`})`);
  }

  const mbOf = (n: number): number => MB(plain.get(n)!);
  const ingestMbS = big.ingest_s ? mbOf(largest) / big.ingest_s : undefined;
  const mixedMbS = mix.ingest_s ? MB(mixed) / mix.ingest_s : undefined;
  const mixedTextMbS = mix.ingest_s ? MB(mixedAsText) / mix.ingest_s : undefined;
  const results = {
    date: new Date().toISOString(),
    machine: { cores: availableParallelism(), workers: workerCount(), node: process.version, load_before: round(load0), load_after: round(loadavg()[0]) },
    sizes,
    mixed_size: mixedSize,
    wink_mb_s: round(wink.mb_s),
    ingest_mb_s: fig(ingestMbS),
    ingest_claims_s: fig(big.ingest_s && big.claims ? big.claims / big.ingest_s : undefined, 0),
    ingest_mixed_mb_s: fig(mixedMbS),
    ingest_mixed_text_mb_s: fig(mixedTextMbS),
    ingest_mb_s_by_size: bySize((n) => fig(perSize.get(n)!.ingest_s ? mbOf(n) / perSize.get(n)!.ingest_s! : undefined)),
    check_s: bySize((n) => fig(perSize.get(n)!.check_s, 3)),
    report_s: bySize((n) => fig(perSize.get(n)!.report_s, 3)),
    remember_s: bySize((n) => fig(perSize.get(n)!.remember_s, 3)),
    claims: bySize((n) => perSize.get(n)!.claims ?? null),
    findings: bySize((n) => perSize.get(n)!.findings ?? null),
    stopped_after_s: bySize((n) => perSize.get(n)!.stopped ?? null),
    add_one_s: fig(big.add_one_s, 3),
    add_one_ingest_s: fig(big.add_one_ingest_s, 3),
    add_one_checked: big.add_one_checked ?? null,
    add_one_articles: big.add_one_articles ?? null,
    add_one_loaded: big.add_one_loaded ?? null,
    add_one_wall_s: fig(addOneWall ?? undefined, 3),
    add_one_skip_check_wall_s: fig(addOnlyWall ?? undefined, 3),
    peak_rss_mb: bySize((n) => fig(perSize.get(n)!.peak_rss_mb, 0)),
    peak_rss_mixed_mb: fig(mix.peak_rss_mb, 0),
    wink,
    total_s: 0,
  };
  results.total_s = round((performance.now() - started) / 1000, 1);

  const check1k = perSize.get(1000)?.check_s;
  const ratio = (a: number | undefined, b: number | undefined): number | undefined => (a !== undefined && b !== undefined ? a / b : undefined);
  const met = (x: number | undefined, ok: (x: number) => boolean): boolean | null => (x === undefined ? null : ok(x));
  const targets: Array<{ what: string; got: string; ok: boolean | null }> = [
    { what: 'ingest plain ≥ 2× wink', got: show(fig(ratio(ingestMbS, wink.mb_s)), '×'), ok: met(ingestMbS, (x) => x >= 2 * wink.mb_s) },
    { what: 'ingest mixed ≥ 1.5× wink', got: `${show(fig(ratio(mixedMbS, wink.mb_s)), '×')} (text: ${show(fig(ratio(mixedTextMbS, wink.mb_s)), '×')})`, ok: met(mixedMbS, (x) => x >= 1.5 * wink.mb_s) },
    { what: `check ${largest} ≤ 12× check 1000`, got: show(fig(ratio(big.check_s, check1k)), '×'), ok: met(ratio(big.check_s, check1k), (x) => x <= 12) },
    { what: 'add one + re-check ≤ 5% of full check', got: show(fig(ratio(big.add_one_s, big.check_s === undefined ? undefined : big.check_s / 100), 1), '%'), ok: met(ratio(big.add_one_s, big.check_s), (x) => x <= 0.05) },
    { what: 'add one wall < 2 s', got: show(fig(addOneWall ?? undefined), ' s'), ok: met(addOneWall ?? undefined, (x) => x < 2) },
    {
      what: `peak RSS at ${largest} ≤ 1.5 GB`,
      got: `${show(fig(big.peak_rss_mb, 0), ' MB')}${big.stopped ? ' (until stopped)' : ''}`,
      ok: big.stopped && (big.peak_rss_mb ?? 0) <= 1536 ? null : met(big.peak_rss_mb, (x) => x <= 1536),
    },
  ];
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify({ ...results, targets }, null, 2) + '\n');

  const rows = sizes.map((n) => {
    const f = perSize.get(n)!;
    const rate = (x: number | undefined, digits: number): number | null => fig(f.ingest_s && x !== undefined ? x / f.ingest_s : undefined, digits);
    const stopped = f.stopped ? ` (stopped at ${f.stopped} s)` : '';
    return `| ${n} | ${round(mbOf(n))} | ${show(fig(f.ingest_s))} | ${show(rate(mbOf(n), 2))} | ${show(rate(f.claims, 0))} | ${show(fig(f.check_s))}${stopped} | ${show(fig(f.report_s))} | ${show(fig(f.peak_rss_mb, 0))} |`;
  });
  console.log(
    [
      `claimtrace bench: ${availableParallelism()} cores, ${workerCount()} worker threads, node ${process.version}, load ${round(load0, 1)} → ${round(loadavg()[0], 1)}`,
      '',
      '| articles | MB | ingest s | ingest MB/s | claims/s | check s | report s | peak RSS MB |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...rows,
      '',
      `wink-nlp baseline (one thread, the same text): ${round(wink.mb_s)} MB/s`,
      `ingest plain text (${largest} articles): ${show(results.ingest_mb_s)} MB/s; mixed .txt/.md/.html (${mixedSize}): ${show(results.ingest_mixed_mb_s)} MB/s of files, ${show(results.ingest_mixed_text_mb_s)} MB/s of text`,
      `add one article to ${largest} and re-check: ${show(results.add_one_s, ' s')} in process (the add alone ${show(results.add_one_ingest_s, ' s')}; the rules read ${show(results.add_one_checked)} of ${show(results.add_one_articles)} articles, ${show(results.add_one_loaded)} read from their shards); ${show(results.add_one_wall_s, ' s')} wall through \`claimtrace add\` (\`add --skip-check\` alone: ${show(results.add_one_skip_check_wall_s, ' s')})`,
      '',
      '| target | measured | met |',
      '|---|---|---|',
      ...targets.map((t) => `| ${t.what} | ${t.got} | ${t.ok === null ? 'not measured' : t.ok ? 'yes' : 'NO'} |`),
      '',
      `total ${results.total_s} s; figures in bench/results.json`,
    ].join('\n'),
  );
} finally {
  if (keep) say(`kept ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
}
