import type { Migration } from './migration';

/** Per case: how big the customer is (for per-user/device/site quantities) and the proposal terms. */
export const proposalSettings: Migration = {
  version: 10,
  name: 'proposal settings per case',
  up: (db) => {
    db.exec(`
      CREATE TABLE proposal_settings (
        case_id TEXT PRIMARY KEY REFERENCES cases (id),
        users INTEGER NOT NULL DEFAULT 0 CHECK (users >= 0),
        devices INTEGER NOT NULL DEFAULT 0 CHECK (devices >= 0),
        sites INTEGER NOT NULL DEFAULT 1 CHECK (sites >= 0),
        currency TEXT NOT NULL DEFAULT 'EUR' CHECK (length(currency) = 3),
        tax_rate_basis_points INTEGER NOT NULL DEFAULT 0 CHECK (tax_rate_basis_points BETWEEN 0 AND 10000),
        validity_days INTEGER NOT NULL DEFAULT 30 CHECK (validity_days BETWEEN 1 AND 365),
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
