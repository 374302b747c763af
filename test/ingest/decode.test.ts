import { describe, expect, it } from 'vitest';
import { decodeFile, firstInvalidUtf8 } from '../../src/ingest/decode.js';
import { InputError } from '../../src/ingest/types.js';

const reasonOf = (bytes: Buffer, maxBytes?: number): string => {
  try {
    decodeFile('a.txt', bytes, maxBytes === undefined ? {} : { maxBytes });
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).file).toBe('a.txt');
    return (error as InputError).reason;
  }
  throw new Error('no error');
};

const utf16 = (text: string, bigEndian: boolean): Buffer => {
  const le = Buffer.from(text, 'utf16le');
  const body = bigEndian ? Buffer.from(le).swap16() : le;
  return Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), body]);
};

describe('decodeFile: text it reads', () => {
  const text = 'China’s usage passed 140 trillion.\r\nNext line — “quoted” 数据.';
  const cases: { name: string; bytes: Buffer; expected: string }[] = [
    { name: 'UTF-8', bytes: Buffer.from(text, 'utf8'), expected: text },
    { name: 'UTF-8 with BOM (dropped)', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), expected: text },
    { name: 'UTF-16 LE with BOM', bytes: utf16(text, false), expected: text },
    { name: 'UTF-16 BE with BOM', bytes: utf16(text, true), expected: text },
    { name: 'UTF-16 LE without BOM', bytes: Buffer.from('Plain ASCII text in UTF-16.', 'utf16le'), expected: 'Plain ASCII text in UTF-16.' },
    { name: 'emoji (4-byte UTF-8, surrogate pair)', bytes: Buffer.from('Up 📈 40%'), expected: 'Up 📈 40%' },
    { name: 'a form feed and tabs are text', bytes: Buffer.from('a\tb\fc'), expected: 'a\tb\fc' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(decodeFile('a.txt', c.bytes)).toBe(c.expected);
    });
  }
  it('keeps CRLF as written', () => {
    expect(decodeFile('a.txt', Buffer.from('a\r\nb'))).toBe('a\r\nb');
  });
});

describe('decodeFile: input it refuses', () => {
  const cases: { name: string; bytes: Buffer; reason: string | RegExp; maxBytes?: number }[] = [
    { name: 'empty', bytes: Buffer.alloc(0), reason: 'empty file' },
    { name: 'only a BOM', bytes: Buffer.from([0xef, 0xbb, 0xbf]), reason: 'empty file' },
    { name: 'only white space', bytes: Buffer.from(' \n\r\n\t'), reason: 'empty file' },
    { name: 'NUL bytes', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]), reason: 'binary file (NUL bytes)' },
    { name: 'control characters', bytes: Buffer.from('ab\x01\x02cd\x03\x04ef\x05\x06'), reason: /^binary file \(\d+% control characters\)$/ },
    { name: 'Latin-1 é', bytes: Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]), reason: 'invalid UTF-8 at byte 3' },
    { name: 'truncated sequence at the end', bytes: Buffer.from([0x61, 0x62, 0xe2, 0x80]), reason: 'invalid UTF-8 at byte 2' },
    { name: 'overlong encoding', bytes: Buffer.from([0x61, 0xc0, 0xaf]), reason: 'invalid UTF-8 at byte 1' },
    { name: 'encoded surrogate', bytes: Buffer.from([0x61, 0x62, 0x63, 0xed, 0xa0, 0x80]), reason: 'invalid UTF-8 at byte 3' },
    { name: 'invalid byte after a BOM counts the BOM', bytes: Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0xff]), reason: 'invalid UTF-8 at byte 4' },
    { name: 'UTF-16 with an odd byte count', bytes: Buffer.from([0xff, 0xfe, 0x61, 0x00, 0x62]), reason: /^invalid UTF-16 at byte 4/ },
    { name: 'UTF-16 with a lone surrogate', bytes: Buffer.from([0xff, 0xfe, 0x61, 0x00, 0x00, 0xd8, 0x62, 0x00]), reason: 'invalid UTF-16 at byte 4' },
    { name: 'over a custom limit', bytes: Buffer.alloc(3 * 1024 * 1024, 0x61), maxBytes: 1024 * 1024, reason: 'too large: 3.0 MB, the limit is 1 MB (raise it with --max-bytes)' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const reason = reasonOf(c.bytes, c.maxBytes);
      if (typeof c.reason === 'string') expect(reason).toBe(c.reason);
      else expect(reason).toMatch(c.reason);
    });
  }

  it('refuses a generated file over the 16 MB default', () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 0x61);
    expect(reasonOf(big)).toBe('too large: 50.0 MB, the limit is 16 MB (raise it with --max-bytes)');
  });

  it('reads a file just under the limit', () => {
    const bytes = Buffer.alloc(16 * 1024 * 1024, 0x61);
    expect(decodeFile('a.txt', bytes)).toHaveLength(16 * 1024 * 1024);
  });
});

describe('firstInvalidUtf8', () => {
  it('finds nothing in valid text', () => {
    expect(firstInvalidUtf8(Buffer.from('héllo 数据 📈'))).toBe(-1);
  });
  it('agrees with the platform validator on random bytes', async () => {
    const { isUtf8 } = await import('node:buffer');
    for (let n = 0; n < 2000; n++) {
      const bytes = Buffer.from(Array.from({ length: 8 }, () => Math.floor(Math.random() * 256)));
      expect(firstInvalidUtf8(bytes) === -1).toBe(isUtf8(bytes));
    }
  });
});
