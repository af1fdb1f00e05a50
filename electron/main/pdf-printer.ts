import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { PdfPrinter } from '../services/reports/chromium-pdf';
import { electronPdfOptions } from '../services/reports/electron-pdf-options';
import { createPrintWindow } from './window-factory';

/**
 * Prints report HTML with Electron's own Chromium (printToPDF), so the app needs no browser of its
 * own. The HTML goes through a temporary file: reports with inlined fonts outgrow data: URLs.
 */
export const electronPdfPrinter: PdfPrinter = async (html, options) => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'groundwork-print-'));
  const file = path.join(dir, 'report.html');
  const window = createPrintWindow();
  try {
    await fs.writeFile(file, html, 'utf8');
    await window.loadFile(file);
    return await window.webContents.printToPDF(electronPdfOptions(options));
  } finally {
    window.destroy();
    await fs.rm(dir, { recursive: true, force: true });
  }
};
