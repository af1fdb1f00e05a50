import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { proposalToCsv } from '../../../shared/reports/csv';
import { reportMimeTypes, type ReportExportRecord } from '../../../shared/reports/report-exports';
import { buildReportModel, reportTemplateVersion, type ReportFormat, type ReportKind, type ReportModel } from '../../../shared/reports/report-model';
import type { ReportSource } from '../../../shared/reports/report-source';
import { ApiFailure } from '../../../shared/contract/result';
import { brandingForCase, brandingProfileIdOfCase } from './branding-repository';
import { buildReportSource } from './build-report-source';
import type { PdfPrinter } from './chromium-pdf';
import { recordExport } from './exports-repository';
import { listPriceBook } from './price-book-repository';
import { buildReportDocx } from './report-docx';
import { buildReportHtml, pdfHeaderFooter } from './report-html';

export interface RenderedReport {
  readonly bytes: Uint8Array;
  readonly mime: string;
  readonly model: ReportModel;
}

/** The model of one report of a case, from the database as it is now. */
export const reportModelForCase = (db: Database, caseId: string, kind: ReportKind, source?: ReportSource): ReportModel =>
  buildReportModel(kind, {
    source: source ?? buildReportSource(db, caseId),
    branding: brandingForCase(db, caseId),
    priceBook: listPriceBook(db),
  });

/** Renders a model to one format. Pure apart from the PDF printer. */
export const renderReport = async (model: ReportModel, format: ReportFormat, printPdf: () => PdfPrinter): Promise<RenderedReport> => {
  const mime = reportMimeTypes[format];
  if (format === 'html') return { bytes: Buffer.from(buildReportHtml(model, { embedFonts: true }), 'utf8'), mime, model };
  if (format === 'pdf') return { bytes: await printPdf()(buildReportHtml(model, { embedFonts: false }), pdfHeaderFooter(model)), mime, model };
  if (format === 'docx') return { bytes: await buildReportDocx(model), mime, model };
  if (model.kind !== 'proposal') throw new ApiFailure('validation', 'CSV export is for proposals: use --kind proposal.');
  return { bytes: Buffer.from(proposalToCsv(model.proposal), 'utf8'), mime, model };
};

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const slug = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 60) || 'customer';

export const suggestedFileName = (model: ReportModel, format: ReportFormat): string =>
  `${slug(model.cover.customerName)}-${model.kind}-${model.cover.date}.${format}`;

export interface ExportResult {
  readonly bytes: Uint8Array;
  readonly mime: string;
  readonly record: ReportExportRecord;
}

/** Builds, renders and records one export of a case's report. */
export const exportReport = async (
  db: Database,
  args: { caseId: string; kind: ReportKind; format: ReportFormat; fileName?: string },
  printPdf: () => PdfPrinter,
): Promise<ExportResult> => {
  const source = buildReportSource(db, args.caseId);
  const model = reportModelForCase(db, args.caseId, args.kind, source);
  const rendered = await renderReport(model, args.format, printPdf);
  const record = recordExport(db, {
    caseId: args.caseId,
    kind: args.kind,
    format: args.format,
    templateVersion: reportTemplateVersion,
    sha256: sha256Hex(rendered.bytes),
    bytes: rendered.bytes.byteLength,
    fileName: args.fileName ?? suggestedFileName(model, args.format),
    brandingProfileId: brandingProfileIdOfCase(db, args.caseId),
    sourceJson: JSON.stringify(source),
  });
  return { bytes: rendered.bytes, mime: rendered.mime, record };
};
