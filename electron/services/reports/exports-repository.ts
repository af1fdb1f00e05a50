import type { Database } from 'better-sqlite3';
import { ApiFailure } from '../../../shared/contract/result';
import type { ReportExportRecord } from '../../../shared/reports/report-exports';
import type { ReportFormat, ReportKind } from '../../../shared/reports/report-model';
import { newId } from '../db/device-clock';
import { reportLocaleSchema, type ReportLocale } from '../../../shared/i18n/locales';

interface ExportRow {
  id: string;
  case_id: string;
  kind: ReportKind;
  format: ReportFormat;
  template_version: string;
  sha256: string;
  bytes: number;
  file_name: string;
  created_at: string;
  adjustments_json: string;
  language: ReportLocale;
}

const adjustmentsOf = (json: string): string[] => {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
};

const toRecord = (r: ExportRow): ReportExportRecord => ({
  id: r.id,
  caseId: r.case_id,
  kind: r.kind,
  format: r.format,
  templateVersion: r.template_version,
  sha256: r.sha256,
  bytes: r.bytes,
  fileName: r.file_name,
  createdAt: r.created_at,
  adjustments: adjustmentsOf(r.adjustments_json),
  language: reportLocaleSchema.parse(r.language),
});

export interface NewExport {
  readonly caseId: string;
  readonly kind: ReportKind;
  readonly format: ReportFormat;
  readonly templateVersion: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly fileName: string;
  readonly brandingProfileId: string | null;
  readonly sourceJson: string;
  /** What the export changed from the branding as entered, in words. */
  readonly adjustments: readonly string[];
  readonly language: ReportLocale;
}

export const recordExport = (db: Database, e: NewExport): ReportExportRecord => {
  const id = newId();
  db.prepare(
    `INSERT INTO report_exports (id, case_id, kind, format, template_version, sha256, bytes, file_name, branding_profile_id, source_json, created_at, adjustments_json, language)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, e.caseId, e.kind, e.format, e.templateVersion, e.sha256, e.bytes, e.fileName, e.brandingProfileId, e.sourceJson, new Date().toISOString(), JSON.stringify(e.adjustments), e.language);
  return toRecord(db.prepare('SELECT * FROM report_exports WHERE id = ?').get(id) as ExportRow);
};

export const listExports = (db: Database, caseId: string): ReportExportRecord[] =>
  (db.prepare('SELECT * FROM report_exports WHERE case_id = ? ORDER BY created_at DESC, id DESC').all(caseId) as ExportRow[]).map(toRecord);

export const storedExport = (db: Database, id: string): { record: ReportExportRecord; inputsJson: string } => {
  const row = db.prepare('SELECT * FROM report_exports WHERE id = ?').get(id) as (ExportRow & { source_json: string }) | undefined;
  if (!row) throw new ApiFailure('not_found', 'No such report export.');
  return { record: toRecord(row), inputsJson: row.source_json };
};
