import { ChromiumPdfPrinter, type PdfPrinter } from './chromium-pdf';

/** How one services instance prints PDFs: the printer it was given, or its own headless Chromium. */
export interface PdfPrinting {
  /** The printer; found lazily, so a machine without Chromium can still export HTML, Word and CSV. */
  printer(): PdfPrinter;
  /** Closes the headless Chromium if one was started (a given printer belongs to whoever gave it). */
  close(): Promise<void>;
}

/** The Electron app passes its printToPDF; the CLI and tests leave it out and get headless Chromium. */
export const pdfPrinting = (given?: PdfPrinter): PdfPrinting => {
  let chromium: ChromiumPdfPrinter | null = null;
  return {
    printer: () => given ?? (chromium ??= new ChromiumPdfPrinter()).print,
    close: async () => {
      const started = chromium;
      chromium = null;
      await started?.close();
    },
  };
};
