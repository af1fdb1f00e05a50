import type { Migration } from './migration';

/** One probe's outcome in a run: summary metrics and the raw samples beside them. Syncable. */
export const probeResults: Migration = {
  version: 3,
  name: 'probe results',
  up: (db) => {
    db.exec(`
      CREATE TABLE probe_results (
        id TEXT PRIMARY KEY,
        run_id TEXT NOT NULL REFERENCES probe_runs (id),
        probe_id TEXT NOT NULL,
        title TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('ok', 'failed', 'timeout', 'cancelled', 'unsupported')),
        message TEXT NOT NULL DEFAULT '',
        started_at TEXT NOT NULL,
        duration_ms REAL NOT NULL CHECK (duration_ms >= 0),
        metrics TEXT NOT NULL CHECK (json_valid(metrics)),
        samples TEXT NOT NULL CHECK (json_valid(samples)),
        details TEXT NOT NULL CHECK (json_valid(details)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
        origin_device TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX probe_results_by_run ON probe_results (run_id, probe_id) WHERE deleted = 0;
    `);
  },
};
