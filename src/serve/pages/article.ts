/**
 * One article: its metadata, its text as the reader made it with every extracted claim highlighted
 * (the figure, or the whole passage for a claim without one) and linked to the claim's entry
 * below, which lists the findings it takes part in. When the file has changed or gone since it was
 * added, the claims are listed with their quotes and the page says why the text is missing.
 */
import type { ReadResult } from '../../ingest/types.js';
import { asWritten } from '../../report/format.js';
import type { ArticleRecord, Claim, Finding, Report } from '../../store/schema.js';
import { h, safeUrl } from '../html.js';
import type { Html } from '../html.js';
import { findingHref, outletName, page, severityBadge, statusBadge } from '../layout.js';
import { segments, sourceToPlain } from '../marks.js';
import type { Mark } from '../marks.js';

export interface ArticleView {
  article: Report['articles'][number];
  record: ArticleRecord | null;
  /** The file as read now, or why it cannot be shown. */
  read: ReadResult | { missing: string };
  claims: Claim[];
  /** Findings by claim id. */
  findings: Map<string, Finding[]>;
}

/** The range a claim is marked on: its figure, else its quote (file offsets). */
const markedRange = (c: Claim): [number, number] => (c.figure && c.figure.end > c.figure.start ? [c.figure.start, c.figure.end] : [c.start, c.end]);

/** Marks of the claims in the reader's plain text (claims outside the body, in metadata, are left out). */
export function claimMarks(read: ReadResult, claims: Claim[]): Mark[] {
  return claims.flatMap((c) => {
    const range = sourceToPlain(read.runs, ...markedRange(c));
    return range ? [{ start: range[0], end: range[1], id: c.id }] : [];
  });
}

function textHtml(read: ReadResult, claims: Claim[], findings: Map<string, Finding[]>): Html {
  const marks = claimMarks(read, claims);
  const byId = new Map(claims.map((c) => [c.id, c]));
  const blocks = read.blocks.map((b) => {
    const parts = segments(b.start, b.end, marks).map((s) => {
      const text = read.text.slice(s.start, s.end);
      if (s.ids.length === 0) return h`${text}`;
      const hit = s.ids.some((id) => (findings.get(id) ?? []).some((f) => f.severity !== 'info'));
      const classes = [hit ? 'has-finding' : '', s.ids.length > 1 ? 'multi' : ''].filter(Boolean).join(' ');
      const title = s.ids.map((id) => { const c = byId.get(id); return c ? `${id}: ${asWritten(c)}${(findings.get(id) ?? []).length ? ` (${(findings.get(id) ?? []).length} findings)` : ''}` : id; }).join('\n');
      return h`<a class="claim-mark" href="#claim-${s.ids[0]}" title="${title}"><mark${classes ? h` class="${classes}"` : ''} data-claims="${s.ids.join(' ')}">${text}</mark></a>`;
    });
    return h`<p class="b-${b.kind}">${parts}</p>`;
  });
  return h`<div class="card article-text">${blocks}</div>`;
}

function claimRow(c: Claim, findings: Finding[]): Html {
  return h`<tr id="claim-${c.id}"><td class="mono small">${c.id}<div class="muted">line ${c.line}</div></td><td><b>${asWritten(c)}</b>${c.metric ? h`<div class="small muted">${c.metric}${c.subject ? ` · ${c.subject}` : ''}${c.period ? ` · ${c.period.text}` : ''}</div>` : ''}</td>
<td class="small">${findings.length ? h`<ul>${findings.map((f) => h`<li>${statusBadge(f.review.status)} ${severityBadge(f.severity)} <a href="${findingHref(f.id)}">${f.rule}</a></li>`)}</ul>` : h`<span class="muted">none</span>`}</td></tr>`;
}

/** The page. */
export function articlePage(view: ArticleView): Html {
  const { article: a, record } = view;
  const url = safeUrl(record?.url?.value ?? null);
  const meta: Array<[string, Html | string]> = [
    ['Outlet', outletName(a)],
    ['Published', a.published ?? 'undated'],
    ['Author', record?.author?.value ?? 'unknown'],
    ['File', h`<span class="mono">${a.path}</span>`],
  ];
  if (url) meta.push(['URL', h`<a href="${url}" rel="noopener noreferrer" target="_blank">${url}</a>`]);
  const text = 'missing' in view.read ? h`<p class="error-box">The text cannot be shown: ${view.read.missing}.</p>` : textHtml(view.read, view.claims, view.findings);
  return page(
    a.title ?? outletName(a),
    h`<p class="small"><a href="/articles">← all articles</a></p>
<h1>${a.title ?? outletName(a)}</h1>
<p class="meta-line">${meta.map(([k, v], i) => h`${i > 0 ? ' · ' : ''}<span><b>${k}:</b> ${v}</span>`)}</p>
${text}
<h2>Claims (${view.claims.length})</h2>
<table class="claims card"><thead><tr><th>Claim</th><th>Figure</th><th>Findings</th></tr></thead><tbody>${view.claims.map((c) => claimRow(c, view.findings.get(c.id) ?? []))}</tbody></table>`,
  );
}

/** The list of articles, each with its claim and finding counts. */
export function articlesPage(report: Report): Html {
  const findingCount = (id: string) => report.findings.filter((f) => f.articles.includes(id)).length;
  return page(
    'Articles',
    h`<h1>Articles</h1>
<table class="findings"><thead><tr><th>Article</th><th>Published</th><th>Claims</th><th>Findings</th></tr></thead><tbody>
${report.articles.map(
  (a) => h`<tr><td><a href="/articles/${encodeURIComponent(a.id)}">${outletName(a)}</a><div class="small muted">${a.title ?? a.path}</div></td><td>${a.published ?? 'undated'}</td><td>${report.claims.filter((c) => c.article === a.id).length}</td><td>${findingCount(a.id)}</td></tr>`,
)}</tbody></table>`,
  );
}
