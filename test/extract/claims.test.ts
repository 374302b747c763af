import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../src/extract/index.js';
import { readText } from '../../src/ingest/text.js';
import type { Claim } from '../../src/store/schema.js';

const dir = join(import.meta.dirname, '../../sources/articles');
const seeds = new Map<string, { source: string; claims: Claim[] }>();
for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
  const source = readFileSync(join(dir, file), 'utf8');
  const read = readText(file, source);
  const claims = extractClaims(read, { articleId: file.slice(0, 3), published: read.meta.published?.value ?? null });
  seeds.set(file.slice(0, 3), { source, claims });
}

const near = (a: number, b: number) => Math.abs(a - b) <= 0.01 * Math.max(Math.abs(a), Math.abs(b));
const withValue = (key: string, value: number) => seeds.get(key)!.claims.filter((c) => c.value && near(c.value.min, value));
const contains = (c: Claim, day: string) => c.period !== null && c.period.start <= day && day <= c.period.end;

describe('claims read from the seed articles', () => {
  it('every quote is the file text between start and end', () => {
    for (const { source, claims } of seeds.values()) {
      for (const c of claims) expect(source.slice(c.start, c.end)).toBe(c.quote);
    }
  });

  it('every figure is finite and every figure span lies inside its quote', () => {
    for (const { claims } of seeds.values()) {
      for (const c of claims) {
        if (c.value) expect(Number.isFinite(c.value.min) && Number.isFinite(c.value.max)).toBe(true);
        if (c.figure) expect(c.figure.start >= c.start && c.figure.end <= c.end).toBe(true);
      }
    }
  });

  // Figure, period and attribution of the claims an editor checks (seeds.gold.json).
  const table: Array<{ article: string; value: number; day?: string; attribution?: string; unit?: string; per?: string; bound?: 'lower' }> = [
    { article: '002', value: 1.4e14, day: '2026-03-15', attribution: 'Liu Liehong', unit: 'token', per: 'day', bound: 'lower' },
    { article: '002', value: 1e14, day: '2025-12-31', unit: 'token' },
    { article: '002', value: 1e11, day: '2024-01-15' },
    { article: '004', value: 1e14, day: '2025-12-31' },
    { article: '004', value: 1e12, day: '2025-02-01', attribution: 'National Data Administration' },
    { article: '003', value: 1e11, day: '2024-03-15' },
    { article: '003', value: 1.296e13, attribution: 'OpenRouter', unit: 'token' },
    { article: '001', value: 1.4e14, day: '2026-03-15', per: 'day' },
    { article: '000', value: 1.4e14, day: '2026-03-15' },
  ];
  it.each(table)('$article: $value', (row) => {
    const found = withValue(row.article, row.value).filter((c) => c.kind === 'figure');
    expect(found.length).toBeGreaterThan(0);
    if (row.day) expect(found.some((c) => contains(c, row.day!))).toBe(true);
    if (row.attribution) expect(found.some((c) => (c.attribution ?? '').includes(row.attribution!))).toBe(true);
    if (row.unit) expect(found.some((c) => c.value!.unit === row.unit)).toBe(true);
    if (row.per) expect(found.some((c) => c.value!.per === row.per)).toBe(true);
    if (row.bound) expect(found.some((c) => c.value!.bound === row.bound)).toBe(true);
  });

  it('reads the same metric for the national daily figure in every article, and another for the weekly OpenRouter count', () => {
    const keys = ['000', '001', '002', '003', '004'].map((a) => withValue(a, 1.4e14).find((c) => c.kind === 'figure')?.metricKey);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toBeTruthy();
    const openrouter = withValue('003', 1.296e13)[0];
    expect(openrouter.metricKey).not.toBe(keys[0]);
  });

  it('links the points of a series', () => {
    const points = seeds.get('004')!.claims.filter((c) => c.series);
    const values = points.map((c) => c.value!.min).sort((a, b) => a - b);
    expect(values).toEqual([1e12, 1e14, 1.4e14]);
    expect(new Set(points.map((c) => c.series!.id)).size).toBe(1);
  });

  it('derives a price per unit from a payment for a quantity', () => {
    const prices = seeds.get('003')!.claims.filter((c) => c.metricKey?.startsWith('price:') && c.subjectKey === 'deepseek-v3.2');
    const perMillion = prices.map((c) => c.value!.min).sort();
    expect(perMillion.some((v) => near(v, 0.42))).toBe(true);
    expect(perMillion.some((v) => near(v, 1.1))).toBe(true);
  });

  it('dates the statements: March 23 at the forum, March 24 "today" under the Yicai dateline', () => {
    const event = (a: string) => seeds.get(a)!.claims.filter((c) => c.kind === 'event' && c.event?.type === 'statement');
    expect(event('000').some((c) => c.period?.start === '2026-03-23')).toBe(true);
    expect(event('001').some((c) => c.period?.start === '2026-03-23')).toBe(true);
    expect(event('002').some((c) => c.period?.start === '2026-03-24' && c.event?.actor === 'Liu Liehong')).toBe(true);
  });

  it('relates a stated change to the figures it joins', () => {
    const change = seeds.get('002')!.claims.find((c) => c.kind === 'change' && c.value && near(c.value.min, 40) && c.block !== 'title');
    expect(change?.change?.from).toBeTruthy();
    expect(change?.change?.to).toBeTruthy();
  });
});
