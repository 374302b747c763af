/** `claimtrace report`: check what the store holds and write the report file. */
import { DEFAULT_STORE, openStore } from '../../store/store.js';
import { dbOption, str } from '../args.js';
import type { Command } from '../args.js';
import { checkAndReport, failOnOption, reportFormat } from './check.js';

export const report: Command = {
  name: 'report',
  summary: 'check what the store holds and write the report (reports/report.md)',
  positionals: false,
  options: { ...dbOption, format: { type: 'string' }, out: { type: 'string' }, 'fail-on': { type: 'string' } },
  help: `Usage: claimtrace report [--db FILE] [--out FILE] [--format md|json] [--fail-on SEVERITY]

Checks every claim the store holds (adds nothing) and writes the report.

Options:
  --db FILE            the store (default ${DEFAULT_STORE})
  --out FILE           where to write (default reports/report.md, or reports/report.json with
                       --format json); '-' prints to standard output
  --format md|json     Markdown (default) or the contract JSON
  --fail-on SEVERITY   exit 1 when a finding (not dismissed) reaches error, warning or info

Example:
  claimtrace add sources/articles && claimtrace report`,

  async run(values) {
    const format = reportFormat(values, 'md');
    const given = str(values, 'out');
    const out = given === '-' ? undefined : (given ?? (format === 'json' ? 'reports/report.json' : 'reports/report.md'));
    const store = openStore(str(values, 'db') ?? DEFAULT_STORE);
    const { status, failed } = await checkAndReport(store, { format, out, failOn: failOnOption(values) });
    return failed > 0 ? 2 : status;
  },
};
