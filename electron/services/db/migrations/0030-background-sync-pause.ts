import type { Migration } from './migration';

/**
 * The user can pause the app's background sync (a metered link, a customer's guest network): the
 * choice is kept with the enrollment so a restart does not quietly sync again. 0: running, as every
 * enrollment before this version.
 */
export const backgroundSyncPause: Migration = {
  version: 30,
  name: 'background sync paused by the user',
  up: (db) => {
    db.exec(`ALTER TABLE sync_state ADD COLUMN background_paused INTEGER NOT NULL DEFAULT 0 CHECK (background_paused IN (0, 1));`);
  },
};
