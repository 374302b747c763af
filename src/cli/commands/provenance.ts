/** `claimtrace provenance [CLAIM]`: where a claim comes from, or the store's origins, unknown outlets and saved pages. */
import { resolve } from 'node:path';
import { provenanceChain, provenanceGraph } from '../../link/provenance.js';
import { renderChain } from '../../link/provenance-render.js';
import { toProvJson } from '../../link/prov-json.js';
import { checkSnapshots, indexSnapshots, SNAPSHOT_DIR } from '../../link/snapshots.js';
import { provenanceSummary } from '../../link/summary.js';
import { renderSummaryMarkdown, renderSummaryText } from '../../link/summary-render.js';
import { DEFAULT_STORE, openStore } from '../../store/store.js';
import { analyseStore } from '../analyse.js';
import { UsageError, dbOption, formatOption, str } from '../args.js';
import type { Command } from '../args.js';
import { emit, say } from '../io.js';

const FORMATS = ['text', 'md', 'json', 'prov-json'] as const;

export const provenance: Command = {
  name: 'provenance',
  summary: "trace a claim to its cited sources and origin; without one, the store's origins, unknown outlets and saved pages",
  positionals: true,
  options: { ...dbOption, format: { type: 'string' }, out: { type: 'string' }, snapshots: { type: 'string' } },
  help: `Usage: claimtrace provenance [CLAIM] [--db FILE] [--format text|md|json|prov-json] [--out FILE] [--snapshots DIR]

With CLAIM (a claim id from the report, or an unambiguous start of one): the claim's chain — the
article, each source it cites followed through "X, citing Y", the origin (speaker, organisation,
the event where it was said), the same figure in other articles with the origin each rests on, and
for each cited page saved under ${SNAPSHOT_DIR}/ whether the page supports the figure, contradicts
it or does not give it.

Without CLAIM: for every claim carried by several articles, how many independent origins it rests
on ("5 articles, 1 independent origin"); the cited outlets sources/outlets.yaml does not know; and
every linked claim checked against the saved pages.

Nothing is fetched: save a cited page yourself (HTML or text) under ${SNAPSHOT_DIR}/, named after
its URL or with a sidecar PAGE.yaml holding "url: ...".

Options:
  --db FILE              the store (default ${DEFAULT_STORE})
  --format FORMAT        text (default), md, json, or prov-json (W3C PROV-JSON of the chain, or of
                         every claim without CLAIM; validated before it is written)
  --out FILE             write to FILE instead of standard output
  --snapshots DIR        the saved pages (default ${SNAPSHOT_DIR})

Examples:
  claimtrace provenance c-3f2a
  claimtrace provenance --format prov-json --out reports/provenance.json`,

  async run(values, positionals) {
    const format = formatOption(values, FORMATS, 'text');
    if (positionals.length > 1) throw new UsageError(`expected one claim id, got ${positionals.length}`);
    const out = str(values, 'out');
    const { report, failed } = await analyseStore(openStore(str(values, 'db') ?? DEFAULT_STORE));
    const snapshots = indexSnapshots({ dir: resolve(str(values, 'snapshots') ?? SNAPSHOT_DIR) });
    for (const e of snapshots.errors) say(`claimtrace: ${e}`);
    const wanted = positionals[0];

    if (wanted === undefined) {
      if (format === 'prov-json') {
        await emit(JSON.stringify(toProvJson(provenanceGraph({ claims: report.claims, sources: report.sources, articles: report.articles })), null, 2), out);
      } else {
        const summary = provenanceSummary(report, { snapshots });
        await emit(format === 'json' ? JSON.stringify(summary, null, 2) : format === 'md' ? renderSummaryMarkdown(summary) : renderSummaryText(summary), out);
      }
      return failed > 0 ? 2 : 0;
    }

    const matching = report.claims.filter((c) => c.id === wanted || c.id.startsWith(wanted));
    if (matching.length !== 1 && !matching.some((c) => c.id === wanted)) {
      const why = matching.length === 0 ? `no claim '${wanted}' in the store (${report.claims.length} claims; ids are in \`claimtrace check --format json\`)` : `'${wanted}' starts ${matching.length} claim ids; give more of it`;
      say(`claimtrace provenance: ${why}`);
      return 2;
    }
    const chain = provenanceChain(matching.find((c) => c.id === wanted)?.id ?? matching[0].id, report);
    if (!chain) throw new Error(`claim ${wanted} vanished from the report`);
    const checks = checkSnapshots([chain.claim], report.sources, { index: snapshots });
    let body: string;
    if (format === 'prov-json') body = JSON.stringify(toProvJson(chain.graph), null, 2);
    else if (format === 'json') {
      body = JSON.stringify(
        {
          claim: chain.claim,
          article: chain.article,
          paths: chain.paths,
          origin: chain.origin,
          related: chain.related.map((r) => ({ claim: r.claim.id, article: r.claim.article, origin: r.origin })),
          origins: chain.origins,
          firstReported: chain.firstReported?.id ?? null,
          snapshots: checks,
        },
        null,
        2,
      );
    } else body = renderChain(chain, format === 'md' ? 'markdown' : 'text', checks);
    await emit(body, out);
    return failed > 0 ? 2 : 0;
  },
};
