/**
 * A fingerprint of the code and lexicons that turn a file into claims (ingest, extract, link): the
 * store keeps it with each article, so a newer claimtrace reads an article again instead of keeping
 * claims an older one extracted.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The stages whose code decides what is stored for an article. */
const STAGES = ['ingest', 'extract', 'link'];

let cached: string | null = null;

/** "p-" + 12 hex digits of sha256 over the stages' files (.js/.ts and data .json), in sorted order. */
export function pipelineFingerprint(): string {
  if (cached) return cached;
  const root = fileURLToPath(new URL('..', import.meta.url));
  const hash = createHash('sha256');
  const visit = (dir: string, rel: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const full = join(dir, name);
      if (/\.(js|ts|json)$/.test(name) && !name.endsWith('.d.ts')) {
        hash.update(`${rel}/${name}\0`).update(readFileSync(full)).update('\0');
      } else if (!name.includes('.')) visit(full, `${rel}/${name}`);
    }
  };
  for (const stage of STAGES) visit(join(root, stage), stage);
  cached = `p-${hash.digest('hex').slice(0, 12)}`;
  return cached;
}
