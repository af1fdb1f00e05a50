import type { Migration } from './migration';

/**
 * Export records travel with their case: the account manager sees what the engineer handed over,
 * and the engineer what the account manager sent. The row gains the synced columns, and
 * `exported_on` (the laptop's name at the hub). The report inputs (`source_json`, often large: the
 * whole case and the logo) stay on the laptop that exported: a pulled record has JSON `null` there
 * and cannot be rendered again elsewhere. Records made before this version stay local (no outbox
 * entry): their clock is their creation time on this device.
 */
export const reportExportsSynced: Migration = {
  version: 31,
  name: 'export records synced',
  up: (db) => {
    db.exec(`
      CREATE TABLE report_exports_v31 (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        kind TEXT NOT NULL CHECK (kind IN ('executive', 'technical', 'proposal', 'reassessment')),
        format TEXT NOT NULL CHECK (format IN ('pdf', 'docx', 'html', 'csv')),
        template_version TEXT NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        bytes INTEGER NOT NULL CHECK (bytes >= 0),
        file_name TEXT NOT NULL DEFAULT '',
        branding_profile_id TEXT,
        source_json TEXT NOT NULL DEFAULT 'null' CHECK (json_valid(source_json)),
        adjustments_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(adjustments_json)),
        language TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'fr-CA')),
        exported_on TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
        origin_device TEXT NOT NULL
      ) STRICT;
      INSERT INTO report_exports_v31 (id, case_id, kind, format, template_version, sha256, bytes, file_name, branding_profile_id, source_json,
          adjustments_json, language, exported_on, created_at, updated_at, origin_device)
        SELECT e.id, e.case_id, e.kind, e.format, e.template_version, e.sha256, e.bytes, e.file_name, e.branding_profile_id, e.source_json,
          e.adjustments_json, e.language, COALESCE((SELECT device_name FROM sync_state WHERE singleton = 1), ''), e.created_at,
          printf('%013d-00000-%s', CAST(round((julianday(e.created_at) - 2440587.5) * 86400000) AS INTEGER), d.node),
          d.node
        FROM report_exports e, (SELECT COALESCE((SELECT device_id FROM device WHERE singleton = 1), 'local') AS node) d;
      DROP TABLE report_exports;
      ALTER TABLE report_exports_v31 RENAME TO report_exports;
      CREATE INDEX report_exports_by_case ON report_exports (case_id, created_at DESC);
    `);
  },
};
