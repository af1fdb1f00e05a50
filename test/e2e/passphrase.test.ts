import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyFileIn } from '../../electron/services/at-rest/key-file';
import { launchChromium, saveScreenshot, startWebApp, watchPageErrors } from '../support/browser';
import { seriousAxeViolations } from '../support/axe';
import { tempDir } from '../support/temp-dir';
import { testPassphrase } from '../support/test-key';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the passphrase in Settings, in Chromium', () => {
  it('a wrong current passphrase gets a clear error and changes nothing; the right one changes it', async () => {
    const dataDir = tempDir();
    const app = await startWebApp(dataDir);
    const digest = () => crypto.createHash('sha256').update(fs.readFileSync(keyFileIn(dataDir))).digest('hex');
    try {
      const before = digest();
      const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
      const errors = watchPageErrors(page);
      await page.goto(app.bridge.openUrl);
      await page.getByRole('link', { name: 'Settings', exact: true }).click();
      const form = page.getByRole('form', { name: 'Change the passphrase' });
      await expect.poll(() => form.isVisible(), { timeout: 15_000 }).toBe(true);
      const next = 'a passphrase of four words';
      await form.getByLabel(/^Current passphrase/).fill('not the one');
      await form.getByLabel(/^New passphrase/).fill(next);
      await form.getByLabel(/^Repeat the new passphrase/).fill(next);
      await form.getByRole('button', { name: 'Change passphrase' }).click();
      await expect.poll(() => form.getByRole('alert').textContent(), { timeout: 15_000 }).toMatch(/The current passphrase is wrong\. Nothing has been changed\./);
      expect(digest()).toBe(before);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'e2e-settings-passphrase-wrong');

      // A mistyped repeat is caught on the form, before anything is sent.
      await form.getByLabel(/^Current passphrase/).fill(testPassphrase);
      await form.getByLabel(/^Repeat the new passphrase/).fill(`${next}?`);
      await form.getByRole('button', { name: 'Change passphrase' }).click();
      await expect.poll(() => form.getByText('The two new passphrases differ').isVisible()).toBe(true);
      await form.getByLabel(/^Repeat the new passphrase/).fill(next);
      await form.getByRole('button', { name: 'Change passphrase' }).click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'The passphrase is set' }).isVisible(), { timeout: 15_000 }).toBe(true);
      expect(digest()).not.toBe(before);
      await saveScreenshot(page, 'e2e-settings-passphrase-changed');
      // The refused passphrase is a 400 from the bridge by design; Chromium notes that one in the console.
      expect(errors.filter((e) => !/status of 400 \(Bad Request\)/.test(e))).toEqual([]);
      expect(errors.length).toBe(1);
    } finally {
      await app.close();
    }
  }, 120_000);
});
