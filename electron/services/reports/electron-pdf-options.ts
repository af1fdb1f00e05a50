import { pdfMargins, type PdfPageOptions } from './chromium-pdf';

const mmToInches = (mm: string): number => Number.parseFloat(mm) / 25.4;

/**
 * The options for Electron's `webContents.printToPDF`, matching what the CLI gets from headless
 * Chromium (A4, backgrounds, running header and footer with page numbers, the same margins).
 * The app passes its printer to openAppServices (`pdfPrinter`, see electron/main/pdf-printer.ts), roughly:
 *
 *   const pdfPrinter: PdfPrinter = async (html, options) => {
 *     const win = new BrowserWindow({ show: false, webPreferences: { javascript: false, sandbox: true } });
 *     try {
 *       await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html).toString('base64')}`);
 *       return await win.webContents.printToPDF(electronPdfOptions(options));
 *     } finally { win.destroy(); }
 *   };
 */
export const electronPdfOptions = (options: PdfPageOptions) => ({
  pageSize: 'A4' as const,
  printBackground: true,
  displayHeaderFooter: true,
  headerTemplate: options.headerTemplate,
  footerTemplate: options.footerTemplate,
  margins: {
    top: mmToInches(pdfMargins.top),
    bottom: mmToInches(pdfMargins.bottom),
    left: mmToInches(pdfMargins.left),
    right: mmToInches(pdfMargins.right),
  },
});
