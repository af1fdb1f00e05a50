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
      .prepare('SELECT seq, mutation_id, table_name, row_id, op, fields, hlc, base_seq FROM outbox WHERE sent_at IS NULL AND waiting_reason IS NULL ORDER BY seq LIMIT ?')
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

/** Every change not yet acknowledged, those waiting for a missing attachment included. */
export const pendingMutationCount = (db: Database): number =>
  (db.prepare('SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL').get() as { n: number }).n;

/** Why each waiting change cannot be sent yet (one sentence per change, oldest first). */
export const waitingReasons = (db: Database, limit = 20): string[] =>
  db.prepare('SELECT waiting_reason FROM outbox WHERE sent_at IS NULL AND waiting_reason IS NOT NULL ORDER BY seq LIMIT ?').pluck().all(limit) as string[];

export const waitingCount = (db: Database): number =>
  db.prepare('SELECT count(*) FROM outbox WHERE sent_at IS NULL AND waiting_reason IS NOT NULL').pluck().get() as number;

/** Holds one change back, saying why; the changes after it are sent without it. */
export const holdMutation = (db: Database, seq: number, reason: string): void => {
  db.prepare('UPDATE outbox SET waiting_reason = ? WHERE seq = ? AND sent_at IS NULL').run(reason.slice(0, 1000), seq);
};

export interface WaitingRow extends OutboxRow {
  created_at: string;
  waiting_reason: string;
}

/** The waiting changes, oldest first, for the sync to see whether what they need has arrived. */
export const waitingMutations = (db: Database): WaitingRow[] =>
  db
    .prepare(
      'SELECT seq, mutation_id, table_name, row_id, op, fields, hlc, base_seq, created_at, waiting_reason FROM outbox WHERE sent_at IS NULL AND waiting_reason IS NOT NULL ORDER BY seq',
    )
    .all() as WaitingRow[];

/**
 * A waiting change whose attachment is back goes to the end of the queue under a new number: the
 * hub has acknowledged later numbers already and would take the old one for a repeat. Same id,
 * fields, clock and base, so it is still applied exactly once.
 */
export const requeueMutation = (db: Database, seq: number): void => {
  db.transaction(() => {
    const row = db.prepare('SELECT mutation_id, table_name, row_id, op, fields, hlc, created_at, base_seq FROM outbox WHERE seq = ? AND sent_at IS NULL').get(seq) as
      | Omit<WaitingRow, 'seq' | 'waiting_reason'>
      | undefined;
    if (!row) return;
    db.prepare('DELETE FROM outbox WHERE seq = ?').run(seq);
    db.prepare(
      'INSERT INTO outbox (mutation_id, table_name, row_id, op, fields, hlc, created_at, base_seq) VALUES (@mutation_id, @table_name, @row_id, @op, @fields, @hlc, @created_at, @base_seq)',
    ).run(row);
  })();
};
