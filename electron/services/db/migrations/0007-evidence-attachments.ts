import type { Migration } from './migration';

/**
 * Evidence attached to a case (photos, screenshots, files). The bytes live content-addressed in
 * <dataDir>/attachments/<sha256>; rows reference the hash, so one file serves every row that has it. Syncable.
 */
export const evidenceAttachments: Migration = {
  version: 7,
  name: 'evidence attachments',
  up: (db) => {
    db.exec(`
      CREATE TABLE evidence_attachments (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        question_id TEXT,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
        file_name TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        media_type TEXT NOT NULL,
        size_bytes INTEGER NOT NULL CHECK (size_bytes >= 0),
        caption TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
        origin_device TEXT NOT NULL
      ) STRICT;
      CREATE INDEX evidence_attachments_by_case ON evidence_attachments (case_id, question_id);
      CREATE INDEX evidence_attachments_by_hash ON evidence_attachments (sha256);
    `);
  },
};
