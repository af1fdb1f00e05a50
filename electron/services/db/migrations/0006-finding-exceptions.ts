import type { Migration } from './migration';

/** Exceptions an engineer records against a finding: the compensating control and why. Syncable. */
export const findingExceptions: Migration = {
  version: 6,
  name: 'finding exceptions',
  up: (db) => {
    db.exec(`
      CREATE TABLE finding_exceptions (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        finding_id TEXT NOT NULL CHECK (length(finding_id) BETWEEN 1 AND 80),
        compensating_control TEXT NOT NULL CHECK (length(compensating_control) >= 1),
        reason TEXT NOT NULL CHECK (length(reason) >= 1),
        recorded_by TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
        origin_device TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX finding_exceptions_by_case ON finding_exceptions (case_id, finding_id) WHERE deleted = 0;
    `);
  },
};
