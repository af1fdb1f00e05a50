import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../shared/contract/api-client';
import { createDispatch } from '../../electron/services/api/dispatch';
import { createHandlers } from '../../electron/services/api/handlers';
import { launchChromium, saveScreenshot, startWebApp, watchPageErrors } from '../support/browser';
import { seriousAxeViolations } from '../support/axe';
import { tempDir } from '../support/temp-dir';
import { answerEverything, recordProbeRun } from '../integration/reports/full-case';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const hostile = '<img src=x onerror=alert(1)>Northwind';

describe('Reports tab in Chromium over the loopback bridge', () => {
  it('previews each report with the export components, exports HTML with progress, and lists the export', async () => {
    const app = await startWebApp(tempDir());
    try {
      const api = createApiClient((channel, input) => createDispatch(createHandlers(app.services), app.services.logging)(channel, input));
      const c = await api.createCase({ customerName: hostile, siteName: 'Head office', engineer: 'Dana' });
      await answerEverything(api, c.id);
      recordProbeRun(app.services, c.id);
      const { profile } = await api.saveBrandingProfile({ name: 'Acme', partnerName: 'Acme IT Services', primaryColor: '#0b3d6b', accentColor: '#b3541e' });
      await api.setCaseBranding({ caseId: c.id, profileId: profile.id });

      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
      const page = await context.newPage();
      const errors = watchPageErrors(page);
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(app.bridge.openUrl);
      await page.evaluate((id) => {
        window.location.hash = `#/cases/${id}/reports`;
      }, c.id);

      const preview = page.getByLabel('Report preview');
      await expect.poll(() => preview.getByText('Executive readiness report').first().isVisible(), { timeout: 15_000 }).toBe(true);
      await expect.poll(() => preview.getByText(hostile).first().isVisible()).toBe(true);
      // The executive report shows the level on its scale, with the legend.
      expect(await preview.locator('.gw-scale-legend').count()).toBe(1);
      // The report stylesheet is adopted (no <style> tag under the app's CSP): the cover band has the brand colour.
      expect(await preview.locator('.gw-cover-band').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(11, 61, 107)');
      await saveScreenshot(page, 'e2e-reports-executive');

      await page.getByRole('radio', { name: 'Technical findings report' }).click();
      // The technical report: its contents page and findings section (the raw-data dump became 'Appendix: measurements', shown only when something was measured).
      await expect.poll(() => preview.getByRole('heading', { name: 'Contents', exact: true }).isVisible()).toBe(true);
      expect(await preview.getByRole('heading', { name: 'Findings', exact: true }).isVisible()).toBe(true);
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export HTML' }).click();
      const file = await (await download).path();
      const html = fs.readFileSync(file, 'utf8');
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;Northwind');
      expect(html).not.toContain('<img src=x');
      await expect.poll(() => page.getByRole('table').filter({ hasText: 'SHA-256' }).getByText('Technical findings report').isVisible()).toBe(true);

      const again = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Download again' }).click();
      expect(fs.readFileSync(await (await again).path(), 'utf8')).toBe(html);
      await expect.poll(() => page.getByText('identical to the original').isVisible()).toBe(true);

      await page.getByRole('radio', { name: 'Proposal' }).click();
      await expect.poll(() => page.getByRole('button', { name: 'Export CSV (price lines)' }).isVisible()).toBe(true);
      // Says what this proposal is and where a saved one prints, so nobody sends the wrong offer.
      await expect.poll(() => page.getByRole('note').filter({ hasText: 'built from the findings and today’s price book' }).textContent()).toMatch(/save it on the Proposal tab/);
      await saveScreenshot(page, 'e2e-reports-proposal');
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      expect(dialogs).toEqual([]);
      await context.close();
    } finally {
      await app.close();
    }
  });
});
