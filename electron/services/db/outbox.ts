import type { Database } from 'better-sqlite3';
import type { Mutation, SyncableTable } from '../../../shared/sync/mutation';
import { deviceId, newId } from './device-clock';

/** Records a row change for the hub; must run inside the transaction that changed the row. */
export const appendMutation = (
  db: Database,
  table: SyncableTable,
  rowId: string,
  fields: Record<string, unknown>,
  hlc: string,
  op: Mutation['op'] = 'upsert',
): void => {
  if (!db.inTransaction) throw new Error('appendMutation must run inside the write transaction');
  // The hub version of this row the edit was made over: it tells the hub whether we had seen
  // another device's value (an overwrite) or not (a conflict, kept with both values).
  const base = db.prepare('SELECT change_seq FROM sync_remote_rows WHERE table_name = ? AND row_id = ?').pluck().get(table, rowId) as number | undefined;
  db.prepare(
    'INSERT INTO outbox (mutation_id, table_name, row_id, op, fields, hlc, created_at, base_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(newId(), table, rowId, op, JSON.stringify(fields), hlc, new Date().toISOString(), base ?? 0);
};

interface OutboxRow {
  seq: number;
  mutation_id: string;
  table_name: SyncableTable;
  row_id: string;
  op: Mutation['op'];
  fields: string;
  hlc: string;
  base_seq: number | null;
}

export const pendingMutations = (db: Database, limit = 500): Array<Mutation & { seq: number }> => {
  const origin = deviceId(db);
  return (
    db
      .prepare('SELECT seq, mutation_id, table_name, row_id, op, fields, hlc, base_seq FROM outbox WHERE sent_at IS NULL ORDER BY seq LIMIT ?')
      .all(limit) as OutboxRow[]
  ).map((row) => ({
    seq: row.seq,
    mutationId: row.mutation_id,
    table: row.table_name,
    rowId: row.row_id,
    op: row.op,
    fields: JSON.parse(row.fields) as Record<string, unknown>,
    hlc: row.hlc,
    originDevice: origin,
    ...(row.base_seq === null ? {} : { baseSeq: row.base_seq }),
  }));
};

export const pendingMutationCount = (db: Database): number =>
  (db.prepare('SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL').get() as { n: number }).n;
