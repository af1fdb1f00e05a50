import type { Migration } from './migration';

/**
 * Interview answers, one live row per case and question. `value` is JSON; SQL NULL means only a
 * note was written, JSON null means "don't know". `measured` marks a value taken from a probe. Syncable.
 */
export const answers: Migration = {
  version: 5,
  name: 'interview answers',
  up: (db) => {
    db.exec(`
      CREATE TABLE answers (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        question_id TEXT NOT NULL CHECK (length(question_id) BETWEEN 1 AND 80),
        value TEXT CHECK (value IS NULL OR json_valid(value)),
        note TEXT NOT NULL DEFAULT '',
        measured INTEGER NOT NULL DEFAULT 0 CHECK (measured IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
        origin_device TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX answers_by_case_question ON answers (case_id, question_id) WHERE deleted = 0;
    `);
  },
};
