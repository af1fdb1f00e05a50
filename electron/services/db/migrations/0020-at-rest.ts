import type { Migration } from './migration';

/**
 * Encryption at rest: how this data directory's key is protected (shown in Settings and by the
 * CLI, so a weak fallback is never silent), and local secrets such as the hub token, which in
 * passphrase mode live here, inside the encrypted database. Neither table ever syncs.
 */
export const atRest: Migration = {
  version: 20,
  name: 'key protection record, local secrets',
  up: (db) => {
    db.exec(`
      CREATE TABLE key_protection (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        method TEXT NOT NULL CHECK (method IN ('os-keychain', 'safe-storage', 'passphrase')),
        warning TEXT,
        recorded_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE local_secrets (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
