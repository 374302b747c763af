/**
 * Turns the bytes of an article file into a string, or says why it cannot: empty, binary, not UTF-8,
 * too large. UTF-8 (with or without a byte order mark) and UTF-16 with a byte order mark are read;
 * nothing else is changed (line ends stay as written), so offsets into the string are the reader's.
 */
import { isUtf8 } from 'node:buffer';
import { InputError } from './types.js';

/** The default size limit: 16 MiB. */
export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

/** Share of control characters (other than tab, line ends and form feed) above which a file is binary. */
const CONTROL_RATIO = 0.05;
/** How much of the file the control-character count looks at. */
const CONTROL_SAMPLE = 64 * 1024;

export interface DecodeOptions {
  /** Largest file accepted, in bytes (default 16 MiB). */
  maxBytes?: number;
}

function megabytes(bytes: number, digits: number): string {
  return (bytes / (1024 * 1024)).toFixed(digits);
}

function limitText(maxBytes: number): string {
  const mb = maxBytes / (1024 * 1024);
  return Number.isInteger(mb) ? String(mb) : megabytes(maxBytes, 1);
}

/** The reason given for a file over the limit ("too large: 50.0 MB, the limit is 16 MB (raise it with --max-bytes)"). */
export function tooLargeReason(size: number, maxBytes: number): string {
  return `too large: ${megabytes(size, 1)} MB, the limit is ${limitText(maxBytes)} MB (raise it with --max-bytes)`;
}

/** Offset of the first byte that does not start a valid UTF-8 sequence (or -1). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else return i;
    if (i + need > n - 1) return i;
    const second = bytes[i + 1];
    if (second === undefined || second < lo || second > hi) return i;
    for (let k = 2; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** Count of control characters that no text file carries, in the first `limit` units. */
function controlShare(get: (i: number) => number, length: number): number {
  const n = Math.min(length, CONTROL_SAMPLE);
  if (n === 0) return 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const c = get(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) count++;
  }
  return count / n;
}

/** UTF-16 code units from bytes after a BOM; big-endian input is swapped on a copy. */
function decodeUtf16(path: string, body: Buffer, bigEndian: boolean, bomLength: number): string {
  if (body.length % 2 !== 0) throw new InputError(path, `invalid UTF-16 at byte ${bomLength + body.length - 1} (odd number of bytes)`);
  const le = bigEndian ? Buffer.from(body).swap16() : body;
  const text = le.toString('utf16le');
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
      throw new InputError(path, `invalid UTF-16 at byte ${bomLength + i * 2}`);
    }
    if (c >= 0xdc00 && c <= 0xdfff) throw new InputError(path, `invalid UTF-16 at byte ${bomLength + i * 2}`);
  }
  return text;
}

/** UTF-16 without a byte order mark shows as NUL in every other byte of ASCII text. */
function sniffUtf16(bytes: Buffer): 'le' | 'be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.9 && evenZero === 0) return 'le';
  if (evenZero > pairs * 0.9 && oddZero === 0) return 'be';
  return null;
}

function checkText(path: string, text: string): string {
  if (text.trim() === '') throw new InputError(path, 'empty file');
  if (text.indexOf('\u0000') >= 0) throw new InputError(path, 'binary file (NUL bytes)');
  const share = controlShare((i) => text.charCodeAt(i), text.length);
  if (share > CONTROL_RATIO) throw new InputError(path, `binary file (${Math.round(share * 100)}% control characters)`);
  return text;
}

/**
 * Decode an article file's bytes. Throws `InputError(path, reason)` for an empty file, a binary file
 * (NUL bytes, or more than 5% control characters), invalid UTF-8 ("invalid UTF-8 at byte N", N counted
 * from 0) and a file over `maxBytes`.
 */
export function decodeFile(path: string, bytes: Buffer, options: DecodeOptions = {}): string {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) throw new InputError(path, tooLargeReason(bytes.length, maxBytes));
  if (bytes.length === 0) throw new InputError(path, 'empty file');
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return checkText(path, decodeUtf16(path, bytes.subarray(2), false, 2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return checkText(path, decodeUtf16(path, bytes.subarray(2), true, 2));
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bom ? bytes.subarray(3) : bytes;
  if (body.indexOf(0) >= 0) {
    const utf16 = bom ? null : sniffUtf16(body);
    if (utf16) return checkText(path, decodeUtf16(path, body, utf16 === 'be', 0));
    throw new InputError(path, 'binary file (NUL bytes)');
  }
  const share = controlShare((i) => body[i], body.length);
  if (share > CONTROL_RATIO) throw new InputError(path, `binary file (${Math.round(share * 100)}% control characters)`);
  if (!isUtf8(body)) {
    const at = firstInvalidUtf8(body);
    throw new InputError(path, `invalid UTF-8 at byte ${bom + Math.max(0, at)}`);
  }
  const text = body.toString('utf8');
  if (text.trim() === '') throw new InputError(path, 'empty file');
  return text;
}
