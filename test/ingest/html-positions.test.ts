/**
 * Positions in HTML with character entities: every figure, quote and entity span of a claim must
 * delimit, in the file, exactly the passage it was read from, however many `&amp;`, `&nbsp;` and
 * `&#8217;` the sentence holds before or at its ends.
 */
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { endToSource, spanToSource, toSource } from '../../src/ingest/builder.js';
import { readHtml } from '../../src/ingest/html.js';
import type { Run } from '../../src/ingest/types.js';
import { extractClaims } from '../../src/extract/index.js';

/** Any run of white space (no-break and thin spaces too) as one space. */
const normal = (s: string): string => s.replace(/[\s\u00a0\u2009]+/g, ' ');
/** What a browser shows for a stretch of HTML source: entities decoded, white space collapsed. */
const rendered = (html: string): string => normal(load(`<p>${html}</p>`)('p').text());

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>AT&amp;T &amp; Verizon: Q1 results &#8211; Example News</title></head>
<body><nav><a href="/">Home</a> &middot; <a href="/biz">Business</a></nav>
<article>
<h1>AT&amp;T&#8217;s revenue rises 3&#37; as Verizon adds subscribers</h1>
<p class="byline">By Jane O&#39;Neil &bull; April 24, 2024</p>
<p>AT&amp;T said on Tuesday that revenue rose to $30.2&nbsp;billion in the first quarter of 2024, up 3&#37;
   from a year earlier.</p>
<p>Verizon&#8217;s shares fell 4.5&nbsp;% after the company reported 1.2&nbsp;million new subscribers in March 2024.</p>
<p>Revenue at Ben &amp; Jerry&#x2019;s rose 7&#37; to &euro;1.5&nbsp;billion in 2023&#8212;its best year, according to the company&rsquo;s filing.</p>
<p>The firm said &ldquo;sales hit 2.4&#8201;million units&rdquo; in 2023 &mdash; up from 1.9&nbsp;million.</p>
<p>Prices fell 12&nbsp;&percnt; &amp; volumes rose 3&#x25;&#x20;in the quarter to March 2024&hellip;</p>
<p>&copy2024 &#128512; Costs reached &pound;40&nbsp;million&#x21;</p>
<p>Profits were &#36;12&nbsp;million&period; Revenue rose to &dollar;3.5&#xA0;billion&#x2e;</p>
</article>
<footer>&copy; 2024 Example News &amp; Co.</footer>
</body></html>
`;

describe('HTML claims: spans delimit their passage in the file', () => {
  const read = readHtml('page.html', PAGE);
  const claims = extractClaims(read, { articleId: 'a-test', published: '2024-04-24' });
  const figures = claims.flatMap((c) => (c.figure ? [c.figure] : []));

  /** The figures in document order, each with the exact source it must cover. */
  const table: { figure: string; source: string }[] = [
    { figure: '3%', source: '3&#37;' }, // in the headline
    { figure: '$30.2 billion', source: '$30.2&nbsp;billion' },
    { figure: '3%', source: '3&#37;' },
    { figure: '4.5 %', source: '4.5&nbsp;%' },
    { figure: '1.2 million', source: '1.2&nbsp;million' },
    { figure: '7%', source: '7&#37;' },
    { figure: '€1.5 billion', source: '&euro;1.5&nbsp;billion' },
    { figure: '2.4 million', source: '2.4&#8201;million' },
    { figure: '1.9 million', source: '1.9&nbsp;million' },
    { figure: '12 %', source: '12&nbsp;&percnt;' },
    { figure: '3%', source: '3&#x25;' },
    { figure: '£40 million', source: '&pound;40&nbsp;million' },
    { figure: '$12 million', source: '&#36;12&nbsp;million' },
    { figure: '$3.5 billion', source: '&dollar;3.5&#xA0;billion' },
  ];
  it('each figure covers its source exactly', () => {
    expect(figures.map((f) => ({ figure: normal(f.text), source: PAGE.slice(f.start, f.end) }))).toEqual(table);
  });
  it('each figure span renders as the figure', () => {
    for (const f of figures) expect(rendered(PAGE.slice(f.start, f.end))).toBe(normal(f.text));
  });

  it('every quote span renders as the quote', () => {
    expect(claims.length).toBeGreaterThanOrEqual(table.length);
    for (const c of claims) expect(rendered(PAGE.slice(c.start, c.end)).trim()).toBe(normal(c.quote));
  });

  it('every entity span renders as the entity', () => {
    const entities = claims.flatMap((c) => c.entities);
    expect(entities.length).toBeGreaterThan(0);
    for (const e of entities) expect(rendered(PAGE.slice(e.start, e.end))).toBe(normal(e.text));
  });

  it('a sentence ending on an entity ends after it', () => {
    const c = claims.find((x) => x.quote.startsWith('Prices fell'));
    expect(c && PAGE.slice(c.start, c.end).endsWith('March 2024&hellip;')).toBe(true);
  });
});

describe('run maps: the end of a span covers the source of its last character', () => {
  // "up 3% now": plain 0..4 exact ("up 3"), "%" from "&#37;" (5 source chars), " now" exact.
  const runs: Run[] = [
    { plainStart: 0, sourceStart: 10, length: 4, sourceLength: 4, exact: true },
    { plainStart: 4, sourceStart: 14, length: 1, sourceLength: 5, exact: false },
    { plainStart: 5, sourceStart: 19, length: 4, sourceLength: 4, exact: true },
  ];
  const cases: { plain: [number, number]; source: [number, number] }[] = [
    { plain: [3, 5], source: [13, 19] }, // "3%" → "3&#37;"
    { plain: [4, 5], source: [14, 19] }, // "%" alone
    { plain: [0, 4], source: [10, 14] }, // before the entity
    { plain: [5, 9], source: [19, 23] }, // after it
    { plain: [0, 9], source: [10, 23] }, // across it
    { plain: [4, 4], source: [14, 14] }, // empty
  ];
  for (const c of cases) {
    it(`[${c.plain.join(', ')})`, () => {
      expect(spanToSource(runs, { start: c.plain[0], end: c.plain[1] })).toEqual({ start: c.source[0], end: c.source[1] });
    });
  }
  it('start and end of a position between runs', () => {
    expect(toSource(runs, 5)).toBe(19);
    expect(endToSource(runs, 5)).toBe(19);
    expect(endToSource(runs, 4)).toBe(14);
  });
});
