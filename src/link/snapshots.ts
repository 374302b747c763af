/**
 * Saved copies of cited pages (`sources/snapshots/`), so an editor can see whether a cited source
 * actually says what the article claims, without reaching the network. A page is matched to a URL by
 * a sidecar (`page.yaml` with `url:` and optionally `snapshot:`), by front matter or a
 * `<!-- url: … -->` comment in the page, by its canonical link, or by a file name derived from the
 * URL (`snapshotName`). Each linked claim is then supported (the figure is there), contradicted (the
 * claim's metric words sit next to another figure) or not found, with the page's sentence as quote.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { load } from 'cheerio';
import { parse as parseYaml } from 'yaml';
import type { Claim, Source } from '../store/schema.js';
import { topicWords } from './attach.js';
import { urlKey } from './cited.js';
import { figureAgrees, findFigures, unitsCompatible, type Figure } from './numbers.js';

export const SNAPSHOT_DIR = 'sources/snapshots';
const PAGE_EXT = new Set(['.html', '.htm', '.txt', '.md', '.markdown']);
const SIDECAR_EXT = new Set(['.yaml', '.yml', '.json']);

/** A path from a sidecar or front matter that leaves the project: refused. */
export class SnapshotPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotPathError';
  }
}

/** A saved page and how it was matched to its URL. */
export interface Snapshot {
  /** Absolute path of the page. */
  file: string;
  /** The path as shown to editors (relative to the project). */
  shown: string;
  url: string | null;
  /** "sidecar x.yaml", "front matter", "<!-- url --> comment", "canonical link", or null (file name only). */
  how: string | null;
}

export interface SnapshotIndex {
  snapshots: Snapshot[];
  /** Files that could not be used, each with the reason. */
  errors: string[];
}

/** The file name (without extension) a page saved from `url` may carry: host and path, lower case, hyphens. */
export function snapshotName(url: string): string {
  return urlKey(url)
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 150);
}

/** Resolve `value` (from `file`) against the file's folder, refusing anything outside `root`. */
export function resolveInside(root: string, file: string, value: string): string {
  const rootReal = existsSync(root) ? realpathSync(root) : resolve(root);
  const target = resolve(dirname(file), value);
  const shown = relative(rootReal, file) || file;
  const outside = (p: string) => {
    const rel = relative(rootReal, p);
    return rel.startsWith('..') || isAbsolute(rel);
  };
  if (outside(target) || (existsSync(target) && outside(realpathSync(target)))) {
    throw new SnapshotPathError(`${shown}: snapshot path "${value}" leads outside the project folder (${rootReal}); refused`);
  }
  return target;
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

const FRONT = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;
const URL_COMMENT = /<!--\s*(?:url|source|saved from)\s*:\s*(\S+?)\s*-->/i;

/** Find every saved page under `dir` (default `sources/snapshots` of `root`, the working folder). */
export function indexSnapshots(options: { dir?: string; root?: string } = {}): SnapshotIndex {
  const root = resolve(options.root ?? process.cwd());
  const dir = resolve(root, options.dir ?? SNAPSHOT_DIR);
  const snapshots: Snapshot[] = [];
  const errors: string[] = [];
  const shown = (p: string) => relative(root, p) || p;
  const claimed = new Set<string>();
  const files = walk(dir);
  for (const file of files.filter((f) => SIDECAR_EXT.has(extname(f).toLowerCase()))) {
    try {
      const data = (extname(file) === '.json' ? JSON.parse(readFileSync(file, 'utf8')) : parseYaml(readFileSync(file, 'utf8'))) as Record<string, unknown> | null;
      if (!data || typeof data.url !== 'string') throw new Error('no "url:" in it');
      let page: string | null = null;
      if (typeof data.snapshot === 'string') page = resolveInside(root, file, data.snapshot);
      else {
        const stem = basename(file, extname(file)).replace(/\.meta$/, '');
        page = [...PAGE_EXT].map((e) => join(dirname(file), stem + e)).find((p) => existsSync(p)) ?? null;
      }
      if (!page || !existsSync(page)) throw new Error(`the saved page ${page ? shown(page) : 'beside it'} does not exist`);
      snapshots.push({ file: page, shown: shown(page), url: data.url, how: `sidecar ${shown(file)}` });
      claimed.add(page);
    } catch (error) {
      errors.push(error instanceof SnapshotPathError ? error.message : `${shown(file)}: ${(error as Error).message}`);
    }
  }
  for (const file of files.filter((f) => PAGE_EXT.has(extname(f).toLowerCase()))) {
    if (claimed.has(file)) continue;
    try {
      const head = readFileSync(file, 'utf8').slice(0, 20000);
      const front = FRONT.exec(head);
      if (front) {
        const data = (parseYaml(front[1]) ?? {}) as Record<string, unknown>;
        if (typeof data.snapshot === 'string') {
          const page = resolveInside(root, file, data.snapshot);
          snapshots.push({ file: page, shown: shown(page), url: typeof data.url === 'string' ? data.url : null, how: `front matter of ${shown(file)}` });
          continue;
        }
        if (typeof data.url === 'string') {
          snapshots.push({ file, shown: shown(file), url: data.url, how: 'front matter' });
          continue;
        }
      }
      const comment = URL_COMMENT.exec(head);
      if (comment) {
        snapshots.push({ file, shown: shown(file), url: comment[1], how: '<!-- url --> comment' });
        continue;
      }
      if (/\.html?$/i.test(file)) {
        const $ = load(head);
        const canonical = $('link[rel="canonical"]').attr('href') ?? $('meta[property="og:url"]').attr('content');
        if (canonical) {
          snapshots.push({ file, shown: shown(file), url: canonical, how: 'canonical link' });
          continue;
        }
      }
      snapshots.push({ file, shown: shown(file), url: null, how: null });
    } catch (error) {
      errors.push(error instanceof SnapshotPathError ? error.message : `${shown(file)}: ${(error as Error).message}`);
    }
  }
  return { snapshots, errors };
}

/** The saved page for a URL: declared URL first, then the file name derived from it. */
export function findSnapshot(index: SnapshotIndex, url: string): Snapshot | null {
  const key = urlKey(url);
  const declared = index.snapshots.find((s) => s.url && urlKey(s.url) === key);
  if (declared) return declared;
  const name = snapshotName(url);
  const bare = name.replace(/\.(s?html?|php|aspx?)$/, '');
  return index.snapshots.find((s) => {
    const stem = basename(s.file, extname(s.file)).toLowerCase();
    return stem === name || stem === bare;
  }) ?? null;
}

/** The readable text of a saved page (HTML without scripts and styles, blocks on their own lines). */
export function pageText(file: string): string {
  const raw = readFileSync(file, 'utf8');
  if (!/\.html?$/i.test(file)) return raw.replace(FRONT, '');
  const $ = load(raw);
  $('script, style, noscript, template, svg').remove();
  $('p, div, li, h1, h2, h3, h4, h5, h6, tr, br, section, article, header, footer, blockquote, td, th').after('\n');
  return $('body').length ? $('body').text() : $.root().text();
}

export type Verdict = 'supported' | 'contradicted' | 'not-found';

export interface SnapshotCheck {
  claim: string;
  source: string;
  url: string;
  /** The saved page (as shown), or null when none is saved. */
  snapshot: string | null;
  status: Verdict | 'no-snapshot';
  /** The page's sentence that supports or contradicts the claim. */
  quote: string | null;
  /** The figure found there, as written. */
  found: string | null;
}

/** The sentence of `text` around offset `at`, trimmed to a readable length. */
function sentenceAround(text: string, at: number): string {
  const before = text.slice(0, at);
  const start = Math.max(before.search(/[^.!?。！？\n]*$/u), 0);
  const rest = text.slice(at);
  const stop = rest.search(/[.!?。！？\n](\s|$)|[。！？\n]/u);
  const s = text.slice(start, stop < 0 ? text.length : at + stop + 1).replace(/\s+/g, ' ').trim();
  return s.length > 240 ? s.slice(0, 237) + '...' : s;
}

/** Words that name what the claim measures: its metric and its unit noun. */
function metricWords(claim: Claim): Set<string> {
  const words = topicWords([claim.metric, claim.metricKey?.replace(/-/g, ' ')].filter(Boolean).join(' '));
  const unit = claim.value?.unit;
  if (unit && /^[a-z]{3,}$/.test(unit)) words.add(unit);
  return words;
}

/** Is one of `words` within `reach` characters of the figure? */
function near(text: string, f: Figure, words: Set<string>, reach = 80): boolean {
  if (words.size === 0) return false;
  const window = text.slice(Math.max(0, f.start - reach), f.end + reach);
  for (const w of topicWords(window)) if (words.has(w)) return true;
  return false;
}

/** Does the page text support the claim's figure, contradict it, or not mention it? */
export function checkText(claim: Claim, text: string): { status: Verdict; quote: string | null; found: string | null } {
  const value = claim.value;
  if (!value) return { status: 'not-found', quote: null, found: null };
  const figures = findFigures(text).filter((f) => !f.year);
  const words = metricWords(claim);
  const small = Math.max(Math.abs(value.min), Math.abs(value.max)) < 1000 && value.unit !== '%' && value.unit !== 'x';
  for (const f of figures) {
    if (!figureAgrees(f, value)) continue;
    if (small && !near(text, f, new Set([...words, ...topicWords(claim.quote)]), 60)) continue;
    return { status: 'supported', quote: sentenceAround(text, f.start), found: f.text };
  }
  // Another figure by the claim's metric words contradicts it; of several, the closest in magnitude
  // ("1 trillion" against a page giving 100 billion, 100 trillion and 140 trillion: 100 billion).
  const big = Math.max(Math.abs(value.min), Math.abs(value.max));
  let best: { f: Figure; distance: number } | null = null;
  for (const f of figures) {
    if (!unitsCompatible(f, value.unit) || f.value === 0) continue;
    const distance = Math.abs(Math.log10(big / Math.abs(f.value)));
    if (distance > 4 || !near(text, f, words)) continue;
    if (!best || distance < best.distance) best = { f, distance };
  }
  if (best) return { status: 'contradicted', quote: sentenceAround(text, best.f.start), found: best.f.text };
  return { status: 'not-found', quote: null, found: null };
}

/** Check every figure claim linked to a source with a URL against the saved page of that URL. */
export function checkSnapshots(claims: Claim[], sources: Source[], options: { dir?: string; root?: string; index?: SnapshotIndex } = {}): SnapshotCheck[] {
  const index = options.index ?? indexSnapshots(options);
  const byId = new Map(sources.map((s) => [s.id, s]));
  const texts = new Map<string, string>();
  const out: SnapshotCheck[] = [];
  for (const claim of claims) {
    if (!claim.value) continue;
    for (const id of claim.sources) {
      const source = byId.get(id);
      if (!source?.url) continue;
      const snap = findSnapshot(index, source.url);
      if (!snap) {
        out.push({ claim: claim.id, source: id, url: source.url, snapshot: null, status: 'no-snapshot', quote: null, found: null });
        continue;
      }
      if (!texts.has(snap.file)) texts.set(snap.file, pageText(snap.file));
      const result = checkText(claim, texts.get(snap.file) as string);
      out.push({ claim: claim.id, source: id, url: source.url, snapshot: snap.shown, ...result });
    }
  }
  return out;
}
