import type { Migration } from './migration';

/**
 * Measurements know what they measured, and answers remember where a measured value came from.
 * `probe_results.measurements`: per metric a value with its far end, or why there is none (JSON;
 * NULL on rows written before, which are read through a derivation from their details).
 * `answers.provenance`: the measurement a prefilled answer took (or overrode): metric, scope,
 * probe run, far end, time and value (JSON, NULL for a typed answer). `answers.override_reason`:
 * why the engineer answered differently from what was measured. Both tables sync as before.
 */
export const measurementProvenance: Migration = {
  version: 18,
  name: 'probe measurements with far ends, answer provenance and override reason',
  up: (db) => {
    db.exec(`
      ALTER TABLE probe_results ADD COLUMN measurements TEXT CHECK (measurements IS NULL OR json_valid(measurements));
      ALTER TABLE answers ADD COLUMN provenance TEXT CHECK (provenance IS NULL OR json_valid(provenance));
      ALTER TABLE answers ADD COLUMN override_reason TEXT NOT NULL DEFAULT '' CHECK (length(override_reason) <= 2000);
    `);
  },
};
