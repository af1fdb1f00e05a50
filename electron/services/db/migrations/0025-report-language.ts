import type { Migration } from './migration';

/**
 * Reports in the customer's language: each case's report language (next to its other report
 * settings) and the language every export was written in, so the history says so and a
 * reproduction renders it in that language. Everything before is English.
 */
export const reportLanguage: Migration = {
  version: 25,
  name: 'report language per case and per export',
  up: (db) => {
    db.exec(`
      ALTER TABLE proposal_settings ADD COLUMN report_language TEXT NOT NULL DEFAULT 'en' CHECK (report_language IN ('en', 'fr-CA'));
      ALTER TABLE report_exports ADD COLUMN language TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'fr-CA'));
    `);
  },
};
