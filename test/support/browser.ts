import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createDispatch } from '../../electron/services/api/dispatch';
import { createHandlers } from '../../electron/services/api/handlers';
import { openAppServices, type AppServices } from '../../electron/services/app-services';
import { startHttpBridge, type HttpBridge } from '../../electron/services/bridge/http-bridge';
import { repoRoot } from './run-cli';
import { createDeviceLogging, logDirIn } from '../../electron/services/log/logger';
import { testKeySource } from './test-key';

/** Flags for Debian's Chromium on a machine with no network beyond loopback. */
export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const chromiumPath = (): string => process.env.GROUNDWORK_CHROMIUM ?? '/usr/bin/chromium';

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: chromiumPath(), args: chromiumFlags, headless: true });

export const rendererDir = path.join(repoRoot, 'dist/renderer');

export const assertRendererBuilt = (): void => {
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error('dist/renderer is missing: run `npm run build:renderer` (npm test does) before the e2e tests.');
  }
};

export interface WebApp {
  readonly services: AppServices;
  readonly bridge: HttpBridge;
  close(): Promise<void>;
}

/** The real services on `dataDir`, served with the built renderer over the loopback bridge. */
export const startWebApp = async (dataDir: string): Promise<WebApp> => {
  assertRendererBuilt();
  // Debug level: every call leaves a line, so the e2e tests can check what the log keeps out.
  const logging = createDeviceLogging({ dir: logDirIn(dataDir), level: 'debug' });
  const services = openAppServices(dataDir, { transport: 'http-bridge', logging, keySource: testKeySource });
  const bridge = await startHttpBridge({ dispatch: createDispatch(createHandlers(services), services.logging), staticDir: rendererDir, log: services.log });
  return {
    services,
    bridge,
    close: async () => {
      await bridge.close();
      services.close();
      logging.close();
    },
  };
};

/** Collects console errors and uncaught page errors, so a test can assert there were none. */
export const watchPageErrors = (page: Page): string[] => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
};

export const screenshotDir = path.join(repoRoot, 'test-results/screenshots');

export const saveScreenshot = async (page: Page, name: string): Promise<string> => {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
};
