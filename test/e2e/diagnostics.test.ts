import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase } from '../../electron/services/cases/cases-repository';
import { latestSchemaVersion } from '../../electron/services/db/migrations/index';
import { seriousAxeViolations } from '../support/axe';
import { launchChromium, saveScreenshot, startWebApp, watchPageErrors } from '../support/browser';
import { tempDir } from '../support/temp-dir';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('Settings → Support and diagnostics, in Chromium', () => {
  it('shows where the log folder is and copies diagnostics with the last errors and no customer data', async () => {
    const dataDir = tempDir();
    const app = await startWebApp(dataDir);
    try {
      createCase(app.services.db, {
        customerName: 'Zanzibar Dental Group',
        siteName: 'Main clinic',
        siteAddress: '',
        engineer: 'Ada',
        title: 'AI readiness assessment',
        contacts: [{ name: 'Quentin Ostrowski', role: 'IT lead', email: 'quentin@zanzibar.example', phone: '' }],
      });
      // A failure as the product logs one: ids and the error, the customer's fields redacted.
      app.services.log.error({ err: new Error('disk full while writing the report'), customerName: 'Zanzibar Dental Group' }, 'report export failed');

      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.bridge.openUrl).origin });
      const page = await context.newPage();
      const errors = watchPageErrors(page);
      await page.goto(app.bridge.openUrl);
      await page.getByRole('link', { name: 'Settings', exact: true }).click();
      const section = page.getByRole('region', { name: 'Support and diagnostics' });
      await expect.poll(() => section.isVisible(), { timeout: 15_000 }).toBe(true);

      // The browser cannot open a folder: the path is shown to copy.
      await section.getByRole('button', { name: 'Open the log folder' }).click();
      await expect.poll(() => section.getByRole('status').textContent(), { timeout: 15_000 }).toContain('The log files are in this folder:');
      expect(await section.getByRole('status').textContent()).toContain(app.services.logging.dir as string);

      await section.getByRole('button', { name: 'Copy diagnostics' }).click();
      await expect.poll(() => section.getByRole('status').textContent(), { timeout: 15_000 }).toContain('Copied. Paste it into your message to support.');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toContain('Groundwork diagnostics');
      expect(copied).toMatch(/Version: \d+\.\d+\.\d+/);
      expect(copied).toContain(`Platform: ${process.platform} ${process.arch}`);
      expect(copied).toContain(`Database schema: ${latestSchemaVersion}`);
      expect(copied).toMatch(/ERROR report export failed — disk full while writing the report/);
      for (const secret of ['Zanzibar', 'Quentin', 'Ostrowski', 'quentin@', 'Main clinic', 'null', 'undefined']) expect(copied, secret).not.toContain(secret);

      await section.getByText('What is copied').click();
      await expect.poll(() => section.getByLabel('What is copied').isVisible()).toBe(true);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await section.scrollIntoViewIfNeeded();
      await saveScreenshot(page, 'e2e-settings-diagnostics');
      expect(errors).toEqual([]);
    } finally {
      await app.close();
    }
  }, 120_000);
});
