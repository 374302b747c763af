/**
 * The fingerprint of everything a check's result depends on besides the articles: the check's and
 * the linker's code (the built files of `src/check` and `src/link`, data files included) and the
 * registries in use (`sources/aliases.yaml`, `sources/outlets.yaml`). A cached result made under
 * another fingerprint is never used (`incremental.ts`).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALIASES_FILE } from '../link/entities.js';
import { OUTLETS_FILE } from '../link/outlets.js';
import { projectFile } from '../link/paths.js';

/** Bump when the cached shapes change. */
const CACHE_FORMAT = 2;

let code: string | null = null;

/** Every file under `dir`, in a stable order. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []));
}

/** The check's version: code (hashed once per process) and registries (hashed at each call). */
export function checkVersion(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  if (code === null) {
    const hash = createHash('sha256').update(`format ${CACHE_FORMAT}\n`);
    for (const file of [...filesUnder(here), ...filesUnder(join(here, '..', 'link'))]) hash.update(`${file.slice(here.length)}\n`).update(readFileSync(file));
    code = hash.digest('hex');
  }
  const hash = createHash('sha256').update(code);
  for (const rel of [ALIASES_FILE, OUTLETS_FILE]) {
    const path = projectFile(rel);
    hash.update(`\n${path}\n`);
    if (existsSync(path) && statSync(path).isFile()) hash.update(readFileSync(path));
  }
  return hash.digest('hex').slice(0, 32);
}
