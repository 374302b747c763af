/** `claimtrace articles`: what the store holds, with each metadata field's origin. */
import { articlesSection, toMarkdown } from '../../report/markdown.js';
import { DEFAULT_STORE, openStore } from '../../store/store.js';
import { dbOption, formatOption, str } from '../args.js';
import type { Command } from '../args.js';
import { emit } from '../io.js';

export const articles: Command = {
  name: 'articles',
  summary: 'list the articles in the store, with where each metadata field came from',
  positionals: false,
  options: { ...dbOption, format: { type: 'string' } },
  help: `Usage: claimtrace articles [--db FILE] [--format md|json]

Lists the articles the store holds: id, file, title, outlet, published, author, url, claim and
source counts. Each metadata value says where it came from: declared (front matter, a sidecar
NAME.meta.yaml, add --outlet ...) or inferred (and how).

Options:
  --db FILE          the store (default ${DEFAULT_STORE})
  --format md|json   a Markdown table (default) or the store's article records as JSON

Example:
  claimtrace articles --format json`,

  async run(values) {
    const format = formatOption(values, ['md', 'json'] as const, 'md');
    const data = await openStore(str(values, 'db') ?? DEFAULT_STORE).readIndex();
    const records = [...data.articles].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    await emit(format === 'json' ? JSON.stringify(records, null, 2) : toMarkdown({ type: 'root', children: articlesSection(records) }));
    return 0;
  },
};
