import type { Database } from 'better-sqlite3';
import type { SyncableTable } from '../../../shared/sync/mutation';
import { guardCaseWrite } from './case-write-guard';
import { deviceId, newId, nextTimestamp } from './device-clock';
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
  const owningCase = guardCaseWrite(db, table, id, fields);
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
  if (owningCase?.status === 'draft' && startsWork(table, fields)) markStarted(db, owningCase.id);
  return hlc;
};

/** The first answer or probe run moves a draft case to in progress; carried-over answers do not. */
const startsWork = (table: SyncableTable, fields: Record<string, Value>): boolean =>
  (table === 'answers' && (fields.carried_from_case === undefined || fields.carried_from_case === null) && fields.deleted !== 1) || table === 'probe_runs';

const markStarted = (db: Database, caseId: string): void => {
  writeSyncedRow(db, 'cases', caseId, { status: 'in_progress' });
  writeSyncedRow(db, 'case_events', newId(), { case_id: caseId, kind: 'started', actor: '', detail: '', at: new Date().toISOString() });
};

/** Soft delete: the tombstone travels to the hub like any other change. */
export const tombstoneSyncedRow = (db: Database, table: SyncableTable, id: string): void => {
  guardCaseWrite(db, table, id, {});
  const hlc = nextTimestamp(db);
  db.prepare(`UPDATE ${table} SET deleted = 1, updated_at = ?, origin_device = ? WHERE id = ?`).run(hlc, deviceId(db), id);
  appendMutation(db, table, id, { deleted: 1 }, hlc, 'delete');
};
