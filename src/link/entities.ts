/**
 * The entity alias file (`sources/aliases.yaml`): names, translations and acronyms that stand for one
 * body, programme or event ("National Data Bureau" is the National Data Administration). The
 * extractor resolves names through it so that claims naming one agency two ways meet.
 */
import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { nameKey, RegistryError } from './outlets.js';
import { projectFile } from './paths.js';

export const ALIASES_FILE = 'sources/aliases.yaml';

const aliasEntrySchema = z.strictObject({
  key: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'),
  display: z.string().trim().min(1, 'a display name is required'),
  acronym: z.string().regex(/^[A-Z][A-Za-z0-9&.]{1,11}$/, 'capitals such as NDA').optional(),
  aliases: z.array(z.string().trim().min(1)).default([]),
  note: z.string().trim().min(1, 'say where the names come from'),
});

/** One entity of the alias file. */
export interface EntityEntry {
  key: string;
  display: string;
  acronym: string | null;
  aliases: string[];
  note: string;
}

/** What a name resolves to. */
export interface ResolvedEntity {
  canonical: string;
  display: string;
}

/** Entities by name, alias and acronym, plus acronyms registered at run time. */
export class AliasRegistry {
  readonly entries: EntityEntry[];
  private readonly names = new Map<string, EntityEntry>();
  private readonly acronyms = new Map<string, ResolvedEntity>();

  constructor(entries: EntityEntry[]) {
    this.entries = entries;
    for (const e of entries) {
      for (const n of [e.display, ...e.aliases]) this.names.set(nameKey(n), e);
      if (e.acronym) this.acronyms.set(e.acronym, { canonical: e.key, display: e.display });
    }
  }

  /** Resolve a name, an alias or an acronym written in capitals; null when the file does not know it. */
  resolve(name: string): ResolvedEntity | null {
    const trimmed = name.trim().replace(/^the\s+/i, '').replace(/['’]s?$/, '');
    const acronym = this.acronyms.get(trimmed);
    if (acronym) return acronym;
    const hit = this.names.get(nameKey(trimmed));
    if (hit) return { canonical: hit.key, display: hit.display };
    // "China's National Data Administration": a possessive owner before a known name.
    const owned = /^[\p{Lu}][\p{L}.]*['’]s?\s+(.+)$/u.exec(trimmed);
    if (owned) return this.resolve(owned[1]);
    return null;
  }

  /** Learn an acronym ("NDA" → "National Data Administration"), resolved through the file when it can be. */
  registerAcronym(acronym: string, name: string): ResolvedEntity {
    const resolved = this.resolve(name) ?? { canonical: aliasSlug(name), display: name.trim() };
    this.acronyms.set(acronym, resolved);
    return resolved;
  }

  /**
   * The table the extractor takes (`ExtractOptions.aliases`): every name and alias, reduced the way
   * the extractor's `slug()` reduces names, mapped to the display name.
   */
  table(): Map<string, string> {
    const out = new Map<string, string>();
    for (const e of this.entries) {
      for (const n of [e.display, ...e.aliases]) out.set(aliasSlug(n), e.display);
      if (e.acronym) out.set(aliasSlug(e.acronym), e.display);
    }
    return out;
  }
}

/** The extractor's name reduction (`slug` in src/extract/entities.ts): lower case, no "the", no possessive, hyphens. */
export function aliasSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}.]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** Parse and validate the text of an alias file; `file` names it in errors. */
export function parseAliases(text: string, file = ALIASES_FILE): AliasRegistry {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new RegistryError(`${file}: not valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
  if (raw === null || raw === undefined) return new AliasRegistry([]);
  if (!Array.isArray(raw)) throw new RegistryError(`${file}: expected a list of entities (entries starting with "- key:")`);
  const parsed = z.array(aliasEntrySchema).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const [index, ...rest] = issue.path;
    const entry = typeof index === 'number' ? (raw[index] as { key?: unknown; display?: unknown } | undefined) : undefined;
    const label = entry ? ` (${String(entry.key ?? entry.display ?? '?')})` : '';
    const where = typeof index === 'number' ? `entry ${index + 1}${label}` : 'the file';
    throw new RegistryError(`${file}: ${where}: ${rest.length ? rest.join('.') + ': ' : ''}${issue.message}`);
  }
  const keys = new Map<string, number>();
  const names = new Map<string, string>();
  const entries = parsed.data.map((e, i): EntityEntry => {
    if (keys.has(e.key)) throw new RegistryError(`${file}: entry ${i + 1} (${e.key}): the key is already used by entry ${keys.get(e.key)}`);
    keys.set(e.key, i + 1);
    for (const n of [e.display, ...e.aliases]) {
      const other = names.get(nameKey(n));
      if (other && other !== e.key) throw new RegistryError(`${file}: entry ${i + 1} (${e.key}): the name "${n}" is already used by ${other}`);
      names.set(nameKey(n), e.key);
    }
    return { key: e.key, display: e.display, acronym: e.acronym ?? null, aliases: e.aliases, note: e.note };
  });
  return new AliasRegistry(entries);
}

const cache = new Map<string, { mtime: number; registry: AliasRegistry }>();

/** Load the alias file (default `sources/aliases.yaml` of the working folder, else the shipped one). */
export function loadAliases(file?: string): AliasRegistry {
  const path = file ?? projectFile(ALIASES_FILE);
  let mtime = -1;
  try {
    mtime = statSync(path).mtimeMs;
  } catch {
    if (file) throw new RegistryError(`${file}: cannot read the alias file (no such file)`);
    return new AliasRegistry([]);
  }
  const hit = cache.get(path);
  if (hit && hit.mtime === mtime) return hit.registry;
  const shown = relative(process.cwd(), path) || path;
  const registry = parseAliases(readFileSync(path, 'utf8'), shown.startsWith('..') ? path : shown);
  cache.set(path, { mtime, registry });
  return registry;
}

/** The canonical entity a name stands for, through the default alias file; null when unknown. */
export function resolveEntity(name: string): ResolvedEntity | null {
  return loadAliases().resolve(name);
}

/** Teach the default alias registry an acronym an article defines ("National Data Administration (NDA)"). */
export function registerAcronym(acronym: string, name: string): ResolvedEntity {
  return loadAliases().registerAcronym(acronym, name);
}

/** A key for any name: the canonical key when the alias file knows it, else the name reduced. */
export function entityKey(name: string, registry: AliasRegistry = loadAliases()): string {
  return registry.resolve(name)?.canonical ?? aliasSlug(name.replace(/^the\s+/i, ''));
}

/**
 * The alias file as the claim extractor reads it: every name and alias, reduced to a key by
 * `reduce`, mapped to the entity's display name (so "National Data Bureau" and "National Data
 * Administration" resolve to one canonical key). Empty when there is no alias file.
 */
export function aliasTable(reduce: (name: string) => string, registry: AliasRegistry = loadAliases()): Map<string, string> {
  const table = new Map<string, string>();
  for (const e of registry.entries) for (const n of [e.display, ...e.aliases]) table.set(reduce(n), e.display);
  return table;
}
