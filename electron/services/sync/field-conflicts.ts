import type { Database } from 'better-sqlite3';
import { serviceFailure } from '../../../shared/i18n/service-failure';
import {
  fieldConflictSchema,
  type ConflictRecord,
  type FieldConflict,
  type ResolveConflictInput,
} from '../../../shared/sync/conflicts';
import { syncableTableSchema, type SyncableTable } from '../../../shared/sync/mutation';
import { writeRules } from '../../../shared/sync/write-rights';
import { formatMoney } from '../../../shared/reports/format';
import { writeSyncedRow } from '../db/synced-write';
import { readSyncState } from './sync-state';
import type { Log } from '../log/logger';

/** What a field is called on screen; others read as their column name in words. */
const fieldLabels: Readonly<Record<string, string>> = {
  terms: 'Terms',
  title: 'Title',
  discount_basis_points: 'Discount',
  status: 'Status',
  quantity: 'Quantity',
  unit_price_minor: 'Unit price',
  description: 'Description',
  name: 'Name',
  price_minor: 'Price',
};

const words = (name: string): string => {
  const text = name.replace(/_/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
};

/** A value as people read it: never `null`, `undefined` or an empty string shown as nothing. */
const displayOf = (field: string, value: unknown, currency: string): string => {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (field === 'discount_basis_points' && typeof value === 'number') return `${value / 100} %`;
  if (field.endsWith('_minor') && typeof value === 'number') return formatMoney(value, currency);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return JSON.stringify(value);
};

const wallClockIso = (hlc: string): string => {
  const ms = Number(hlc.slice(0, 13));
  return Number.isFinite(ms) ? new Date(ms).toISOString() : new Date(0).toISOString();
};

interface ConflictRow {
  table_name: string;
  row_id: string;
  fields: string;
  conflicts: string;
}

const parseConflicts = (text: string, log: Log): FieldConflict[] => {
  const parsed = fieldConflictSchema.array().safeParse(JSON.parse(text));
  if (parsed.success) return parsed.data;
  // The hub checks what it stores; a list this version cannot read is left for a newer one.
  log.warn({ issues: parsed.error.issues.length }, 'pulled conflicts not understood; not shown');
  return [];
};

const caseOf = (db: Database, table: string, rowId: string, fields: Record<string, unknown>): string | null => {
  if (table === 'cases') return rowId;
  if (typeof fields.case_id === 'string') return fields.case_id;
  if (table === 'proposal_lines' && typeof fields.proposal_id === 'string') {
    return (db.prepare('SELECT case_id FROM proposals WHERE id = ?').pluck().get(fields.proposal_id) as string | undefined) ?? null;
  }
  if (table === 'probe_results' && typeof fields.run_id === 'string') {
    return (db.prepare('SELECT case_id FROM probe_runs WHERE id = ?').pluck().get(fields.run_id) as string | undefined) ?? null;
  }
  return null;
};

const rowLabelOf = (table: string, fields: Record<string, unknown>): string => {
  const named = [fields.title, fields.name, fields.description].find((v) => typeof v === 'string' && v.trim() !== '') as string | undefined;
  const kind = words(table === 'proposal_lines' ? 'proposal line' : table === 'price_book_items' ? 'price book item' : table.replace(/s$/, ''));
  return named ? `${kind} “${named.slice(0, 120)}”` : kind;
};

/** May this laptop write the table at all (the hub decides again)? Admin rows need an admin, proposals a non-engineer. */
const mayWrite = (db: Database, table: SyncableTable): boolean => {
  const role = readSyncState(db)?.role ?? null;
  const rule = writeRules[table];
  if (rule.kind === 'admin') return role === 'admin';
  if (rule.kind === 'sales') return role !== 'engineer';
  return true;
};

/** Every open conflict this laptop has pulled, optionally only one case's, as screens show them. */
export const listConflicts = (db: Database, log: Log, caseId?: string): ConflictRecord[] => {
  const rows = db
    .prepare("SELECT table_name, row_id, fields, conflicts FROM sync_remote_rows WHERE conflicts <> '[]' AND refused_reason IS NULL ORDER BY change_seq")
    .all() as ConflictRow[];
  const out: ConflictRecord[] = [];
  for (const row of rows) {
    const table = syncableTableSchema.safeParse(row.table_name);
    if (!table.success) continue;
    const fields = JSON.parse(row.fields) as Record<string, unknown>;
    const owningCase = caseOf(db, row.table_name, row.row_id, fields);
    if (caseId !== undefined && owningCase !== caseId) continue;
    const currency = typeof fields.currency === 'string' ? fields.currency : 'EUR';
    for (const conflict of parseConflicts(row.conflicts, log)) {
      const winner = conflict.values.reduce((a, b) => (b.hlc > a.hlc ? b : a));
      out.push({
        table: row.table_name,
        rowId: row.row_id,
        field: conflict.field,
        fieldLabel: fieldLabels[conflict.field] ?? words(conflict.field),
        rowLabel: rowLabelOf(row.table_name, fields),
        caseId: owningCase,
        canResolve: mayWrite(db, table.data),
        choices: conflict.values.map((v) => ({
          display: displayOf(conflict.field, v.value, currency),
          deviceName: v.deviceName || 'another device',
          at: wallClockIso(v.hlc),
          hlc: v.hlc,
          current: v === winner,
        })),
      });
    }
  }
  return out;
};

/** Columns a resolution never writes: identity and bookkeeping. */
const notUserFields = new Set(['id', 'created_at', 'updated_at', 'origin_device', 'owner_device', 'owner_name']);

/**
 * The user picked one value: it is written like any edit (so it syncs, with a base that has seen
 * every competing value, which clears the conflict at the hub) and the conflict leaves this laptop's list.
 */
export const resolveConflict = (db: Database, log: Log, input: ResolveConflictInput): ConflictRecord[] =>
  db.transaction(() => {
    const table = syncableTableSchema.safeParse(input.table);
    if (!table.success) throw serviceFailure('validation', 'error.sync.conflictNoTable');
    const row = db.prepare('SELECT table_name, row_id, fields, conflicts FROM sync_remote_rows WHERE table_name = ? AND row_id = ?').get(input.table, input.rowId) as
      | ConflictRow
      | undefined;
    const conflicts = row ? parseConflicts(row.conflicts, log) : [];
    const conflict = conflicts.find((c) => c.field === input.field);
    if (!conflict) throw serviceFailure('not_found', 'error.sync.conflictClosed');
    const chosen = conflict.values.find((v) => v.hlc === input.hlc);
    if (!chosen) throw serviceFailure('validation', 'error.sync.conflictPickValue');
    if (!mayWrite(db, table.data)) throw serviceFailure('forbidden', 'error.sync.conflictNotYours');
    // The field name came from the hub: it must be a real column of our table before it reaches SQL.
    const columns = new Set((db.prepare('SELECT name FROM pragma_table_info(?)').all(table.data) as { name: string }[]).map((c) => c.name));
    if (!columns.has(conflict.field) || notUserFields.has(conflict.field)) throw serviceFailure('validation', 'error.sync.conflictFieldFixed');
    const value = chosen.value;
    const stored = value === true ? 1 : value === false ? 0 : value === undefined ? null : value;
    if (stored !== null && typeof stored !== 'string' && typeof stored !== 'number') throw serviceFailure('validation', 'error.sync.conflictValueUnfit');
    writeSyncedRow(db, table.data, input.rowId, { [conflict.field]: stored });
    const rest = conflicts.filter((c) => c !== conflict);
    db.prepare('UPDATE sync_remote_rows SET conflicts = ? WHERE table_name = ? AND row_id = ?').run(JSON.stringify(rest), input.table, input.rowId);
    const caseId = caseOf(db, input.table, input.rowId, JSON.parse((row as ConflictRow).fields) as Record<string, unknown>);
    return listConflicts(db, log, caseId ?? undefined);
  })();
