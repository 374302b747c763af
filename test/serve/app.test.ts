/**
 * The desk's routes in-process (Hono's `app.request`): pages escape what articles hold, decisions
 * are recorded through the store's locked update, cross-site requests are refused and change
 * nothing, and decisions taken at the same time by two tabs and the CLI all land.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deskApp } from '../../src/serve/app.js';
import { ownHosts } from '../../src/serve/guard.js';
import { escapeHtml } from '../../src/serve/html.js';
import type { Report } from '../../src/store/schema.js';
import { openStore } from '../../src/store/store.js';
import type { Store } from '../../src/store/store.js';
import { checkStore } from '../../src/workflow/current.js';
import { claimtrace } from '../cli/helpers.js';
import { HOSTILE, seededStore } from './fixture.js';
import type { SeededStore } from './fixture.js';

const ORIGIN = 'http://127.0.0.1:4173';
let seeded: SeededStore;
let store: Store;
let report: Report;
let app: ReturnType<typeof deskApp>;

const get = (path: string, headers: Record<string, string> = {}) => app.request(`${ORIGIN}${path}`, { headers: { host: '127.0.0.1:4173', ...headers } });
const post = (path: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
  app.request(`${ORIGIN}${path}`, {
    method: 'POST',
    body: new URLSearchParams(form),
    headers: { host: '127.0.0.1:4173', origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded', ...headers },
  });
const history = async (id: string) => (await store.read()).reviews[id] ?? [];
const findingOf = (rule: string, n = 0) => report.findings.filter((f) => f.rule === rule)[n];

beforeAll(async () => {
  seeded = await seededStore('ct-desk-');
  store = openStore(seeded.db);
  report = (await checkStore(store)).report;
  app = deskApp({ store, hosts: ownHosts(4173), editor: 'Desk Editor' });
}, 60_000);
afterAll(() => seeded.cleanup());

describe('review desk pages', () => {
  it('lists every finding with counts, and filters them', async () => {
    const all = await (await get('/')).text();
    expect(all).toContain(`<b>${report.findings.length}</b>findings`);
    for (const f of report.findings) expect(all).toContain(`data-finding="${f.id}"`);
    const series = report.findings.filter((f) => f.rule === 'series-conflict');
    const filtered = await (await get('/?rule=series-conflict&status=open')).text();
    expect((filtered.match(/data-finding=/g) ?? []).length).toBe(series.length);
    expect(filtered).toContain(`${series.length} of ${report.findings.length} findings shown`);
    const byOutlet = (await (await get('/?outlet=Yicai', { accept: 'application/json' })).json()) as Array<{ id: string }>;
    const yicai = report.articles.find((a) => a.outlet === 'Yicai')!.id;
    expect(byOutlet.map((r) => r.id)).toEqual(report.findings.filter((f) => f.articles.includes(yicai)).map((f) => f.id));
  });

  it('shows a finding with both sides, the figure marked, its group and its timeline', async () => {
    const f = findingOf('series-conflict');
    const page = await (await get(`/findings/${f.id}`)).text();
    for (const id of f.claims) expect(page).toContain(`data-claim="${id}"`);
    const figures = f.claims.map((id) => report.claims.find((c) => c.id === id)!.figure?.text).filter((t) => t !== undefined);
    for (const figure of figures) expect(page).toContain(`<mark>${escapeHtml(figure.replace(/\s+/g, ' '))}</mark>`);
    expect(page).toContain('stands apart');
    expect(page).toMatch(/data-group="g-/);
    const chart = page.match(/<img src="(\/charts\/[^"]+\.svg)"/);
    expect(chart).not.toBeNull();
    const svg = await get(chart![1]);
    expect(svg.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(await svg.text()).toMatch(/^<svg/);
  });

  it('shows an article holding <script> as text, on its page and in findings', async () => {
    const hostile = report.articles.find((a) => a.path === HOSTILE)!;
    const res = await get(`/articles/${hostile.id}`);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const page = await res.text();
    expect(page).toContain('&lt;script&gt;document.title = &quot;owned&quot;&lt;/script&gt;');
    expect(page).toContain('&lt;img src=x onerror=&quot;document.title=&#39;owned&#39;&quot;&gt;');
    expect(page).not.toMatch(/<script>document|<img src=x/);
    // The only script is the desk's own.
    expect(page.match(/<script/g)).toHaveLength(1);
    // Every claim of the article is marked in the text and listed with its findings.
    for (const c of report.claims.filter((x) => x.article === hostile.id)) {
      expect(page).toContain(`id="claim-${c.id}"`);
      expect(page).toContain(`href="#claim-${c.id}"`);
    }
    expect((await (await get('/articles')).text()).match(/<script/g)).toHaveLength(1);
  });

  it('answers 404 for an unknown finding or article', async () => {
    expect((await get('/findings/f-0000000000')).status).toBe(404);
    expect((await get('/articles/a-0000000000000000')).status).toBe(404);
  });
});

describe('recording decisions', () => {
  it('refuses a decision posted from another site, and records nothing', async () => {
    const f = findingOf('internal-contradiction');
    const before = await history(f.id);
    for (const headers of [{ origin: 'https://evil.example' }, { origin: 'null' }, { host: 'evil.example:4173' }]) {
      const res = await post(`/findings/${f.id}/review`, { decision: 'confirm', by: 'Mallory' }, headers);
      expect(res.status).toBe(403);
      expect(await res.text()).toMatch(/^refused: /);
    }
    expect(await history(f.id)).toEqual(before);
  });

  it('records a confirmation from the form and redirects back to the finding', async () => {
    const f = findingOf('internal-contradiction');
    const res = await post(`/findings/${f.id}/review`, { decision: 'confirm', by: 'A. Editor', reason: '' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/findings/${f.id}`);
    expect((await history(f.id)).at(-1)).toMatchObject({ status: 'confirmed', by: 'A. Editor', reason: null });
    expect(await (await get(`/findings/${f.id}`)).text()).toContain('data-status>confirmed<');
  });

  const wrong: Array<[string, Record<string, string>, number, RegExp]> = [
    ['a dismissal without a reason', { decision: 'dismiss', reason: '  ' }, 400, /^a dismissal needs a reason$/],
    ['a note without text', { decision: 'note' }, 400, /^a note needs its text$/],
    ['an unknown decision', { decision: 'delete' }, 400, /^unknown decision 'delete'/],
  ];
  it.each(wrong)('refuses %s with the reason, recording nothing', async (_, form, status, message) => {
    const f = findingOf('name-variant');
    const res = await post(`/findings/${f.id}/review`, form, { accept: 'application/json' });
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: string }).error).toMatch(message);
    expect(await history(f.id)).toEqual([]);
    const page = await post(`/findings/${f.id}/review`, form);
    expect(page.status).toBe(status);
    expect(await page.text()).toContain('role="alert">');
  });

  it('keeps every decision when two tabs and the CLI decide at once', async () => {
    const f = findingOf('single-source', 2);
    const [a, b, cli] = await Promise.all([
      post(`/findings/${f.id}/review`, { decision: 'note', reason: 'tab one', by: 'One' }, { accept: 'application/json' }),
      post(`/findings/${f.id}/review`, { decision: 'note', reason: 'tab two', by: 'Two' }, { accept: 'application/json' }),
      claimtrace(['review', f.id, '--note', 'from the CLI', '--by', 'Three', '--db', seeded.db]),
    ]);
    expect([a.status, b.status, cli.status]).toEqual([200, 200, 0]);
    expect(((await a.json()) as { line: string }).line).toMatch(/^noted by One on .*: tab one$/);
    const reasons = (await history(f.id)).map((r) => r.reason).sort();
    expect(reasons).toEqual(['from the CLI', 'tab one', 'tab two']);
  });
});
