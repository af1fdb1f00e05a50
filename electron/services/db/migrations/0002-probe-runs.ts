import type { Migration } from './migration';

/**
 * Probe runs on a case: which probes, aimed at what, from which machine (the app or an imported
 * collector bundle), and — when a LAN sweep ran — who authorised it for which scope. Syncable.
 */
export const probeRuns: Migration = {
  version: 2,
  name: 'probe runs',
  up: (db) => {
    db.exec(`
      CREATE TABLE probe_runs (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        status TEXT NOT NULL CHECK (status IN ('running', 'complete', 'cancelled', 'interrupted')),
        source TEXT NOT NULL CHECK (source IN ('app', 'collector')),
        host TEXT NOT NULL DEFAULT '',
        tool_version TEXT NOT NULL DEFAULT '',
        probe_ids TEXT NOT NULL CHECK (json_valid(probe_ids)),
        targets TEXT NOT NULL CHECK (json_valid(targets)),
        sweep_authorisation TEXT CHECK (sweep_authorisation IS NULL OR json_valid(sweep_authorisation)),
        bundle_sha256 TEXT,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
        origin_device TEXT NOT NULL
      ) STRICT;
      CREATE INDEX probe_runs_by_case ON probe_runs (case_id, started_at DESC);
      CREATE UNIQUE INDEX probe_runs_by_bundle ON probe_runs (case_id, bundle_sha256) WHERE bundle_sha256 IS NOT NULL AND deleted = 0;
    `);
  },
};
