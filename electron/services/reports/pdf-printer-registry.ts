import { ChromiumPdfPrinter, type PdfPrinter } from './chromium-pdf';

let custom: PdfPrinter | null = null;
let chromiumPrinter: ChromiumPdfPrinter | null = null;

/** The Electron app registers its printToPDF here; the CLI and tests use headless Chromium. */
export const usePdfPrinter = (printer: PdfPrinter | null): void => {
  custom = printer;
};

/** Found lazily: a machine without Chromium can still export HTML, Word and CSV. */
export const currentPdfPrinter = (): PdfPrinter => custom ?? (chromiumPrinter ??= new ChromiumPdfPrinter()).print;

export const closeDefaultPdfPrinter = async (): Promise<void> => {
  const printer = chromiumPrinter;
  chromiumPrinter = null;
  await printer?.close();
};
