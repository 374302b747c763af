/**
 * One finding: its message; the sides of the disagreement side by side, each claim with its
 * article (outlet, date, title), the quoted passage with the figure highlighted, its cited sources
 * followed through "citing" links and its origin; the group it belongs to; the timeline chart; the
 * decision history and the form to confirm, dismiss (with a reason) or note.
 */
import { provenanceChain } from '../../link/provenance.js';
import type { ProvenanceChain } from '../../link/provenance.js';
import { formatPeriod, asWritten } from '../../report/format.js';
import { figureSpan } from '../../report/quote.js';
import { sidesOf } from '../../report/sides.js';
import { apartIn } from '../../report/timelines.js';
import type { Series } from '../../report/timelines.js';
import type { Claim, Finding, Group, Report, Review } from '../../store/schema.js';
import { h, safeUrl } from '../html.js';
import type { Html } from '../html.js';
import { articleLink, findingHref, outletName, page, severityBadge, statusBadge } from '../layout.js';

export interface FindingView {
  finding: Finding;
  report: Report;
  /** The decisions taken on it, oldest first. */
  history: Review[];
  /** Disputed series holding any of its claims. */
  series: Series[];
  /** Who the form names as deciding, by default. */
  editor: string | null;
  /** A decision that could not be recorded (shown above the form). */
  error: string | null;
}

const squash = (s: string): string => s.replace(/\s+/g, ' ');

/** The quote with its figure in <mark>. */
export function quotedHtml(c: Claim): Html {
  const span = figureSpan(c);
  if (!span) return h`“${squash(c.quote).trim()}”`;
  return h`“${squash(c.quote.slice(0, span[0])).trimStart()}<mark>${squash(c.quote.slice(span[0], span[1]))}</mark>${squash(c.quote.slice(span[1])).trimEnd()}”`;
}

/** One line of the history: "dismissed by J. Chen on 2026-…: the ministry revised it". */
export const historyLine = (r: Review): string => `${r.status}${r.by ? ` by ${r.by}` : ''}${r.at ? ` on ${r.at.replace('T', ' ').slice(0, 16)} UTC` : ''}${r.reason ? `: ${r.reason}` : ''}`;

function sourcesHtml(chain: ProvenanceChain | null): Html {
  if (!chain) return h``;
  const paths = chain.paths.map(
    (path) =>
      h`<li>${path.map((s, k) => {
        const url = safeUrl(s.url);
        const label = s.name ?? s.url ?? s.id;
        return h`${k > 0 ? ' → citing ' : ''}${url ? h`<a href="${url}" rel="noopener noreferrer" target="_blank">${label}</a>` : label} <span class="muted small">(${s.kind})</span>`;
      })}${path[0].note ? h`<div class="muted small">${path[0].note}</div>` : ''}</li>`,
  );
  const o = chain.origin;
  const origin = o ? [o.speaker, o.organisation].filter(Boolean).join(', ') + (o.event ? ` — ${o.event}` : '') : null;
  return h`<div class="small"><b>Cited sources:</b> ${paths.length ? h`<ol class="sources">${paths}</ol>` : h`<span class="muted">none: the article cites no source for this claim.</span>`}</div>
<div class="small"><b>Origin:</b> ${origin ?? h`<span class="muted">not stated</span>`}${chain.firstReported ? h` · <b>first reported:</b> ${articleLink(chain.firstReported)}` : ''}</div>`;
}

function claimHtml(c: Claim, report: Report): Html {
  const a = report.articles.find((x) => x.id === c.article);
  const chain = provenanceChain(c.id, report);
  return h`<div class="claim" data-claim="${c.id}">
<div><b>${a ? articleLink(a, `claim-${c.id}`) : c.article}</b></div>
${a?.title ? h`<div class="small">${a.title}</div>` : ''}
<blockquote>${quotedHtml(c)}</blockquote>
<div class="small muted">${a?.path ?? c.article}:${c.line}:${c.column} · ${c.period ? formatPeriod(c.period) : 'no period'}${c.attribution ? ` · attributed to ${c.attribution}` : ''}</div>
${sourcesHtml(chain)}
</div>`;
}

function groupHtml(groups: Group[], report: Report, finding: Finding): Html {
  if (groups.length === 0) return h`<p class="muted">Its claims belong to no group.</p>`;
  return h`${groups.map((g) => {
    const claims = report.claims.filter((c) => g.claims.includes(c.id));
    const label = [g.subject, g.metric, g.period?.text].filter(Boolean).join(' · ') || g.id;
    return h`<div class="card" data-group="${g.id}"><h3>${label} <span class="badge">${g.status}</span></h3>
<p class="small muted">${g.id} · ${claims.length} claims in ${g.articles.length} articles, ${g.origins} distinct origins</p>
<ul class="small">${claims.map((c) => {
      const a = report.articles.find((x) => x.id === c.article);
      return h`<li>${a ? articleLink(a, `claim-${c.id}`) : c.article}: ${asWritten(c)}${c.period ? ` (${c.period.text})` : ''}${finding.claims.includes(c.id) ? h` <span class="muted">· in this finding</span>` : ''}</li>`;
    })}</ul></div>`;
  })}`;
}

/** The page. */
export function findingPage(view: FindingView): Html {
  const { finding: f, report } = view;
  const claims = f.claims.map((id) => report.claims.find((c) => c.id === id)).filter((c): c is Claim => c !== undefined);
  const apart = apartIn(f, claims);
  // The side that stands apart first, then the others from the best supported down: the two to compare lead.
  const standsApart = (side: { claims: Claim[] }) => side.claims.some((c) => apart.has(c.id));
  const sides = sidesOf(claims)
    .map((side, i) => ({ side, i }))
    .sort((a, b) => Number(standsApart(b.side)) - Number(standsApart(a.side)) || b.side.articles.length - a.side.articles.length || a.i - b.i)
    .map(({ side }) => side);
  const groups = report.groups.filter((g) => g.claims.some((id) => f.claims.includes(id)));
  const articles = f.articles.map((id) => report.articles.find((a) => a.id === id)).filter((a) => a !== undefined);
  const history = view.history.length
    ? h`<ol class="history">${view.history.map((r) => h`<li>${historyLine(r)}</li>`)}</ol>`
    : h`<ol class="history"></ol><p class="muted small" data-no-history>No decision yet.</p>`;
  return page(
    f.message,
    h`<p class="small"><a href="/">← all findings</a></p>
<div class="meta-line">${statusBadge(f.review.status, true)} ${severityBadge(f.severity)} <span class="mono">${f.rule}</span> <span class="mono">${f.id}</span> · ${articles.map((a, i) => h`${i > 0 ? '; ' : ''}${outletName(a)}`)}</div>
<h1>${f.message}</h1>
${f.reopened ? h`<p class="error-box">Reopened: ${f.reopened}</p>` : ''}
${f.actual || f.expected ? h`<p class="small">${f.actual ? h`Found <mark>${f.actual}</mark>` : ''}${f.actual && f.expected ? ', ' : ''}${f.expected ? h`expected <b>${f.expected}</b>` : ''}.</p>` : ''}
<section class="card"><h2 class="first">Decision</h2>
${history}
${view.error ? h`<p class="error-box" role="alert">${view.error}</p>` : ''}
<form method="post" action="${findingHref(f.id)}/review" data-review>
<div class="decide">
<label class="small">Reason (required to dismiss) or note<textarea name="reason" rows="2"></textarea></label>
<label class="small">Decided by<input type="text" name="by" value="${view.editor ?? ''}"></label>
</div>
<div class="buttons">
<button class="confirm" name="decision" value="confirm" type="submit">Confirm</button>
<button class="dismiss" name="decision" value="dismiss" type="submit">Dismiss</button>
<button class="note" name="decision" value="note" type="submit">Note</button>
<button name="decision" value="reopen" type="submit">Reopen</button>
</div>
<p class="form-error" role="alert"></p>
</form></section>
<h2>What the articles say</h2>
<div class="sides">${sides.map(
      (s) => h`<section class="card side${standsApart(s) ? ' apart' : ''}"><h3><span>${s.says}</span>${standsApart(s) ? h`<span class="badge sev-warning">stands apart</span>` : h`<span class="muted small nowrap">${s.articles.length} ${s.articles.length === 1 ? 'article' : 'articles'}</span>`}</h3>
${s.claims.map((c) => claimHtml(c, report))}</section>`,
    )}</div>
${view.series.length ? h`<h2>Timeline</h2>${view.series.map((s) => h`<figure class="card chart"><img src="/charts/${encodeURIComponent(s.slug)}.svg" alt="Timeline: ${s.title}"><figcaption class="small muted">${s.caption}</figcaption></figure>`)}` : ''}
<h2>Group</h2>
${groupHtml(groups, report, f)}`,
  );
}
