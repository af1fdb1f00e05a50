import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, saveScreenshot, startWebApp, watchPageErrors, type WebApp } from '../support/browser';
import { seriousAxeViolations } from '../support/axe';
import { tempDir } from '../support/temp-dir';
import { startWebProcess } from '../support/web-process';
import { runCli } from '../support/run-cli';
import { customerDataInLog, deviceLogText } from '../support/log-text';
import { openTestDatabaseFile } from '../support/test-key';

const hostileName = `<img src=x onerror=alert(1)> شركة الأمل 🚀 ${'long '.repeat(40)}`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const openApp = async (app: WebApp): Promise<{ page: Page; errors: string[]; dialogs: string[] }> => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = watchPageErrors(page);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(app.bridge.openUrl);
  return { page, errors, dialogs };
};

const expectAccessible = async (page: Page, screen: string) => {
  expect(await seriousAxeViolations(page), `axe on ${screen}`).toEqual([]);
};

describe('cases in Chromium over the loopback bridge', () => {
  it('creates a case, finds it in the list, and it survives a reload', async () => {
    const app = await startWebApp(tempDir());
    const { page, errors, dialogs } = await openApp(app);

    await expect.poll(() => page.getByRole('heading', { name: 'No cases yet' }).isVisible()).toBe(true);
    await expectAccessible(page, 'cases (empty)');
    await saveScreenshot(page, 'e2e-cases-empty');

    await page.getByRole('link', { name: 'New case' }).click();
    await page.getByRole('button', { name: 'Create case' }).click();
    await expect.poll(() => page.getByText('Customer name is required').isVisible()).toBe(true);
    await expectAccessible(page, 'new case (with errors)');

    await page.getByLabel('Customer').fill(hostileName);
    await page.getByLabel('Site', { exact: true }).fill('Head office');
    await page.getByLabel('Engineer').fill('Sam Field');
    await page.getByRole('button', { name: 'Add contact' }).click();
    await page.getByLabel('Contact 1 name').fill('Priya Shah');
    await page.getByRole('button', { name: 'Create case' }).click();

    const heading = page.getByRole('heading', { level: 1 });
    await expect.poll(() => heading.textContent()).toBe(hostileName.trim());
    await expectAccessible(page, 'case overview');
    await saveScreenshot(page, 'e2e-case-overview');

    await page.getByRole('button', { name: 'Start assessment' }).click();
    await expect.poll(() => page.getByText('In progress', { exact: true }).isVisible()).toBe(true);

    await page.getByRole('link', { name: 'Cases', exact: true }).click();
    const row = page.getByRole('link', { name: hostileName.trim() });
    await expect.poll(() => row.isVisible()).toBe(true);
    await page.reload();
    await expect.poll(() => page.getByRole('link', { name: hostileName.trim() }).isVisible()).toBe(true);
    await expectAccessible(page, 'cases (one case)');
    await saveScreenshot(page, 'e2e-cases-list');

    // The hostile name is text: no element was made from it and nothing ran.
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);

    const stored = app.services.db.prepare('SELECT name FROM customers').all() as { name: string }[];
    expect(stored.map((r) => r.name)).toEqual([hostileName.trim()]);

    for (const screen of ['History', 'Settings']) {
      await page.getByRole('link', { name: screen, exact: true }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1, name: screen }).isVisible()).toBe(true);
      await expectAccessible(page, screen);
    }
    expect(errors).toEqual([]);
    await page.close();
    await app.close();
    // The log saw every call (ids and channel names) but no customer name or contact.
    expect(deviceLogText(app.services.dataDir)).toContain('"channel":"cases:create"');
    expect(customerDataInLog(app.services.dataDir, [hostileName.trim(), 'شركة الأمل', 'Head office', 'Priya Shah', 'Sam Field'])).toEqual([]);
  });

  it('archives a case: it leaves Cases and stays in History', async () => {
    const dataDir = tempDir();
    const app = await startWebApp(dataDir);
    const { page } = await openApp(app);
    await page.getByRole('link', { name: 'New case' }).first().click();
    await page.getByLabel('Customer').fill('Archive Me Ltd');
    await page.getByRole('button', { name: 'Create case' }).click();
    await page.getByRole('button', { name: 'Archive' }).click();
    await expect.poll(() => page.getByText('Archived', { exact: true }).isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Cases', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'No cases yet' }).isVisible()).toBe(true);
    await page.getByRole('link', { name: 'History', exact: true }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Archive Me Ltd', exact: true }).isVisible()).toBe(true);
    await page.close();
    await app.close();
  });

  it('`groundwork web` serves the app; a case made in the browser is in the SQLite file and the CLI', async () => {
    const dataDir = tempDir();
    const web = await startWebProcess(dataDir);
    const page = await browser.newPage();
    try {
      await page.goto(`${web.url}/#token=${web.token}`);
      await page.getByRole('link', { name: 'New case' }).first().click();
      await page.getByLabel('Customer').fill('Browser Made Co');
      await page.getByRole('button', { name: 'Create case' }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Browser Made Co');
    } finally {
      await page.close();
      await web.stop();
    }
    const db = openTestDatabaseFile(dataDir, { readonly: true });
    expect(db.prepare('SELECT name FROM customers').all()).toEqual([{ name: 'Browser Made Co' }]);
    db.close();
    const listed = runCli(['cases', 'list', '--json', '--data-dir', dataDir]);
    expect(JSON.parse(listed.stdout).map((c: { customerName: string }) => c.customerName)).toEqual(['Browser Made Co']);
  });

  it('a browser without the token sees an error, not the data', async () => {
    const app = await startWebApp(tempDir());
    const page = await browser.newPage();
    await page.goto(`${app.bridge.url}/#/cases`);
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/token/i);
    await page.close();
    await app.close();
  });
});
