/**
 * `npm run eval -- --data ../shared/eval [--only NAME,...] [--json FILE]`
 *
 * Runs every evaluation suite whose data is present under the data folder and prints its figures.
 * Suites whose data is absent are skipped with a note. The data is read in place, never copied.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { EvalResult, Suite } from './eval/types.js';

const suites: Record<string, () => Promise<{ evaluate: Suite }>> = {
  readability: () => import('./eval/readability.js'),
  articlebody: () => import('./eval/articlebody.js'),
  newsquant: () => import('./eval/newsquant.js'),
  recognizers: () => import('./eval/recognizers.js'),
  timeml: () => import('./eval/timeml.js'),
  newsstore: () => import('./eval/newsstore.js'),
};

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const dataDir = resolve(opt('data') ?? '../shared/eval');
const only = opt('only')?.split(',');
const jsonOut = opt('json');

if (!existsSync(dataDir)) {
  console.error(`eval: no evaluation data at ${dataDir} (pass --data DIR); nothing to do`);
  process.exit(0);
}

const results: EvalResult[] = [];
for (const [name, load] of Object.entries(suites)) {
  if (only && !only.includes(name)) continue;
  let mod: { evaluate: Suite };
  try {
    mod = await load();
  } catch (error) {
    console.log(`\n## ${name}: not available (${(error as Error).message.split('\n')[0]})`);
    continue;
  }
  const started = performance.now();
  const result = await mod.evaluate(dataDir);
  if (!result) {
    console.log(`\n## ${name}: skipped (data absent under ${dataDir})`);
    continue;
  }
  results.push(result);
  console.log(`\n## ${result.name} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  for (const line of result.lines) console.log(line);
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 2) + '\n');
