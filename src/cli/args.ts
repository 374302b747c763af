/**
 * Command-line parsing shared by the commands: `node:util` parseArgs (strict), with its errors turned
 * into one-line usage errors (exit 2), and the options several commands share.
 */
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';

/** A wrong command line: one line on stderr, a hint to `--help`, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export type Options = NonNullable<ParseArgsConfig['options']>;

/** One CLI command: its help text, its options and what it does. `run` returns the exit status. */
export interface Command {
  name: string;
  /** One line for the tool's help. */
  summary: string;
  /** The full `--help` text of the command. */
  help: string;
  options: Options;
  /** Whether the command takes positional arguments. */
  positionals: boolean;
  run(values: Values, positionals: string[]): Promise<number>;
}

export type Values = Record<string, string | boolean | string[] | undefined>;

/** Options every store command takes. */
export const dbOption: Options = { db: { type: 'string' } };

/** Parse a command's arguments; unknown flags and missing values become a UsageError. */
export function parseCommandArgs(command: Command, argv: string[]): { values: Values; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: command.positionals,
      strict: true,
    });
    return { values: values as Values, positionals };
  } catch (error) {
    throw new UsageError(simplify((error as Error).message));
  }
}

/** parseArgs messages carry advice for programmers ("To specify a positional argument ..."): keep the first sentence. */
function simplify(message: string): string {
  return message.split(/\.\s+(?=[A-Z])/)[0].replace(/\.$/, '');
}

/** A string option, or undefined. */
export const str = (values: Values, name: string): string | undefined => {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
};

/** A --format value among `allowed`, or a UsageError. */
export function formatOption<T extends string>(values: Values, allowed: readonly T[], fallback: T): T {
  const v = str(values, 'format');
  if (v === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`--format must be ${allowed.join(' or ')}, not '${v}'`);
  return v as T;
}

/** A YYYY-MM-DD date option that is a real day, or a UsageError. */
export function dateOption(values: Values, name: string): string | undefined {
  const v = str(values, name);
  if (v === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const day = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
  if (!m || !day || day.getUTCMonth() !== +m[2] - 1 || day.getUTCDate() !== +m[3]) {
    throw new UsageError(`--${name} must be a date YYYY-MM-DD, not '${v}'`);
  }
  return v;
}

/** A positive whole number of bytes ("5000000", "20MB", "512k"), or a UsageError. */
export function bytesOption(values: Values, name: string): number | undefined {
  const v = str(values, name);
  if (v === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)\s*(k|kb|m|mb|g|gb)?$/i.exec(v.trim());
  const scale: Record<string, number> = { k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };
  const n = m ? Math.floor(Number(m[1]) * (m[2] ? scale[m[2].toLowerCase()] : 1)) : NaN;
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} must be a number of bytes (like 5000000 or 20MB), not '${v}'`);
  return n;
}
