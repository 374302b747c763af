/**
 * Lines of a stream one at a time, for question-and-answer in the terminal: `next()` resolves to
 * the next line, or null once the input has ended (so a closed or piped stdin never hangs).
 */
import { createInterface } from 'node:readline';

export interface LineReader {
  next(): Promise<string | null>;
  close(): void;
}

/** Read `input` line by line (with line editing when it is a terminal). */
export function lineReader(input: NodeJS.ReadableStream, output?: NodeJS.WritableStream): LineReader {
  const terminal = (input as { isTTY?: boolean }).isTTY === true;
  const rl = createInterface({ input, output: terminal ? output : undefined, terminal });
  const lines: string[] = [];
  const waiting: Array<(line: string | null) => void> = [];
  let ended = false;
  rl.on('line', (line) => {
    const w = waiting.shift();
    if (w) w(line);
    else lines.push(line);
  });
  rl.on('close', () => {
    ended = true;
    for (const w of waiting.splice(0)) w(null);
  });
  return {
    next() {
      if (lines.length > 0) return Promise.resolve(lines.shift()!);
      if (ended) return Promise.resolve(null);
      return new Promise((done) => waiting.push(done));
    },
    close() {
      rl.close();
    },
  };
}
