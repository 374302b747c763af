/** `claimtrace serve [--port 4173] [--db FILE]`: the review desk, a local web page for deciding on findings. */
import { DEFAULT_STORE, openStore } from '../../store/store.js';
import { DEFAULT_PORT, startDesk } from '../../serve/server.js';
import { UsageError, dbOption, str } from '../args.js';
import type { Command } from '../args.js';
import { say } from '../io.js';
import { editorName } from './review.js';

export const serve: Command = {
  name: 'serve',
  summary: 'open the review desk: a local web page to confirm, dismiss or note findings',
  positionals: false,
    options: { ...dbOption, port: { type: 'string' }, by: { type: 'string' } },
  help: `Usage: claimtrace serve [--port 4173] [--db FILE] [--by NAME]

Serves the review desk on http://127.0.0.1:PORT (loopback only) until interrupted: the findings
of a check of the store, filterable by severity, status, rule and outlet; each finding with both
sides' passages, their sources and provenance, its group and timeline; every article with its
claims highlighted. Confirm, dismiss (a reason is required) and note are recorded in the store
exactly as \`claimtrace review\` records them, so two tabs or the CLI at the same time never lose a
decision. Requests whose Host or Origin is not the desk's own are refused.

Options:
  --port N    the port (default ${DEFAULT_PORT}; 0 picks a free one)
  --by NAME   who decides, by default (default $CLAIMTRACE_EDITOR, else the login name)
  --db FILE   the store (default ${DEFAULT_STORE})`,

  async run(values) {
    const given = str(values, 'port') ?? String(DEFAULT_PORT);
    const port = Number(given);
    if (!/^\d+$/.test(given) || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not '${given}'`);
    const store = openStore(str(values, 'db') ?? DEFAULT_STORE);
    await store.read(); // a corrupt store stops here, with its file and the reason
    let desk;
    try {
      desk = await startDesk({ store, port, editor: editorName(values) });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') throw new UsageError(`port ${port} is in use (give another with --port)`);
      throw error;
    }
    say(`claimtrace: review desk on ${desk.url}/ (store ${store.file}); Ctrl-C stops it`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await desk.close();
    return 0;
  },
};
