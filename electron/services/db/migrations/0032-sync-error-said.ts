import type { Migration } from './migration';

/**
 * The last sync failure is kept by catalogue id and values beside its English words, so Settings
 * can say it in the app's language. NULL: said before this version (the English stays), or none.
 */
export const syncErrorSaid: Migration = {
  version: 32,
  name: 'last sync failure by catalogue id',
  up: (db) => {
    db.exec(`ALTER TABLE sync_state ADD COLUMN last_error_said TEXT CHECK (last_error_said IS NULL OR json_valid(last_error_said));`);
  },
};
