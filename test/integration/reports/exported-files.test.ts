import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../shared/contract/api-client';
import type { AppServices } from '../../../electron/services/app-services';
import { listEvidence } from '../../../electron/services/interview/evidence-store';
import { ChromiumPdfPrinter } from '../../../electron/services/reports/chromium-pdf';
import { exportReport } from '../../../electron/services/reports/export-report';
import type { ReportFormat, ReportKind } from '../../../shared/reports/report-model';
import { levelMeanings } from '../../../shared/reports/readiness-scale';
import { openTestServices } from '../../support/services';
import { captured, fullyCapturedCase } from './captured-case';
import { docxConvert, docxPart, docxText, docxToPdf, fold, pdfPageTexts, pdfPages, pdfText } from './document-tools';

/** The exported files of a fully captured case, read back as a customer's tools read them. */

let printer: ChromiumPdfPrinter;
let api: ApiClient;
let services: AppServices;
let caseId: string;
// Made here, not with tempDir(): that one is emptied after every test and these files live for the whole file.
let root: string;
let out: string;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-exported-'));
  out = path.join(root, 'out');
  fs.mkdirSync(out);
  printer = new ChromiumPdfPrinter();
  ({ api, services } = openTestServices(path.join(root, 'data')));
  caseId = await fullyCapturedCase(api, services);
}, 120_000);
afterAll(async () => {
  await printer.close();
  services.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const write = async (kind: ReportKind, format: ReportFormat) => {
  const result = await exportReport(services, { caseId, kind, format }, () => printer.print);
  const file = path.join(out, `${kind}.${format}`);
  fs.writeFileSync(file, result.bytes);
  return { file, record: result.record };
};

const documentText = (docx: string) => fold(docxText(docxPart(docx, 'word/document.xml')));

describe('a fully captured case, exported', () => {
  it('executive PDF and Word: the organisation context, the level legend, the investment total; never "(recorded by )"', async () => {
    const source = (await api.getReportSource({ caseId })).source;
    expect(source.context).toBe(captured.context);
    const pdf = pdfText((await write('executive', 'pdf')).file);
    const word = documentText((await write('executive', 'docx')).file);
    for (const text of [pdf, word]) {
      expect(text).toContain(fold(captured.context));
      for (const meaning of Object.values(levelMeanings)) expect(text).toContain(meaning);
      expect(text).toMatch(/Total contract value over 36 months, incl\. tax/);
      expect(text).toMatch(/EUR [\d,]+\.\d\d/);
      expect(text).not.toMatch(/recorded by \)/);
      expect(text).not.toMatch(/\b(undefined|NaN|null)\b/);
    }
  }, 120_000);

  it('technical PDF and Word: every note and every evidence file name (with its hash) under its finding or question', async () => {
    const pdf = pdfText((await write('technical', 'pdf')).file);
    const word = documentText((await write('technical', 'docx')).file);
    const evidence = listEvidence(services.db, caseId);
    expect(evidence).toHaveLength(3);
    for (const text of [pdf, word]) {
      expect(text).toContain(fold(captured.context));
      for (const note of Object.values(captured.notes)) expect(text).toContain(fold(note));
      for (const name of [captured.image.fileName, captured.file.fileName, captured.caseFile.fileName]) expect(text).toContain(name);
      expect(text).toContain('Contents');
      expect(text).toMatch(/Priority \d+(\.\d)? = (Critical|High|Medium|Low) \(\d+\) × .+ weight/);
      expect(text).not.toMatch(/recorded by \)/);
    }
    for (const e of evidence) expect(pdf.replace(/\s/g, '')).toContain(e.sha256);
  }, 120_000);

  it('the images are in the PDF as pictures and in the DOCX as media', async () => {
    const { file } = await write('technical', 'docx');
    const list = fs.readFileSync(file).toString('latin1');
    expect(list.match(/word\/media\/[^\s"]+\.png/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it('proposal: both signature blocks on one page in the PDF and in Word (as LibreOffice lays it out)', async () => {
    const pdfPagesText = pdfPageTexts((await write('proposal', 'pdf')).file);
    const { file: docx } = await write('proposal', 'docx');
    const wordPages = pdfPageTexts(docxToPdf(docx, path.join(out, 'proposal-lo')));
    for (const pages of [pdfPagesText, wordPages]) {
      const page = pages.find((t) => t.includes('For the customer'));
      expect(page, 'a page with the customer block').toBeDefined();
      expect(page).toContain('For the partner');
      for (const label of ['Name', 'Position', 'Signature', 'Date']) expect(page!.match(new RegExp(`\\b${label}\\b`, 'g'))?.length ?? 0).toBeGreaterThanOrEqual(2);
      // GST and QST are two named lines.
      expect(pages.join(' ')).toMatch(/GST 5 %.*QST 9\.975 %/);
    }
    // Quantities come from the interview's 240 users, never 0.
    expect(pdfPagesText.join(' ')).toContain(`${captured.users} users (from the interview)`);
    expect(pdfPagesText.join(' ')).not.toMatch(/\b0 users\b/);
  }, 180_000);

  it('Word opens in LibreOffice headless and keeps the Heading 1–3 styles through a round trip', async () => {
    const { file } = await write('technical', 'docx');
    const xml = docxPart(file, 'word/document.xml');
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    const again = docxConvert(file, path.join(out, 'roundtrip'), 'docx');
    const styles = docxPart(again, 'word/styles.xml');
    const body = docxPart(again, 'word/document.xml');
    expect(styles).toMatch(/w:styleId="Heading1"/);
    expect(body).toMatch(/<w:pStyle w:val="Heading1"\/>/);
    expect(pdfPages(docxToPdf(file, path.join(out, 'technical-lo')))).toBeGreaterThan(3);
  }, 240_000);
});
