/** The frame every desk page shares, and the small pieces pages repeat (badges, article names, links). */
import type { Report } from '../store/schema.js';
import { h } from './html.js';
import type { Html, Part } from './html.js';

/** A whole page: header with the desk's links, then `body`. */
export function page(title: string, body: Part): Html {
  return h`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · claimtrace review desk</title>
<link rel="stylesheet" href="/static/desk.css">
<script src="/static/desk.js" defer></script>
</head>
<body>
<header class="top"><a class="brand" href="/">claimtrace review desk</a><a href="/">Findings</a><a href="/articles">Articles</a></header>
<main>
${body}
</main>
</body>
</html>
`;
}

export const severityBadge = (severity: string): Html => h`<span class="badge sev-${severity}">${severity}</span>`;

export const statusBadge = (status: string, live = false): Html =>
  live ? h`<span class="badge st-${status}" data-status>${status}</span>` : h`<span class="badge st-${status}">${status}</span>`;

type ReportArticle = Report['articles'][number];

const fileName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** An article as an editor knows it: its outlet, else its file name. */
export const outletName = (a: ReportArticle): string => a.outlet ?? fileName(a.path);

/** A link to the article page, named by outlet and date: "Yicai, 2026-03-24". */
export const articleLink = (a: ReportArticle, anchor?: string): Html =>
  h`<a href="/articles/${encodeURIComponent(a.id)}${anchor ? `#${encodeURIComponent(anchor)}` : ''}">${outletName(a)}</a>, ${a.published ?? 'undated'}`;

/** An encoded path segment for a finding or claim id. */
export const findingHref = (id: string): string => `/findings/${encodeURIComponent(id)}`;
