/** `claimtrace review [FINDING]`: list findings with their status, record an editor's decision, or review one at a time. */
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { StoreError } from '../../store/adapter.js';
import { DEFAULT_STORE, openStore } from '../../store/store.js';
import type { Store } from '../../store/store.js';
import { checkStore } from '../../workflow/current.js';
import { exportDecisions, mergeDecisions, parseDecisionsExport, readDecisions, saveDecisions } from '../../workflow/decisions.js';
import type { Decisions } from '../../workflow/decisions.js';
import { findingLines, reviewInteractively } from '../../workflow/interactive.js';
import { ReviewError, findFinding, recordReview } from '../../workflow/review.js';
import type { Decision } from '../../workflow/review.js';
import { reviewRows, rowLines } from '../../workflow/status.js';
import type { ReviewStatus } from '../../workflow/status.js';
import { UsageError, dbOption, formatOption, str } from '../args.js';
import type { Command, Values } from '../args.js';
import { emit, fail, say } from '../io.js';

const STATUSES: ReviewStatus[] = ['open', 'confirmed', 'dismissed', 'noted', 'resolved'];

/** Who is deciding: --by, else $CLAIMTRACE_EDITOR, else the login name, else null. */
export function editorName(values: Values): string | null {
  const given = str(values, 'by') ?? process.env.CLAIMTRACE_EDITOR;
  if (given) return given;
  try {
    return userInfo().username || null;
  } catch {
    return null;
  }
}

/** The decision the flags ask for (null: none), or a UsageError when they conflict or lack a reason. */
export function decisionOf(values: Values): Decision | null {
  const note = str(values, 'note');
  const asked = [values.confirm ? 'confirmed' : null, values.dismiss ? 'dismissed' : null, note !== undefined ? 'noted' : null, values.reopen ? 'open' : null].filter(
    (s): s is Decision['status'] => s !== null,
  );
  if (asked.length > 1) throw new UsageError('give one of --confirm, --dismiss, --note, --reopen');
  if (asked.length === 0) {
    if (str(values, 'reason') !== undefined) throw new UsageError('--reason goes with --confirm, --dismiss or --reopen');
    return null;
  }
  const status = asked[0];
  const reason = status === 'noted' ? note : str(values, 'reason');
  if (status === 'dismissed' && !reason?.trim()) throw new UsageError('--dismiss needs --reason "why it is not an error"');
  if (status === 'noted' && !reason?.trim()) throw new UsageError('--note needs its text');
  return { status, by: editorName(values), reason: reason ?? null };
}

export const review: Command = {
  name: 'review',
  summary: "list findings with their review status, or record an editor's decision",
  positionals: true,
  options: {
    ...dbOption,
    confirm: { type: 'boolean' },
    dismiss: { type: 'boolean' },
    note: { type: 'string' },
    reopen: { type: 'boolean' },
    reason: { type: 'string' },
    by: { type: 'string' },
    status: { type: 'string' },
    format: { type: 'string' },
    interactive: { type: 'boolean', short: 'i' },
    export: { type: 'string' },
    import: { type: 'string' },
  },
  help: `Usage: claimtrace review [--status S] [--format text|json] [--db FILE]
       claimtrace review FINDING [--confirm | --dismiss --reason "..." | --note "..." | --reopen] [--reason "..."] [--by NAME]
       claimtrace review --interactive [--by NAME] [--db FILE]
       claimtrace review --export FILE | --import FILE [--db FILE]

Without FINDING: lists every finding of a check of the store with its status (open, confirmed,
dismissed, noted), then the findings that went away since they were found (resolved: the claims
they rested on were edited or removed), with who decided, when and why.

With FINDING (its id, or a unique start of it: f-3a9c or 3a9c): records a decision, with who and
when, in the store. Decisions are kept by finding id, so they survive re-checks, adding articles in
any order and rebuilding the store; a confirmed or dismissed finding whose evidence changes (a
figure edited, an article joining) reopens, saying what changed. Without a decision flag, shows
the finding with the quotes behind it.

Decisions are kept twice: in the index, and in FILE.decisions.json beside it (written first,
locked and atomic, with a .bak of its previous version). Deleting the index and adding the
articles again brings every decision back; --export FILE (- for standard output) writes them all
as JSON, and --import FILE merges such a file into this store (to move decisions to another store,
or to bring them back after losing the whole folder).

--interactive (-i) goes through the open findings one at a time, with both quotes, asking what to
do with each (answers are read line by line: piped answers work, and the end of input stops it).

Options:
  --confirm            a real error, to correct (--reason optional)
  --dismiss            explained, not an error (--reason required)
  --note TEXT          a remark, leaving the finding noted
  --reopen             back to open (--reason optional)
  --by NAME            who decides (default $CLAIMTRACE_EDITOR, else the login name)
  --export FILE        write every decision of the store to FILE as JSON (- for standard output)
  --import FILE        merge the decisions of an exported FILE into the store
  --status S           list only findings with status S (open, confirmed, dismissed, noted, resolved)
  --format text|json   the list as text (default) or JSON
  --db FILE            the store (default ${DEFAULT_STORE})

Examples:
  claimtrace review
  claimtrace review f-3a9c1e --dismiss --reason "the ministry revised the figure" --by "J. Chen"
  claimtrace review --interactive
  claimtrace review --export decisions.json`,

  async run(values, positionals) {
    if (positionals.length > 1) throw new UsageError(`one FINDING at a time, not ${positionals.length}`);
    const decision = decisionOf(values);
    const format = formatOption(values, ['text', 'json'] as const, 'text');
    const status = str(values, 'status');
    if (status !== undefined && !STATUSES.includes(status as ReviewStatus)) throw new UsageError(`--status must be one of ${STATUSES.join(', ')}, not '${status}'`);
    if (values.interactive && (positionals.length > 0 || decision)) throw new UsageError('--interactive takes no FINDING and no decision flag');
    if (decision && positionals.length === 0) throw new UsageError('a decision needs the FINDING it is about');

    const store = openStore(str(values, 'db') ?? DEFAULT_STORE);
    const exportTo = str(values, 'export');
    const importFrom = str(values, 'import');
    if (exportTo !== undefined || importFrom !== undefined) {
      if (exportTo !== undefined && importFrom !== undefined) throw new UsageError('give one of --export, --import');
      if (positionals.length > 0 || decision || values.interactive) throw new UsageError('--export and --import take no FINDING, decision flag or --interactive');
      return exportTo !== undefined ? exportReviews(store, exportTo) : importReviews(store, importFrom!);
    }
    const checked = await checkStore(store);
    for (const error of checked.errors) fail(error.file, error.reason);
    const { report } = checked;

    if (values.interactive) {
      const by = editorName(values);
      const result = await reviewInteractively({
        input: process.stdin,
        output: process.stdout,
        report,
        by,
        record: (id, d) => recordReview(store, id, d, report),
      });
      const why = { done: 'every open finding seen', quit: 'quit', 'end-of-input': 'end of input' }[result.stopped];
      say(`claimtrace: ${result.decided} decided, ${result.skipped} skipped (${why})`);
      return 0;
    }

    if (positionals.length === 1) {
      try {
        if (!decision) {
          const f = findFinding(report.findings, positionals[0]);
          await emit(findingLines(f, report, 0, 1).slice(1).join('\n'));
          return 0;
        }
        const { finding, review: r, previous } = await recordReview(store, positionals[0], decision, report);
        say(`claimtrace: ${finding.id} ${r.status}${r.by ? ` by ${r.by}` : ''}${r.reason ? `: ${r.reason}` : ''} (was ${previous?.status ?? 'open'})`);
        return 0;
      } catch (error) {
        if (error instanceof ReviewError) throw new UsageError(error.message);
        throw error;
      }
    }

    const rows = reviewRows(report, checked.data).filter((r) => status === undefined || r.status === status);
    if (format === 'json') await emit(JSON.stringify(rows, null, 2));
    else if (rows.length > 0) await emit(rowLines(rows).join('\n'));
    const count = (s: ReviewStatus): number => rows.filter((r) => r.status === s).length;
    say(`claimtrace: ${rows.length} findings: ${STATUSES.map((s) => `${count(s)} ${s}`).join(', ')}`);
    return checked.errors.length > 0 ? 2 : 0;
  },
};

/** `review --export FILE`: every decision the store holds (index and decisions file), as JSON. */
async function exportReviews(store: Store, out: string): Promise<number> {
  const decisions = mergeDecisions((await store.readIndex()).reviews, await readDecisions(store));
  await emit(JSON.stringify(exportDecisions(decisions), null, 2) + '\n', out === '-' ? undefined : out);
  say(`claimtrace: ${countEntries(decisions)} decisions on ${Object.keys(decisions).length} findings exported${out === '-' ? '' : ` to ${out}`}`);
  return 0;
}

/** `review --import FILE`: merge an export into the decisions file, then the index. A bad file changes nothing. */
async function importReviews(store: Store, file: string): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    fail(file, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `cannot read (${(error as Error).message})`);
    return 2;
  }
  let incoming: Decisions;
  try {
    incoming = parseDecisionsExport(file, text);
  } catch (error) {
    if (error instanceof StoreError) {
      fail(file, error.reason);
      return 2;
    }
    throw error;
  }
  const index = (await store.readIndex()).reviews;
  const before = countEntries(mergeDecisions(index, await readDecisions(store)));
  const kept = await saveDecisions(store, mergeDecisions(index, incoming));
  await store.update((data) => {
    data.reviews = mergeDecisions(data.reviews, kept);
  });
  say(`claimtrace: ${countEntries(incoming)} decisions read from ${file}, ${countEntries(kept) - before} new`);
  return 0;
}

const countEntries = (d: Decisions): number => Object.values(d).reduce((n, h) => n + h.length, 0);
