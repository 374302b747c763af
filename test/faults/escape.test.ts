/**
 * The report escapes everything taken from articles: hostile text in titles, outlets and quotes
 * goes through `claimtrace check --out x.md`, and the Markdown that comes out, parsed back, holds
 * no raw HTML and no link an article smuggled in, while the text itself is still shown.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../cli/helpers.js';
import { run } from './run.js';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir('ct-escape-');
});
afterAll(() => tmp.cleanup());

const HOSTILE_TITLE = 'Tokens <script>alert("TITLE")</script> | surge';
const articles: Record<string, string> = {
  'a.txt': `${HOSTILE_TITLE}\n\nChina's daily token usage exceeded 140 trillion in March 2026 <script>alert("QUOTE")</script>, the National Data Bureau said.\n`,
  'b.md': `---\ntitle: "<img src=x onerror=alert('FRONT')>"\noutlet: "[Daily](javascript:alert('OUTLET'))"\n---\n\nChina's daily token usage exceeded 180 trillion in March 2026 \`<iframe src=javascript:alert(1)>\` ![x](javascript:alert('IMG')) | --- |, the bureau said.\n`,
  'c.html': `<html><head><title>&lt;svg onload=alert("HTML")&gt;</title></head><body><article><p>China's daily token usage exceeded 160 trillion in March 2026 &lt;b onclick=alert("ENT")&gt;bold&lt;/b&gt; [link](javascript:alert('MDLINK')), the bureau said.</p></article></body></html>`,
};

/** The Markdown report parsed back: its raw HTML nodes and link/image URLs, and its plain text. */
function parseBack(markdown: string): { html: string[]; urls: string[]; text: string } {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;
  const html: string[] = [];
  const urls: string[] = [];
  const text: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'html') html.push(node.value);
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') urls.push(node.url);
    if (node.type === 'text' || node.type === 'inlineCode') text.push(node.value);
  });
  return { html, urls, text: text.join(' ') };
}

describe('claimtrace check --out x.md: hostile article text', () => {
  it('no raw HTML, no smuggled link, the text still shown', async () => {
    for (const [name, content] of Object.entries(articles)) writeFileSync(join(tmp.dir, name), content);
    const out = join(tmp.dir, 'x.md');
    const r = await run(['check', ...Object.keys(articles).map((n) => join(tmp.dir, n)), '--db', join(tmp.dir, 'store.json'), '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const { html, urls, text } = parseBack(readFileSync(out, 'utf8'));
    expect(html).toEqual([]);
    expect(urls.filter((u) => /^\s*(javascript|data|vbscript):/i.test(u))).toEqual([]);
    // The hostile words are shown as text (escaped), not dropped: the editor sees what was written.
    for (const shown of [HOSTILE_TITLE, "<img src=x onerror=alert('FRONT')>", "[Daily](javascript:alert('OUTLET'))", '<svg onload=alert("HTML")>']) expect(text).toContain(shown);
  }, 120_000);
});
