import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/json.js';
import { formatNumber, formatValue, renderMarkdown, summarySection } from '../../src/report/markdown.js';
import type { ClaimValue, Finding } from '../../src/store/schema.js';
import { claim, record } from '../store/fixtures.js';

const v = (min: number, unit: string | null, extra: Partial<ClaimValue> = {}): ClaimValue => ({ min, max: min, unit, per: null, approx: false, bound: null, ...extra });

describe('formatValue', () => {
  const cases: Array<[ClaimValue, string]> = [
    [v(1.4e14, 'token', { per: 'day', bound: 'lower' }), 'over 140 trillion tokens per day'],
    [v(1e11, 'token'), '100 billion tokens'],
    [v(2.1e9, 'USD', { max: 2.11e10 }), '$2.1 billion–$21.1 billion'],
    [v(1.1, 'USD', { per: 'million output tokens' }), '$1.1 per million output tokens'],
    [v(40, '%', { approx: true }), 'about 40%'],
    [v(1000, 'x', { bound: 'lower' }), 'over 1,000x'],
    [v(3.5, 'pp'), '3.5 percentage points'],
    [v(12345.678, null), '12,345.678'],
    [v(5, 'EUR', { bound: 'upper' }), 'up to €5'],
    [v(7, 'SEK'), 'SEK 7'],
  ];
  for (const [value, words] of cases) it(words, () => expect(formatValue(value)).toBe(words));

  it('formatNumber keeps four significant digits at scale', () => expect(formatNumber(1234567890)).toBe('1.235 billion'));
});

const a = record(1, 'sources/a.txt', 'Daily Ledger');
const b = record(2, 'sources/b.txt', null);
const ca = claim(a.id, 0);
const cb = { ...claim(b.id, 0), quote: 'Daily token usage exceeded  100 trillion\nin March.', line: 7, value: v(1e14, 'token', { per: 'day' }) };
const finding: Finding = {
  id: 'f-1234',
  rule: 'value-conflict',
  severity: 'error',
  message: 'Daily Ledger and sources/b.txt give different daily token usage for March 2026.',
  claims: [ca.id, cb.id],
  articles: [a.id, b.id],
  review: { status: 'open', by: null, at: null, reason: null },
  actual: '100 trillion',
  expected: '140 trillion',
  evidence: 'x',
  reopened: null,
};
const report = buildReport({
  articles: [a, b],
  claims: [ca, cb],
  sources: [],
  groups: [{ id: 'g-1', claims: [ca.id, cb.id], articles: [a.id, b.id], status: 'conflicting', subject: 'China', metric: 'daily token usage', period: ca.period, origins: 2 }],
  findings: [finding],
});

describe('renderMarkdown', () => {
  const md = renderMarkdown(report, [a, b]);

  it('has the sections in order', () => {
    const headings = md.split('\n').filter((l) => /^##? /.test(l));
    expect(headings).toEqual(['# claimtrace report', '## Summary', '## Discrepancies', '## Claim groups', '## Articles']);
  });

  it('shows each finding with every claim quoted, its outlet, date and file:line, the rule and the id', () => {
    expect(md).toContain('### 1. ERROR: Daily Ledger and sources/b.txt give different daily token usage for March 2026.');
    expect(md).toContain('“Daily token usage exceeded 100 trillion in March.” (unknown outlet, 2026-03-24, `sources/b.txt:7`)');
    expect(md).toContain('(Daily Ledger, 2026-03-24, `sources/a.txt:1`)');
    expect(md).toContain('Rule `value-conflict`, finding `f-1234`, review: open');
    expect(md).toContain('**Found:** 100 trillion; **expected:** 140 trillion');
  });

  it('tables the groups and the articles with the origin of each field', () => {
    expect(md).toMatch(/\| `g-1` +\| conflicting \| China +\| daily token usage \| in March \(2026-03-01–2026-03-31\) \| over 140 trillion tokens per day; 100 trillion tokens per day \| 2 +\|/);
    expect(md).toMatch(/\| outlet +\| Daily Ledger +\| declared: add --outlet +\|/);
  });

  it('counts in the summary', () => {
    const summary = renderMarkdown({ ...report, findings: [] }, []);
    expect(summary).toContain('**Findings:** 0 errors, 0 warnings, 0 notes; 0 open');
    expect(summarySection(report)).toHaveLength(2);
    expect(md).toContain('**Articles:** 2 from 1 outlet (1 without a known outlet)');
    expect(md).toContain('**Claim groups:** 1 (1 conflicting, 0 corroborated, 0 single-source)');
  });

  it('escapes Markdown in quotes rather than letting it through', () => {
    const tricky = buildReport({ articles: [a], claims: [{ ...ca, quote: 'Sales *rose* | fell [see](http://x) <b>now</b>' }], sources: [], groups: [], findings: [{ ...finding, claims: [ca.id], articles: [a.id] }] });
    const out = renderMarkdown(tricky, [a]);
    expect(out).not.toContain('*rose*');
    expect(out).not.toContain('[see](http://x)');
  });

  it('is byte-identical for the same input', () => expect(renderMarkdown(report, [a, b])).toBe(md));
});
