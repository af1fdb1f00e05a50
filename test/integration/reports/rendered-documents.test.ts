import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumPdfPrinter } from '../../../electron/services/reports/chromium-pdf';
import { renderReport } from '../../../electron/services/reports/export-report';
import { buildReportModel, type ReportKind } from '../../../shared/reports/report-model';
import { tempDir } from '../../support/temp-dir';
import { fixtureBranding, fixturePriceBook, fullSource, hostileText } from '../../unit/reports/report-fixtures';
import { docxToPdf, fold, pdfPages, pdfText } from './document-tools';
import { solidPng } from './png';

let printer: ChromiumPdfPrinter;
beforeAll(() => {
  printer = new ChromiumPdfPrinter();
});
afterAll(async () => {
  await printer.close();
});

const logo = `data:image/png;base64,${solidPng(120, 40, [11, 61, 107]).toString('base64')}`;
const branding = { ...fixtureBranding, logoDataUri: logo };

const write = async (kind: ReportKind, format: 'pdf' | 'docx' | 'html', source = fullSource(), brand = branding) => {
  const model = buildReportModel(kind, { source, branding: brand, priceBook: fixturePriceBook });
  const rendered = await renderReport(model, format, () => printer.print);
  const file = path.join(tempDir(), `${kind}.${format}`);
  fs.writeFileSync(file, rendered.bytes);
  return file;
};

const pageRange: Record<Exclude<ReportKind, 'reassessment'>, [number, number]> = { executive: [2, 5], technical: [6, 20], proposal: [2, 5] };

describe('PDF through Chromium', () => {
  for (const kind of ['executive', 'technical', 'proposal'] as const) {
    it(`${kind}: customer, partner and page numbers are in the text; page count is sane`, async () => {
      const file = await write(kind, 'pdf');
      expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
      const pages = pdfPages(file);
      expect(pages).toBeGreaterThanOrEqual(pageRange[kind][0]);
      expect(pages).toBeLessThanOrEqual(pageRange[kind][1]);
      const text = pdfText(file);
      expect(text).toContain('Northwind Traders');
      expect(text).toContain('Acme IT Services');
      expect(text).toContain(`Page 1 of ${pages}`);
      expect(text).toContain(`Page ${pages} of ${pages}`);
    });
  }

  it('the cover carries both logos (partner and customer) as images', async () => {
    const customerLogo = `data:image/png;base64,${solidPng(90, 30, [179, 84, 30]).toString('base64')}`;
    const file = await write('executive', 'pdf', fullSource({ customer: { name: 'Northwind Traders', logoDataUri: customerLogo } }));
    const list = spawnSync('pdfimages', ['-f', '1', '-l', '1', '-list', file], { encoding: 'utf8' }).stdout;
    const sizes = list.split('\n').slice(2).filter(Boolean).map((l) => l.trim().split(/\s+/).slice(3, 5).join('x'));
    expect(sizes).toEqual(expect.arrayContaining(['120x40', '90x30']));
  });

  it('technical: every finding title is in the text', async () => {
    const text = pdfText(await write('technical', 'pdf'));
    for (const f of fullSource().findings) expect(text).toContain(fold(f.title));
  });

  it('proposal: totals and the acceptance block are in the text', async () => {
    const text = pdfText(await write('proposal', 'pdf'));
    expect(text).toContain('EUR 7,440.00');
    // Table cells come out of pdftotext in layout order, so the label and the amount are checked apart.
    expect(text).toContain('Monthly total');
    expect(text).toContain('EUR 2,688.08');
    expect(text).toMatch(/Signature/);
  });

  it('hostile names and finding text come out as visible text, in the page and in the running header', async () => {
    const source = fullSource({ customer: { name: hostileText } });
    source.findings[0]!.title = `Finding ${hostileText}`;
    const file = await write('technical', 'pdf', source, { ...branding, partnerName: `Partner ${hostileText}`, footer: hostileText });
    const text = pdfText(file);
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain(`Finding ${hostileText}`);
    expect(text).toContain(`Partner ${hostileText}`);
  });
});

describe('a browser that will not start', () => {
  it('is a plain error naming the executable, and the next attempt tries again', async () => {
    const broken = new ChromiumPdfPrinter('/bin/false');
    await expect(broken.print('<p>x</p>', { headerTemplate: '', footerTemplate: '' })).rejects.toThrow(/Chromium could not be started for the PDF \(\/bin\/false\)/);
    await expect(broken.print('<p>x</p>', { headerTemplate: '', footerTemplate: '' })).rejects.toThrow(/could not be started/);
    await broken.close();
  });
});

describe('Word through docx, checked by LibreOffice', () => {
  for (const kind of ['technical', 'proposal'] as const) {
    it(`${kind}: converts without error; customer, partner and every finding title are in the text`, async () => {
      const docx = await write(kind, 'docx');
      expect(fs.readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
      const pdf = docxToPdf(docx, path.dirname(docx));
      const pages = pdfPages(pdf);
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(pages).toBeLessThanOrEqual(25);
      const text = pdfText(pdf);
      expect(text).toContain('Northwind Traders');
      expect(text).toContain('Acme IT Services');
      if (kind === 'technical') for (const f of fullSource().findings) expect(text).toContain(fold(f.title));
      else expect(text).toContain('EUR 7,440.00');
    });
  }

  it('hostile text stays text in Word too', async () => {
    const source = fullSource({ customer: { name: hostileText } });
    const docx = await write('executive', 'docx', source);
    const text = pdfText(docxToPdf(docx, path.dirname(docx)));
    expect(text).toContain('<script>alert(1)</script>');
  });
});

describe('self-contained HTML', () => {
  it('inlines the stylesheet, fonts and logo, loads nothing, and runs nothing', async () => {
    const source = fullSource({ customer: { name: hostileText } });
    const html = fs.readFileSync(await write('technical', 'html', source), 'utf8');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
    expect(html).toContain('@font-face');
    expect(html).toContain('src="data:image/png;base64,');
    expect(html).not.toMatch(/<script|<link|src="http|url\(http/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
