import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../shared/contract/api-client';
import { probeTargetsSchema } from '../../shared/probes/probe-schemas';
import { createDispatch } from '../../electron/services/api/dispatch';
import { createHandlers } from '../../electron/services/api/handlers';
import { buildBundle } from '../../electron/services/probes/bundle';
import { startReflector } from '../../electron/services/probes/throughput/reflector-server';
import { seriousAxeViolations } from '../support/axe';
import { launchChromium, saveScreenshot, startWebApp, watchPageErrors } from '../support/browser';
import { tempDir } from '../support/temp-dir';
import { startSntpServer } from '../unit/probes/local-servers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('Probes tab in Chromium over the loopback bridge', () => {
  it('runs chosen probes with live progress, shows verdicts and charts, cancels, and imports a bundle', async () => {
    const dir = tempDir();
    const app = await startWebApp(path.join(dir, 'data'));
    const reflector = await startReflector({ port: 0, host: '127.0.0.1' });
    const sntp = await startSntpServer(12);
    const silent = await startSntpServer(0, { silent: true });
    try {
      const api = createApiClient((channel, input) => createDispatch(createHandlers(app.services), app.services.logging)(channel, input));
      const c = await api.createCase({ customerName: 'Northwind Traders', siteName: 'Head office' });
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const errors = watchPageErrors(page);
      await page.goto(app.bridge.openUrl);
      await page.evaluate((id) => {
        window.location.hash = `#/cases/${id}/probes`;
      }, c.id);

      const form = page.getByRole('form', { name: 'New probe run' });
      await expect.poll(() => form.isVisible(), { timeout: 15_000 }).toBe(true);
      // Only probes aimed at loopback: nothing may leave this machine.
      for (const box of await form.getByRole('checkbox').all()) if (await box.isChecked()) await box.uncheck();
      await form.getByRole('checkbox', { name: 'Latency, jitter and loss' }).check();
      await form.getByRole('checkbox', { name: 'Clock offset (NTP)' }).check();
      await form.getByLabel('Groundwork reflector').fill(`127.0.0.1:${reflector.port}`);
      await form.getByLabel('NTP server').fill(sntp.target);
      await form.getByRole('button', { name: 'Run 2 probes' }).click();

      const progress = page.getByRole('region', { name: /Running probes|Run complete/ });
      await expect.poll(() => progress.getByLabel('Latency, jitter and loss progress').isVisible(), { timeout: 10_000 }).toBe(true);
      await expect.poll(() => page.getByRole('heading', { name: 'Run complete' }).isVisible(), { timeout: 20_000 }).toBe(true);
      const latency = page.getByRole('region', { name: 'Latency, jitter and loss' });
      await expect.poll(() => latency.getByRole('img', { name: /Latency over time/ }).isVisible(), { timeout: 10_000 }).toBe(true);
      await expect.poll(() => latency.getByText('Good', { exact: true }).first().isVisible()).toBe(true);
      expect(await latency.getByText('good ≤ 50 ms, problem > 150 ms').count()).toBeGreaterThan(0);
      await expect.poll(() => page.getByRole('region', { name: 'Clock offset (NTP)' }).getByText(/behind/).isVisible()).toBe(true);
      await saveScreenshot(page, 'e2e-probes-results');
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'Close' }).click();
      await form.getByRole('checkbox', { name: 'Latency, jitter and loss' }).uncheck();
      await form.getByLabel('NTP server').fill(silent.target);
      await form.getByRole('button', { name: 'Run 1 probe' }).click();
      await page.getByRole('button', { name: 'Cancel' }).click();
      await expect.poll(() => page.getByRole('heading', { name: 'Run cancelled' }).isVisible(), { timeout: 5000 }).toBe(true);

      const bundleFile = path.join(dir, 'server-bundle.json');
      const bundle = buildBundle({
        results: [
          {
            probeId: 'hardware',
            title: 'Hardware and OS',
            status: 'ok',
            message: '32 cores',
            startedAt: new Date().toISOString(),
            durationMs: 900,
            metrics: { 'hardware.memory_gb': 4 },
            // As an unelevated Windows collector writes it: what could not be read says why.
            measurements: {
              'hardware.memory_gb': { state: 'measured', value: 4, scope: 'laptop', farEnd: { kind: 'this_device', target: 'this laptop' } },
              'hardware.tpm_present': { state: 'not_measurable', reason: 'TPM state needs an elevated shell: Get-Tpm was refused, and the device list gave no answer', scope: 'laptop' },
              'hardware.secure_boot': { state: 'not_measurable', reason: 'Windows keeps no Secure Boot state on this machine (it booted in legacy BIOS mode, or the firmware has no Secure Boot)', scope: 'laptop' },
            },
            samples: [],
            details: {},
          },
        ],
        targets: probeTargetsSchema.parse({}),
        toolVersion: '0.1.0',
      });
      fs.writeFileSync(bundleFile, JSON.stringify(bundle));
      await page.locator('input[type=file]').setInputFiles(bundleFile);
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Imported 1 results' }).isVisible(), { timeout: 10_000 }).toBe(true);
      fs.writeFileSync(bundleFile, JSON.stringify({ ...bundle, schemaVersion: 9 }));
      await page.locator('input[type=file]').setInputFiles(bundleFile);
      await expect.poll(() => page.getByRole('alert').filter({ hasText: 'newer Groundwork' }).isVisible(), { timeout: 10_000 }).toBe(true);

      const history = page.getByRole('region', { name: 'Run history' });
      await expect.poll(() => history.getByRole('button').count()).toBe(3);
      await history.getByRole('button', { name: /collector on/ }).click();
      const hardware = page.getByRole('region', { name: 'Hardware and OS' });
      await expect.poll(() => hardware.getByText('Problem', { exact: true }).isVisible()).toBe(true);
      // Every null is shown with its reason, never as a placeholder word.
      await expect.poll(() => hardware.getByRole('heading', { name: 'Could not be measured' }).isVisible()).toBe(true);
      expect(await hardware.getByRole('listitem').allInnerTexts()).toEqual([
        'TPM present: TPM state needs an elevated shell: Get-Tpm was refused, and the device list gave no answer',
        'Secure boot: Windows keeps no Secure Boot state on this machine (it booted in legacy BIOS mode, or the firmware has no Secure Boot)',
      ]);
      expect(await page.locator('.probe-results').innerText()).not.toMatch(/\bnull\b|\bundefined\b|NaN/);
      await saveScreenshot(page, 'e2e-probes-import');
      // The one refused import answers 400 (validation); the browser logs that, nothing else may appear.
      expect(errors).toEqual(['console: Failed to load resource: the server responded with a status of 400 (Bad Request)']);
      await context.close();
    } finally {
      await Promise.all([reflector.close(), sntp.close(), silent.close()]);
      await app.close();
    }
  });
});
