import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spanToSource } from '../../src/ingest/builder.js';
import { alignPieces, readMarkdown } from '../../src/ingest/markdown.js';
import type { ReadResult } from '../../src/ingest/types.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/ingest/markdown');
const fixture = (name: string): ReadResult => {
  const path = join(FIXTURES, name);
  return readMarkdown(path, readFileSync(path, 'utf8'));
};
const blockList = (r: ReadResult) => r.blocks.map((b) => [b.kind, r.text.slice(b.start, b.end)]);

/** Exact runs are the same characters in the text and in the file. */
function expectRunsExact(r: ReadResult): void {
  for (const run of r.runs) {
    if (!run.exact) continue;
    expect(r.source.slice(run.sourceStart, run.sourceStart + run.length)).toBe(r.text.slice(run.plainStart, run.plainStart + run.length));
  }
}

describe('readMarkdown: front-matter.md', () => {
  const r = fixture('front-matter.md');

  it('reads front matter as declared metadata', () => {
    expect(r.format).toBe('markdown');
    expect(r.meta).toEqual({
      title: { value: 'Data bureau says daily token use passed 140 trillion', origin: 'declared', how: 'front matter' },
      outlet: { value: 'Example Wire', origin: 'declared', how: 'front matter' },
      author: { value: 'Li Wei, Jane Doe', origin: 'declared', how: 'front matter' },
      published: { value: '2026-03-24', origin: 'declared', how: 'front matter' },
      url: { value: 'https://example.com/news/tokens', origin: 'declared', how: 'front matter' },
    });
  });

  it('makes blocks from the tree, dropping HTML and code', () => {
    expect(blockList(r)).toEqual([
      ['title', 'Data bureau says daily token use passed 140 trillion'],
      ['paragraph', "China's daily token use passed 140 trillion in March, the National Data Administration said. It was 100 trillion at the end of 2025 & 100 billion in early 2024."],
      ['paragraph', 'The bureau called the token a *settlement unit* and used the tokens/day measure.\nA second line of the same paragraph, wrapped.'],
      ['quote', '"Tokens can be measured, priced and traded," Liu said.\nHe gave no method.'],
      ['list-item', 'First point: usage rose 40% in three months.'],
      ['list-item', 'Second point, with a nested list:'],
      ['list-item', 'nested item about 890 petabytes'],
      ['table-cell', 'Year'],
      ['table-cell', 'Daily tokens'],
      ['table-cell', '2024'],
      ['table-cell', '100 billion'],
      ['table-cell', '2026'],
      ['table-cell', '140 trillion'],
      ['paragraph', 'See the full statement for details.'],
    ]);
    expect(r.blocks.filter((b) => b.kind === 'list-item').map((b) => b.depth)).toEqual([1, 1, 2]);
    expect(r.notes).toEqual(['dropped 1 raw HTML node', 'skipped 1 code block']);
    expect(r.text).not.toContain('Advertisement');
  });

  it('keeps text pieces at their places in the file', () => {
    expectRunsExact(r);
    const at = (needle: string): string => {
      const start = r.text.indexOf(needle);
      const span = spanToSource(r.runs, { start, end: start + needle.length });
      return r.source.slice(span.start, span.end);
    };
    expect(at('140 trillion in March')).toBe('140 trillion** in March');
    expect(at('tokens/day')).toBe('tokens/day');
    expect(at('& 100 billion')).toBe('&amp; 100 billion');
    expect(at('He gave no method.')).toBe('He gave no method.');
    expect(at('nested item about 890 petabytes')).toBe('nested item about 890 petabytes');
  });

  it('records links with their anchors, references resolved', () => {
    expect(r.links.map((l) => ({ text: l.text, url: l.url, anchor: r.text.slice(l.start, l.end) }))).toEqual([
      { text: 'National Data Administration', url: 'https://www.nda.gov.cn/', anchor: 'National Data Administration' },
      { text: 'full statement', url: 'https://example.com/statement', anchor: 'full statement' },
    ]);
  });

  it('splits sentences inside blocks', () => {
    expect(r.sentences.map((s) => r.text.slice(s.start, s.end)).slice(1, 3)).toEqual([
      "China's daily token use passed 140 trillion in March, the National Data Administration said.",
      'It was 100 trillion at the end of 2025 & 100 billion in early 2024.',
    ]);
  });
});

describe('readMarkdown: other fixtures', () => {
  it('dateline.md: title from the heading, byline and dateline as metadata', () => {
    const r = fixture('dateline.md');
    expect(blockList(r)).toEqual([
      ['title', 'Senate passes the budget bill'],
      ['meta', 'By Jane Doe'],
      ['meta', 'WASHINGTON, Oct. 12, 2012 (AP) —'],
      ['paragraph', 'The Senate voted 52-48 on Thursday to pass the bill.'],
      ['paragraph', 'Senators said the vote was close. The House votes next week.'],
    ]);
    expect(r.meta.title).toEqual({ value: 'Senate passes the budget bill', origin: 'inferred', how: 'first level-1 heading' });
    expect(r.meta.author?.value).toBe('Jane Doe');
    expect(r.meta.outlet?.value).toBe('AP');
    expect(r.meta.published?.value).toBe('2012-10-12');
    expectRunsExact(r);
  });

  it('placeholders.md: "(untitled)" and "unknown" declare nothing', () => {
    const r = fixture('placeholders.md');
    expect(r.meta.title).toBeNull();
    expect(r.meta.outlet).toBeNull();
    expect(r.notes).toEqual(['front matter: title "(untitled)" read as unknown', 'front matter: outlet "unknown" read as unknown']);
    expect(r.sentences.map((s) => r.text.slice(s.start, s.end))).toEqual([
      'U.S. Border Patrol agents fired tear gas at migrants on Nov. 25, officials said.',
      '"Is this legal?" asked Sen. Brian Schatz, D-Hawaii.',
    ]);
  });

  it('broken-front-matter.md: a note, and the heading is the title', () => {
    const r = fixture('broken-front-matter.md');
    expect(r.notes[0]).toMatch(/^front matter is not valid YAML/);
    expect(r.meta.title?.value).toBe('A heading that becomes the title');
  });

  it('declared metadata wins over front matter', () => {
    const path = join(FIXTURES, 'front-matter.md');
    const r = readMarkdown(path, readFileSync(path, 'utf8'), { outlet: 'Other Wire', published: '2026-03-25' });
    expect(r.meta.outlet).toEqual({ value: 'Other Wire', origin: 'declared', how: 'declared' });
    expect(r.meta.published?.value).toBe('2026-03-25');
    expect(r.meta.title?.how).toBe('front matter');
  });

  it('never throws on odd input', () => {
    for (const source of ['', '---\n---\n', '# \n', '<script>alert(1)</script>', '[a]: b\n[a]', '| a |\n| - |', '> \n>']) {
      expect(() => readMarkdown('a.md', source)).not.toThrow();
    }
  });
});

describe('alignPieces', () => {
  const cases: { name: string; value: string; source: string; pieces: [string, number, boolean][] }[] = [
    { name: 'identical', value: 'abc', source: 'abc', pieces: [['abc', 0, true]] },
    { name: 'escape', value: 'a*b', source: 'a\\*b', pieces: [['a', 0, true], ['*b', 2, true]] },
    { name: 'entity', value: 'a & b', source: 'a &amp; b', pieces: [['a ', 0, true], ['&', 2, false], [' b', 7, true]] },
    { name: 'numeric entity', value: 'x—y', source: 'x&#8212;y', pieces: [['x', 0, true], ['—', 1, false], ['y', 8, true]] },
    { name: 'quote prefix after a line break', value: 'one\ntwo', source: 'one\n> two', pieces: [['one\n', 0, true], ['two', 6, true]] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(alignPieces(c.value, c.source, 0, c.source.length).map((p) => [p.text, p.sourceStart, p.exact ?? true])).toEqual(c.pieces);
    });
  }
});

describe('readMarkdown: a headline given only in the front matter', () => {
  const cases: [string, string, string][] = [
    ['double-quoted', '---\ntitle: "Clintons Report Earnings of $139 Million in Seven Years"\noutlet: NYT\n---\n\nHillary Rodham Clinton on Friday released eight years of returns.\n', 'Clintons Report Earnings of $139 Million in Seven Years'],
    ['bare', '---\nheadline: 4.6 quake rattles Sonoma County early Thursday\n---\n\nA quake struck.\n', '4.6 quake rattles Sonoma County early Thursday'],
    ['single-quoted, after other keys', "---\nurl: https://example.com/a\ntitle: 'Lake County earthquake shakes Napa'\n---\n\nIt shook.\n", 'Lake County earthquake shakes Napa'],
  ];
  for (const [name, source, title] of cases) {
    it(`${name}: is the title block, at its place in the YAML`, () => {
      const r = readMarkdown('x.md', source);
      expect(blockList(r)[0]).toEqual(['title', title]);
      const at = spanToSource(r.runs, { start: r.blocks[0].start, end: r.blocks[0].end });
      expect(source.slice(at.start, at.end)).toBe(title);
      expectRunsExact(r);
    });
  }

  it('an escaped title cannot be placed, so no block is made for it', () => {
    const r = readMarkdown('x.md', '---\ntitle: "A \\"quoted\\" word"\n---\n\nBody text here.\n');
    expect(r.meta.title?.value).toBe('A "quoted" word');
    expect(r.blocks.map((b) => b.kind)).toEqual(['paragraph']);
  });

  it('a level-1 heading equal to the title stays the only title block', () => {
    const r = fixture('front-matter.md');
    expect(r.blocks.filter((b) => b.kind === 'title')).toHaveLength(1);
  });
});
