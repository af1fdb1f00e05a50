import type { Migration } from './migration';

/**
 * Sync client state: which hub this device is enrolled with, how far it has pulled, when it
 * last synced and what went wrong; and the changes the hub refused, kept so none is dropped silently.
 */
export const syncState: Migration = {
  version: 13,
  name: 'sync client: hub enrollment, cursor, last sync and errors; refused changes',
  up: (db) => {
    db.exec(`
      CREATE TABLE sync_state (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        hub_url TEXT NOT NULL,
        hub_device_id TEXT NOT NULL,
        partner_id TEXT NOT NULL,
        partner_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('engineer', 'account-manager', 'admin')),
        device_name TEXT NOT NULL,
        enrolled_at TEXT NOT NULL,
        pull_cursor INTEGER NOT NULL DEFAULT 0 CHECK (pull_cursor >= 0),
        last_sync_at TEXT,
        last_attempt_at TEXT,
        last_error TEXT,
        consecutive_failures INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE sync_refused (
        outbox_seq INTEGER PRIMARY KEY,
        reason TEXT NOT NULL,
        refused_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
