import type { Migration } from './migration';

/**
 * Question banks installed on this device (the built-in one and versions pushed by the hub) and,
 * per case, the bank version it is answered with: an old case keeps its version when a new one
 * arrives. The resume position is local to the device and does not sync.
 */
export const interviewBanks: Migration = {
  version: 4,
  name: 'question banks, interviews and resume positions',
  up: (db) => {
    db.exec(`
      CREATE TABLE question_banks (
        bank_id TEXT NOT NULL,
        version TEXT NOT NULL,
        title TEXT NOT NULL,
        content TEXT NOT NULL CHECK (json_valid(content)),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        source TEXT NOT NULL CHECK (source IN ('builtin', 'hub', 'file')),
        active INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1)),
        installed_at TEXT NOT NULL,
        PRIMARY KEY (bank_id, version)
      ) STRICT;
      CREATE UNIQUE INDEX question_banks_one_active ON question_banks (active) WHERE active = 1;

      CREATE TABLE interviews (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        bank_id TEXT NOT NULL,
        bank_version TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
        origin_device TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX interviews_by_case ON interviews (case_id) WHERE deleted = 0;

      CREATE TABLE interview_positions (
        case_id TEXT PRIMARY KEY REFERENCES cases (id),
        question_id TEXT NOT NULL,
        stakeholder TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
