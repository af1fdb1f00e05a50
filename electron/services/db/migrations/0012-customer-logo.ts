import type { Migration } from './migration';

/** The customer's own logo, for the report cover beside their name (checked like partner logos). */
export const customerLogo: Migration = {
  version: 12,
  name: 'customer logo',
  up: (db) => {
    db.exec(`
      ALTER TABLE customers ADD COLUMN logo_mime TEXT NOT NULL DEFAULT ''
        CHECK (logo_mime IN ('', 'image/png', 'image/svg+xml'));
      ALTER TABLE customers ADD COLUMN logo_base64 TEXT NOT NULL DEFAULT '' CHECK (length(logo_base64) <= 1398112);
    `);
  },
};
