import type { Migration } from './migration';

/**
 * Conflicts kept: each outbox entry remembers which hub change of its row the laptop had seen when
 * the edit was made (NULL for entries written before this version: the hub then keeps its old
 * last-writer-wins without conflicts), and each pulled row carries the hub's open conflicts.
 */
export const syncConflicts: Migration = {
  version: 23,
  name: 'sync conflicts: the base of each local change and the conflicts of each pulled row',
  up: (db) => {
    db.exec(`
      ALTER TABLE outbox ADD COLUMN base_seq INTEGER CHECK (base_seq IS NULL OR base_seq >= 0);
      ALTER TABLE sync_remote_rows ADD COLUMN conflicts TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(conflicts) AND json_type(conflicts) = 'array');
      CREATE INDEX sync_remote_rows_conflicts ON sync_remote_rows (table_name, row_id) WHERE conflicts <> '[]';
    `);
  },
};
