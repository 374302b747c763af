/**
 * The fault suite's figures (kills tried / stores recovered, writers / records lost, hostile inputs
 * tried / crashes). Each test file records its own; under `npm run test:faults` they are collected
 * in a file and printed together at the end (see `vitest.faults.config.ts`), under `npm test` each
 * is printed as one line.
 */
import { appendFileSync, readFileSync } from 'node:fs';

/** The long run (`npm run test:faults`, or CLAIMTRACE_FAULTS=long) tries many more times. */
export const LONG = process.env.CLAIMTRACE_FAULTS === 'long';

/** `short` under `npm test`, `long` under the long run. */
export const scale = (short: number, long: number): number => (LONG ? long : short);

/** The file the figures go to during a long run (set by the fault config's global setup). */
export const FIGURES_ENV = 'CLAIMTRACE_FAULT_FIGURES';

export type Figures = Record<string, number | string>;

/** Record one section's figures ("kills tried: 40, stores recovered: 40"). */
export function recordFigures(section: string, figures: Figures): void {
  const file = process.env[FIGURES_ENV];
  if (file) appendFileSync(file, `${JSON.stringify({ section, figures })}\n`);
  else console.log(formatFigures(section, figures));
}

/** One section as a line: "crash safety (add): kills tried 40, stores recovered 40". */
export const formatFigures = (section: string, figures: Figures): string =>
  `${section}: ${Object.entries(figures)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}`;

/** Every section recorded in `file`, one line each, in the order recorded. */
export function readFigures(file: string): string[] {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { section: string; figures: Figures })
    .map((r) => formatFigures(r.section, r.figures));
}
