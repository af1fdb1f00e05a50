import type { Database } from 'better-sqlite3';
import type { SyncableTable } from '../../../shared/sync/mutation';
import { deviceId, nextTimestamp } from './device-clock';
import { appendMutation } from './outbox';

type Value = string | number | null;

/**
 * Inserts or updates one syncable row and appends its mutation to the outbox, in the caller's
 * transaction. Column names come from our code, never from input.
 */
export const writeSyncedRow = (
  db: Database,
  table: SyncableTable,
  id: string,
  fields: Record<string, Value>,
): string => {
  const hlc = nextTimestamp(db);
  const origin = deviceId(db);
  const exists = db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
  const names = Object.keys(fields);
  if (exists) {
    const assignments = [...names.map((n) => `${n} = @${n}`), 'updated_at = @updated_at', 'origin_device = @origin_device'];
    db.prepare(`UPDATE ${table} SET ${assignments.join(', ')} WHERE id = @id`).run({
      ...fields,
      id,
      updated_at: hlc,
      origin_device: origin,
    });
  } else {
    const columns = ['id', ...names, 'created_at', 'updated_at', 'origin_device'];
    db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run({
      ...fields,
      id,
      created_at: new Date().toISOString(),
      updated_at: hlc,
      origin_device: origin,
    });
  }
  appendMutation(db, table, id, fields, hlc);
  return hlc;
};

/** Soft delete: the tombstone travels to the hub like any other change. */
export const tombstoneSyncedRow = (db: Database, table: SyncableTable, id: string): void => {
  const hlc = nextTimestamp(db);
  db.prepare(`UPDATE ${table} SET deleted = 1, updated_at = ?, origin_device = ? WHERE id = ?`).run(hlc, deviceId(db), id);
  appendMutation(db, table, id, { deleted: 1 }, hlc, 'delete');
};
