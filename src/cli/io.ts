/**
 * Where the CLI's words go: results on stdout (or `--out FILE`, written atomically), everything for
 * people (progress, warnings, one line per bad input) on stderr, prefixed "claimtrace: ".
 */
import { writeFileAtomic } from '../store/adapter.js';

/** One line on stderr. */
export function say(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** One line on stderr naming what failed and why: "claimtrace: FILE: REASON". */
export function fail(file: string, reason: string): void {
  say(`claimtrace: ${file}: ${reason}`);
}

/** Write a command's result to `out` (atomically, creating its folder) or to stdout. */
export async function emit(text: string | Iterable<string>, out?: string): Promise<void> {
  const chunks = typeof text === 'string' ? [text.endsWith('\n') ? text : `${text}\n`] : text;
  if (out) {
    await writeFileAtomic(out, chunks);
    return;
  }
  watchStdout();
  for (const chunk of chunks) {
    if (stdoutClosed) return;
    // Wait for the pipe to drain so a large report never piles up in memory.
    if (!process.stdout.write(chunk)) await drained();
  }
}

// A reader that goes away (`claimtrace check | head`) closes the pipe: stop writing, quietly.
let stdoutClosed = false;
let watching = false;
const waiting = new Set<() => void>();
const drained = (): Promise<void> =>
  new Promise((done) => {
    const finish = (): void => {
      waiting.delete(finish);
      done();
    };
    waiting.add(finish);
    process.stdout.once('drain', finish);
  });
function watchStdout(): void {
  if (watching) return;
  watching = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    stdoutClosed = true;
    for (const finish of [...waiting]) finish();
  });
}

/** Read all of standard input, as bytes. */
export async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
