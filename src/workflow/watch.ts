/**
 * Watching article folders: `node:fs` watch (one watcher per folder), changes collected and debounced, then one
 * call of `onChange` with the article paths that changed (added, edited, deleted, or their
 * `NAME.meta.yaml` sidecar changed). Runs one batch at a time (changes that arrive
 * meanwhile make the next batch) and stops when `signal` aborts, after the batch in progress.
 */
import { existsSync, watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isArticleFile, sidecarArticles } from '../ingest/read.js';

export interface WatchOptions {
  /** Quiet time before a batch runs, in ms (default 300). */
  debounceMs?: number;
  signal: AbortSignal;
  /** Called when a watcher fails (a watched folder removed): the watch goes on with the others. */
  onError?: (path: string, error: Error) => void;
  /** Called once every folder is watched. */
  onReady?: () => void;
}

/** True for a file name a reader takes (and not an editor's temp or hidden file). */
export function isArticleName(name: string): boolean {
  const base = name.split(/[\\/]/).pop() ?? name;
  return !base.startsWith('.') && isArticleFile(base);
}

/**
 * The article files a change to `file` concerns: the file itself when it is an article; for a
 * sidecar (`NAME.meta.yaml`), the articles beside it whose metadata it declares. A deleted article
 * is kept: the batch says it is gone.
 */
export function changedArticles(file: string): string[] {
  if (isArticleName(file)) return [file];
  const base = file.split(/[\\/]/).pop() ?? file;
  if (base.startsWith('.')) return [];
  return sidecarArticles(file).filter((f) => existsSync(f));
}

/**
 * Watch `paths` (folders or files) until `signal` aborts; `onChange` gets the changed article files
 * (absolute paths) of each batch. Resolves once stopped and the last batch is done.
 */
export async function watchPaths(paths: string[], onChange: (files: string[]) => Promise<void>, options: WatchOptions): Promise<void> {
  const { signal, debounceMs = 300 } = options;
  const watchers: FSWatcher[] = [];
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;

  const flush = async (): Promise<void> => {
    timer = null;
    if (running || pending.size === 0) return;
    const files = [...pending].sort();
    pending.clear();
    running = onChange(files).finally(() => {
      running = null;
      if (pending.size > 0 && !signal.aborted) schedule();
    });
    await running;
  };
  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flush(), debounceMs);
  };

  // One plain watcher per folder, set up before this resolves to watching: the recursive mode of
  // Node 20 on Linux adds sub-folders asynchronously and misses files written meanwhile.
  const watched = new Set<string>();
  const watchOne = (path: string, isDir: boolean): void => {
    if (watched.has(path) || signal.aborted) return;
    watched.add(path);
    let watcher: FSWatcher;
    try {
      watcher = watch(path, { signal }, (_event, name) => {
        const file = isDir ? (name ? join(path, name.toString()) : null) : path;
        if (!file) return;
        if (isDir) void addFolders(file, true); // a new sub-folder: watch it, and take the files already in it
        const changed = changedArticles(file);
        if (changed.length === 0) return;
        for (const f of changed) pending.add(f);
        schedule();
      });
    } catch (error) {
      options.onError?.(path, error as Error);
      return;
    }
    watcher.on('error', (error: Error) => {
      if (error.name === 'AbortError') return;
      options.onError?.(path, error);
    });
    watchers.push(watcher);
  };
  const addFolders = async (path: string, isNew = false): Promise<void> => {
    const info = await stat(path).catch(() => null);
    if (!info?.isDirectory() || watched.has(path)) return;
    watchOne(path, true);
    const entries = await readdir(path, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      if (e.isDirectory() && !e.name.startsWith('.')) await addFolders(join(path, e.name), isNew);
      else if (isNew && e.isFile() && isArticleName(e.name)) {
        pending.add(join(path, e.name));
        schedule();
      }
    }
  };
  for (const path of paths.map((p) => resolve(p))) {
    if ((await stat(path)).isDirectory()) await addFolders(path);
    else watchOne(path, false);
  }
  options.onReady?.();

  await new Promise<void>((done) => {
    if (signal.aborted) done();
    else signal.addEventListener('abort', () => done(), { once: true });
  });
  if (timer) clearTimeout(timer);
  for (const w of watchers) w.close();
  const last = running as Promise<void> | null;
  if (last) await last;
}
