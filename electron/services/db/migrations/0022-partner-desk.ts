import type { Migration } from './migration';

const syncedColumns = `
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
        origin_device TEXT NOT NULL`;

/**
 * The account manager's desk. Cases pulled from the hub become real rows: the case keeps who owns
 * it (hub device id and name; NULL = this laptop) and pulled rows remember how far they were
 * written into the local tables. A case's lifecycle (completed by whom and when, reopened why,
 * handed over) is a synced event list; proposals (with their lines) and review comments are
 * synced records of their own.
 */
export const partnerDesk: Migration = {
  version: 22,
  name: 'partner cases as local cases: owner, lifecycle events, proposals, review comments',
  up: (db) => {
    db.exec(`
      ALTER TABLE cases ADD COLUMN owner_device TEXT;
      ALTER TABLE cases ADD COLUMN owner_name TEXT NOT NULL DEFAULT '';
      ALTER TABLE cases ADD COLUMN completed_at TEXT;
      ALTER TABLE cases ADD COLUMN completed_by TEXT NOT NULL DEFAULT '';
      CREATE INDEX cases_by_owner ON cases (owner_device);

      ALTER TABLE sync_remote_rows ADD COLUMN materialised_seq INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX sync_remote_rows_pending ON sync_remote_rows (table_name) WHERE change_seq > materialised_seq;

      CREATE TABLE case_events (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        kind TEXT NOT NULL CHECK (kind IN ('started', 'completed', 'reopened', 'reassigned', 'reassessed')),
        actor TEXT NOT NULL DEFAULT '',
        detail TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL,${syncedColumns}
      ) STRICT;
      CREATE INDEX case_events_by_case ON case_events (case_id, at);

      CREATE TABLE proposals (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        title TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent', 'accepted', 'declined')),
        currency TEXT NOT NULL DEFAULT 'EUR' CHECK (length(currency) = 3),
        discount_basis_points INTEGER NOT NULL DEFAULT 0 CHECK (discount_basis_points BETWEEN 0 AND 10000),
        terms TEXT NOT NULL DEFAULT '',
        author TEXT NOT NULL DEFAULT '',
        status_changed_at TEXT,${syncedColumns}
      ) STRICT;
      CREATE INDEX proposals_by_case ON proposals (case_id);

      CREATE TABLE proposal_lines (
        id TEXT PRIMARY KEY,
        proposal_id TEXT NOT NULL REFERENCES proposals (id),
        position INTEGER NOT NULL,
        sku TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL,
        unit TEXT NOT NULL DEFAULT 'each',
        quantity INTEGER NOT NULL CHECK (quantity >= 0),
        unit_price_minor INTEGER NOT NULL CHECK (unit_price_minor >= 0),
        recurring INTEGER NOT NULL DEFAULT 0 CHECK (recurring IN (0, 1)),
        reasons TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(reasons)),${syncedColumns}
      ) STRICT;
      CREATE INDEX proposal_lines_by_proposal ON proposal_lines (proposal_id, position);

      CREATE TABLE case_comments (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        finding_id TEXT,
        author TEXT NOT NULL,
        body TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),${syncedColumns}
      ) STRICT;
      CREATE INDEX case_comments_by_case ON case_comments (case_id, created_at);
    `);
  },
};
