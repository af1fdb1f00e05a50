import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../shared/contract/api-client';
import { createDispatch } from '../../electron/services/api/dispatch';
import { createHandlers } from '../../electron/services/api/handlers';
import { startBackgroundSync } from '../../electron/services/sync/sync-services';
import { seriousAxeViolations } from '../support/axe';
import { launchChromium, saveScreenshot, startWebApp, watchPageErrors } from '../support/browser';
import { useHubStores } from '../support/hub-stores';
import { enrollCode, hubCliOk, HubProcess, type HubLocation } from '../support/hub-process';
import { tempDir } from '../support/temp-dir';

const stores = useHubStores();
let browser: Browser;
let where: HubLocation;
let hub: HubProcess;
beforeAll(async () => {
  browser = await launchChromium();
  where = await stores.location('sqlite');
  hubCliOk(where, ['partner', 'create', '--name', 'Northwind IT']);
  hub = await HubProcess.start(where);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await hub?.kill('SIGTERM');
});

describe('Settings → Partner hub: background sync, in Chromium', () => {
  it('says when it syncs next, and pauses and resumes from the keyboard; a pause survives a reload', async () => {
    const app = await startWebApp(tempDir());
    const dispatch = createDispatch(createHandlers(app.services), app.services.logging);
    const api = createApiClient((channel, input) => dispatch(channel, input));
    await api.enrollDevice({ hubUrl: hub.url, code: enrollCode(where, 'Northwind IT', 'engineer'), deviceName: 'field laptop' });
    const stop = startBackgroundSync(app.services, { intervalMs: 10 * 60_000 });
    try {
      const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
      const errors = watchPageErrors(page);
      await page.goto(app.bridge.openUrl);
      await page.getByRole('link', { name: 'Settings', exact: true }).click();
      const panel = page.getByRole('region', { name: 'Partner hub' });
      const state = panel.locator('dt:text-is("Background sync") + dd');
      await expect.poll(() => state.textContent(), { timeout: 15_000 }).toMatch(/^Next sync \w{3} \d{1,2}, \d{4}/);
      await saveScreenshot(page, 'e2e-settings-background-sync');

      // Keyboard: focus the button and press Enter; nothing else takes the key.
      const pause = panel.getByRole('button', { name: 'Pause background sync' });
      await pause.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => state.textContent()).toBe('Paused: changes wait on this laptop until you resume it or press Sync now');
      await expect.poll(() => panel.getByRole('button', { name: 'Resume background sync' }).isVisible()).toBe(true);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'e2e-settings-background-sync-paused');

      // A change made while paused waits; the pause is still there after a reload.
      await api.createCase({ customerName: 'Paused Partners' });
      await page.reload();
      await expect.poll(() => state.textContent(), { timeout: 15_000 }).toMatch(/^Paused/);
      expect(await panel.locator('dt:text-is("Waiting to be sent") + dd').textContent()).toBe('2 changes');

      // Resumed: it syncs at once, sends the change and names the next sync.
      await panel.getByRole('button', { name: 'Resume background sync' }).focus();
      await page.keyboard.press('Space');
      await expect.poll(() => panel.locator('dt:text-is("Waiting to be sent") + dd').textContent(), { timeout: 15_000 }).toBe(
        'Nothing — everything has reached the hub',
      );
      await expect.poll(() => state.textContent(), { timeout: 15_000 }).toMatch(/^Next sync /);
      expect(errors).toEqual([]);
    } finally {
      stop();
      await app.close();
    }
  }, 120_000);
});
