/**
 * `claimtrace COMMAND [OPTIONS]`: the command-line entry point (`bin/claimtrace.js` calls `main`).
 * One module per command under `commands/`; parsing is `node:util` parseArgs. Exit status: 0 done,
 * 1 a finding reached `--fail-on`, 2 a wrong command line or an input/store that could not be read,
 * 3 an internal error.
 */
import { InputError } from '../ingest/types.js';
import { StoreError } from '../store/adapter.js';
import { UsageError, parseCommandArgs } from './args.js';
import type { Command } from './args.js';
import { fail, say } from './io.js';
import { add } from './commands/add.js';
import { articles } from './commands/articles.js';
import { check } from './commands/check.js';
import { doctor } from './commands/doctor.js';
import { exportCommand } from './commands/export.js';
import { extract } from './commands/extract.js';
import { read } from './commands/read.js';
import { report } from './commands/report.js';
import { provenance } from './commands/provenance.js';
import { review } from './commands/review.js';
import { serve } from './commands/serve.js';
import { watch } from './commands/watch.js';

const COMMANDS: Command[] = [add, check, read, extract, articles, report, doctor, review, watch, provenance, serve, exportCommand];

/** The tool's `--help`. */
export function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'claimtrace: fact-checking and source provenance for news editors.',
    'Reads articles, extracts their claims, compares them across outlets and reports discrepancies.',
    '',
    'Usage: claimtrace COMMAND [OPTIONS]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'claimtrace COMMAND --help' for a command's options.",
    'Exit status: 0 done; 1 a finding reached --fail-on; 2 bad command line or unreadable input; 3 internal error.',
  ].join('\n');
}

const hint = (command?: Command): string => `Run 'claimtrace ${command ? `${command.name} ` : ''}--help' for usage.`;

/** Run the CLI with `argv` (without node and the script); resolves to the exit status. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    say(usage());
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${usage()}\n`);
    return 0;
  }
  if (name === '--version' || name === '-V') {
    process.stdout.write('claimtrace 0.1.0\n');
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    say(`claimtrace: unknown command '${name}' (expected one of ${COMMANDS.map((c) => c.name).join(', ')}). ${hint()}`);
    return 2;
  }
  try {
    const { values, positionals } = parseCommandArgs(command, rest);
    if (values.help) {
      process.stdout.write(`${command.help}\n`);
      return 0;
    }
    return await command.run(values, positionals);
  } catch (error) {
    if (error instanceof UsageError) {
      say(`claimtrace ${command.name}: ${error.message}. ${hint(command)}`);
      return 2;
    }
    if (error instanceof StoreError || error instanceof InputError) {
      fail(error.file, error.reason);
      return 2;
    }
    say(`claimtrace: internal error: ${(error as Error).stack ?? String(error)}`);
    return 3;
  }
}
