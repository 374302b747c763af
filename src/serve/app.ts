/**
 * The review desk as a Hono app: server-rendered pages over a check of the store (run afresh for
 * every page, so the CLI's changes show on reload), and decisions recorded through
 * `recordReview`, the same locked store update the CLI uses. Every request passes the Host/Origin
 * guard first; every page carries a Content-Security-Policy that allows the desk's own script only.
 */
import { readFile } from 'node:fs/promises';
import { Hono } from 'hono';
import type { Context } from 'hono';
import { readArticle } from '../ingest/read.js';
import type { ReadResult } from '../ingest/types.js';
import { timelineSvg } from '../report/chart.js';
import { disputedSeries } from '../report/timelines.js';
import { articleIdOf } from '../store/store.js';
import type { Store } from '../store/store.js';
import type { Finding, Review } from '../store/schema.js';
import { checkStore } from '../workflow/current.js';
import { ReviewError, recordReview } from '../workflow/review.js';
import { reviewRows } from '../workflow/status.js';
import { DESK_CSS, DESK_JS } from './assets.js';
import { refusal } from './guard.js';
import { h } from './html.js';
import type { Html } from './html.js';
import { page } from './layout.js';
import { articlePage, articlesPage } from './pages/article.js';
import { findingPage, historyLine } from './pages/finding.js';
import { FILTERS, filterRows, findingsPage, listedRows } from './pages/findings.js';
import type { Filters } from './pages/findings.js';

export interface DeskOptions {
  store: Store;
  /** The Host values the desk answers to ("127.0.0.1:4173", ...): see `ownHosts`. */
  hosts: ReadonlySet<string>;
  /** Who the decision form names by default. */
  editor: string | null;
}

const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** What a button asks for, as a review status. */
const DECISIONS: Record<string, Review['status']> = { confirm: 'confirmed', dismiss: 'dismissed', note: 'noted', reopen: 'open' };

const wantsJson = (c: Context): boolean => (c.req.header('accept') ?? '').includes('application/json');

const notFound = (c: Context, what: string): Response => c.html(page('Not found', h`<h1>Not found</h1><p>${what}</p><p><a href="/">All findings</a></p>`).value, 404);

/** Read an article's file as it is now; a reason instead when it is gone or its bytes changed. */
async function readNow(path: string, id: string): Promise<ReadResult | { missing: string }> {
  try {
    if (articleIdOf(await readFile(path)).id !== id) return { missing: `${path} has changed since it was added (add it again to check the new text)` };
    return await readArticle(path);
  } catch (error) {
    return { missing: `${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
}

/** Build the desk. */
export function deskApp(options: DeskOptions): Hono {
  const { store } = options;
  const app = new Hono();
  const html = (c: Context, body: Html, status: 200 | 400 | 404 = 200) => c.html(body.value, status);

  app.use('*', async (c, next) => {
    const why = refusal(
      {
        method: c.req.method,
        host: c.req.header('host') ?? null,
        origin: c.req.header('origin') ?? null,
        referer: c.req.header('referer') ?? null,
        fetchSite: c.req.header('sec-fetch-site') ?? null,
      },
      options.hosts,
    );
    if (why) return c.text(why, 403);
    await next();
    c.header('Content-Security-Policy', CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'same-origin');
    c.header('Cache-Control', 'no-store');
  });

  app.get('/static/desk.css', (c) => c.body(DESK_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' }));
  app.get('/favicon.ico', (c) => c.body(null, 204));
  app.get('/static/desk.js', (c) => c.body(DESK_JS, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));

  app.get('/', async (c) => {
    const checked = await checkStore(store);
    const filters: Filters = {};
    for (const f of FILTERS) {
      const v = c.req.query(f);
      if (v) filters[f] = v;
    }
    const rows = listedRows(reviewRows(checked.report, checked.data), checked.report);
    if (wantsJson(c)) return c.json(filterRows(rows, filters));
    return html(c, findingsPage(rows, filters, checked.errors.map((e) => `${e.file}: ${e.reason}`)));
  });

  const showFinding = async (c: Context, id: string, error: string | null, status: 200 | 400 | 404 = 200) => {
    const checked = await checkStore(store);
    const finding = checked.report.findings.find((f) => f.id === id);
    if (!finding) return notFound(c, `No finding ${id} in a check of the store now (it may have been resolved).`);
    const series = disputedSeries(checked.report).filter((s) => s.claims.some((cid) => finding.claims.includes(cid)));
    return html(c, findingPage({ finding, report: checked.report, history: checked.data.reviews[id] ?? [], series, editor: options.editor, error }), status);
  };

  app.get('/findings/:id', (c) => showFinding(c, c.req.param('id'), null));

  app.post('/findings/:id/review', async (c) => {
    const id = c.req.param('id');
    const body = await c.req.parseBody();
    const field = (name: string): string | null => (typeof body[name] === 'string' ? (body[name] as string) : null);
    const status = DECISIONS[field('decision') ?? ''];
    const fail = (message: string, code: 400 | 404) => (wantsJson(c) ? c.json({ error: message }, code) : showFinding(c, id, message, code));
    if (!status) return fail(`unknown decision '${field('decision') ?? ''}' (expected ${Object.keys(DECISIONS).join(', ')})`, 400);
    try {
      const { review, previous } = await recordReview(store, id, { status, by: field('by'), reason: field('reason') });
      if (wantsJson(c)) return c.json({ review, previous, line: historyLine(review) });
      return c.redirect(`/findings/${encodeURIComponent(id)}`, 303);
    } catch (error) {
      if (error instanceof ReviewError) return fail(error.message.replace(/ \(--\w+ "\.\.\."\)$/, ''), /^no finding/.test(error.message) ? 404 : 400);
      throw error;
    }
  });

  app.get('/articles', async (c) => html(c, articlesPage((await checkStore(store)).report)));

  app.get('/articles/:id', async (c) => {
    const checked = await checkStore(store);
    const id = c.req.param('id');
    const article = checked.report.articles.find((a) => a.id === id);
    if (!article) return notFound(c, `No article ${id} in the store.`);
    const claims = checked.report.claims.filter((x) => x.article === id);
    const findings = new Map<string, Finding[]>();
    for (const f of checked.report.findings) for (const cid of f.claims) findings.set(cid, [...(findings.get(cid) ?? []), f]);
    const record = checked.records.find((r) => r.id === id) ?? null;
    return html(c, articlePage({ article, record, read: await readNow(article.path, id), claims, findings }));
  });

  app.get('/charts/:file', async (c) => {
    const slug = c.req.param('file').replace(/\.svg$/, '');
    const series = disputedSeries((await checkStore(store)).report).find((s) => s.slug === slug);
    if (!series) return c.text('no such chart', 404);
    const svg = await timelineSvg(series.points, { title: series.title, axis: series.axis });
    return c.body(svg, 200, { 'Content-Type': 'image/svg+xml; charset=utf-8' });
  });

  app.notFound((c) => notFound(c, `Nothing at ${c.req.path}.`));
  return app;
}
