import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { claimtrace, tempDir } from './helpers.js';

const TEXT = 'Average daily token usage in China has exceeded 140 trillion so far this month, up from 100 trillion at the end of last year, Liu Liehong told reporters.\n';

interface Mention {
  text: string;
  start: number;
  end: number;
}

describe('claimtrace extract', () => {
  it('reads standard input and prints quantities, periods and claims with offsets into the text', async () => {
    const r = await claimtrace(['extract', '-', '--published', '2026-03-24', '--format', 'json'], { input: TEXT });
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { quantities: Array<Mention & { value: { min: number } }>; periods: Mention[]; claims: unknown[] };
    expect(Object.keys(doc).sort()).toEqual(['claims', 'periods', 'quantities']);
    for (const m of [...doc.quantities, ...doc.periods]) expect(TEXT.slice(m.start, m.end)).toBe(m.text);
    expect(doc.quantities.some((q) => q.text.includes('140 trillion') && q.value.min === 1.4e14)).toBe(true);
    expect(doc.periods.length).toBeGreaterThan(0);
    expect(doc.claims.length).toBeGreaterThan(0);
  });

  it('reads a file the same way', async () => {
    const tmp = tempDir();
    try {
      const file = join(tmp.dir, 'note.txt');
      writeFileSync(file, TEXT);
      const fromFile = await claimtrace(['extract', file, '--published', '2026-03-24']);
      const fromStdin = await claimtrace(['extract', '-', '--published', '2026-03-24'], { input: TEXT });
      expect(fromFile.status).toBe(0);
      expect(JSON.parse(fromFile.stdout).quantities).toEqual(JSON.parse(fromStdin.stdout).quantities);
    } finally {
      tmp.cleanup();
    }
  });

  it('empty input: one line, exit 2', async () => {
    const r = await claimtrace(['extract', '-'], { input: '' });
    expect(r.status).toBe(2);
    expect(r.lines).toEqual(['claimtrace: standard input: empty file']);
  });
});
