/**
 * False alarms among unrelated real news: the TimeBank documents of `<data>/timeml/dev/*.json`
 * (a week of 1989 Wall Street Journal earnings reports, 1998 wire and broadcast stories), each
 * written to a temporary folder as an article dated its document creation time, read into a fresh
 * store and checked together as `claimtrace check` does. These are many stories, mostly of
 * different companies, told on the same days: every error or warning is printed for a reader to
 * judge. The data is read in place; the temporary folder is removed.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestPaths } from '../../src/cli/ingest.js';
import { checkStore } from '../../src/workflow/current.js';
import { openStore } from '../../src/store/store.js';
import type { EvalResult } from './types.js';

/** Outlets by the prefix of a TimeBank document name. */
const OUTLETS: Record<string, string> = {
  ABC: 'ABC News',
  APW: 'Associated Press',
  AP: 'Associated Press',
  CNN: 'CNN',
  NYT: 'The New York Times',
  PRI: 'Public Radio International',
  VOA: 'Voice of America',
  WSJ: 'Wall Street Journal',
  wsj: 'Wall Street Journal',
  ea: 'Wall Street Journal',
  ed: 'Wall Street Journal',
};

export async function evaluate(dataDir: string): Promise<EvalResult | null> {
  const dir = join(dataDir, 'timeml', 'dev');
  if (!existsSync(dir)) return null;
  const tmp = mkdtempSync(join(tmpdir(), 'claimtrace-newsstore-'));
  try {
    const articles = join(tmp, 'articles');
    mkdirSync(articles);
    let docs = 0;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
      const d = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { doc: string; dct: string; text: string };
      const outlet = OUTLETS[/^[A-Za-z]+/.exec(d.doc)?.[0] ?? ''] ?? 'Wire';
      writeFileSync(join(articles, `${d.doc}.txt`), `Published: ${d.dct}\nBy ${outlet} staff\n\n${d.text.trim()}\n`);
      docs++;
    }
    const store = openStore(join(tmp, 'store', 'claimtrace.json'));
    // The add prints a line per article on stderr: 183 lines that say nothing here.
    const quiet = process.stderr.write.bind(process.stderr);
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      await ingestPaths(store, [articles]);
    } finally {
      process.stderr.write = quiet;
    }
    const { report } = await checkStore(store);
    const alarms = report.findings.filter((f) => f.severity !== 'info');
    const byRule = new Map<string, number>();
    for (const f of alarms) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
    return {
      name: 'newsstore',
      lines: [
        `${docs} TimeBank documents in one store: ${report.claims.length} claims, ${report.findings.length} findings, ${alarms.length} errors or warnings (${[...byRule].map(([r, n]) => `${r} ${n}`).join(', ') || 'none'})`,
        'each error or warning, for a reader to judge (these documents are mostly about different companies and events):',
        ...alarms.map((f) => `  ${f.severity} ${f.rule}: ${f.message}`),
      ],
      metrics: { documents: docs, claims: report.claims.length, findings: report.findings.length, alarms: alarms.length },
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
