import type { Migration } from './migration';

/**
 * Device identity, branding profiles, customers, sites, contacts, cases and the sync outbox.
 * Syncable rows carry a UUIDv7 id, an HLC `updated_at`, a tombstone and their origin device.
 */
export const coreTables: Migration = {
  version: 1,
  name: 'core tables: device, branding, customers, sites, contacts, cases, outbox',
  up: (db) => {
    db.exec(`
      CREATE TABLE device (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        device_id TEXT NOT NULL,
        last_hlc TEXT,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE branding_profiles (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        partner_name TEXT NOT NULL,
        primary_color TEXT NOT NULL DEFAULT '#1f4e79',
        accent_color TEXT NOT NULL DEFAULT '#2e7d32',
        contact TEXT NOT NULL DEFAULT '',
        footer TEXT NOT NULL DEFAULT '',
        disclaimer TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
        origin_device TEXT NOT NULL
      ) STRICT;

      CREATE TABLE customers (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
        origin_device TEXT NOT NULL
      ) STRICT;
      CREATE INDEX customers_by_name ON customers (name);

      CREATE TABLE sites (
        id TEXT PRIMARY KEY,
        customer_id TEXT NOT NULL REFERENCES customers (id),
        name TEXT NOT NULL,
        address TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
        origin_device TEXT NOT NULL
      ) STRICT;
      CREATE INDEX sites_by_customer ON sites (customer_id);

      CREATE TABLE cases (
        id TEXT PRIMARY KEY,
        customer_id TEXT NOT NULL REFERENCES customers (id),
        site_id TEXT REFERENCES sites (id),
        branding_profile_id TEXT REFERENCES branding_profiles (id),
        title TEXT NOT NULL DEFAULT '',
        engineer TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_progress', 'complete')),
        archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
        origin_device TEXT NOT NULL
      ) STRICT;
      CREATE INDEX cases_by_customer ON cases (customer_id);
      CREATE INDEX cases_by_created ON cases (created_at DESC);

      CREATE TABLE contacts (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        role TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
        origin_device TEXT NOT NULL
      ) STRICT;
      CREATE INDEX contacts_by_case ON contacts (case_id, position);

      -- Transactional outbox: written in the same transaction as the row it describes.
      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        mutation_id TEXT NOT NULL UNIQUE,
        table_name TEXT NOT NULL,
        row_id TEXT NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
        fields TEXT NOT NULL CHECK (json_valid(fields)),
        hlc TEXT NOT NULL,
        created_at TEXT NOT NULL,
        sent_at TEXT
      ) STRICT;
      CREATE INDEX outbox_unsent ON outbox (seq) WHERE sent_at IS NULL;
    `);
  },
};
