/**
 * Where the editable registries live: `sources/outlets.yaml` and `sources/aliases.yaml` in the
 * working folder when an editor keeps their own, else the ones shipped with claimtrace.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | null = null;

/** The claimtrace package folder (holds `package.json`), found from this module's place (once). */
export function packageRoot(): string {
  root ??= findPackageRoot();
  return root ?? process.cwd();
}

function findPackageRoot(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'sources'))) return dir;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return null;
}

/** `rel` under the working folder if it exists there, else under the package. */
export function projectFile(rel: string): string {
  const local = resolve(process.cwd(), rel);
  return existsSync(local) ? local : join(packageRoot(), rel);
}
