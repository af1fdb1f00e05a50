import type { Migration } from './migration';

/**
 * Rows pulled from the partner hub as the hub holds them (other engineers' cases for an account
 * manager's History view, shared reference data). Read-only here: local edits go through the outbox.
 */
export const syncRemoteRows: Migration = {
  version: 14,
  name: 'sync client: rows received from the partner hub',
  up: (db) => {
    db.exec(`
      CREATE TABLE sync_remote_rows (
        table_name TEXT NOT NULL,
        row_id TEXT NOT NULL,
        fields TEXT NOT NULL CHECK (json_valid(fields)),
        hlc TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
        owner_device TEXT NOT NULL,
        owner_device_name TEXT NOT NULL DEFAULT '',
        origin_device TEXT NOT NULL,
        change_seq INTEGER NOT NULL,
        received_at TEXT NOT NULL,
        PRIMARY KEY (table_name, row_id)
      ) STRICT;
      CREATE INDEX sync_remote_rows_by_table ON sync_remote_rows (table_name, deleted);
    `);
  },
};
