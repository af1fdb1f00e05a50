import type { Database } from 'better-sqlite3';
import { serviceFailure } from '../../../shared/i18n/service-failure';
import type { ReportExportRecord } from '../../../shared/reports/report-exports';
import type { ReportFormat, ReportKind } from '../../../shared/reports/report-model';
import { newId } from '../db/device-clock';
import { writeSyncedRow } from '../db/synced-write';
import { readSyncState } from '../sync/sync-state';
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
  exported_on: string;
  /** 1 when source_json holds the inputs (not the JSON null of a record pulled from another laptop). */
  inputs_here: number;
}

const exportSelect = "SELECT *, source_json <> 'null' AS inputs_here FROM report_exports";

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
  exportedOn: r.exported_on,
  inputsHere: r.inputs_here === 1,
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

/**
 * Records an export and queues it for the hub, so the case's other readers see what was handed
 * over. The inputs are written beside it on this laptop only: they are large and stay here.
 */
export const recordExport = (db: Database, e: NewExport): ReportExportRecord =>
  db.transaction(() => {
    const id = newId();
    writeSyncedRow(db, 'report_exports', id, {
      case_id: e.caseId,
      kind: e.kind,
      format: e.format,
      template_version: e.templateVersion,
      sha256: e.sha256,
      bytes: e.bytes,
      file_name: e.fileName,
      branding_profile_id: e.brandingProfileId,
      adjustments_json: JSON.stringify(e.adjustments),
      language: e.language,
      exported_on: readSyncState(db)?.device_name ?? '',
    });
    db.prepare('UPDATE report_exports SET source_json = ? WHERE id = ?').run(e.sourceJson, id);
    return toRecord(db.prepare(`${exportSelect} WHERE id = ?`).get(id) as ExportRow);
  })();

export const listExports = (db: Database, caseId: string): ReportExportRecord[] =>
  (db.prepare(`${exportSelect} WHERE case_id = ? AND deleted = 0 ORDER BY created_at DESC, id DESC`).all(caseId) as ExportRow[]).map(toRecord);

export const storedExport = (db: Database, id: string): { record: ReportExportRecord; inputsJson: string } => {
  const row = db.prepare(`${exportSelect} WHERE id = ? AND deleted = 0`).get(id) as (ExportRow & { source_json: string }) | undefined;
  if (!row) throw serviceFailure('not_found', 'error.export.notFound');
  if (row.inputs_here !== 1) {
    throw serviceFailure('not_found', 'error.export.inputsElsewhere', { where: row.exported_on ? 'laptop' : 'none', laptop: row.exported_on });
  }
  return { record: toRecord(row), inputsJson: row.source_json };
};
