import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, saveScreenshot, startWebApp, watchPageErrors, type WebApp } from '../support/browser';
import { seriousAxeViolations } from '../support/axe';
import { tempDir } from '../support/temp-dir';
import { seedCases } from '../support/seed-cases';
import { answerAll } from '../support/answer-all';
import { createApiClient } from '../../shared/contract/api-client';
import { createDispatch } from '../../electron/services/api/dispatch';
import { createHandlers } from '../../electron/services/api/handlers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const newPage = async (app: WebApp): Promise<Page> => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(app.bridge.openUrl);
  return page;
};

describe('history at partner scale', () => {
  it('scrolls all 10,000 cases with the list virtualised all the way', async () => {
    const app = await startWebApp(tempDir());
    seedCases(app.services.db, { cases: 10_000, interviewed: 0, seed: 11 });
    const page = await newPage(app);
    const errors = watchPageErrors(page);
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    // The landing page (Cases) lays out one page of them, not 10,000 rows, and more on request.
    const caseRows = page.getByRole('table', { name: 'Open cases, newest first' }).locator('tbody tr');
    await expect.poll(() => caseRows.count()).toBe(100);
    await page.getByRole('button', { name: 'Show 100 more' }).click();
    await expect.poll(() => caseRows.count()).toBe(200);
    await expect.poll(() => page.getByText('Showing the 200 newest. Search to find an older case.').isVisible()).toBe(true);
    await saveScreenshot(page, 'e2e-cases-10k');
    await page.getByRole('link', { name: 'History', exact: true }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'engagements' }).textContent()).toBe('10,000 engagements');
    await expect.poll(async () => (await seriousAxeViolations(page)).join('\n')).toBe('');
    await saveScreenshot(page, 'e2e-history-10k');

    const scroller = page.getByRole('region', { name: 'Engagements', exact: true });
    const metrics = await scroller.evaluate((el) => ({ height: el.scrollHeight, view: el.clientHeight }));
    expect(metrics.height).toBeGreaterThan(10_000 * 50);
    // Count only what scrolling costs: axe and the screenshot above run long tasks of their own.
    await page.evaluate(() => {
      (window as unknown as { longTasks: number[] }).longTasks = [];
    });
    // Scroll the whole list in screen-sized steps, as a person paging down would. The list stays
    // virtualised all the way (only the rows in view and a small overscan are in the page): that is
    // what keeps each step cheap, and it holds however busy the machine is.
    let mostRows = 0;
    for (let top = 0; top < metrics.height; top += metrics.view) {
      const rows = await scroller.evaluate((el, y) => {
        el.scrollTo(0, y);
        return el.querySelectorAll('[aria-posinset]').length;
      }, top);
      mostRows = Math.max(mostRows, rows);
      await page.waitForTimeout(16);
    }
    await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect.poll(() => page.locator('[aria-posinset="10000"] a').first().isVisible(), { timeout: 15_000 }).toBe(true);
    expect(mostRows).toBeGreaterThan(0);
    expect(mostRows).toBeLessThan(100);
    // The longest main-thread task while scrolling, for the record: a wall-clock figure that a
    // machine running other tests inflates (a 335 ms task in one CI run, none over 100 ms alone),
    // so it is printed, not asserted (speed targets live in npm run bench).
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    process.stdout.write(`history scroll: at most ${mostRows} rows in the page, longest task ${Math.max(0, ...longTasks)} ms (${longTasks.length} over 50 ms)\n`);
    expect(errors).toEqual([]);
    await page.close();
    await app.close();
  }, 240_000);

  it('searches and filters the history', async () => {
    const app = await startWebApp(tempDir());
    seedCases(app.services.db, { cases: 300, interviewed: 0, seed: 5 });
    const page = await newPage(app);
    await page.getByRole('link', { name: 'History', exact: true }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'engagements' }).textContent()).toBe('300 engagements');
    await page.getByRole('searchbox', { name: 'Search customers, sites, notes and findings' }).fill('warehouse');
    const count = Number((await app.services.db.prepare("SELECT count(*) FROM cases c JOIN sites s ON s.id = c.site_id WHERE s.name = 'Warehouse'").pluck().get()) as number);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'engagement' }).textContent()).toBe(`${count} engagements`);
    // The search lives in the URL: a reload keeps it.
    await page.reload();
    await expect.poll(() => page.getByRole('searchbox', { name: 'Search customers, sites, notes and findings' }).inputValue()).toBe('warehouse');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'engagement' }).textContent()).toBe(`${count} engagements`);
    await page.getByRole('searchbox', { name: 'Search customers, sites, notes and findings' }).fill('zzzz-nothing');
    await expect.poll(() => page.getByRole('heading', { name: 'Nothing matches' }).isVisible()).toBe(true);
    await page.close();
    await app.close();
  });

  it('re-assesses a case, shows the customer timeline and compares the two', async () => {
    const app = await startWebApp(tempDir());
    const dispatch = createDispatch(createHandlers(app.services), app.services.logging);
    const api = createApiClient((channel, input) => dispatch(channel, input));
    const first = await api.createCase({ customerName: 'Timeline Traders', siteName: 'HQ', title: 'AI readiness 2025' });
    await answerAll(api, first.id, false);
    const page = await newPage(app);
    await page.getByRole('link', { name: 'Timeline Traders', exact: true }).click();
    await page.getByRole('button', { name: 'Re-assess' }).click();
    // It asks first, and says what it carries over.
    await expect.poll(() => page.getByRole('alertdialog').getByText(/Carried over: customer, site/).isVisible()).toBe(true);
    await saveScreenshot(page, 'e2e-reassess-confirm');
    await page.getByRole('button', { name: 'Start the re-assessment' }).click();
    await expect.poll(() => page.getByText('Re-assessment of AI readiness 2025').first().isVisible()).toBe(true);
    const secondId = /cases\/([0-9a-f-]{36})/.exec(page.url())?.[1] as string;
    expect(secondId).not.toBe(first.id);
    await answerAll(api, secondId, true);

    await page.getByRole('link', { name: 'Timeline' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Timeline Traders' }).isVisible()).toBe(true);
    const picks = page.getByRole('checkbox', { name: 'Pick for comparison' });
    await expect.poll(() => picks.count()).toBe(2);
    await picks.nth(0).check();
    await picks.nth(1).check();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'e2e-timeline');
    await page.getByRole('link', { name: 'Compare the two' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Compare assessments' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('heading', { name: /^Resolved \(\d+\)$/ }).textContent()).not.toBe('Resolved (0)');
    expect(await page.getByRole('heading', { name: 'New (0)' }).isVisible()).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'e2e-compare');
    await page.close();
    await app.close();
  });
});
