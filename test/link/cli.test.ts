/**
 * End to end through the built CLI, on the seed articles: `check --format json` carries each claim's
 * cited sources and each group's independent origins; `provenance` prints a claim's chain, the
 * store's origins and unknown outlets, the saved-page verdicts and the PROV-JSON export.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provDocumentSchema } from '../../src/link/prov-json.js';
import type { ProvenanceSummary } from '../../src/link/summary.js';
import { reportSchema, type Report } from '../../src/store/schema.js';
import { ROOT, SEEDS, claimtrace, tempDir } from '../cli/helpers.js';

const SNAPSHOTS = 'test/fixtures/link/snapshots/sources/snapshots';

let tmp: ReturnType<typeof tempDir>;
let db: string;
let report: Report;
let raw: { provenance?: { unknownOutlets: Array<{ name: string | null }> } };
beforeAll(async () => {
  tmp = tempDir();
  db = join(tmp.dir, 'store.json');
  const r = await claimtrace(['check', SEEDS, '--db', db, '--format', 'json']);
  raw = JSON.parse(r.stdout);
  report = reportSchema.parse(raw);
}, 120_000);
afterAll(() => tmp.cleanup());

const fileOf = (articleId: string) => report.articles.find((a) => a.id === articleId)?.path ?? '';
/** The claims of seed `prefix` (e.g. "001") giving `value`, or whose quote holds `phrase`. */
const claimsOf = (prefix: string, match: { value?: number; phrase?: string }) =>
  report.claims.filter(
    (c) => fileOf(c.article).includes(`/${prefix}_`) && (match.phrase ? c.quote.includes(match.phrase) : c.value !== null && c.value.min === match.value),
  );
const urlsOf = (ids: string[]) => ids.map((id) => report.sources.find((s) => s.id === id)?.url ?? '');

describe('check --format json: sources and origins', () => {
  const links: Array<[string, { value?: number; phrase?: string }, string]> = [
    ['140 trillion → China News Service', { value: 1.4e14 }, 'chinanews.com.cn'],
    ['80% green electricity → IT Home', { value: 80 }, 'ithome.com'],
    ['"20 days" → Tencent News citing Cailian Press', { phrase: '20 days' }, 'qq.com'],
  ];
  it.each(links)('seed 001: %s', (_what, match, url) => {
    const claims = claimsOf('001', match);
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.some((c) => urlsOf(c.sources).some((u) => u.includes(url)))).toBe(true);
  });

  it('lists every cited source once, each pointing at its place in the file', () => {
    const ids = new Set(report.sources.map((s) => s.id));
    expect(ids.size).toBe(report.sources.length);
    for (const c of report.claims) for (const id of c.sources) expect(ids.has(id)).toBe(true);
    const tencent = report.sources.find((s) => s.url?.includes('qq.com'));
    expect(tencent).toMatchObject({ name: 'Tencent News', kind: 'listed' });
    expect(report.sources.find((s) => s.id === tencent?.via)?.name).toBe('Cailian Press');
  });

  it('the five seeds\' 140 trillion group rests on one independent origin', () => {
    const group = report.groups.find((g) => g.articles.length === 5 && g.claims.some((id) => report.claims.find((c) => c.id === id)?.value?.min === 1.4e14));
    expect(group?.origins).toBe(1);
  });
});

describe('check --format json: provenance beyond the contract', () => {
  it('names the cited outlets the registry does not know', () => {
    expect(raw.provenance?.unknownOutlets.map((u) => u.name)).toContain('DeepInfra');
  });

  it('gives the verdict of the saved pages under sources/snapshots of the working folder', async () => {
    const r = await claimtrace(['check', '--db', db, '--format', 'json'], { cwd: join(ROOT, 'test/fixtures/link/snapshots') });
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { provenance: { snapshots: Array<{ status: string; found: string | null; claim: string }>; withoutSnapshot: number } };
    const liu = claimsOf('001', { value: 1.4e14 }).map((c) => c.id);
    expect(out.provenance.snapshots).toContainEqual(expect.objectContaining({ status: 'supported', found: '140 trillion' }));
    expect(out.provenance.snapshots.some((s) => liu.includes(s.claim))).toBe(true);
    expect(out.provenance.withoutSnapshot).toBeGreaterThan(0);
  });
});

describe('claimtrace provenance', () => {
  it('CLAIM prints the chain to Liu Liehong at the China Development Forum', async () => {
    const claim = claimsOf('001', { value: 1.4e14 }).find((c) => c.sources.length > 0)!;
    const r = await claimtrace(['provenance', claim.id, '--db', db]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Provenance of ${claim.id}`);
    expect(r.stdout).toMatch(/1\. China News Service \(listed, https:\/\/www\.chinanews\.com\.cn\//);
    expect(r.stdout).toMatch(/Origin: Liu Liehong, .*China Development Forum/);
    expect(r.stdout).toContain('(1 distinct origin across 5 articles)');
  });

  it('checks the claim against a saved page of the cited URL', async () => {
    const claim = claimsOf('001', { value: 1.4e14 }).find((c) => c.sources.length > 0)!;
    const r = await claimtrace(['provenance', claim.id, '--db', db, '--snapshots', SNAPSHOTS, '--format', 'json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { snapshots: Array<{ status: string; snapshot: string; found: string }> };
    expect(out.snapshots).toContainEqual(expect.objectContaining({ status: 'supported', snapshot: `${SNAPSHOTS}/chinanews-liu-liehong.html`, found: '140 trillion' }));
    // The unusable sidecar in that folder is named on stderr, and the command still runs.
    expect(r.lines).toEqual([expect.stringMatching(/^claimtrace: .*escape\.yaml: snapshot path .* leads outside the project folder/)]);
  });

  it('without CLAIM: origins per group and the outlets the registry does not know', async () => {
    const r = await claimtrace(['provenance', '--db', db, '--format', 'json']);
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout) as ProvenanceSummary;
    // The 140 trillion of March 2026: five articles, all on Liu Liehong's statement (one origin).
    const five = summary.groups.filter((g) => g.articles === 5);
    expect(five.length).toBeGreaterThan(0);
    expect(five.some((g) => g.origins.length === 1)).toBe(true);
    expect(summary.unknownOutlets.map((u) => u.name)).toEqual(expect.arrayContaining(['DeepInfra', 'LLM-Stats']));
    const text = await claimtrace(['provenance', '--db', db]);
    expect(text.stdout).toMatch(/: 5 articles, 1 independent origin\n/);
    expect(text.stdout).toContain('Cited outlets not in sources/outlets.yaml');
  });

  it('--format prov-json exports W3C PROV-JSON that passes its schema', async () => {
    const r = await claimtrace(['provenance', '--db', db, '--format', 'prov-json']);
    expect(r.status).toBe(0);
    const doc = provDocumentSchema.parse(JSON.parse(r.stdout));
    expect(Object.keys(doc.entity ?? {}).length).toBeGreaterThan(report.claims.length);
  });

  it.each([
    [['provenance', 'c-nothing'], /^claimtrace provenance: no claim 'c-nothing' in the store/],
    [['provenance', 'c-1', 'c-2'], /^claimtrace provenance: expected one claim id, got 2/],
    [['provenance', '--format', 'yaml'], /^claimtrace provenance: --format must be text or md or json or prov-json, not 'yaml'/],
  ])('%j: one line, exit 2', async (args, message) => {
    const r = await claimtrace([...args, '--db', db]);
    expect(r.status).toBe(2);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(message);
  });
});
