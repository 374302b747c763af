/**
 * The corpus habit: one folder per case under test/fixtures/link/cases/, an article and the expected
 * result beside it (sources in order, and which sources each figure's claim is linked to).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHtml } from '../../src/ingest/html.js';
import { readMarkdown } from '../../src/ingest/markdown.js';
import { readText } from '../../src/ingest/text.js';
import type { ReadResult } from '../../src/ingest/types.js';
import { linkArticle } from '../../src/link/index.js';
import { loadOutlets } from '../../src/link/outlets.js';
import { sourceSchema } from '../../src/store/schema.js';
import { claimAt } from './factory.js';

const CASES = 'test/fixtures/link/cases';
const registry = loadOutlets();

interface Expected {
  article?: string;
  sources: Array<{ name: string | null; url: string | null; kind: string; via: string | null; note?: string }>;
  claims: Array<{ figure: string; occurrence: number; value: { min: number; unit?: string; bound?: 'lower' | 'upper' } | null; sources: string[]; not?: string[] }>;
}

function read(path: string): ReadResult {
  const source = readFileSync(path, 'utf8');
  if (path.endsWith('.md')) return readMarkdown(path, source);
  if (path.endsWith('.html')) return readHtml(path, source);
  return readText(path, source);
}

const cases = readdirSync(CASES).filter((d) => existsSync(join(CASES, d, 'expected.json')) && !existsSync(join(CASES, d, 'a.txt')));

describe.each(cases)('case %s', (name) => {
  const expected = JSON.parse(readFileSync(join(CASES, name, 'expected.json'), 'utf8')) as Expected;
  const file = expected.article ?? join(CASES, name, readdirSync(join(CASES, name)).find((f) => f.startsWith('article.')) as string);
  const r = read(file);
  const claims = expected.claims.map((c) => claimAt(r, 'a-test', c.figure, c.value ? { ...c.value, unit: c.value.unit ?? null, bound: c.value.bound ?? null } : null, {}, c.occurrence));
  const result = linkArticle(r, 'a-test', claims);
  const nameOf = (id: string | null) => result.sources.find((s) => s.id === id)?.name ?? null;

  it('finds the cited sources, in order, with their chains', () => {
    const got = result.sources.map((s) => ({ name: s.name, url: s.url, kind: s.kind, via: nameOf(s.via) }));
    expect(got).toEqual(expected.sources.map(({ note: _note, ...s }) => s));
    expected.sources.forEach((s, k) => {
      if (s.note) expect(result.sources[k].note).toContain(s.note);
    });
  });

  it('gives valid sources whose offsets point at the citation in the file', () => {
    const ids = new Set<string>();
    for (const s of result.sources) {
      sourceSchema.parse(s);
      expect(s.id).toMatch(/^s-[0-9a-f]{12}$/);
      ids.add(s.id);
      const cited = r.source.slice(s.start, s.end);
      expect(cited.length).toBeGreaterThan(0);
      if (s.kind === 'link' && s.name) continue;
      if (!s.name) {
        expect(cited.toLowerCase()).toContain((s.url as string).slice(8, 20).toLowerCase());
        continue;
      }
      // The name as written, or one of its registry names (a list's "AFP" is shown as Agence France-Presse).
      const outlet = registry.byName(s.name);
      const names = [s.name, ...(outlet ? [outlet.name, ...outlet.aliases] : [])];
      const stem = (n: string) => (n.split(/\W+/).find((w) => w.length > 1) ?? n).toLowerCase().slice(0, 4);
      expect(names.some((n) => cited.toLowerCase().includes(stem(n))), `${JSON.stringify(cited)} names ${s.name}`).toBe(true);
    }
    expect(ids.size).toBe(result.sources.length);
  });

  it.each(expected.claims.map((c, k) => [c.figure, k] as const))('links the claim on "%s"', (_figure, k) => {
    const claim = result.claims[k];
    const linked = claim.sources.map((id) => result.sources.find((s) => s.id === id));
    const matches = (token: string) => linked.some((s) => s && ((s.url ?? '').includes(token) || s.name === token));
    for (const token of expected.claims[k].sources) expect(matches(token), `${token} among ${JSON.stringify(linked.map((s) => s?.url ?? s?.name))}`).toBe(true);
    for (const token of expected.claims[k].not ?? []) expect(matches(token), `${token} should not be linked`).toBe(false);
    if (expected.claims[k].sources.length === 0) expect(claim.sources).toEqual([]);
  });

  it('is deterministic: same input, same ids', () => {
    const again = linkArticle(r, 'a-test', claims);
    expect(again.sources.map((s) => s.id)).toEqual(result.sources.map((s) => s.id));
  });
});
