import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../shared/contract/api-client';
import { ApiFailure } from '../../../shared/contract/result';
import type { AppServices } from '../../../electron/services/app-services';
import { ChromiumPdfPrinter } from '../../../electron/services/reports/chromium-pdf';
import { exportReport, reportModelForCase } from '../../../electron/services/reports/export-report';
import { bankQuestions } from '../../../shared/interview/parse-bank';
import { formatMoney } from '../../../shared/reports/format';
import type { ReportFormat, ReportKind } from '../../../shared/reports/report-model';
import { extremeAnswer } from '../../support/answer-all';
import { openTestServices } from '../../support/services';
import { fullyCapturedCase } from './captured-case';
import { docxPart, docxText, docxToPdf, fold, pdfPageTexts, pdfPages, pdfText } from './document-tools';
import { spawnSync } from 'node:child_process';

/**
 * The exported files of the hard cases, read back with poppler and LibreOffice: a 5,000-character
 * customer name, a price book in two currencies, and a re-assessment.
 */

let printer: ChromiumPdfPrinter;
// Made here, not with tempDir(): that one is emptied after every test and these files live for the whole file.
let root: string;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-edge-exports-'));
  printer = new ChromiumPdfPrinter();
});
afterAll(async () => {
  await printer.close();
  fs.rmSync(root, { recursive: true, force: true });
});

/** A fresh data directory with a fully captured case; closed by the caller's afterAll. */
const openCase = async (name: string, customerName?: string) => {
  const { api, services } = openTestServices(path.join(root, name, 'data'));
  const caseId = await fullyCapturedCase(api, services, customerName);
  const out = path.join(root, name, 'out');
  fs.mkdirSync(out, { recursive: true });
  return { api, services, caseId, out };
};

const write = async (services: AppServices, out: string, caseId: string, kind: ReportKind, format: ReportFormat): Promise<string> => {
  const result = await exportReport(services, { caseId, kind, format }, () => printer.print);
  const file = path.join(out, `${kind}.${format}`);
  fs.writeFileSync(file, result.bytes);
  return file;
};

/** The first line of text on each page as laid out (pdftotext -layout): the running head. */
const firstLines = (pdf: string): string[] =>
  Array.from({ length: pdfPages(pdf) }, (_, i) => {
    const r = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
    return (r.stdout.split('\n').find((l) => l.trim() !== '') ?? '').trim();
  });

const headerParts = (docx: string): string[] => {
  const list = spawnSync('unzip', ['-Z1', docx], { encoding: 'utf8' }).stdout.split('\n');
  return list.filter((f) => /^word\/header\d*\.xml$/.test(f));
};

describe('a 5,000-character customer name', () => {
  // Words, so the cover can wrap it; a marker in the middle that no truncated head can reach.
  const longName = `Harbour Foods ${'Holding Company Group International '.repeat(160)}`.slice(0, 4_990) + ' MIDDLEEND';
  let ctx: Awaited<ReturnType<typeof openCase>>;
  beforeAll(async () => {
    expect(longName.length).toBe(5_000);
    ctx = await openCase('long-name', longName);
  }, 180_000);
  afterAll(() => ctx?.services.close());

  it('executive PDF: at most 5 pages, the full name once (on the cover), every running head one cut line', async () => {
    const pdf = await write(ctx.services, ctx.out, ctx.caseId, 'executive', 'pdf');
    // Before the fix this was 8 pages for the cover alone.
    expect(pdfPages(pdf)).toBeLessThanOrEqual(5);
    const text = pdfText(pdf);
    expect(text.split(fold(longName)).length - 1, 'the full name, once').toBe(1);
    const pages = pdfPageTexts(pdf);
    expect(pages[0]).toContain('MIDDLEEND');
    for (const page of pages.slice(1)) expect(page).not.toContain('MIDDLEEND');
    for (const line of firstLines(pdf)) {
      expect(line).toMatch(/^Acme IT Services · Executive readiness report/);
      expect(line).toMatch(/…$/);
      expect(line.length).toBeLessThan(200);
    }
  }, 180_000);

  it('executive DOCX: the header is one short paragraph, and LibreOffice lays it out on one line of every page', async () => {
    const docx = await write(ctx.services, ctx.out, ctx.caseId, 'executive', 'docx');
    const parts = headerParts(docx);
    expect(parts.length).toBeGreaterThan(0);
    const heads = parts.map((part) => {
      const xml = docxPart(docx, part);
      expect(xml.match(/<w:p[ >]/g)?.length, `${part}: one paragraph`).toBe(1);
      expect(xml).not.toContain('<w:br');
      return docxText(xml).trim();
    });
    const head = heads[0]!;
    expect(head).toMatch(/^Acme IT Services · Executive readiness report · Harbour Foods Holding/);
    expect(head).toMatch(/…$/);
    // 8 pt on a 16 cm line holds about 110 characters: a head under 100 cannot wrap.
    expect(head.length).toBeLessThan(100);
    expect(docxText(docxPart(docx, 'word/document.xml'))).toContain('MIDDLEEND');

    const rendered = docxToPdf(docx, path.join(ctx.out, 'lo'));
    // Before the fix the long name in every header made this 19 pages.
    expect(pdfPages(rendered)).toBeLessThanOrEqual(6);
    const lines = firstLines(rendered);
    // The whole head on the first line of each page: had it wrapped, the first line would be a part of it.
    for (const line of lines) expect(fold(line)).toBe(fold(head));
  }, 240_000);
});

describe('a price book in two currencies: 10 lines in GBP, 1 in EUR, the proposal in EUR', () => {
  let ctx: Awaited<ReturnType<typeof openCase>>;
  let api: ApiClient;
  let gbp: Array<{ sku: string; unitPriceMinor: number }>;
  let eurSku: string;
  beforeAll(async () => {
    ctx = await openCase('currency');
    api = ctx.api;
    // The 11 lines of the proposal: the first 11 SKUs the findings ask for; every other price is removed.
    const model = reportModelForCase(ctx.services, ctx.caseId, 'proposal');
    if (model.kind !== 'proposal') throw new Error('not a proposal');
    const wanted = [...model.proposal.oneTime, ...model.proposal.monthly].map((l) => l.sku).slice(0, 11);
    expect(wanted).toHaveLength(11);
    gbp = [];
    for (const item of await api.listPriceBook({})) {
      const index = wanted.indexOf(item.sku);
      if (index < 0) await api.deletePriceBookItem({ id: item.id });
      else if (index < 10) {
        // GBP 100.00, 100.37, 100.74 … : prices whose conversion needs rounding.
        const unitPriceMinor = 10_000 + index * 37;
        await api.savePriceBookItem({ id: item.id, sku: item.sku, description: item.description, unit: item.unit, unitPriceMinor, currency: 'GBP', quantityRule: item.quantityRule, recurring: item.recurring });
        gbp.push({ sku: item.sku, unitPriceMinor });
      } else eurSku = item.sku;
    }
    expect(gbp).toHaveLength(10);
  }, 180_000);
  afterAll(() => ctx?.services.close());

  it('without a rate: PDF, Word and CSV are refused with a message naming every GBP SKU; nothing is recorded; the executive report prices nothing', async () => {
    const before = (await api.listReportExports({ caseId: ctx.caseId })).length;
    for (const format of ['pdf', 'docx', 'csv'] as const) {
      const error = await exportReport(ctx.services, { caseId: ctx.caseId, kind: 'proposal', format }, () => printer.print).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ApiFailure);
      expect((error as ApiFailure).code).toBe('validation');
      const message = (error as ApiFailure).message;
      for (const { sku } of gbp) expect(message).toContain(sku);
      expect(message).toContain('priced in GBP and this proposal is in EUR');
      expect(message).toContain('exchange rate');
      expect(message).not.toContain(eurSku);
    }
    expect(await api.listReportExports({ caseId: ctx.caseId })).toHaveLength(before);
    // The executive report never shows a total that lost the GBP lines.
    const pdf = pdfText(await write(ctx.services, ctx.out, ctx.caseId, 'executive', 'pdf'));
    expect(pdf).toContain('No investment priced yet');
    expect(pdf).not.toMatch(/Total contract value/);
  }, 180_000);

  it('with 1 GBP = 1.17 EUR: all 11 lines in the PDF and in Word, each GBP price converted and shown beside its original', async () => {
    const settings = await api.getProposalSettings({ caseId: ctx.caseId });
    await api.saveProposalSettings({ ...settings, terms: { ...settings.terms, exchangeRates: [{ currency: 'GBP', rate: 1.17 }] } });
    const model = reportModelForCase(ctx.services, ctx.caseId, 'proposal');
    if (model.kind !== 'proposal') throw new Error('not a proposal');
    expect(model.proposal.refusal).toBeNull();
    const pdf = pdfText(await write(ctx.services, ctx.out, ctx.caseId, 'proposal', 'pdf'));
    const word = fold(docxText(docxPart(await write(ctx.services, ctx.out, ctx.caseId, 'proposal', 'docx'), 'word/document.xml')));
    for (const text of [pdf, word]) {
      expect(text).toContain(eurSku);
      for (const { sku, unitPriceMinor } of gbp) {
        expect(text).toContain(sku);
        // e.g. GBP 100.37 × 1.17 = 117.4329 → EUR 117.43; GBP 100.74 × 1.17 = 117.8658 → EUR 117.87.
        expect(text).toContain(formatMoney(Math.round(unitPriceMinor * 1.17), 'EUR'));
        expect(text).toContain(formatMoney(unitPriceMinor, 'GBP'));
      }
      expect(text).toContain('converted at 1 GBP = 1.17 EUR');
      expect(text).toContain(formatMoney(model.proposal.totals.contractValueMinor, 'EUR'));
    }
    // The lines printed are the lines priced: 11, none dropped.
    expect(model.proposal.oneTime.length + model.proposal.monthly.length).toBe(11);
  }, 180_000);
});

describe('a re-assessment report, parsed back', () => {
  let ctx: Awaited<ReturnType<typeof openCase>>;
  let afterId: string;
  beforeAll(async () => {
    ctx = await openCase('reassessment');
    const after = await ctx.api.reassessCase({ previousCaseId: ctx.caseId });
    afterId = after.id;
    // Security and operations put right; every other answer given again as it was (weak).
    const bank = await ctx.api.getActiveQuestionBank({});
    for (const { question } of bankQuestions(bank)) {
      const best = /^(security|operations)\./.test(question.id);
      // Some questions are hidden by earlier answers and refuse one: that is expected, the rest are answered.
      await ctx.api.answerQuestion({ caseId: afterId, questionId: question.id, value: extremeAnswer(question, best) }).catch(() => undefined);
    }
  }, 180_000);
  afterAll(() => ctx?.services.close());

  it('PDF and Word carry the index change, each pillar before and now, and every resolved and open finding; whole points add up', async () => {
    const model = reportModelForCase(ctx.services, afterId, 'reassessment');
    if (model.kind !== 'reassessment' || !model.source.comparison) throw new Error('no comparison');
    const c = model.source.comparison;
    expect(c.findings.resolved.length).toBeGreaterThan(0);
    expect(model.stillOpen.length).toBeGreaterThan(0);
    const pdfFile = await write(ctx.services, ctx.out, afterId, 'reassessment', 'pdf');
    const pdf = pdfText(pdfFile);
    const docx = await write(ctx.services, ctx.out, afterId, 'reassessment', 'docx');
    const word = fold(docxText(docxPart(docx, 'word/document.xml')));
    const lo = pdfText(docxToPdf(docx, path.join(ctx.out, 'lo')));
    const beforeIndex = c.before.readinessIndex!;
    const afterIndex = c.after.readinessIndex!;
    // Printed whole points: the change is the difference of the printed scores.
    expect(c.indexDelta).toBe(afterIndex - beforeIndex);
    for (const text of [pdf, word, lo]) {
      expect(text).toContain('Progress at a glance');
      expect(text).toContain(`readiness ${beforeIndex} / 100`);
      expect(text).toContain(`the readiness index is up ${afterIndex - beforeIndex} point`);
      expect(text).toContain(`Resolved (${c.findings.resolved.length})`);
      for (const f of c.findings.resolved) expect(text).toContain(fold(f.title));
      for (const f of model.stillOpen) expect(text).toContain(fold(f.title));
      for (const p of c.pillars) {
        expect(text).toContain(fold(p.title));
        expect(Number.isInteger(p.before) && Number.isInteger(p.after)).toBe(true);
      }
      expect(text).not.toMatch(/\b(undefined|NaN|null)\b|(^|\s)-1(\s|$)/);
      expect(text).not.toMatch(/\d+\.\d points/);
    }
    // The pillar table's rows as Word holds them (one paragraph a cell): "Security and identity 1 100 +99", each change the difference.
    for (const p of c.pillars) {
      expect(p.delta).toBe(p.after! - p.before!);
      expect(word).toContain(`${fold(p.title)} ${p.before} ${p.after} ${p.delta! > 0 ? `+${p.delta}` : String(p.delta)}`);
    }
  }, 240_000);

  it('a first assessment has nothing to compare: the re-assessment export is refused with a clear message', async () => {
    const error = await exportReport(ctx.services, { caseId: ctx.caseId, kind: 'reassessment', format: 'pdf' }, () => printer.print).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiFailure);
    expect((error as ApiFailure).message).toMatch(/not a re-assessment.*Re-assess/);
  }, 60_000);
});
