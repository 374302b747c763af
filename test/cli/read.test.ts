import { describe, expect, it } from 'vitest';
import { SEEDS, claimtrace } from './helpers.js';

describe('claimtrace read', () => {
  it('prints the contract shape of one article as JSON', async () => {
    const r = await claimtrace(['read', `${SEEDS}/002_9c1f1b377c43c8ef.txt`, '--format', 'json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc).sort()).toEqual(['author', 'links', 'outlet', 'published', 'text', 'title', 'url']);
    expect(doc).toMatchObject({ outlet: 'Yicai', published: '2026-03-24' });
    expect(doc.text).toContain('Liu Liehong, director of the National Data Administration');
    expect(Array.isArray(doc.links)).toBe(true);
  });

  it('--format text prints the body text only', async () => {
    const r = await claimtrace(['read', `${SEEDS}/000_3eecd60057be17cf.txt`, '--format', 'text']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("China's Daily Token Usage Surpasses 140 Trillion");
    expect(r.stdout.trimStart().startsWith('{')).toBe(false);
  });

  it('a missing file: one line naming it, exit 2', async () => {
    const r = await claimtrace(['read', 'sources/nope.txt']);
    expect(r.status).toBe(2);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(/^claimtrace: sources\/nope\.txt: /);
    expect(r.stdout).toBe('');
  });
});
