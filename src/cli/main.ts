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

/**
 * The commands, in the order `--help` lists them, each loaded only when run: a command's module
 * brings its own dependencies (the HTML reader, the check, the report), and `claimtrace add` of one
 * article should not wait for the parsing of all of them.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  add: async () => (await import('./commands/add.js')).add,
  check: async () => (await import('./commands/check.js')).check,
  read: async () => (await import('./commands/read.js')).read,
  extract: async () => (await import('./commands/extract.js')).extract,
  articles: async () => (await import('./commands/articles.js')).articles,
  report: async () => (await import('./commands/report.js')).report,
  doctor: async () => (await import('./commands/doctor.js')).doctor,
  review: async () => (await import('./commands/review.js')).review,
  watch: async () => (await import('./commands/watch.js')).watch,
  provenance: async () => (await import('./commands/provenance.js')).provenance,
  serve: async () => (await import('./commands/serve.js')).serve,
  export: async () => (await import('./commands/export.js')).exportCommand,
};
const NAMES = Object.keys(COMMANDS);

/** The tool's `--help` (loads every command, for its summary). */
export async function usage(): Promise<string> {
  const commands = await Promise.all(NAMES.map((name) => COMMANDS[name]()));
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'claimtrace: fact-checking and source provenance for news editors.',
    'Reads articles, extracts their claims, compares them across outlets and reports discrepancies.',
    '',
    'Usage: claimtrace COMMAND [OPTIONS]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
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
    say(await usage());
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${await usage()}\n`);
    return 0;
  }
  if (name === '--version' || name === '-V') {
    process.stdout.write('claimtrace 0.1.0\n');
    return 0;
  }
  if (!Object.hasOwn(COMMANDS, name)) {
    say(`claimtrace: unknown command '${name}' (expected one of ${NAMES.join(', ')}). ${hint()}`);
    return 2;
  }
  let command: Command;
  try {
    command = await COMMANDS[name]();
  } catch (error) {
    say(`claimtrace: internal error: could not load the ${name} command (${(error as Error).message})`);
    return 3;
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
