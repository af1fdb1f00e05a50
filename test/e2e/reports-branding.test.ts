import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch } from '../../electron/services/api/dispatch';
import { createHandlers } from '../../electron/services/api/handlers';
import { openAppServices } from '../../electron/services/app-services';
import { startHttpBridge } from '../../electron/services/bridge/http-bridge';
import { launchChromium, saveScreenshot, watchPageErrors } from '../support/browser';
import { seriousAxeViolations } from '../support/axe';
import { repoRoot } from '../support/run-cli';
import { tempDir } from '../support/temp-dir';
import { testKeySource } from '../support/test-key';
import { solidPng } from '../integration/reports/png';

/**
 * The Settings components before the app mounts them: bundled on their own with the app's
 * stylesheet and language provider (shared components read their texts from it), served by the real loopback bridge, talking to the real services.
 */
const harness = `
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrandingSettings } from './renderer/features/branding/branding-settings';
import { PriceBookSettings } from './renderer/features/branding/price-book-settings';
import { AppIntlProvider } from './renderer/i18n/app-intl';
import './renderer/app/app.css';
const client = new QueryClient();
createRoot(document.getElementById('root')).render(
  <QueryClientProvider client={client}><AppIntlProvider><main className="page"><h1>Settings</h1><BrandingSettings /><PriceBookSettings /></main></AppIntlProvider></QueryClientProvider>,
);
`;

const buildHarness = async (): Promise<string> => {
  const dir = tempDir();
  await build({
    stdin: { contents: harness, resolveDir: repoRoot, loader: 'tsx', sourcefile: 'harness.tsx' },
    bundle: true,
    outdir: dir,
    entryNames: 'harness',
    format: 'esm',
    jsx: 'automatic',
    loader: { '.css': 'css' },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Settings</title><link rel="stylesheet" href="/harness.css"></head><body><div id="root"></div><script type="module" src="/harness.js"></script></body></html>',
  );
  return dir;
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('branding and price book settings in Chromium', () => {
  it('creates a profile with a live preview and contrast warning, uploads logos, refuses a hostile SVG part, prices a SKU', async () => {
    const staticDir = await buildHarness();
    const services = openAppServices(tempDir(), { transport: 'http-bridge', keySource: testKeySource });
    const bridge = await startHttpBridge({ dispatch: createDispatch(createHandlers(services), services.logging), staticDir });
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
      const page = await context.newPage();
      const errors = watchPageErrors(page);
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(bridge.openUrl);
      await page.getByRole('button', { name: 'New profile' }).click();
      await page.getByLabel('Profile name').fill('Acme');
      await page.getByLabel('Partner name').fill('Acme <b>IT</b> Services');
      const preview = page.getByRole('region', { name: 'Preview of a report cover' });
      await expect.poll(() => preview.getByText('Acme <b>IT</b> Services').first().isVisible()).toBe(true);

      // A pale primary colour: warned, with a darker suggestion that passes.
      await page.locator('.branding-color input.input').first().fill('#ffd966');
      const warning = page.getByRole('status').filter({ hasText: 'WCAG AA' });
      await expect.poll(() => warning.isVisible()).toBe(true);
      await warning.getByRole('button').click();
      await expect.poll(() => warning.count()).toBe(0);
      await page.getByRole('button', { name: 'Save profile' }).click();
      await expect.poll(() => page.getByLabel('Logo file').isVisible()).toBe(true);

      const files = tempDir();
      const png = path.join(files, 'logo.png');
      fs.writeFileSync(png, solidPng(120, 40, [11, 61, 107]));
      await page.getByLabel('Logo file').setInputFiles(png);
      await expect.poll(() => preview.locator('img.gw-cover-logo').getAttribute('src')).toMatch(/^data:image\/png;base64,/);

      const svg = path.join(files, 'logo.svg');
      fs.writeFileSync(svg, '<svg xmlns="http://www.w3.org/2000/svg" width="80" height="30" onload="alert(1)"><script>alert(2)</script><rect width="80" height="30" fill="#b3541e"/></svg>');
      await page.getByLabel('Logo file').setInputFiles(svg);
      await expect.poll(() => page.getByText(/Removed from the SVG: .*<script>/).isVisible()).toBe(true);
      const src = await preview.locator('img.gw-cover-logo').getAttribute('src');
      expect(Buffer.from(src!.split(',')[1]!, 'base64').toString()).not.toMatch(/script|onload|alert/);

      const big = path.join(files, 'big.png');
      fs.writeFileSync(big, Buffer.alloc(5 * 1024 * 1024, 7));
      await page.getByLabel('Logo file').setInputFiles(big);
      await expect.poll(() => page.getByText(/a logo must be at most 1 MB/).isVisible()).toBe(true);
      await saveScreenshot(page, 'e2e-branding-settings');

      await page.getByText(/SKUs? the question bank proposes/).click();
      await page.getByRole('button', { name: 'Price it' }).first().click();
      await page.getByLabel('Unit price').fill('12.50');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect.poll(() => page.getByText('EUR 12.50').isVisible()).toBe(true);
      await saveScreenshot(page, 'e2e-price-book-settings');

      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      expect(dialogs).toEqual([]);
      await context.close();
    } finally {
      await bridge.close();
      services.close();
    }
  });
});
