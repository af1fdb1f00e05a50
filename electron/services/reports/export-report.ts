import { measurementAttachment, measurementAttachmentName } from '../../../shared/reports/measurement-attachment';
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { findingsToPsaCsv, proposalToCsv } from '../../../shared/reports/csv';
import { buildRoadmap } from '../../../shared/reports/roadmap';
import { reportMimeTypes, type ReportExportRecord } from '../../../shared/reports/report-exports';
import { buildReportModel, reportTemplateVersion, type ReportFormat, type ReportInputs, type ReportKind, type ReportModel } from '../../../shared/reports/report-model';
import { reportInputsSchema } from '../../../shared/reports/report-inputs';
import type { ReportSource } from '../../../shared/reports/report-source';
import type { ProposalRecord } from '../../../shared/domain/proposals';
import { ApiFailure } from '../../../shared/contract/result';
import { serviceFailure } from '../../../shared/i18n/service-failure';
import { appVersion } from '../../../shared/app-version';
import { brandingForCase, brandingProfileIdOfCase } from './branding-repository';
import { buildReportSource, type ReportStore } from './build-report-source';
import type { PdfPrinter } from './chromium-pdf';
import { recordExport, storedExport } from './exports-repository';
import { listPriceBook } from './price-book-repository';
import { getProposalSettings } from './proposal-settings-repository';
import { buildReportDocx } from './report-docx';
import { buildReportHtml, pdfHeaderFooter } from './report-html';

export interface RenderedReport {
  readonly bytes: Uint8Array;
  readonly mime: string;
  readonly model: ReportModel;
}

/** Everything a report of a case is made from, as the database holds it now. */
export const reportInputsForCase = (store: ReportStore, caseId: string, source?: ReportSource, proposalRecord?: ProposalRecord): ReportInputs => {
  // The customer's language, set per case: the engineer's app language plays no part.
  const language = getProposalSettings(store.db, caseId).reportLanguage;
  return {
    source: source ?? buildReportSource(store, caseId, undefined, language),
    branding: brandingForCase(store.db, caseId),
    priceBook: listPriceBook(store.db),
    generator: `Groundwork ${appVersion}`,
    language,
    ...(proposalRecord ? { proposalRecord } : {}),
  };
};

/** The model of one report of a case, from the database as it is now. */
export const reportModelForCase = (store: ReportStore, caseId: string, kind: ReportKind, source?: ReportSource): ReportModel =>
  buildReportModel(kind, reportInputsForCase(store, caseId, source));

/** Renders a model to one format. Pure apart from the PDF printer. */
export const renderReport = async (model: ReportModel, format: ReportFormat, printPdf: () => PdfPrinter): Promise<RenderedReport> => {
  const mime = reportMimeTypes[format];
  // A proposal that would print wrong figures is refused, with the reason, instead of exported.
  if (model.kind === 'proposal' && model.proposal.refusal) throw new ApiFailure('validation', model.proposal.refusal);
  if (model.kind === 'reassessment' && !model.source.comparison) {
    throw serviceFailure('validation', 'error.export.notReassessment');
  }
  if (format === 'html') return { bytes: Buffer.from(buildReportHtml(model, { embedFonts: true }), 'utf8'), mime, model };
  if (format === 'pdf') return { bytes: await printPdf()(buildReportHtml(model, { embedFonts: false }), pdfHeaderFooter(model)), mime, model };
  if (format === 'docx') return { bytes: await buildReportDocx(model), mime, model };
  if (model.kind === 'technical') {
    const roadmap = buildRoadmap(model.source.recommendations, model.source.findings);
    return { bytes: Buffer.from(findingsToPsaCsv(model, roadmap), 'utf8'), mime, model };
  }
  if (model.kind !== 'proposal') throw serviceFailure('validation', 'error.export.csvKind');
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
  `${slug(model.cover.customerName)}-${model.kind === 'technical' && format === 'csv' ? 'psa-tickets' : model.kind}-${model.cover.date}.${format}`;

export interface ExportResult {
  readonly bytes: Uint8Array;
  readonly mime: string;
  readonly record: ReportExportRecord;
  readonly attachment?: { readonly fileName: string; readonly mime: 'application/json'; readonly text: string };
}

/** Builds, renders and records one export of a case's report. */
export const exportReport = async (
  store: ReportStore,
  args: { caseId: string; kind: ReportKind; format: ReportFormat; fileName?: string; proposal?: ProposalRecord | undefined },
  printPdf: () => PdfPrinter,
): Promise<ExportResult> => {
  const { db } = store;
  if (args.proposal && args.kind !== 'proposal') throw serviceFailure('validation', 'error.export.savedProposalKind', { kind: args.kind });
  if (args.proposal && args.proposal.caseId !== args.caseId) throw serviceFailure('validation', 'error.export.proposalOtherCase');
  const inputs = reportInputsForCase(store, args.caseId, undefined, args.proposal);
  const model = buildReportModel(args.kind, inputs);
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
    // The inputs as rendered (source, branding, price book): enough to render the same report again.
    sourceJson: JSON.stringify(inputs),
    adjustments: model.adjustments.map((a) => a.message),
    language: model.locale,
  });
  const attachment = inputs.source.measurements.length > 0 || inputs.source.unmeasured.length > 0
    ? { fileName: measurementAttachmentName(record.fileName), mime: 'application/json' as const, text: `${JSON.stringify(measurementAttachment(inputs.source), null, 2)}\n` }
    : undefined;
  return { bytes: rendered.bytes, mime: rendered.mime, record, ...(attachment ? { attachment } : {}) };
};

export interface ReproducedExport extends ExportResult {
  /** True when the bytes are identical to the recorded export (HTML and CSV; PDF and Word carry a creation time). */
  readonly identical: boolean;
  readonly sha256: string;
}

/** Renders a recorded export again from the inputs stored with it, whatever has changed since. */
export const reproduceExport = async (db: Database, exportId: string, printPdf: () => PdfPrinter): Promise<ReproducedExport> => {
  const stored = storedExport(db, exportId);
  if (stored.record.templateVersion !== reportTemplateVersion) {
    throw serviceFailure('conflict', 'error.export.templateChanged', { used: stored.record.templateVersion, current: reportTemplateVersion });
  }
  const parsed = reportInputsSchema.safeParse(JSON.parse(stored.inputsJson));
  if (!parsed.success) throw serviceFailure('conflict', 'error.export.inputsNotKept');
  const rendered = await renderReport(buildReportModel(stored.record.kind, parsed.data), stored.record.format, printPdf);
  const sha256 = sha256Hex(rendered.bytes);
  return { bytes: rendered.bytes, mime: rendered.mime, record: stored.record, sha256, identical: sha256 === stored.record.sha256 };
};
