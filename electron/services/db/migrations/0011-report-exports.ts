import type { Migration } from './migration';

/** Every report exported from a case: enough to know exactly what was handed over and reproduce it. */
export const reportExports: Migration = {
  version: 11,
  name: 'report exports',
  up: (db) => {
    db.exec(`
      CREATE TABLE report_exports (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        kind TEXT NOT NULL CHECK (kind IN ('executive', 'technical', 'proposal')),
        format TEXT NOT NULL CHECK (format IN ('pdf', 'docx', 'html', 'csv')),
        template_version TEXT NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        bytes INTEGER NOT NULL CHECK (bytes >= 0),
        file_name TEXT NOT NULL DEFAULT '',
        branding_profile_id TEXT,
        -- The report source as rendered, so the same document can be produced again.
        source_json TEXT NOT NULL CHECK (json_valid(source_json)),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX report_exports_by_case ON report_exports (case_id, created_at DESC);
    `);
  },
};
