import type { Migration } from './migration';

/**
 * Reports round two: a case's proposal terms beyond currency and tax (named taxes, exchange rates,
 * scope, assumptions, exclusions, payment, contract term) as JSON; a branding profile can be the
 * partner's default and carry default proposal terms; an export records what it adjusted (a
 * brand colour darkened for contrast).
 */
export const reportTerms: Migration = {
  version: 21,
  name: 'proposal terms, default branding profile, export adjustments',
  up: (db) => {
    db.exec(`
      ALTER TABLE proposal_settings ADD COLUMN terms_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(terms_json));
      ALTER TABLE branding_profiles ADD COLUMN is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1));
      ALTER TABLE branding_profiles ADD COLUMN proposal_terms_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(proposal_terms_json));
      -- The kind check gains the re-assessment report; SQLite changes a CHECK only by rebuilding the table.
      CREATE TABLE report_exports_v17 (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        kind TEXT NOT NULL CHECK (kind IN ('executive', 'technical', 'proposal', 'reassessment')),
        format TEXT NOT NULL CHECK (format IN ('pdf', 'docx', 'html', 'csv')),
        template_version TEXT NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        bytes INTEGER NOT NULL CHECK (bytes >= 0),
        file_name TEXT NOT NULL DEFAULT '',
        branding_profile_id TEXT,
        source_json TEXT NOT NULL CHECK (json_valid(source_json)),
        created_at TEXT NOT NULL,
        adjustments_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(adjustments_json))
      ) STRICT;
      INSERT INTO report_exports_v17 (id, case_id, kind, format, template_version, sha256, bytes, file_name, branding_profile_id, source_json, created_at)
        SELECT id, case_id, kind, format, template_version, sha256, bytes, file_name, branding_profile_id, source_json, created_at FROM report_exports;
      DROP TABLE report_exports;
      ALTER TABLE report_exports_v17 RENAME TO report_exports;
      CREATE INDEX report_exports_by_case ON report_exports (case_id, created_at DESC);
    `);
  },
};
