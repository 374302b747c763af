/**
 * Global setup of `vitest.faults.config.ts`: gives the test files a file to record their figures
 * in, and prints them all together when the run ends.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIGURES_ENV, readFigures } from './figures.js';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'ct-figures-'));
  const file = join(dir, 'figures.jsonl');
  process.env[FIGURES_ENV] = file;
  return () => {
    const lines = readFigures(file);
    process.stdout.write(`\nclaimtrace fault suite figures:\n${lines.map((l) => `  ${l}`).join('\n')}\n`);
    rmSync(dir, { recursive: true, force: true });
  };
}
