import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Heading, Root, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { formatNumber, formatValue, renderMarkdown, type ReportLimits } from '../../src/report/markdown.js';
import type { ClaimValue } from '../../src/store/schema.js';
import { markdownReport } from '../../src/report/write.js';
import { storyClaims, storyReport } from './fixture.js';

const v = (min: number, unit: string | null, extra: Partial<ClaimValue> = {}): ClaimValue => ({ min, max: min, unit, per: null, approx: false, bound: null, ...extra });
const parse = (md: string): Root => unified().use(remarkParse).use(remarkGfm).parse(md);

/** The heading texts of a depth, in order. */
const headings = (tree: Root, depth: number): string[] => {
  const out: string[] = [];
  visit(tree, 'heading', (h: Heading) => {
    if (h.depth === depth) out.push(toString(h));
  });
  return out;
};
/** Every table, as rows of cell texts. */
const tables = (tree: Root): string[][][] => {
  const out: string[][][] = [];
  visit(tree, 'table', (t: Table) => {
    out.push(t.children.map((r) => r.children.map((c) => toString(c))));
  });
  return out;
};

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
    // plurals of the counted noun, irregular or not, and not of a rate's denominator
    [v(12, 'people'), '12 people'],
    [v(3, 'man'), '3 men'],
    [v(4, 'casualty'), '4 casualties'],
    [v(70, 'mile per hour', { approx: true }), 'about 70 miles per hour'],
    [v(1, 'square mile'), '1 square mile'],
    [v(2, 'square mile'), '2 square miles'],
  ];
  for (const [value, words] of cases) it(words, () => expect(formatValue(value)).toBe(words));

  it('formatNumber keeps four significant digits at scale', () => expect(formatNumber(1234567890)).toBe('1.235 billion'));
});

describe('renderMarkdown on the seeds’ story', () => {
  const { report, records } = storyReport();
  const md = renderMarkdown(report, records);
  const tree = parse(md);

  it('parses back into the sections, in the order of the issue', () => {
    expect(headings(tree, 1)).toEqual(['claimtrace report']);
    expect(headings(tree, 2)).toEqual(['Summary', 'Discrepancies', 'Claim groups', 'Provenance', 'Single-source figures', 'Articles']);
  });

  it('puts the series conflict first, both sides in one table with the figure in bold and file:line', () => {
    const first = headings(tree, 3)[0];
    expect(first).toMatch(/^1\. WARNING: Tech Blog .* starts the series .* at '1 trillion'/);
    const [sides] = tables(tree);
    expect(sides[0]).toEqual(['Side', 'Outlet', 'Date', 'Quoted sentence', 'Where']);
    expect(sides.slice(1).map((r) => [r[0].slice(0, 2), r[1], r[4]])).toEqual([
      ['A:', 'Tech Blog', 'sources/articles/e.txt:1'],
      ['B:', 'China News Service', 'sources/articles/a.txt:1'],
      ['B:', 'Yicai', 'sources/articles/b.txt:1'],
      ['B:', 'Xinhua', 'sources/articles/c.txt:1'],
      ['B:', 'Global Times', 'sources/articles/d.txt:1'],
    ]);
    expect(md).toContain('“China\'s daily token usage was **1 trillion** in 2025-01-01/2025-04-30.”');
    expect(md).toMatch(/Rule `series-conflict` · finding `f-[0-9a-f]+` · review: open/);
  });

  it('tables each shared fact with the figure as each article writes it, its articles and origins', () => {
    const groups = tables(tree).find((t) => t[0][0] === 'Group')!;
    const march = groups.find((r) => r[1] === 'China · daily token usage · 2026-03')!;
    expect(march.slice(2, 5)).toEqual(['corroborated', '5', '1']);
    expect(march[5]).toBe('China News Service: “over 140 trillion”; Yicai: “over 140 trillion”; Xinhua: “over 140 trillion”; Global Times: “over 140 trillion”; Tech Blog: “over 140 trillion”');
  });

  it('follows each shared fact to its origin, and lists the single-source figure', () => {
    expect(md).toContain('5 articles, 1 independent origin; first reported by China News Service on 2026-03-23.');
    expect(md).toContain('- **Origin: National Data Administration** — 5 articles');
    expect(md).toContain('  - Tech Blog, 2026-03-23 (`sources/articles/e.txt:1`) → cites no source → Liu Liehong, National Data Administration');
    const single = tables(tree).find((t) => t[0][0] === 'Fact')!;
    expect(single.slice(1).map((r) => [r[2], r[4]])).toEqual([['Tech Blog', 'sources/articles/e.txt:1']]);
  });

  it('lists per article its metadata with origins, the claims read and the sources cited', () => {
    expect(headings(tree, 3)).toContain('Story e');
    expect(md).toMatch(/\| outlet \| Tech Blog \| declared: test \|/);
    expect(md).toContain('**Claims read: 3**');
    expect(md).toContain('- `sources/articles/e.txt:1` “1 trillion” — China · daily token usage · 2025-01-01/2025-04-30');
    expect(md).toContain('**Sources cited: 0**');
  });

  it('says where timelines go when the report is not saved, and links them when it is', () => {
    expect(renderMarkdown(report, records, { charts: null })).toContain('written beside the report when it is saved to a file');
    const linked = renderMarkdown(report, records, { charts: [{ path: 'report-charts/x.svg', title: 'Timeline: x', caption: 'One stands apart.' }] });
    const images: string[] = [];
    visit(parse(linked), 'image', (n) => {
      images.push(n.url);
    });
    expect(images).toEqual(['report-charts/x.svg']);
  });

  it('is byte-identical for the same input, whatever order the claims come in', () => {
    expect(renderMarkdown(report, records)).toBe(md);
    const shuffled = storyReport([...storyClaims()].reverse());
    expect(renderMarkdown(shuffled.report, [...shuffled.records].reverse())).toBe(md);
  });
});

describe('quotes stay literal text', () => {
  // Hostile sentences as article e writes them; each keeps its figure so it reaches the report.
  const hostile = [
    (f: string) => `Usage | was ${f} | per day *really* and __bold__.`,
    (f: string) => `<script>alert("x")</script> usage hit ${f} <b>today</b>.`,
    (f: string) => `See [the data](http://evil.example/x) and https://evil.example: ${f}.`,
    (f: string) => `# Heading ${f}\n## another\n> quoted\n- item`,
    (f: string) => `Usage was \`${f}\` ![img](x.png) \\ [^1] ~~struck~~ &amp; end.`,
  ];
  for (const [i, quote] of hostile.entries()) {
    it(`hostile quote ${i + 1}`, () => {
      const claims = storyClaims(quote);
      const { report, records } = storyReport(claims);
      const tree = parse(renderMarkdown(report, records));
      // Nothing from the quote turned into structure: only the report's own links, html, headings.
      const kinds = new Set<string>();
      visit(tree, (n) => {
        kinds.add(n.type);
      });
      for (const bad of ['html', 'link', 'image', 'blockquote', 'delete', 'footnoteReference', 'emphasis']) expect(kinds.has(bad), bad).toBe(false);
      expect(headings(tree, 2)).toEqual(['Summary', 'Discrepancies', 'Claim groups', 'Provenance', 'Single-source figures', 'Articles']);
      // The quoted sentence reads back exactly as written (whitespace collapsed), in its table cell.
      const sentence = `“${quote('1 trillion').replace(/\s+/g, ' ').trim()}”`;
      const cells = tables(tree).flatMap((t) => t.flatMap((r) => r));
      expect(cells).toContain(sentence);
      // Each table keeps its number of columns (a `|` in a quote does not add one).
      for (const t of tables(tree)) for (const r of t) expect(r).toHaveLength(t[0].length);
    });
  }
});

describe('limits on a large store', () => {
  const { report, records } = storyReport();
  const lines = (limits: Partial<ReportLimits>): string[] => renderMarkdown(report, records, { limits }).split('\n');
  const json = '`claimtrace check --format json` lists them all.';
  const cases: Array<[string, Partial<ReportLimits>, string]> = [
    ['claims per side of a finding', { sideRows: 1 }, `Left out here: 3 more claims on side B (100 billion tokens per day, 2024-01-01/2024-04-30); ${json}`],
    ['info findings', { infoFindings: 0 }, `Left out here: 1 more info finding; ${json}`],
    ['errors and warnings', { findings: 0 }, `Left out here: 1 more warning finding; ${json}`],
    ['wordings of a group', { wordings: 1 }, '| `g-70eb0a968e` | China · daily token usage · 2024-01-01/2024-04-30 | corroborated | 4 | 1 | China News Service: “100 billion”; and 3 more |'],
    ['provenance of groups', { provenanceGroups: 1 }, 'Left out here: the provenance of 2 more claim groups; `claimtrace provenance` lists them all.'],
    ['claims of an article', { articleClaims: 1 }, '- and 2 more claims'],
    ['articles of the appendix', { articles: 1 }, 'Left out here: 4 more articles; `claimtrace articles` lists them all.'],
  ];
  for (const [what, limits, line] of cases) {
    it(`cuts ${what} and says how many were left out, and where they are`, () => {
      expect(lines(limits)).toContain(line);
      expect(lines({}).filter((l) => l.startsWith('Left out here'))).toEqual([]);
    });
  }

  it('keeps the groups most articles give when it cuts them', () => {
    const shared = report.groups.filter((g) => g.status !== 'single-source');
    expect(shared.length).toBeGreaterThan(1);
    const md = lines({ groups: 1 });
    expect(md).toContain(`Left out here: ${shared.length - 1} more claim group${shared.length > 2 ? 's' : ''}; ${json}`);
    const rows = md.filter((l) => l.startsWith('| `g-'));
    expect(rows).toHaveLength(1);
    const kept = shared.find((g) => rows[0].startsWith(`| \`${g.id}\``))!;
    expect(kept.articles.length).toBe(Math.max(...shared.map((g) => g.articles.length)));
  });

  it('keeps a conflicting group before any other', () => {
    const conflicting = storyReport(storyClaims().map((c) => (c.article === 'd' && c.value?.min === 1e14 ? { ...c, value: { ...c.value, min: 3e14, max: 3e14 }, figure: c.figure && { ...c.figure, text: '300 trillion' } } : c)));
    const shared = conflicting.report.groups.filter((g) => g.status !== 'single-source');
    const bad = shared.filter((g) => g.status === 'conflicting');
    expect(bad.length).toBeGreaterThan(0);
    const rows = renderMarkdown(conflicting.report, conflicting.records, { limits: { groups: bad.length } }).split('\n').filter((l) => l.startsWith('| `g-'));
    expect(rows.map((r) => r.split('`')[1]).sort()).toEqual(bad.map((g) => g.id).sort());
  });

  it('draws the timelines up to its limit and says how many it left out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ct-charts-'));
    try {
      const out = join(dir, 'report.md');
      const all = await markdownReport(report, records, { out });
      const drawn = readdirSync(join(dir, 'report-charts'));
      expect(drawn.length).toBeGreaterThan(0);
      expect(all).not.toContain('more timeline');
      const none = await markdownReport(report, records, { out, limits: { charts: 0 } });
      expect(none).toContain(`Left out here: ${drawn.length} more timeline${drawn.length > 1 ? 's' : ''}; \`claimtrace serve\` draws the timeline of each finding.`);
      expect(readdirSync(join(dir, 'report-charts'))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the first claims of each side, in report order', () => {
    const cut = renderMarkdown(report, records, { limits: { sideRows: 1 } });
    const full = renderMarkdown(report, records);
    const rows = (md: string) => tables(parse(md))[0].slice(1);
    const kept = rows(cut);
    expect(kept).toHaveLength(2);
    for (const row of kept) expect(rows(full)).toContainEqual(row);
  });
});
