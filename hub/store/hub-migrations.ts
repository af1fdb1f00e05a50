import type { SqlDialect } from './sql-driver';

/** One step of the hub's schema, written for each dialect. Append only. */
export interface HubMigration {
  readonly version: number;
  readonly name: string;
  readonly sql: Record<SqlDialect, string>;
}

const v1Sqlite = `
  CREATE TABLE partners (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    last_change INTEGER NOT NULL DEFAULT 0
  ) STRICT;
  CREATE TABLE enroll_codes (
    code_hash TEXT PRIMARY KEY,
    partner_id TEXT NOT NULL REFERENCES partners (id),
    role TEXT NOT NULL CHECK (role IN ('engineer', 'account-manager', 'admin')),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    used_by_device TEXT
  ) STRICT;
  CREATE TABLE devices (
    id TEXT PRIMARY KEY,
    partner_id TEXT NOT NULL REFERENCES partners (id),
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('engineer', 'account-manager', 'admin')),
    local_device_id TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    token_expires_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_seen_at TEXT,
    revoked_at TEXT,
    last_seq INTEGER NOT NULL DEFAULT 0
  ) STRICT;
  CREATE TABLE records (
    partner_id TEXT NOT NULL REFERENCES partners (id),
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    fields TEXT NOT NULL,
    field_hlcs TEXT NOT NULL,
    hlc TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    owner_device TEXT NOT NULL,
    origin_device TEXT NOT NULL,
    change_seq INTEGER NOT NULL,
    PRIMARY KEY (partner_id, table_name, row_id)
  ) STRICT;
  CREATE INDEX records_by_change ON records (partner_id, change_seq);
  CREATE TABLE mutations (
    partner_id TEXT NOT NULL REFERENCES partners (id),
    device_id TEXT NOT NULL REFERENCES devices (id),
    seq INTEGER NOT NULL,
    mutation_id TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    op TEXT NOT NULL,
    fields TEXT NOT NULL,
    hlc TEXT NOT NULL,
    outcome TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (device_id, seq),
    UNIQUE (partner_id, mutation_id)
  ) STRICT;
  CREATE TABLE blobs (
    partner_id TEXT NOT NULL REFERENCES partners (id),
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    data BLOB NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (partner_id, sha256)
  ) STRICT;`;

const v1Postgres = `
  CREATE TABLE partners (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    last_change BIGINT NOT NULL DEFAULT 0
  );
  CREATE TABLE enroll_codes (
    code_hash TEXT PRIMARY KEY,
    partner_id TEXT NOT NULL REFERENCES partners (id),
    role TEXT NOT NULL CHECK (role IN ('engineer', 'account-manager', 'admin')),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    used_by_device TEXT
  );
  CREATE TABLE devices (
    id TEXT PRIMARY KEY,
    partner_id TEXT NOT NULL REFERENCES partners (id),
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('engineer', 'account-manager', 'admin')),
    local_device_id TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    token_expires_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_seen_at TEXT,
    revoked_at TEXT,
    last_seq BIGINT NOT NULL DEFAULT 0
  );
  CREATE TABLE records (
    partner_id TEXT NOT NULL REFERENCES partners (id),
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    fields TEXT NOT NULL,
    field_hlcs TEXT NOT NULL,
    hlc TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    owner_device TEXT NOT NULL,
    origin_device TEXT NOT NULL,
    change_seq BIGINT NOT NULL,
    PRIMARY KEY (partner_id, table_name, row_id)
  );
  CREATE INDEX records_by_change ON records (partner_id, change_seq);
  CREATE TABLE mutations (
    partner_id TEXT NOT NULL REFERENCES partners (id),
    device_id TEXT NOT NULL REFERENCES devices (id),
    seq BIGINT NOT NULL,
    mutation_id TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    op TEXT NOT NULL,
    fields TEXT NOT NULL,
    hlc TEXT NOT NULL,
    outcome TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (device_id, seq),
    UNIQUE (partner_id, mutation_id)
  );
  CREATE TABLE blobs (
    partner_id TEXT NOT NULL REFERENCES partners (id),
    sha256 TEXT NOT NULL,
    size BIGINT NOT NULL,
    data BYTEA NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (partner_id, sha256)
  );`;

/** Engineers pull only their own device's rows: index that filter. */
const v2 = `CREATE INDEX records_by_owner ON records (partner_id, owner_device, change_seq);`;

/** The desktop app's latest release per partner and platform, for the update feed (/v1/updates/). */
const v3 = `CREATE TABLE app_releases (
    partner_id TEXT NOT NULL REFERENCES partners (id),
    platform TEXT NOT NULL,
    version TEXT NOT NULL,
    file_name TEXT NOT NULL,
    url TEXT,
    sha512 TEXT NOT NULL,
    size BIGINT NOT NULL,
    release_notes TEXT NOT NULL DEFAULT '',
    released_at TEXT NOT NULL,
    PRIMARY KEY (partner_id, platform)
  );`;
/**
 * Which case a row belongs to (the case itself for `cases`), and for a case the customer and site
 * it names: an engineer pulls every row of the cases its device owns (proposals and comments by
 * others included), and a handover moves them all.
 */
// previous_owner: after a handover the old laptop still pulls the case once more, to learn it is no longer its own.
const v4 = `
  ALTER TABLE records ADD COLUMN case_id TEXT;
  ALTER TABLE records ADD COLUMN customer_ref TEXT;
  ALTER TABLE records ADD COLUMN site_ref TEXT;
  ALTER TABLE records ADD COLUMN previous_owner TEXT;
  CREATE INDEX records_by_case ON records (partner_id, case_id);
  CREATE INDEX records_cases_by_owner ON records (partner_id, table_name, owner_device);`;

/**
 * Conflicts kept: per field, which change set it and from which device (field_changes), and the
 * fields two devices changed without seeing each other's value, with every competing value (conflicts).
 */
const v5 = `
  ALTER TABLE records ADD COLUMN field_changes TEXT NOT NULL DEFAULT '{}';
  ALTER TABLE records ADD COLUMN conflicts TEXT NOT NULL DEFAULT '[]';`;

/**
 * Who sent each blob: a device may read back (and so skip re-sending) what it uploaded before any
 * row names it; everyone else reads a blob only through a row they may read.
 */
const v6 = `
  CREATE TABLE blob_uploaders (
    partner_id TEXT NOT NULL REFERENCES partners (id),
    sha256 TEXT NOT NULL,
    device_id TEXT NOT NULL REFERENCES devices (id),
    uploaded_at TEXT NOT NULL,
    PRIMARY KEY (partner_id, sha256, device_id)
  );`;

/**
 * Pre-visit questionnaire links: one per stakeholder, found by the hash of its one-time token (the
 * token itself is only ever in the link). `form` is the checked form the page is built from;
 * `answers` the customer's submitted payload text, cleared once the publishing laptop has collected it.
 */
const v7 = `
  CREATE TABLE questionnaire_links (
    id TEXT PRIMARY KEY,
    partner_id TEXT NOT NULL REFERENCES partners (id),
    device_id TEXT NOT NULL REFERENCES devices (id),
    token_hash TEXT NOT NULL UNIQUE,
    questionnaire_id TEXT NOT NULL,
    case_id TEXT NOT NULL,
    stakeholder TEXT NOT NULL,
    form TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked_at TEXT,
    submitted_at TEXT,
    answers TEXT,
    collected_at TEXT
  );
  CREATE INDEX questionnaire_links_by_device ON questionnaire_links (partner_id, device_id, submitted_at);`;

/**
 * The device that already holds a row as it now is: its own push made the latest change, with
 * nothing in it that device had not seen. Its pulls skip the row (no echo of its own changes);
 * any later change by another device, the hub or a conflict clears it. Existing rows: NULL (pulled as before).
 */
const v8 = `ALTER TABLE records ADD COLUMN echo_device TEXT;`;

export const hubMigrations: readonly HubMigration[] = [
  { version: 1, name: 'partners, enroll codes, devices, records, mutation log, blobs', sql: { sqlite: v1Sqlite, postgres: v1Postgres } },
  { version: 2, name: 'index records by owner device', sql: { sqlite: v2, postgres: v2 } },
  { version: 3, name: 'app releases for the update feed', sql: { sqlite: v3, postgres: v3 } },
  { version: 4, name: 'records know their case; cases their customer and site', sql: { sqlite: v4, postgres: v4 } },
  { version: 5, name: 'records keep who set each field and the conflicts between devices', sql: { sqlite: v5, postgres: v5 } },
  { version: 6, name: 'who uploaded each blob', sql: { sqlite: v6, postgres: v6 } },
  { version: 7, name: 'pre-visit questionnaire links with one-time tokens', sql: { sqlite: v7, postgres: v7 } },
  { version: 8, name: "records know which device already holds their latest change (its pulls skip it)", sql: { sqlite: v8, postgres: v8 } },
];

export const latestHubSchemaVersion = hubMigrations.reduce((max, m) => Math.max(max, m.version), 0);

/**
 * Hub migrations are numbered 1, 2, 3 … like the device's: a gap or a repeat (two branches taking
 * the same number) would let a hub record a version without having run every migration below it.
 */
export const checkHubMigrationList = (list: readonly HubMigration[]): void => {
  list.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Hub migration "${migration.name}" is numbered ${migration.version}; the next number is ${index + 1}`);
    }
  });
};
