import type { Migration } from './migration';

/**
 * The app's language: the engineer's, kept with this installation (not synced: a colleague's laptop
 * keeps its own), separate from each case's report language. Everything before is English.
 */
export const appLanguage: Migration = {
  version: 27,
  name: "the app's language on this device",
  up: (db) => {
    db.exec(`ALTER TABLE device ADD COLUMN app_language TEXT NOT NULL DEFAULT 'en' CHECK (app_language IN ('en', 'fr-CA', 'en-XA'));`);
  },
};
