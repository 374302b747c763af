/**
 * Reviewing in the terminal, one finding at a time: its message, every claim behind it with its
 * place and quote, then a choice (confirm, dismiss with a reason, note, skip, quit). Each decision
 * is recorded at once through `record` (so quitting keeps what was decided). Reads answers line by
 * line, so it also works on piped input and stops at its end instead of hanging.
 */
import type { Finding, Report } from '../store/schema.js';
import { lineReader } from './lines.js';
import type { Decision } from './review.js';

export interface InteractiveOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  report: Report;
  /** The findings to go through, in order (default: the open ones). */
  findings?: Finding[];
  /** Who is deciding. */
  by: string | null;
  /** Record one decision (throws to refuse it: the message is shown and the question asked again). */
  record(findingId: string, decision: Decision): Promise<unknown>;
}

export interface InteractiveResult {
  decided: number;
  skipped: number;
  /** Why it stopped: every finding seen, the editor quit, or the input ended. */
  stopped: 'done' | 'quit' | 'end-of-input';
}

const CHOICES = '[c]onfirm  [d]ismiss  [n]ote  [s]kip  [q]uit';

/** The lines that show one finding: message, then each claim as "path:line:col  "quote"". */
export function findingLines(f: Finding, report: Report, index: number, total: number): string[] {
  const claims = new Map(report.claims.map((c) => [c.id, c]));
  const paths = new Map(report.articles.map((a) => [a.id, a.path]));
  const out = [``, `[${index + 1}/${total}] ${f.id}  ${f.severity}  ${f.rule}  (${f.review.status})`, `  ${f.message}`];
  if (f.reopened) out.push(`  reopened: ${f.reopened}`);
  for (const id of f.claims) {
    const c = claims.get(id);
    if (!c) continue;
    out.push(`  ${paths.get(c.article) ?? c.article}:${c.line}:${c.column}`, `    "${c.quote.replace(/\s+/g, ' ').trim()}"`);
  }
  return out;
}

/** Go through the findings one at a time, asking what to do with each. */
export async function reviewInteractively(options: InteractiveOptions): Promise<InteractiveResult> {
  const { input, output, report, by, record } = options;
  const findings = options.findings ?? report.findings.filter((f) => f.review.status === 'open');
  const write = (line: string): void => void output.write(`${line}\n`);
  const reader = lineReader(input, output);
  const ask = async (question: string): Promise<string | null> => {
    output.write(question);
    const answer = await reader.next();
    return answer === null ? null : answer.trim();
  };
  let decided = 0;
  let skipped = 0;
  try {
    if (findings.length === 0) write('Nothing to review: no open findings.');
    for (const [i, f] of findings.entries()) {
      for (const line of findingLines(f, report, i, findings.length)) write(line);
      for (;;) {
        const choice = await ask(`${CHOICES} > `);
        if (choice === null) return { decided, skipped, stopped: 'end-of-input' };
        const key = choice.toLowerCase()[0];
        if (key === 'q') return { decided, skipped, stopped: 'quit' };
        if (key === 's' || choice === '') {
          skipped++;
          break;
        }
        let decision: Decision;
        if (key === 'c') decision = { status: 'confirmed', by, reason: (await ask('why (optional) > ')) || null };
        else if (key === 'd' || key === 'n') {
          const text = await ask(key === 'd' ? 'reason > ' : 'note > ');
          if (text === null) return { decided, skipped, stopped: 'end-of-input' };
          decision = { status: key === 'd' ? 'dismissed' : 'noted', by, reason: text };
        } else {
          write(`  expected one of: ${CHOICES}`);
          continue;
        }
        try {
          await record(f.id, decision);
        } catch (error) {
          write(`  not recorded: ${(error as Error).message}`);
          continue;
        }
        write(`  ${decision.status}.`);
        decided++;
        break;
      }
    }
    return { decided, skipped, stopped: 'done' };
  } finally {
    reader.close();
  }
}
