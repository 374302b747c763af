/**
 * Metadata fields with their provenance: building them, and laying declared values (options, a
 * sidecar file, front matter) over what a reader inferred. Declared values win; placeholders such as
 * "unknown" or "(untitled)" declare nothing.
 */
import { parseDateText } from './date.js';
import { InputError } from './types.js';
import type { ArticleMeta, DeclaredMeta, MetaField, Origin } from './types.js';

/** Metadata with every field unknown. */
export function emptyMeta(): ArticleMeta {
  return { title: null, outlet: null, author: null, published: null, url: null };
}

/** A metadata field; white space inside the value is collapsed. */
export function metaField(value: string, origin: Origin, how: string): MetaField {
  return { value: value.replace(/\s+/g, ' ').trim(), origin, how };
}

/** Declared values that say "not known" rather than give a value (seen in exported front matter). */
const PLACEHOLDERS = new Set(['', '-', '--', '?', 'n/a', 'na', 'none', 'null', 'nil', 'unknown', '(unknown)', 'untitled', '(untitled)', 'no title', 'tbd', 'anonymous']);

/** True when a declared value is a placeholder for "unknown". */
export function isPlaceholder(value: string): boolean {
  return PLACEHOLDERS.has(value.trim().toLowerCase());
}

export const DECLARED_KEYS = ['title', 'outlet', 'author', 'published', 'url'] as const;

/**
 * Lay declared values over `meta` (returns a new object). `how` names where they were declared
 * ("sidecar a.meta.yaml", "front matter"). A published value that is not a date throws
 * `InputError(path, ...)` when `strict`, and is skipped with a note otherwise.
 */
export function applyDeclared(
  path: string,
  meta: ArticleMeta,
  declared: DeclaredMeta | undefined,
  how: string,
  notes: string[],
  strict = true,
): ArticleMeta {
  const out: ArticleMeta = { ...meta };
  if (!declared) return out;
  for (const key of DECLARED_KEYS) {
    const raw = declared[key];
    if (raw === undefined || raw === null) continue;
    const value = String(raw).trim();
    if (isPlaceholder(value)) {
      if (value !== '') notes.push(`${how}: ${key} "${value}" read as unknown`);
      continue;
    }
    if (key === 'published') {
      const day = parseDateText(value);
      if (day === null) {
        const reason = `${how}: published "${value}" is not a date (expected YYYY-MM-DD)`;
        if (strict) throw new InputError(path, reason);
        notes.push(`${reason}; ignored`);
        continue;
      }
      out.published = metaField(day, 'declared', day === value ? how : `${how} ("${value}")`);
      continue;
    }
    out[key] = metaField(value, 'declared', how);
  }
  return out;
}
