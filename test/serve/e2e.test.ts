/**
 * The review desk in a real browser (Debian's chromium driven by playwright-core): open the seeds'
 * findings, filter to the series conflicts, open one and confirm it, dismiss another (refused
 * without a reason, then with one), reload, and see both decisions, on the pages and in the store.
 * A screenshot of the finding page is written to $CLAIMTRACE_SCREENSHOT when set.
 *
 * Without chromium the test is skipped with a message, except under CI=true, where it must run
 * (`.ci/run` installs chromium).
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDesk } from '../../src/serve/server.js';
import type { RunningDesk } from '../../src/serve/server.js';
import { openStore } from '../../src/store/store.js';
import type { Store } from '../../src/store/store.js';
import { seededStore } from './fixture.js';
import type { SeededStore } from './fixture.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const runs = existsSync(CHROMIUM) || process.env.CI === 'true';
if (!runs) console.warn(`test/serve/e2e.test.ts skipped: no chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH); under CI=true it runs`);

describe.skipIf(!runs)('the review desk in chromium', { timeout: 90_000 }, () => {
  let seeded: SeededStore;
  let store: Store;
  let desk: RunningDesk;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    seeded = await seededStore('ct-e2e-', false);
    store = openStore(seeded.db);
    desk = await startDesk({ store, port: 0, editor: 'E2E Editor' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page: ${e.message}`));
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await desk?.close();
    seeded?.cleanup();
  });

  it('confirms the series conflict, dismisses another with a reason, and both survive a reload', async () => {
    await page.goto(`${desk.url}/`);
    const total = Number(await page.locator('[data-count=all] b').textContent());
    expect(total).toBeGreaterThan(0);
    await expect.poll(() => page.locator('tr[data-finding]').count()).toBe(total);

    // The filter submits itself on change (progressive enhancement).
    await Promise.all([page.waitForURL(/rule=series-conflict/), page.selectOption('select[name=rule]', 'series-conflict')]);
    const series = page.locator('tr[data-rule=series-conflict]');
    expect(await series.count()).toBeGreaterThan(0);
    expect(await page.locator('tr[data-finding]').count()).toBe(await series.count());
    const seriesId = (await series.first().getAttribute('data-finding')) as string;

    await Promise.all([page.waitForURL(new RegExp(`/findings/${seriesId}$`)), series.first().locator('a').first().click()]);
    expect(await page.locator('.side').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.side mark').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.chart img').evaluateAll((imgs) => imgs.every((i) => (i as { naturalWidth: number }).naturalWidth > 0))).toBe(true);
    await page.fill('textarea[name=reason]', 'the bureau gave 100 billion for early 2024');
    await page.click('button[value=confirm]');
    await expect.poll(() => page.locator('[data-status]').textContent()).toBe('confirmed');
    if (process.env.CLAIMTRACE_SCREENSHOT) await page.screenshot({ path: process.env.CLAIMTRACE_SCREENSHOT, fullPage: true });

    // Another finding: a dismissal needs a reason, then takes one.
    await page.goto(`${desk.url}/?status=open`);
    const other = page.locator('tr[data-finding]').first();
    const otherId = (await other.getAttribute('data-finding')) as string;
    expect(otherId).not.toBe(seriesId);
    await Promise.all([page.waitForURL(/\/findings\//), other.locator('a').first().click()]);
    await page.click('button[value=dismiss]');
    await expect.poll(() => page.locator('.form-error').textContent()).toBe('a dismissal needs a reason');
    expect(await page.locator('[data-status]').textContent()).toBe('open');
    await page.fill('textarea[name=reason]', 'two different products, not one figure');
    await page.click('button[value=dismiss]');
    await expect.poll(() => page.locator('[data-status]').textContent()).toBe('dismissed');

    await page.reload();
    expect(await page.locator('[data-status]').textContent()).toBe('dismissed');
    expect(await page.locator('ol.history li').allTextContents()).toEqual([expect.stringMatching(/^dismissed by E2E Editor on .*: two different products, not one figure$/)]);
    await page.goto(`${desk.url}/`);
    expect(await page.locator(`tr[data-finding="${seriesId}"] .badge.st-confirmed`).count()).toBe(1);
    expect(await page.locator(`tr[data-finding="${otherId}"] .badge.st-dismissed`).count()).toBe(1);
    expect(await page.locator('[data-count="status:confirmed"] b').textContent()).toBe('1');

    const reviews = (await store.read()).reviews;
    expect(reviews[seriesId].map((r) => [r.status, r.by, r.reason])).toEqual([['confirmed', 'E2E Editor', 'the bureau gave 100 billion for early 2024']]);
    expect(reviews[otherId].map((r) => [r.status, r.reason])).toEqual([['dismissed', 'two different products, not one figure']]);
    // No script error and no Content-Security-Policy violation on any page (the refused dismissal's 400 was expected).
    expect(problems.filter((p) => !/status of 400 \(Bad Request\)/.test(p))).toEqual([]);
  });
});
