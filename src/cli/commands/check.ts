/** `claimtrace check [PATH…]`: add the paths, check the whole store, print the report (CONTRACT.md). */
import { reportProvenance } from '../../link/summary.js';
import { indexSnapshots } from '../../link/snapshots.js';
import { markdownReport } from '../../report/write.js';
import { reportJsonChunks } from '../../report/json.js';
import { severitySchema } from '../../store/schema.js';
import type { Report, Severity } from '../../store/schema.js';
import { DEFAULT_MAX_BYTES } from '../../ingest/decode.js';
import { DEFAULT_STORE, openStore } from '../../store/store.js';
import type { Store } from '../../store/store.js';
import { analyseStore, rememberCheck } from '../analyse.js';
import { UsageError, bytesOption, dbOption, formatOption, str } from '../args.js';
import type { Command, Values } from '../args.js';
import { ingestPaths } from '../ingest.js';
import { emit, say } from '../io.js';
import type { Changes } from '../../workflow/changes.js';
import { changeLines } from '../../workflow/summary.js';
import { PROGRESS_FROM } from '../../workflow/incremental.js';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** True when a finding not dismissed by an editor is at least as severe as `level`. */
export function reaches(report: Report, level: Severity): boolean {
  return report.findings.some((f) => f.review.status !== 'dismissed' && RANK[f.severity] <= RANK[level]);
}

/** The report format: --format, else from --out's extension, else `fallback`. */
export function reportFormat(values: Values, fallback: 'md' | 'json'): 'md' | 'json' {
  const out = str(values, 'out');
  const byExtension = out?.endsWith('.json') ? 'json' : out && /\.(md|markdown)$/.test(out) ? 'md' : fallback;
  return formatOption(values, ['md', 'json'] as const, byExtension);
}

/** The --fail-on severity, or a UsageError. */
export function failOnOption(values: Values): Severity | undefined {
  const v = str(values, 'fail-on');
  if (v === undefined) return undefined;
  const parsed = severitySchema.safeParse(v);
  if (!parsed.success) throw new UsageError(`--fail-on must be error, warning or info, not '${v}'`);
  return parsed.data;
}

export interface ReportOptions {
  format: 'md' | 'json';
  /** Write here instead of stdout. */
  out?: string;
  failOn?: Severity;
}

/**
 * Check the store and write the report. `status` is 1 when a finding reaches --fail-on, else 0;
 * `failed` counts shards that could not be read; `changes` is what changed since the last check
 * (also said on stderr).
 */
export async function checkAndReport(store: Store, { format, out, failOn }: ReportOptions): Promise<{ status: number; failed: number; changes: Changes }> {
  const analysis = await analyseStore(store);
  const { report } = analysis;
  // The JSON report carries, beyond the contract, what `claimtrace provenance` says of the store.
  const provenance = format === 'json' ? reportProvenance(report, { snapshots: indexSnapshots() }) : null;
  for (const e of provenance?.snapshotErrors ?? []) say(`claimtrace: ${e}`);
  if (report.articles.length >= PROGRESS_FROM) say(`claimtrace: writing the ${format === 'json' ? 'JSON' : 'Markdown'} report (${report.findings.length.toLocaleString('en-US')} findings)`);
  await emit(format === 'json' ? reportJsonChunks({ ...report, findings: [...report.findings, ...analysis.resolved], provenance }) : await markdownReport(report, analysis.records, { out, changes: analysis.changes }), out);
  const bySeverity = (s: Severity): number => report.findings.filter((f) => f.severity === s).length;
  say(
    `claimtrace: checked ${report.articles.length} articles, ${report.claims.length} claims: ` +
      `${bySeverity('error')} errors, ${bySeverity('warning')} warnings, ${bySeverity('info')} notes` +
      (out ? `; report written to ${out}` : ''),
  );
  const changes = (await rememberCheck(store, report)) ?? analysis.changes;
  for (const line of changeLines(changes)) say(line);
  const status = failOn !== undefined && reaches(report, failOn) ? 1 : 0;
  return { status, failed: analysis.failed, changes };
}

export const check: Command = {
  name: 'check',
  summary: 'add paths (if any), check every claim in the store and print the report',
  positionals: true,
  options: { ...dbOption, format: { type: 'string' }, out: { type: 'string' }, 'fail-on': { type: 'string' }, 'max-bytes': { type: 'string' } },
  help: `Usage: claimtrace check [PATH...] [--db FILE] [--format md|json] [--out FILE] [--fail-on SEVERITY] [--max-bytes N]

Adds the article files or folders given (as \`add\` does), then checks every claim the store holds:
groups the same claim across articles and reports disagreements.

Options:
  --db FILE            the store (default ${DEFAULT_STORE}); a new file starts an empty store
  --format md|json     the report as Markdown (default) or as the contract JSON (CONTRACT.md);
                       the default follows --out's extension (.md, .json)
  --out FILE           write the report to FILE instead of standard output
  --fail-on SEVERITY   exit 1 when a finding (not dismissed) reaches error, warning or info
  --max-bytes N        reject article files larger than N bytes (default ${DEFAULT_MAX_BYTES / 2 ** 20}MB)

Only the report goes to standard output; progress and warnings go to stderr.
Exit status: 0 the check ran (whatever it found); 1 a finding reached --fail-on; 2 the command line
was wrong or some input could not be read (the readable inputs are still checked and reported).

Examples:
  claimtrace check sources/articles --db /tmp/store.json --format json
  claimtrace check --out reports/report.md --fail-on error`,

  async run(values, positionals) {
    const out = str(values, 'out');
    const format = reportFormat(values, 'md');
    const maxBytes = bytesOption(values, 'max-bytes');
    const failOn = failOnOption(values);
    const store = openStore(str(values, 'db') ?? DEFAULT_STORE);
    const added = positionals.length > 0 ? await ingestPaths(store, positionals, { maxBytes }) : { failed: 0 };
    const { status, failed } = await checkAndReport(store, { format, out, failOn });
    return added.failed + failed > 0 ? 2 : status;
  },
};
