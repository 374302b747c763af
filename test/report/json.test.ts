import { describe, expect, it } from 'vitest';
import { buildReport, reportJson, reportJsonChunks } from '../../src/report/json.js';
import type { Finding, Group } from '../../src/store/schema.js';
import { claim, record } from '../store/fixtures.js';

const finding = (id: string, severity: Finding['severity'], claims: string[], articles: string[]): Finding => ({
  id,
  rule: 'series-conflict',
  severity,
  message: 'Two articles give different values for the same figure.',
  claims,
  articles,
  review: { status: 'open', by: null, at: null, reason: null },
  actual: null,
  expected: null,
  evidence: 'e',
  reopened: null,
});

const group = (id: string, claims: string[], articles: string[]): Group => ({
  id,
  claims,
  articles,
  status: 'corroborated',
  subject: null,
  metric: null,
  period: null,
  origins: articles.length,
});

// b.txt is added first but sorts after a.txt.
const b = record(2, 'sources/b.txt', 'Morning Wire');
const a = record(1, 'sources/a.txt', 'Daily Ledger');
const late = { ...claim(a.id, 1), start: 500, end: 540 };
const early = claim(a.id, 0);
const input = {
  articles: [b, a],
  claims: [claim(b.id, 0), late, early],
  sources: [],
  groups: [group('g-2', [claim(b.id, 0).id], [b.id]), group('g-1', [late.id, early.id], [a.id])],
  findings: [finding('f-1', 'info', [early.id], [a.id]), finding('f-2', 'error', [claim(b.id, 0).id], [b.id]), finding('f-3', 'error', [early.id], [a.id])],
};

describe('buildReport', () => {
  const report = buildReport(input);

  it('lists articles by path with the contract fields only', () => {
    expect(report.articles).toEqual([
      { id: a.id, path: 'sources/a.txt', title: 'Article 1', outlet: 'Daily Ledger', published: '2026-03-24' },
      { id: b.id, path: 'sources/b.txt', title: 'Article 2', outlet: 'Morning Wire', published: '2026-03-24' },
    ]);
  });

  it('orders claims by article then place, groups by first claim, findings most severe first', () => {
    expect(report.claims.map((c) => c.id)).toEqual([early.id, late.id, claim(b.id, 0).id]);
    expect(report.groups.map((g) => g.id)).toEqual(['g-1', 'g-2']);
    expect(report.findings.map((f) => f.id)).toEqual(['f-3', 'f-2', 'f-1']);
  });

  it('gives the same report whatever the input order', () => {
    const shuffled = { ...input, articles: [a, b], claims: [...input.claims].reverse(), findings: [...input.findings].reverse() };
    expect(reportJson(buildReport(shuffled))).toBe(reportJson(report));
  });

  it('rejects what the contract does not allow', () => {
    expect(() => buildReport({ ...input, findings: [{ ...input.findings[0], severity: 'fatal' as 'error' }] })).toThrow();
  });
});

describe('reportJsonChunks', () => {
  it('writes exactly JSON.stringify(report, null, 2), in pieces', () => {
    const big = { ...input, claims: Array.from({ length: 1203 }, (_, i) => ({ ...claim(a.id, i), start: i })) };
    const report = buildReport(big);
    const chunks = [...reportJsonChunks(report, 100)];
    expect(chunks.length).toBeGreaterThan(13);
    expect(chunks.join('')).toBe(`${JSON.stringify(report, null, 2)}\n`);
  });

  it('writes empty arrays inline', () => {
    const empty = buildReport({ articles: [], claims: [], sources: [], groups: [], findings: [] });
    expect(reportJson(empty)).toBe(`${JSON.stringify(empty, null, 2)}\n`);
  });
});
