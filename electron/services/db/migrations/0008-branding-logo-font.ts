import type { Migration } from './migration';

/** Branding profiles get a logo (checked and sanitised before it is stored) and a report font. */
export const brandingLogoFont: Migration = {
  version: 8,
  name: 'branding profiles: logo and font',
  up: (db) => {
    db.exec(`
      ALTER TABLE branding_profiles ADD COLUMN logo_mime TEXT NOT NULL DEFAULT ''
        CHECK (logo_mime IN ('', 'image/png', 'image/svg+xml'));
      -- Base64 of at most 1 MB of image: the size is checked before writing, and here as a backstop.
      ALTER TABLE branding_profiles ADD COLUMN logo_base64 TEXT NOT NULL DEFAULT '' CHECK (length(logo_base64) <= 1398112);
      ALTER TABLE branding_profiles ADD COLUMN font TEXT NOT NULL DEFAULT 'DejaVu Sans';
    `);
  },
};
