/** The findings list: counts at the top, filters (severity, status, rule, outlet), one row per finding. */
import type { Report } from '../../store/schema.js';
import type { ReviewRow } from '../../workflow/status.js';
import { h } from '../html.js';
import type { Html } from '../html.js';
import { findingHref, outletName, page, severityBadge, statusBadge } from '../layout.js';

export const FILTERS = ['severity', 'status', 'rule', 'outlet'] as const;
export type Filter = (typeof FILTERS)[number];
export type Filters = Partial<Record<Filter, string>>;

const STATUS_ORDER = ['open', 'confirmed', 'dismissed', 'noted', 'resolved'];
const SEVERITY_ORDER = ['error', 'warning', 'info'];

/** A row with the outlets of its articles (by outlet name, else file name). */
export interface ListedRow extends ReviewRow {
  outlets: string[];
}

/** Rows with their outlets named. */
export function listedRows(rows: ReviewRow[], report: Report): ListedRow[] {
  const byPath = new Map(report.articles.map((a) => [a.path, a]));
  return rows.map((r) => ({
    ...r,
    outlets: [...new Set(r.articles.map((p) => { const a = byPath.get(p); return a ? outletName(a) : p.slice(p.lastIndexOf('/') + 1); }))],
  }));
}

const value = (r: ListedRow, f: Filter): string[] => (f === 'outlet' ? r.outlets : [r[f]]);

/** The rows every given filter lets through. */
export function filterRows(rows: ListedRow[], filters: Filters): ListedRow[] {
  return rows.filter((r) => FILTERS.every((f) => !filters[f] || value(r, f).includes(filters[f] as string)));
}

const ordered = (values: Iterable<string>, order: string[] = []): string[] =>
  [...new Set(values)].sort((a, b) => {
    const [i, j] = [order.indexOf(a), order.indexOf(b)];
    if (i !== j) return (i < 0 ? order.length : i) - (j < 0 ? order.length : j);
    return a.localeCompare(b);
  });

const query = (filters: Filters, change: Filters): string => {
  const merged = { ...filters, ...change };
  const q = new URLSearchParams(FILTERS.filter((f) => merged[f]).map((f): [string, string] => [f, merged[f] as string]));
  return q.size > 0 ? `/?${q}` : '/';
};

function counts(rows: ListedRow[], filters: Filters): Html {
  const count = (f: Filter, v: string) => rows.filter((r) => value(r, f).includes(v)).length;
  const chip = (f: Filter, v: string) =>
    h`<a class="count${filters[f] === v ? ' active' : ''}" href="${query(filters, { [f]: filters[f] === v ? '' : v })}" data-count="${f}:${v}"><b>${count(f, v)}</b>${v}</a>`;
  return h`<div class="counts"><span class="count" data-count="all"><b>${rows.length}</b>findings</span>
${ordered(rows.map((r) => r.status), STATUS_ORDER).map((v) => chip('status', v))}
${ordered(rows.map((r) => r.severity), SEVERITY_ORDER).map((v) => chip('severity', v))}</div>`;
}

function select(name: Filter, label: string, options: string[], chosen: string | undefined): Html {
  return h`<label>${label}<select name="${name}"><option value="">all</option>${options.map(
    (o) => h`<option value="${o}"${chosen === o ? h` selected` : ''}>${o}</option>`,
  )}</select></label>`;
}

/** The page. `rows` are all rows (counts are over all of them); `filters` choose what the table shows. */
export function findingsPage(rows: ListedRow[], filters: Filters, errors: string[]): Html {
  const shown = filterRows(rows, filters);
  const table = shown.length
    ? h`<table class="findings"><thead><tr><th>Status</th><th>Severity</th><th>Rule</th><th>Finding</th><th>Outlets</th></tr></thead><tbody>
${shown.map(
  (r) => h`<tr data-finding="${r.id}" data-rule="${r.rule}"><td>${statusBadge(r.status)}</td><td>${severityBadge(r.severity)}</td><td class="mono">${r.rule}</td>
<td>${r.status === 'resolved' ? h`<span>${r.message}</span><div class="small muted">resolved: ${r.why}</div>` : h`<a href="${findingHref(r.id)}">${r.message}</a>`}${r.by || r.reason ? h`<div class="small muted">${r.status}${r.by ? ` by ${r.by}` : ''}${r.reason ? `: ${r.reason}` : ''}</div>` : ''}</td>
<td class="small">${r.outlets.join(', ')}</td></tr>`,
)}
</tbody></table>`
    : h`<p class="muted">No finding matches these filters.</p>`;
  return page(
    'Findings',
    h`<h1>Findings</h1>
${errors.map((e) => h`<p class="error-box">${e}</p>`)}
${counts(rows, filters)}
<form class="filters" method="get" action="/">
${select('status', 'Status', ordered(rows.map((r) => r.status), STATUS_ORDER), filters.status)}
${select('severity', 'Severity', ordered(rows.map((r) => r.severity), SEVERITY_ORDER), filters.severity)}
${select('rule', 'Rule', ordered(rows.map((r) => r.rule)), filters.rule)}
${select('outlet', 'Outlet', ordered(rows.flatMap((r) => r.outlets)), filters.outlet)}
<button type="submit">Filter</button> <a href="/">clear</a>
</form>
<p class="small muted" data-shown>${shown.length} of ${rows.length} findings shown</p>
${table}`,
  );
}
