/**
 * Authors of HTML pages without author metadata, read from their byline elements: the shapes of
 * real news pages (a byline span with a link, a "By … • date" line, a dateline marked up beside it).
 */
import { describe, expect, it } from 'vitest';
import { readHtml } from '../../src/ingest/html.js';

const page = (article: string): string =>
  `<!doctype html><html><head><title>Gunmen attack a museum</title></head><body><article>${article}<p>Gunmen opened fire on visitors at the museum on Wednesday, killing 19 people, officials said.</p><p>The attack was the deadliest on foreigners in the country in years, officials said on Wednesday.</p></article></body></html>`;

describe('readHtml: the author from byline elements', () => {
  const cases: Array<[string, string, string | null]> = [
    ['a byline span with a link', '<div class="sig-line"><span class="pb-byline">By <a href="/people/erin">Erin Cunningham</a></span></div>', 'Erin Cunningham'],
    ['a byline line with a date', '<p class="byline">By Jane O&#39;Neil &bull; April 24, 2024</p>', "Jane O'Neil"],
    // A dateline is marked up like a byline on some pages; it names a place, not a writer.
    ['a dateline before the byline', '<p><span class="dateline">CAIRO —</span> Gunmen opened fire.</p><span class="byline">By Erin Cunningham</span>', 'Erin Cunningham'],
    ['a dateline alone', '<p><span class="dateline">WASHINGTON, D.C. (Reuters) –</span> Officials said.</p>', null],
    // The job a byline closes with is not the writer's name.
    ['a byline with a job after the name', '<span class="byline">Ben Silverman Games Editor</span>', 'Ben Silverman'],
    ['a byline with a job after a comma', '<span class="byline">By John Smith, Staff Writer</span>', 'John Smith'],
    ['two writers', '<span class="byline">By Jane Doe and John Roe</span>', 'Jane Doe and John Roe'],
  ];
  it.each(cases)('%s', (_name, article, author) => {
    expect(readHtml('page.html', page(article)).meta.author?.value ?? null).toBe(author);
  });
});
