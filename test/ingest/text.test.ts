import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spanToSource } from '../../src/ingest/builder.js';
import { readText } from '../../src/ingest/text.js';
import type { ArticleMeta, ReadResult } from '../../src/ingest/types.js';

const SEEDS = join(import.meta.dirname, '../../sources/articles');
const seed = (prefix: string): { path: string; source: string } => {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}`);
  const path = join(SEEDS, name);
  return { path, source: readFileSync(path, 'utf8') };
};

/** Value and a part of `how` for each field (null: unknown). */
type Expect = Record<keyof ArticleMeta, null | { value: string; how: RegExp }>;

const seeds: { prefix: string; meta: Expect }[] = [
  {
    prefix: '000',
    meta: {
      title: { value: "China's Daily Token Usage Surpasses 140 Trillion, Marking a 1,000-Fold Increase in Two Years", how: /first line/ },
      outlet: null,
      author: null,
      published: { value: '2026-03-23', how: /'Timestamp:' line/ },
      url: null,
    },
  },
  {
    prefix: '001',
    meta: { title: null, outlet: { value: '1M Reviews', how: /Related coverage on 1M Reviews/ }, author: null, published: null, url: null },
  },
  {
    prefix: '002',
    meta: {
      title: { value: 'China’s Daily Token Usage Jumps 40% in Three Months', how: /glued to the dateline/ },
      outlet: { value: 'Yicai', how: /dateline '\(Yicai\) March 24 --'/ },
      author: null,
      published: { value: '2026-03-24', how: /year 2026 inferred from '2026 marks the start/ },
      url: null,
    },
  },
  {
    prefix: '003',
    meta: {
      title: null,
      outlet: { value: 'China Made & Tech', how: /byline 'By China Made & Tech Team\.': a team of the outlet/ },
      author: { value: 'China Made & Tech Team', how: /byline/ },
      published: null,
      url: null,
    },
  },
  { prefix: '004', meta: { title: null, outlet: null, author: null, published: null, url: null } },
];

/** Every sentence and block maps back to the same characters of the file. */
function expectAnchored(r: ReadResult): void {
  for (const span of [...r.sentences, ...r.blocks]) {
    const back = spanToSource(r.runs, span);
    expect(r.source.slice(back.start, back.end)).toBe(r.text.slice(span.start, span.end));
  }
}

describe('readText on the seed articles', () => {
  for (const s of seeds) {
    it(`${s.prefix}: metadata`, () => {
      const { path, source } = seed(s.prefix);
      const r = readText(path, source);
      for (const key of Object.keys(s.meta) as (keyof ArticleMeta)[]) {
        const want = s.meta[key];
        const got = r.meta[key];
        if (want === null) expect(got, key).toBeNull();
        else {
          expect(got?.value, key).toBe(want.value);
          expect(got?.origin, key).toBe('inferred');
          expect(got?.how, key).toMatch(want.how);
        }
      }
    });
    it(`${s.prefix}: sentences and blocks point back into the file`, () => {
      const { path, source } = seed(s.prefix);
      const r = readText(path, source);
      expect(r.format).toBe('text');
      expect(r.sentences.length).toBeGreaterThan(10);
      expectAnchored(r);
      // Every non-blank line of the file is somewhere in the text.
      for (const line of source.split(/\r?\n/)) if (line.trim()) expect(r.text).toContain(line.trim().replace(/^[-–•*]\s*/, '').slice(0, 40));
    });
  }

  it('002: the headline glued to the dateline is split into title, dateline and paragraph', () => {
    const { path, source } = seed('002');
    const r = readText(path, source);
    const kinds = r.blocks.slice(0, 3).map((b) => [b.kind, r.text.slice(b.start, b.end).slice(0, 30)]);
    expect(kinds).toEqual([
      ['title', 'China’s Daily Token Usage Jump'],
      ['meta', '(Yicai) March 24 --'],
      ['paragraph', 'China’s use of artificial inte'],
    ]);
    expect(r.notes.join(' ')).toMatch(/year 2026 of the dateline inferred/);
    expect(r.notes).toContain("'Tom Litting' is named as the editor, not taken as the author");
  });

  it('001: the related-coverage list is boilerplate, headings are headings', () => {
    const { path, source } = seed('001');
    const r = readText(path, source);
    const kindOf = (start: string): string | undefined => r.blocks.find((b) => r.text.slice(b.start, b.end).startsWith(start))?.kind;
    expect(kindOf('China now has an official AI throughput number')).toBe('heading');
    expect(kindOf('Related coverage on 1M Reviews')).toBe('meta');
    expect(kindOf('Alibaba breaks out Token Hub')).toBe('boilerplate');
    expect(r.links.map((l) => l.url)).toContain('https://www.ithome.com/0/931/873.htm');
  });

  it('003: picture descriptions are captions', () => {
    const { path, source } = seed('003');
    const r = readText(path, source);
    const captions = r.blocks.filter((b) => b.kind === 'caption').map((b) => r.text.slice(b.start, b.end));
    expect(captions).toHaveLength(3);
    expect(captions[0]).toMatch(/^China daily AI token usage growth trend/);
  });
});

const read = (source: string) => readText('a.txt', source);
const blocks = (source: string) => {
  const r = read(source);
  return r.blocks.map((b) => [b.kind, r.text.slice(b.start, b.end)]);
};

describe('readText: blocks', () => {
  it('one paragraph per line, blank lines or not', () => {
    expect(blocks('First paragraph here.\nSecond paragraph here.\n\nThird one.')).toEqual([
      ['paragraph', 'First paragraph here.'],
      ['paragraph', 'Second paragraph here.'],
      ['paragraph', 'Third one.'],
    ]);
  });
  it('list items without their markers, with depth', () => {
    const r = read('Intro text:\n- one item\n* two item\n• three\n1. four\n  - nested');
    expect(r.blocks.map((b) => [b.kind, r.text.slice(b.start, b.end), b.depth ?? null])).toEqual([
      ['paragraph', 'Intro text:', null],
      ['list-item', 'one item', 1],
      ['list-item', 'two item', 1],
      ['list-item', 'three', 1],
      ['list-item', 'four', 1],
      ['list-item', 'nested', 2],
    ]);
  });
  it('a short line without final punctuation before a paragraph is a heading', () => {
    expect(blocks('Opening paragraph of the story.\nWhat happens next\nThe next paragraph says so.')[1]).toEqual(['heading', 'What happens next']);
  });
  it('a line broken inside a sentence is joined', () => {
    expect(blocks('The bureau said that\nthe figure rose.')).toEqual([['paragraph', 'The bureau said that\nthe figure rose.']]);
  });
  it('hard-wrapped text is read paragraph by paragraph', () => {
    const para = [
      'The National Data Administration said on Monday that daily token use',
      'passed 140 trillion in March, up from 100 trillion at the end of last',
      'year. The agency gave no method for the count and did not say which',
      'platforms were included in the total it reported to the forum today.',
    ].join('\n');
    const r = read(`${para}\n\n${para}`);
    expect(r.blocks).toHaveLength(2);
    expect(r.sentences.map((s) => r.text.slice(s.start, s.end).split(/\s+/).slice(0, 3).join(' '))).toEqual([
      'The National Data',
      'The agency gave',
      'The National Data',
      'The agency gave',
    ]);
    expect(r.notes).toContain('hard-wrapped text: lines joined into paragraphs at blank lines');
  });
  it('CRLF files keep their offsets', () => {
    const source = 'Headline Of The Story\r\n\r\nFirst sentence. Second sentence.\r\nAnother paragraph.\r\n';
    const r = read(source);
    expectAnchored(r);
    expect(r.meta.title?.value).toBe('Headline Of The Story');
    expect(r.sentences.map((s) => r.text.slice(s.start, s.end))).toEqual(['Headline Of The Story', 'First sentence.', 'Second sentence.', 'Another paragraph.']);
  });
  it('page furniture is boilerplate', () => {
    expect(blocks('Body text of the story.\nAdvertisement\nMore body text.').map((b) => b[0])).toEqual(['paragraph', 'boilerplate', 'paragraph']);
  });
});

describe('readText: metadata', () => {
  const cases: { name: string; source: string; meta: Partial<Record<keyof ArticleMeta, string | null>> }[] = [
    {
      name: 'Reuters dateline with a year in the text',
      source: 'China token use tops 140 trillion\nBEIJING, March 24 (Reuters) - China said on Tuesday that usage rose in March 2026.\nMore text.',
      meta: { title: 'China token use tops 140 trillion', outlet: 'Reuters', published: '2026-03-24' },
    },
    {
      name: 'AP dateline without a date',
      source: 'WASHINGTON (AP) — The Senate voted 52-48 on Tuesday.\nMore text follows here.',
      meta: { outlet: 'AP', published: null },
    },
    {
      name: 'dateline with a full date',
      source: 'NEW YORK, Oct. 12, 2012 (Reuters) - Stocks fell.\nMore text.',
      meta: { outlet: 'Reuters', published: '2012-10-12' },
    },
    {
      name: 'dateline month without a year anywhere',
      source: '(Yicai) March 24 -- Usage rose sharply, officials said.\nNothing else here.',
      meta: { outlet: 'Yicai', published: null },
    },
    {
      name: 'byline at the top with a date',
      source: 'By Jane Doe and John Roe | March 23, 2026\n\nThe figure rose.',
      meta: { author: 'Jane Doe and John Roe', published: '2026-03-23', outlet: null },
    },
    {
      name: 'prose that starts with By is not a byline',
      source: 'By the end of 2025, usage had reached 100 trillion.\nBy March, it had passed 140 trillion.',
      meta: { author: null },
    },
    {
      name: 'labelled lines',
      source: 'Title: Token use soars\nAuthor: Li Wei\nPublished: 2026-03-24T09:00:00+08:00\nURL: https://example.com/a\n\nBody sentence here.',
      meta: { title: 'Token use soars', author: 'Li Wei', published: '2026-03-24', url: 'https://example.com/a' },
    },
    {
      name: 'an Updated line sets nothing',
      source: 'Updated: March 25, 2026\n\nBody sentence here.',
      meta: { published: null },
    },
    {
      name: 'copyright line names the outlet',
      source: 'Body sentence here.\n© 2026 Yicai Global. All rights reserved.',
      meta: { outlet: 'Yicai Global' },
    },
    {
      name: 'a first line that is a sentence is no title',
      source: 'China’s top data official said on March 23 that usage rose.\nMore.',
      meta: { title: null },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = read(c.source);
      for (const [key, value] of Object.entries(c.meta)) expect(r.meta[key as keyof ArticleMeta]?.value ?? null, key).toBe(value);
      expectAnchored(r);
    });
  }

  it('declared metadata wins and says so', () => {
    const r = readText('a.txt', 'Timestamp: March 23, 2026 at 03:50 PM\n\nBody.', { published: '2026-03-20', outlet: 'Yicai' });
    expect(r.meta.published).toEqual({ value: '2026-03-20', origin: 'declared', how: 'declared' });
    expect(r.meta.outlet).toEqual({ value: 'Yicai', origin: 'declared', how: 'declared' });
  });

  it('never throws on odd input', () => {
    for (const source of ['', '\n\n\n', '(', 'By', '- ', '\r', '\u2028', 'x'.repeat(10000)]) expect(() => read(source)).not.toThrow();
  });
});
