/**
 * Reading article files: find them (folders are walked), read and decode the bytes, pick the reader
 * by extension, and lay declared metadata over what the reader found (`options.declared` over a
 * sidecar `NAME.meta.yaml` over Markdown front matter over what the text shows).
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { DEFAULT_MAX_BYTES, decodeFile, tooLargeReason } from './decode.js';
import { parseDateText } from './date.js';
import { MAX_BRACKET_WORK, MAX_MARKDOWN_NESTING, markdownBracketWork, markdownNesting } from './nesting.js';
import { applyDeclared } from './meta.js';
import { readText } from './text.js';
import { InputError } from './types.js';
import type { DeclaredMeta, ReadResult } from './types.js';

type Reader = (path: string, source: string, declared?: DeclaredMeta) => ReadResult;

/** The Markdown and HTML readers, loaded when a file first needs them (their parsers take a while to load). */
const loadMarkdown = async (): Promise<Reader> => (await import('./markdown.js')).readMarkdown;
const loadHtml = async (): Promise<Reader> => (await import('./html.js')).readHtml;

/** Readers by lower-case extension, with the format they read. */
const READERS: Record<string, { format: 'text' | 'markdown' | 'html'; load: () => Promise<Reader> }> = {
  '.txt': { format: 'text', load: async () => readText },
  '.md': { format: 'markdown', load: loadMarkdown },
  '.markdown': { format: 'markdown', load: loadMarkdown },
  '.html': { format: 'html', load: loadHtml },
  '.htm': { format: 'html', load: loadHtml },
};
const EXPECTED = '.txt, .md, .markdown, .html, .htm';
/** The most lines an article file may have (the readers keep a record per line). */
export const MAX_LINES = 250_000;

/** Lines of a text (LF, CRLF or CR ends), counted without splitting it. */
function lineCount(source: string): number {
  let n = 1;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && source.charCodeAt(i + 1) !== 0x0a)) n++;
  }
  return n;
}

/** Folder of cited-source snapshots, skipped when a folder of articles is walked. */
export const SNAPSHOTS_FOLDER = 'snapshots';
const SIDECAR_SUFFIXES = ['.meta.yaml', '.meta.yml'];

export interface ReadOptions {
  /** Metadata given by the user (command-line options); wins over everything else. */
  declared?: DeclaredMeta;
  /** Largest file accepted, in bytes (default 16 MiB). */
  maxBytes?: number;
}

/** True for a file name the readers take (by extension, any letter case). */
export function isArticleFile(name: string): boolean {
  return extname(name).toLowerCase() in READERS && !isSidecar(name);
}

function isSidecar(name: string): boolean {
  const lower = name.toLowerCase();
  return SIDECAR_SUFFIXES.some((s) => lower.endsWith(s));
}

const text = z.union([z.string(), z.number()]).transform((v) => String(v).trim());
const SidecarSchema = z
  .object({
    title: text.optional(),
    outlet: text.optional(),
    author: z.union([text, z.array(text)]).transform((v) => (Array.isArray(v) ? v.join(', ') : v)).optional(),
    published: z
      .union([text, z.date().transform((d) => d.toISOString().slice(0, 10))])
      .refine((v) => v === '' || parseDateText(v) !== null, { message: 'not a date (expected YYYY-MM-DD)' })
      .optional(),
    url: text.refine((v) => v === '' || /^https?:\/\/\S+$/i.test(v), { message: 'not an http(s) URL' }).optional(),
  })
  .strict();

/** The sidecar files that may sit beside `path`: NAME.meta.yaml for NAME.txt (or NAME.txt.meta.yaml). */
export function sidecarCandidates(path: string): string[] {
  const dir = dirname(path);
  const file = basename(path);
  const stem = file.slice(0, file.length - extname(file).length);
  return [stem, file].flatMap((name) => SIDECAR_SUFFIXES.map((suffix) => join(dir, name + suffix)));
}

/**
 * The article files a sidecar may declare metadata for (NAME.txt, NAME.md, … for NAME.meta.yaml;
 * NAME.txt for NAME.txt.meta.yaml), existing or not; [] when `path` is not a sidecar.
 */
export function sidecarArticles(path: string): string[] {
  const file = basename(path);
  const suffix = SIDECAR_SUFFIXES.find((s) => file.toLowerCase().endsWith(s));
  if (!suffix) return [];
  const name = file.slice(0, file.length - suffix.length);
  const dir = dirname(path);
  if (isArticleFile(name)) return [join(dir, name)];
  return Object.keys(READERS).map((ext) => join(dir, name + ext));
}

/** Read and validate a sidecar file; an invalid one throws an InputError naming the sidecar. */
export async function readSidecar(path: string): Promise<DeclaredMeta> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(path, `cannot read sidecar (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let data: unknown;
  try {
    data = parseYaml(raw);
  } catch (error) {
    throw new InputError(path, `invalid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (data === null || data === undefined) return {};
  const parsed = SidecarSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message));
    throw new InputError(path, `invalid metadata: ${issues.join('; ')} (expected title, outlet, author, published, url)`);
  }
  return parsed.data;
}

/**
 * Run `reader`; a document nested deeper than any article (10,000 block quotes or list items in
 * each other) or with tens of thousands of square brackets in a paragraph, which the parser would
 * take minutes over or overflow its stack on, is read as plain text instead, with a note: the
 * offsets still point into the file as written.
 */
function readNested(reader: Reader, format: string, path: string, source: string): ReadResult {
  if (format === 'markdown') {
    const depth = markdownNesting(source);
    if (depth > MAX_MARKDOWN_NESTING) {
      const result = readText(path, source);
      return { ...result, notes: [...result.notes, `Markdown nested ${depth} levels deep (over ${MAX_MARKDOWN_NESTING}): read as plain text`] };
    }
    const work = markdownBracketWork(source);
    if (work > MAX_BRACKET_WORK) {
      const result = readText(path, source);
      return { ...result, notes: [...result.notes, `Markdown with too many square brackets in a paragraph (bracket work ${work}, over ${MAX_BRACKET_WORK}): read as plain text`] };
    }
  }
  try {
    return reader(path, source);
  } catch (error) {
    if (!(error instanceof RangeError) || reader === readText) throw error;
    const result = readText(path, source);
    return { ...result, notes: [...result.notes, 'nested too deeply for its format (the parser ran out of stack): read as plain text'] };
  }
}

/**
 * Read one article file. Throws `InputError` for a missing path ("no such file"), a folder
 * ("is a folder"), an unsupported extension, a file that cannot be decoded, and an invalid sidecar.
 */
export async function readArticle(path: string, options: ReadOptions = {}): Promise<ReadResult> {
  return (await readArticleBytes(path, options)).read;
}

/** `readArticle`, with the bytes it read (to name the article by them without reading it again). */
export async function readArticleBytes(path: string, options: ReadOptions = {}): Promise<{ read: ReadResult; bytes: Buffer }> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  // Synchronous calls: an article is one small file, and a worker thread reading many of them
  // spends less on these than on a round trip through the thread pool for each.
  let info;
  try {
    info = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(path, code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file' : `cannot read (${code ?? 'error'})`);
  }
  if (info.isDirectory()) throw new InputError(path, 'is a folder');
  const ext = extname(path).toLowerCase();
  const reader = READERS[ext];
  if (!reader || isSidecar(path)) {
    throw new InputError(path, ext ? `unsupported file type ${ext} (expected ${EXPECTED})` : `unsupported file type: no extension (expected ${EXPECTED})`);
  }
  if (info.size > maxBytes) throw new InputError(path, tooLargeReason(info.size, maxBytes));
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new InputError(path, `cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const source = decodeFile(path, bytes, { maxBytes });
  const lines = lineCount(source);
  if (lines > MAX_LINES) throw new InputError(path, `too many lines: ${lines.toLocaleString('en-US')} (the limit is ${MAX_LINES.toLocaleString('en-US')}; no article has as many: split the file)`);
  const result = readNested(await reader.load(), reader.format, path, source);
  if (result.text.trim() === '') throw new InputError(path, `no article text found in the ${result.format === 'html' ? 'page (only markup, scripts or navigation)' : 'file'}`);
  const notes = [...result.notes];
  let meta = result.meta;
  const sidecar = sidecarCandidates(path).find((p) => existsSync(p));
  if (sidecar) meta = applyDeclared(sidecar, meta, await readSidecar(sidecar), `sidecar ${basename(sidecar)}`, notes);
  meta = applyDeclared(path, meta, options.declared, 'declared', notes);
  return { read: { ...result, meta, notes }, bytes };
}

/**
 * Expand paths into article files: folders are walked recursively in sorted order, skipping dot
 * files, `node_modules` and `*.meta.yaml` sidecars; files named directly are kept whatever their
 * extension (reading them reports an unsupported type). Missing paths and folders without article
 * files are errors; the files found are returned once each.
 */
export function listArticleFiles(paths: string[]): { files: string[]; errors: InputError[] } {
  const files: string[] = [];
  const errors: InputError[] = [];
  const seen = new Set<string>();
  const add = (file: string): void => {
    let key = file;
    try {
      key = realpathSync(file);
    } catch {
      // keep the path as given
    }
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };
  for (const path of paths) {
    let info;
    try {
      info = statSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      errors.push(new InputError(path, code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file' : `cannot read (${code ?? 'error'})`));
      continue;
    }
    if (!info.isDirectory()) {
      add(path);
      continue;
    }
    const found: string[] = [];
    walk(path, found, errors, new Set());
    if (found.length === 0) errors.push(new InputError(path, 'no .txt, .md or .html files in folder'));
    for (const file of found) add(file);
  }
  return { files, errors };
}

function walk(dir: string, out: string[], errors: InputError[], visited: Set<string>): void {
  let real = dir;
  try {
    real = realpathSync(dir);
  } catch {
    // keep the path as given
  }
  if (visited.has(real)) return;
  visited.add(real);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    errors.push(new InputError(dir, `cannot read folder (${(error as NodeJS.ErrnoException).code ?? 'error'})`));
    return;
  }
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    // `sources/snapshots/` holds saved copies of the pages articles cite (see `claimtrace provenance`), not coverage.
    if (name === SNAPSHOTS_FOLDER) continue;
    const full = join(dir, name);
    let info;
    try {
      info = statSync(full);
    } catch {
      continue; // a broken link
    }
    if (info.isDirectory()) walk(full, out, errors, visited);
    else if (info.isFile() && isArticleFile(name)) out.push(full);
  }
}
