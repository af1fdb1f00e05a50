import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { serviceFailure } from '../../../shared/i18n/service-failure';

/** Where Chromium-family browsers live when installed the usual way. */
const standardLocations = (): string[] => {
  const env = process.env;
  if (process.platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => Boolean(r));
    return roots.flatMap((root) => [
      path.join(root, 'Google/Chrome/Application/chrome.exe'),
      path.join(root, 'Microsoft/Edge/Application/msedge.exe'),
      path.join(root, 'Chromium/Application/chrome.exe'),
    ]);
  }
  if (process.platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
    ];
  }
  return [
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
  ];
};

/** GROUNDWORK_CHROMIUM first, then Chrome, Edge or Chromium in their standard places. */
export const findChromium = (): string => {
  const configured = process.env.GROUNDWORK_CHROMIUM;
  if (configured) {
    if (fs.existsSync(configured)) return configured;
    throw serviceFailure('not_found', 'error.pdf.chromiumPathMissing', { path: configured });
  }
  const found = standardLocations().find((p) => fs.existsSync(p));
  if (!found) {
    throw serviceFailure('not_found', 'error.pdf.noChromium');
  }
  return found;
};

export interface PdfPageOptions {
  readonly headerTemplate: string;
  readonly footerTemplate: string;
}

/** Turns a complete HTML document into PDF bytes. The app plugs in Electron's printToPDF. */
export type PdfPrinter = (html: string, options: PdfPageOptions) => Promise<Uint8Array>;

/** A printer, not a browser: no GPU, and none of Chromium's own calls home (updates, sync, metrics). */
export const quietFlags = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--no-first-run',
  '--metrics-recording-only',
  '--disable-domain-reliability',
];

export const pdfMargins = { top: '18mm', bottom: '16mm', left: '14mm', right: '14mm' } as const;

/** One headless Chromium kept running between exports; each export gets its own page. */
export class ChromiumPdfPrinter {
  private browser: Promise<Browser> | null = null;

  constructor(private readonly executablePath: string = findChromium()) {}

  private launch(): Promise<Browser> {
    // Loaded on first use: the packaged app prints with Electron and need not ship playwright-core.
    if (!this.browser) {
      const launching = import('playwright-core')
        .then(({ chromium }) => chromium.launch({ executablePath: this.executablePath, headless: true, timeout: 30_000, args: quietFlags }))
        .then((browser) => {
          // A crashed or closed browser is launched again on the next export.
          browser.on('disconnected', () => {
            if (this.browser === launching) this.browser = null;
          });
          return browser;
        })
        .catch((error: unknown) => {
          this.browser = null;
          throw serviceFailure('internal', 'error.pdf.chromiumStart', {
            path: this.executablePath,
            detail: error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error),
          });
        });
      this.browser = launching;
    }
    return this.browser;
  }

  readonly print: PdfPrinter = async (html, options) => {
    const browser = await this.launch();
    const page = await browser.newPage({ javaScriptEnabled: false });
    try {
      // Nothing in a report fetches anything; refuse any request that is not the document itself.
      await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
      await page.setContent(html, { waitUntil: 'load', timeout: 30_000 });
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: options.headerTemplate,
        footerTemplate: options.footerTemplate,
        margin: pdfMargins,
      });
    } finally {
      await page.close();
    }
  };

  async close(): Promise<void> {
    const pending = this.browser;
    this.browser = null;
    if (pending) await (await pending).close();
  }
}
