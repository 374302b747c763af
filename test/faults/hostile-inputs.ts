/**
 * Hostile and odd article files, as a table: how each is made, and what `claimtrace add` must do
 * with it: reject it with one line naming the file and the reason, or read it (exit 0). Large
 * inputs are written in chunks so the test process itself stays small.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

/** What must happen to an input. */
export type Outcome = { reject: RegExp } | { read: true };

export interface HostileInput {
  name: string;
  /** File name (its extension picks the reader). */
  file: string;
  /** Write the file at `path`. */
  make: (path: string) => void;
  expect: Outcome;
  /** Text that must never reach the store (a script body, a file outside the project). */
  never?: string[];
  /** Extra `add` arguments. */
  args?: string[];
  /** In the short run (`npm test`) too: one or two inputs of each kind. The long run tries them all. */
  sample?: true;
  /** Only in the long run (`CLAIMTRACE_FAULTS=long`): too slow for CI, or a known open problem. */
  long?: true;
  /** A known open problem this input shows (it fails the long run until fixed). */
  known?: string;
}

/** A real sentence with figures, so readers and extractors have work to do. */
export const PROSE =
  "China's daily token usage exceeded 140 trillion in March 2026, up from 100 billion in early 2024, the National Data Bureau said on Monday. ";

const write = (content: string | Buffer) => (path: string): void => {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
  } finally {
    closeSync(fd);
  }
};

/** Write `total` bytes made of `chunk` repeated (cut at the end), plus an optional head and tail. */
const repeat = (chunk: string, total: number, head = '', tail = '') => (path: string): void => {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, head);
    const block = Buffer.from(chunk.repeat(Math.max(1, Math.floor((1 << 20) / chunk.length))), 'utf8');
    let left = total - Buffer.byteLength(head) - Buffer.byteLength(tail);
    while (left > 0) {
      const n = Math.min(left, block.length);
      writeSync(fd, block, 0, n);
      left -= n;
    }
    writeSync(fd, tail);
  } finally {
    closeSync(fd);
  }
};

/** Deterministic pseudo-random bytes (no NUL-free guarantee: binary on purpose). */
function noise(n: number, seed = 7): Buffer {
  const out = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >> 16;
  }
  return out;
}

const MB = 1 << 20;
/** `n` different figures, comma-separated. */
const numbers = (n: number): string => Array.from({ length: n }, (_, i) => `${(i * 7919) % 100_000}.${i % 10} million`).join(', ');

/** Every hostile input of the fault suite. */
export const HOSTILE: HostileInput[] = [
  { name: 'PNG bytes named .txt', sample: true, file: 'png.txt', make: write(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), noise(4096)])), expect: { reject: /binary/ } },
  { name: 'random bytes named .html', file: 'noise.html', make: write(noise(256 * 1024, 11)), expect: { reject: /binary|invalid UTF-8/ } },
  { name: 'control characters without NUL', file: 'controls.md', make: write('\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008'.repeat(512)), expect: { reject: /binary/ } },
  { name: 'empty file', sample: true, file: 'empty.txt', make: write(''), expect: { reject: /empty/ } },
  { name: 'only whitespace and a BOM', file: 'bom-blank.md', make: write('\ufeff \n\t\r\n  '), expect: { reject: /empty/ } },
  { name: 'invalid UTF-8 (Latin-1 text)', sample: true, file: 'latin1.txt', make: write(Buffer.from(`Caf\xe9 ${PROSE}`, 'latin1')), expect: { reject: /invalid UTF-8 at byte 3/ } },
  { name: 'invalid UTF-8 (overlong and surrogate encodings)', file: 'overlong.html', make: write(Buffer.concat([Buffer.from('<p>ok '), Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80]), Buffer.from(' end</p>')])), expect: { reject: /invalid UTF-8 at byte 6/ } },
  { name: 'UTF-16 LE with BOM', sample: true, file: 'utf16le.txt', make: write(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PROSE, 'utf16le')])), expect: { read: true } },
  { name: 'UTF-16 BE with BOM', file: 'utf16be.md', make: write(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(PROSE, 'utf16le').swap16()])), expect: { read: true } },
  { name: 'UTF-16 LE without BOM', file: 'utf16-nobom.txt', make: write(Buffer.from(PROSE, 'utf16le')), expect: { read: true } },
  { name: 'UTF-16 with an odd byte count', file: 'utf16-odd.txt', make: write(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PROSE, 'utf16le'), Buffer.from([0x41])])), expect: { reject: /invalid UTF-16/ } },
  { name: 'UTF-16 with a lone surrogate', file: 'utf16-lone.txt', make: write(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Rose 5% ', 'utf16le'), Buffer.from([0x00, 0xd8]), Buffer.from(' in May.', 'utf16le')])), expect: { reject: /invalid UTF-16/ } },
  { name: '50 MB article (over the default limit)', file: 'huge.txt', make: repeat(`${PROSE}\n\n`, 50 * MB), expect: { reject: /too large: 50\.0 MB/ } },
  { name: '50 MB article with --max-bytes 1MB', sample: true, file: 'huge-limit.md', make: repeat(`${PROSE}\n\n`, 50 * MB), args: ['--max-bytes', '1MB'], expect: { reject: /too large: 50\.0 MB, the limit is 1 MB/ } },
  { name: '15 MB article (just under the limit)', file: 'big.txt', make: repeat(`${PROSE}\n\n`, 15 * MB), expect: { read: true }, long: true },
  { name: 'one 1 MB line of prose', file: 'line-1mb.txt', make: repeat(PROSE, MB, '', '\n'), expect: { read: true } },
  { name: 'one 5 MB line of prose', file: 'line.txt', make: repeat(PROSE, 5 * MB, '', '\n'), expect: { read: true }, long: true, known: 'linking sources (src/link) is quadratic in claims: a 1 MB line takes ~7 s, 5 MB over 90 s' },
  { name: 'one 5 MB word (no spaces)', file: 'word.txt', make: repeat('x9', 5 * MB, 'Headline\n\n', '\n'), expect: { read: true } },
  { name: 'one 5 MB line of HTML', file: 'line.html', make: repeat(`<b>${PROSE}</b>`, 5 * MB, '<html><body><article><p>', '</p></article></body></html>'), expect: { read: true }, long: true },
  { name: '1,000 numbers in one paragraph', file: 'numbers-1k.txt', make: write(`Figures\n\nDaily token usage was ${numbers(1_000)} in March 2026.\n`), expect: { read: true } },
  {
    name: '10,000 numbers in one paragraph',
    file: 'numbers-10k.txt',
    make: write(`Figures\n\nDaily token usage was ${numbers(10_000)} in March 2026.\n`),
    expect: { read: true },
    long: true,
    known: 'every claim quotes its whole sentence: 10,000 claims of a 170 kB sentence make a shard over the largest string V8 can build ("could not store its claims (Invalid string length)")',
  },
  {
    name: '100,000 numbers in one paragraph',
    file: 'numbers.txt',
    make: write(`Figures\n\nDaily token usage was ${numbers(100_000)} in March 2026.\n`),
    expect: { read: true },
    long: true,
    known: 'linking sources (src/link) is quadratic in claims: 10,000 figures take ~5 s, 100,000 over 90 s',
  },
  { name: '100,000 dates in one paragraph', file: 'dates.md', make: write(`# Dates\n\n${Array.from({ length: 100_000 }, (_, i) => `on March ${(i % 28) + 1}, ${2000 + (i % 30)}`).join(' and ')}.\n`), expect: { read: true } },
  { name: '100,000 nested <div>s, never closed', sample: true, file: 'nested.html', make: write(`<html><body>${'<div>'.repeat(100_000)}<p>${PROSE}</p></body></html>`), expect: { read: true } },
  { name: '100,000 nested <span>s, closed', file: 'nested-closed.html', make: write(`<html><body><p>${'<span>'.repeat(100_000)}${PROSE}${'</span>'.repeat(100_000)}</p></body></html>`), expect: { read: true } },
  {
    name: 'broken HTML (stray end tags, unclosed comment, CDATA)',
    file: 'broken.html',
    make: write(`</div></p><html><body><p>${PROSE}<table><tr><td>${PROSE}</td></tr><p>unclosed <b><i>${PROSE}</b></i><![CDATA[ x ]]><!-- never closed <p>hidden`),
    expect: { read: true },
  },
  {
    name: 'scripts, iframes and event handlers',
    sample: true,
    file: 'script.html',
    make: write(
      `<html><head><script>alert("PWNED-SCRIPT")</script><style>body{background:url(javascript:alert("PWNED-STYLE"))}</style></head>` +
        `<body><article><h1 onmouseover="alert('PWNED-HANDLER')">Token usage</h1><iframe src="javascript:alert('PWNED-IFRAME')">PWNED-IFRAME-TEXT</iframe>` +
        `<p onclick="alert('PWNED-CLICK')">${PROSE}<img src=x onerror="alert('PWNED-IMG')"><a href="javascript:alert('PWNED-LINK')">the bureau</a></p>` +
        `<noscript>PWNED-NOSCRIPT</noscript><svg><script>alert('PWNED-SVG')</script></svg><object data="x.swf">PWNED-OBJECT</object></article></body></html>`,
    ),
    expect: { read: true },
    never: ['PWNED-SCRIPT', 'PWNED-STYLE', 'PWNED-HANDLER', 'PWNED-IFRAME', 'PWNED-CLICK', 'PWNED-IMG', 'PWNED-SVG', 'onerror', '<script'],
  },
  {
    name: 'Markdown with raw HTML',
    sample: true,
    file: 'raw.md',
    make: write(`# Token usage\n\n<script>alert("PWNED-MD-SCRIPT")</script>\n\n${PROSE}<img src=x onerror="alert('PWNED-MD-IMG')">\n\n<iframe src="javascript:alert(1)"></iframe>\n\n<div onclick="x()">PWNED-MD-DIV</div>\n`),
    expect: { read: true },
    never: ['PWNED-MD-SCRIPT', 'PWNED-MD-IMG', 'onerror', '<script', '<iframe'],
  },
  {
    name: 'front matter snapshot: ../../etc/passwd',
    sample: true,
    file: 'snapshot.md',
    make: write(`---\ntitle: Token usage\nsnapshot: ../../etc/passwd\nurl: https://example.org/tokens\n---\n\n${PROSE}\n`),
    expect: { read: true },
    never: ['root:x:0:0', '/bin/bash', '/usr/sbin/nologin'],
  },
  { name: '10,000 nested block quotes', sample: true, file: 'quotes.md', make: write(`${'>'.repeat(10_000)} ${PROSE}\n`), expect: { read: true } },
  { name: '10,000 nested list items on one line', file: 'lists.md', make: write(`${'- '.repeat(10_000)}${PROSE}\n`), expect: { read: true } },
  { name: '1,000 list items nested by indentation', file: 'indented.md', make: write(Array.from({ length: 1_000 }, (_, i) => `${'  '.repeat(i)}- ${i}%`).join('\n') + '\n'), expect: { read: true } },
  { name: '20,000 open brackets in Markdown', file: 'brackets.md', make: write(`${PROSE}${'['.repeat(20_000)}${PROSE}${']('.repeat(10_000)}\n`), expect: { read: true } },
  {
    name: '100,000 open brackets in Markdown',
    sample: true,
    file: 'brackets-100k.md',
    make: write(`${PROSE}${'['.repeat(100_000)}${PROSE}${']('.repeat(50_000)}\n`),
    // Past the bracket guard (src/ingest/nesting.ts) the file is read as plain text, in well under a second.
    expect: { read: true },
  },
  {
    name: '100,000 entities in HTML',
    file: 'entities.html',
    make: write(`<p>${'&amp;&#x31;&nbsp;&bogus;'.repeat(25_000)} ${PROSE}</p>`),
    expect: { read: true },
    // Long: claim extraction spends about 25 s on the 25,000 figures the entities spell.
    long: true,
  },
  { name: '10,000 short lines, a figure each', file: 'lines.txt', make: repeat('4%\n', 30_000, `${PROSE}\n`), expect: { read: true } },
  {
    name: 'a million short lines, a figure each',
    file: 'lines-1m.txt',
    make: repeat('4%\n', 3 * MB, `${PROSE}\n`),
    expect: { reject: /too many lines: [\d,]+ \(the limit is 250,000/ },
    long: true,
  },
  { name: 'bidi overrides, combining marks and emoji', file: 'unicode.txt', make: write(`\u202eTokens\u202c 1\u0301\u0301\u03014\u20dd0 trillion 👩‍👩‍👧 in March\u00a02026. ${PROSE}`.repeat(200)), expect: { read: true } },
  { name: 'lone carriage returns as line ends', file: 'cr.txt', make: write(`Headline\r\r${PROSE}\r${PROSE}\r`), expect: { read: true } },
];
