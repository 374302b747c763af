/**
 * Page metadata on Mozilla Readability's test pages: `<data>/readability/NAME/source.html` against
 * `expected-metadata.json` (`{title, byline, excerpt, siteName, publishedTime, lang, readerable}`).
 *
 * How we count (printed with the figures):
 * - title: exact match after trimming and collapsing white space;
 * - published: our day equals the calendar day written in the gold `publishedTime` (as written, no
 *   time-zone shift), over the pages whose gold has one;
 * - byline: trimmed and collapsed, compared case-insensitively; ours also matches when it equals the
 *   gold with a leading "By " removed; over the pages whose gold has one (some gold bylines are
 *   Readability's own noise, such as "Follow Author" or a date: those count as misses);
 * - siteName: our outlet, compared like the byline, over the pages whose gold has one.
 * Figures are given on all pages, without the synthetic `fixture` pages, and on the news subset
 * (pages that `index.json` picked for their news outlet, reason `name:…`).
 *
 * `READABILITY_VERBOSE=1` prints every miss.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseDateText } from '../../src/ingest/date.js';
import { readHtml } from '../../src/ingest/html.js';
import type { EvalResult } from './types.js';

interface Expected {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
}

interface IndexPage {
  name: string;
  reasons: string[];
  fixture: boolean;
}

type Field = 'title' | 'published' | 'byline' | 'siteName';
const FIELDS: Field[] = ['title', 'published', 'byline', 'siteName'];

const norm = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();
const sameText = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The calendar day written in a gold time ("2015-07-24T05:36:09+01:00" → 2015-07-24). */
export function goldDay(time: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(time.trim());
  return m ? `${m[1]}-${m[2]}-${m[3]}` : parseDateText(time);
}

/** Whether our byline matches the gold one (case-insensitive; the gold's leading "By " optional). */
export function bylineMatches(ours: string | null, gold: string): boolean {
  if (!ours) return false;
  const g = norm(gold);
  const o = norm(ours);
  return sameText(o, g) || sameText(o, g.replace(/^by\s+/i, ''));
}

interface Tally {
  hit: number;
  total: number;
}

export async function evaluate(dataDir: string): Promise<EvalResult | null> {
  const dir = join(dataDir, 'readability');
  if (!existsSync(dir)) return null;
  const indexPath = join(dir, 'index.json');
  const index: IndexPage[] = existsSync(indexPath) ? (JSON.parse(readFileSync(indexPath, 'utf8')) as { pages: IndexPage[] }).pages : [];
  const byName = new Map(index.map((p) => [p.name, p]));
  const names = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'source.html'))).map((d) => d.name).sort();
  const subsets = { all: (_: IndexPage | undefined) => true, real: (p: IndexPage | undefined) => !p?.fixture, news: (p: IndexPage | undefined) => !!p && !p.fixture && p.reasons.some((r) => r.startsWith('name:')) };
  const tallies: Record<string, Record<Field, Tally>> = {};
  for (const s of Object.keys(subsets)) tallies[s] = { title: { hit: 0, total: 0 }, published: { hit: 0, total: 0 }, byline: { hit: 0, total: 0 }, siteName: { hit: 0, total: 0 } };
  const pageCount: Record<string, number> = { all: 0, real: 0, news: 0 };
  const misses: string[] = [];
  const verbose = process.env.READABILITY_VERBOSE === '1';
  let bytes = 0;
  let millis = 0;
  for (const name of names) {
    const expectedPath = join(dir, name, 'expected-metadata.json');
    if (!existsSync(expectedPath)) continue;
    const gold = JSON.parse(readFileSync(expectedPath, 'utf8')) as Expected;
    const html = readFileSync(join(dir, name, 'source.html'), 'utf8');
    const started = performance.now();
    const { meta } = readHtml(join(dir, name, 'source.html'), html);
    millis += performance.now() - started;
    bytes += Buffer.byteLength(html);
    const outcome: Partial<Record<Field, { hit: boolean; ours: string; gold: string }>> = {};
    if (norm(gold.title) !== '') outcome.title = { hit: norm(meta.title?.value) === norm(gold.title), ours: norm(meta.title?.value), gold: norm(gold.title) };
    const day = gold.publishedTime ? goldDay(gold.publishedTime) : null;
    if (day) outcome.published = { hit: meta.published?.value === day, ours: meta.published?.value ?? '', gold: day };
    if (norm(gold.byline) !== '') outcome.byline = { hit: bylineMatches(meta.author?.value ?? null, gold.byline!), ours: norm(meta.author?.value), gold: norm(gold.byline) };
    if (norm(gold.siteName) !== '') outcome.siteName = { hit: sameText(norm(meta.outlet?.value), norm(gold.siteName)), ours: norm(meta.outlet?.value), gold: norm(gold.siteName) };
    const page = byName.get(name);
    for (const [subset, test] of Object.entries(subsets)) {
      if (!test(page)) continue;
      pageCount[subset]++;
      for (const field of FIELDS) {
        const o = outcome[field];
        if (!o) continue;
        tallies[subset][field].total++;
        if (o.hit) tallies[subset][field].hit++;
      }
    }
    for (const field of FIELDS) {
      const o = outcome[field];
      if (o && !o.hit) misses.push(`  ${field.padEnd(9)} ${name}: ours "${o.ours.slice(0, 90)}" | gold "${o.gold.slice(0, 90)}"`);
    }
  }
  if (names.length === 0) return null;
  const pct = (t: Tally): string => (t.total ? `${((100 * t.hit) / t.total).toFixed(1)}% (${t.hit}/${t.total})` : 'n/a');
  const lines = [
    'title exact after collapsing white space; published = gold day; byline case-insensitive, gold "By " optional; targets: title ≥ 90%, published ≥ 85%, byline ≥ 75%',
  ];
  for (const subset of Object.keys(subsets)) {
    const t = tallies[subset];
    lines.push(`${subset.padEnd(4)} (${pageCount[subset]} pages): title ${pct(t.title)}  published ${pct(t.published)}  byline ${pct(t.byline)}  siteName ${pct(t.siteName)}`);
  }
  lines.push(`readHtml speed: ${(bytes / 1e6 / (millis / 1000)).toFixed(1)} MB/s over ${(bytes / 1e6).toFixed(1)} MB`);
  lines.push(verbose ? 'misses:' : `misses (first 25 of ${misses.length}; READABILITY_VERBOSE=1 for all):`, ...(verbose ? misses : misses.slice(0, 25)));
  const metrics: Record<string, number> = {};
  for (const subset of Object.keys(subsets)) for (const field of FIELDS) metrics[`${subset}.${field}`] = tallies[subset][field].total ? tallies[subset][field].hit / tallies[subset][field].total : 0;
  return { name: 'readability', lines, metrics };
}
