/**
 * The outlet registry (`sources/outlets.yaml`): who publishes what an article cites, by name, alias
 * or web domain, with a kind (wire, state-media, primary, ...). Editors extend the file; it is
 * validated with zod when loaded and an error names the file and the entry.
 */
import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import cues from './data/citation-cues.json' with { type: 'json' };
import { projectFile } from './paths.js';

export const OUTLETS_FILE = 'sources/outlets.yaml';

export const outletKindSchema = z.enum(['primary', 'agency', 'wire', 'state-media', 'newspaper', 'broadcaster', 'aggregator', 'blog']);
export type OutletKind = z.infer<typeof outletKindSchema>;

const outletEntrySchema = z.strictObject({
  name: z.string().trim().min(1, 'a name is required'),
  key: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens').optional(),
  aliases: z.array(z.string().trim().min(1)).default([]),
  domains: z.array(z.string().trim().regex(/^[a-z0-9.-]+\.[a-z]{2,}(\/\S*)?$/i, 'a domain such as reuters.com')).default([]),
  kind: outletKindSchema,
  country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166 alpha-2 code such as CN').optional(),
  note: z.string().trim().min(1, 'say where the entry comes from'),
});

/** One registered outlet. */
export interface Outlet {
  key: string;
  name: string;
  aliases: string[];
  domains: string[];
  kind: OutletKind;
  country: string | null;
  note: string;
}

/** A registry file that cannot be used: the message names the file and the entry. */
export class RegistryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegistryError';
  }
}

/** Keys already computed: the same few names recur across every sentence of every article. */
const nameKeys = new Map<string, string>();
const NAME_KEYS_MAX = 50_000;

/** A name reduced for lookup: lower case, straight quotes, no "the", no possessive, no punctuation. */
export function nameKey(name: string): string {
  let key = nameKeys.get(name);
  if (key === undefined) {
    if (nameKeys.size >= NAME_KEYS_MAX) nameKeys.clear();
    key = computeNameKey(name);
    nameKeys.set(name, key);
  }
  return key;
}

function computeNameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/'s\b|'(?=\s|$)/g, '')
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}&+]+/gu, ' ')
    .trim();
}

/** A slug for ids and keys ("IT Home" → "it-home"). */
export function slugOf(name: string): string {
  return nameKey(name).replace(/\s+/g, '-') || 'unnamed';
}

/** The host of a URL without "www." ("https://www.reuters.com/x" → "reuters.com"), or null. */
export function hostOf(url: string): string | null {
  const m = /^(?:[a-z][a-z0-9+.-]*:)?\/\/([^/?#:\s]+)/i.exec(url.trim()) ?? /^(www\.[^/?#:\s]+)/i.exec(url.trim());
  return m ? m[1].toLowerCase().replace(/^www\d?\./, '').replace(/\.$/, '') : null;
}

/** Host plus path, lower case, for domain entries that carry a path ("ec.europa.eu/eurostat"). */
function hostPath(url: string): string | null {
  const host = hostOf(url);
  if (!host) return null;
  const path = /^(?:[a-z][a-z0-9+.-]*:)?\/\/[^/?#\s]+(\/[^?#\s]*)?/i.exec(url.trim())?.[1] ?? '';
  return (host + path).toLowerCase();
}

/** Outlets by name, alias and domain. */
export class OutletRegistry {
  readonly outlets: Outlet[];
  private readonly names = new Map<string, Outlet>();
  private readonly domains: Array<{ domain: string; outlet: Outlet }> = [];

  constructor(outlets: Outlet[]) {
    this.outlets = outlets;
    for (const o of outlets) {
      for (const n of [o.name, ...o.aliases]) this.names.set(nameKey(n), o);
      for (const d of o.domains) this.domains.push({ domain: d.toLowerCase().replace(/^www\./, ''), outlet: o });
    }
    // Longest domain first, so "news.qq.com" wins over "qq.com".
    this.domains.sort((a, b) => b.domain.length - a.domain.length);
  }

  /** The outlet a name or alias stands for. */
  byName(name: string): Outlet | null {
    return this.names.get(nameKey(name)) ?? null;
  }

  /** The outlet whose domain the URL is on (a subdomain counts; a domain with a path needs it). */
  byUrl(url: string): Outlet | null {
    const hp = hostPath(url.includes('//') ? url : `//${url}`);
    if (!hp) return null;
    const slash = hp.indexOf('/');
    const host = slash < 0 ? hp : hp.slice(0, slash);
    const path = slash < 0 ? '' : hp.slice(slash);
    for (const { domain, outlet } of this.domains) {
      const ds = domain.indexOf('/');
      const dHost = ds < 0 ? domain : domain.slice(0, ds);
      const dPath = ds < 0 ? '' : domain.slice(ds);
      if ((host === dHost || host.endsWith('.' + dHost)) && path.startsWith(dPath)) return outlet;
    }
    return null;
  }

  /** A name, a URL or a bare domain. */
  resolve(nameOrUrl: string): Outlet | null {
    const s = nameOrUrl.trim();
    if (/^(?:https?:)?\/\//i.test(s) || /^www\./i.test(s) || /^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(\/\S*)?$/i.test(s)) return this.byUrl(s);
    return this.byName(s);
  }
}

/** Format zod issues for people: "FILE: entry 3 (Reuters): kind: ...". */
function describeIssues(file: string, raw: unknown[], issues: z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      const [index, ...rest] = issue.path;
      const entry = typeof index === 'number' ? raw[index] : undefined;
      const name = entry && typeof entry === 'object' && 'name' in entry ? ` (${String((entry as { name: unknown }).name)})` : '';
      const where = typeof index === 'number' ? `entry ${index + 1}${name}` : 'the file';
      return `${file}: ${where}: ${rest.length ? rest.join('.') + ': ' : ''}${issue.message}`;
    })
    .join('\n');
}

/** Parse and validate the text of an outlet registry; `file` names it in errors. */
export function parseOutlets(text: string, file = OUTLETS_FILE): OutletRegistry {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new RegistryError(`${file}: not valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
  if (raw === null || raw === undefined) return new OutletRegistry([]);
  if (!Array.isArray(raw)) throw new RegistryError(`${file}: expected a list of outlets (entries starting with "- name:")`);
  const parsed = z.array(outletEntrySchema).safeParse(raw);
  if (!parsed.success) throw new RegistryError(describeIssues(file, raw, parsed.error.issues));
  const seen = new Map<string, string>();
  const outlets: Outlet[] = parsed.data.map((e, i) => {
    const outlet: Outlet = {
      key: e.key ?? slugOf(e.name),
      name: e.name,
      aliases: e.aliases,
      domains: e.domains,
      kind: e.kind,
      country: e.country ?? null,
      note: e.note,
    };
    for (const n of [e.name, ...e.aliases]) {
      const k = nameKey(n);
      const other = seen.get(k);
      if (other !== undefined && other !== e.name) {
        throw new RegistryError(`${file}: entry ${i + 1} (${e.name}): the name "${n}" is already used by ${other}`);
      }
      seen.set(k, e.name);
    }
    return outlet;
  });
  return new OutletRegistry(outlets);
}

const cache = new Map<string, { mtime: number; registry: OutletRegistry }>();

/** Load the registry (default `sources/outlets.yaml` of the working folder, else the shipped one). */
export function loadOutlets(file?: string): OutletRegistry {
  const path = file ?? projectFile(OUTLETS_FILE);
  let mtime = -1;
  try {
    mtime = statSync(path).mtimeMs;
  } catch {
    if (file) throw new RegistryError(`${file}: cannot read the outlet registry (no such file)`);
    return new OutletRegistry([]);
  }
  const hit = cache.get(path);
  if (hit && hit.mtime === mtime) return hit.registry;
  const shown = relative(process.cwd(), path) || path;
  const registry = parseOutlets(readFileSync(path, 'utf8'), shown.startsWith('..') ? path : shown);
  cache.set(path, { mtime, registry });
  return registry;
}

/** The registered outlet a name, URL or domain stands for, or null. */
export function resolveOutlet(nameOrUrl: string, registry: OutletRegistry = loadOutlets()): Outlet | null {
  return registry.resolve(nameOrUrl);
}

const vagueHeads = new Set(cues.vague.heads);
const vagueModifiers = new Set(cues.vague.modifiers);

/** True for unnamed sources such as "Chinese media", "state-backed media", "local reports". */
export function isVagueName(name: string): boolean {
  const words = name.toLowerCase().replace(/^the\s+/, '').split(/\s+/);
  if (words.length === 0 || words.length > 4) return false;
  const head2 = words.slice(-2).join(' ');
  const headLen = vagueHeads.has(head2) && words.length >= 2 ? 2 : vagueHeads.has(words[words.length - 1]) ? 1 : 0;
  if (headLen === 0) return false;
  return words.slice(0, words.length - headLen).every((w) => vagueModifiers.has(w));
}

/** A cited outlet the registry does not know: what an editor could add. */
export interface UnknownOutlet {
  /** The name as cited, or the domain of a link. */
  name: string | null;
  domain: string | null;
  /** How many sources cite it, and in which articles. */
  count: number;
  articles: string[];
}

/** Sources whose outlet the registry does not know, grouped by domain or name, most cited first. */
export function unknownOutlets(
  sources: Array<{ name: string | null; url: string | null; article?: string }>,
  registry: OutletRegistry = loadOutlets(),
): UnknownOutlet[] {
  const out = new Map<string, UnknownOutlet>();
  for (const s of sources) {
    if (s.url && registry.byUrl(s.url)) continue;
    if (s.name && (registry.byName(s.name) || isVagueName(s.name))) continue;
    const domain = s.url ? hostOf(s.url) : null;
    if (!domain && !s.name) continue;
    const key = domain ?? `name:${nameKey(s.name ?? '')}`;
    const entry = out.get(key) ?? { name: s.name, domain, count: 0, articles: [] };
    entry.count++;
    entry.name ??= s.name;
    if (s.article && !entry.articles.includes(s.article)) entry.articles.push(s.article);
    out.set(key, entry);
  }
  return [...out.values()].sort((a, b) => b.count - a.count || String(a.domain ?? a.name).localeCompare(String(b.domain ?? b.name)));
}
