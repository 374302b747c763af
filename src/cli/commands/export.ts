/** `claimtrace export --format claimreview`: what editors confirmed, as schema.org ClaimReview JSON-LD. */
import { ExportError, claimReviews } from '../../export/claimreview.js';
import { DEFAULT_PORT } from '../../serve/server.js';
import { DEFAULT_STORE, openStore } from '../../store/store.js';
import { checkStore } from '../../workflow/current.js';
import { UsageError, dbOption, formatOption, str } from '../args.js';
import type { Command } from '../args.js';
import { emit, fail, say } from '../io.js';

export const exportCommand: Command = {
  name: 'export',
  summary: 'publish confirmed findings as schema.org ClaimReview JSON-LD',
  positionals: false,
  options: { ...dbOption, format: { type: 'string' }, out: { type: 'string' }, url: { type: 'string' }, publisher: { type: 'string' } },
  help: `Usage: claimtrace export --format claimreview [--url URL] [--publisher NAME] [--db FILE] [--out FILE]

Writes one schema.org ClaimReview (JSON-LD, a JSON array) for each finding an editor confirmed
(\`claimtrace review FINDING --confirm\` or the review desk): the claim that stands apart as
claimReviewed, the article(s) carrying it as itemReviewed.appearance, who confirmed it and when,
and a textual rating such as "Inconsistent with other reports". Each object is checked against
the properties Google's fact-check markup requires before anything is written.

Options:
  --format claimreview  the only format so far (required)
  --url URL             the page where the fact checks are published; each review links to URL#FINDING
                        (default: the finding's page on the review desk, http://127.0.0.1:${DEFAULT_PORT}/findings/ID)
  --publisher NAME      the publishing organisation (default: the editor who confirmed, as a person)
  --out FILE            write there (atomically) instead of standard output
  --db FILE             the store (default ${DEFAULT_STORE})`,

  async run(values) {
    if (str(values, 'format') === undefined) throw new UsageError('--format claimreview is required');
    formatOption(values, ['claimreview'] as const, 'claimreview');
    const base = str(values, 'url');
    if (base !== undefined && !/^https?:\/\/[^\s/]+/.test(base)) throw new UsageError(`--url must be an http(s) address, not '${base}'`);
    const store = openStore(str(values, 'db') ?? DEFAULT_STORE);
    const checked = await checkStore(store);
    for (const error of checked.errors) fail(error.file, error.reason);
    let reviews;
    try {
      reviews = claimReviews(checked.report, checked.records, {
        url: base ?? ((f) => `http://127.0.0.1:${DEFAULT_PORT}/findings/${encodeURIComponent(f.id)}`),
        publisher: str(values, 'publisher') ?? null,
      });
    } catch (error) {
      if (error instanceof ExportError) {
        fail(error.finding, error.reason);
        return 2;
      }
      throw error;
    }
    await emit(JSON.stringify(reviews, null, 2), str(values, 'out'));
    say(`claimtrace: ${reviews.length} confirmed ${reviews.length === 1 ? 'finding' : 'findings'} exported as ClaimReview${base ? '' : ' (give --url to link them to the published page)'}`);
    return checked.errors.length > 0 ? 2 : 0;
  },
};
