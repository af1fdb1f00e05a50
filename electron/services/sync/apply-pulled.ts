import type { Database } from 'better-sqlite3';
import { checkRemoteHlc, compareHlc, defaultMaxClockSkewMs, formatHlc, receiveHlc, tryParseHlc, type Hlc } from '../../../shared/sync/hlc';
import { isReferenceTable, type RemoteRow } from '../../../shared/sync/protocol';
import { deviceId } from '../db/device-clock';
import { installBank } from '../interview/bank-store';
import type { Log } from '../log/logger';
import { materialisePulled } from './materialise';

type Value = string | number | null;

const columnsOf = (db: Database, table: string): Set<string> =>
  new Set((db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name));

const toValue = (value: unknown): Value => {
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return JSON.stringify(value);
};

/** What the device's own physical clock says, and how far ahead a pulled clock may be. */
export interface PullClock {
  readonly nowMs: number;
  readonly maxSkewMs: number;
}

/**
 * Our clock moves past every timestamp seen, so the next local edit wins over what just arrived.
 * Called once per page with the page's highest clock: moving past the highest moves past them all.
 */
const observeRemoteClock = (db: Database, remote: Hlc, nowMs: number): void => {
  const row = db.prepare('SELECT last_hlc FROM device WHERE singleton = 1').get() as { last_hlc: string | null } | undefined;
  const next = receiveHlc(row?.last_hlc ? tryParseHlc(row.last_hlc) : null, remote, nowMs, deviceId(db));
  db.prepare('UPDATE device SET last_hlc = ? WHERE singleton = 1').run(formatHlc(next));
};

/**
 * Shared reference data (branding, price book, question bank) from the hub replaces the local
 * row when the hub's is newer. Only columns the local table has are written, so a newer hub's
 * extra fields are kept in sync_remote_rows but never break the local schema.
 */
const applyReferenceRow = (db: Database, row: RemoteRow, log: Log): void => {
  const columns = columnsOf(db, row.table);
  if (columns.size === 0) return;
  const local = db.prepare(`SELECT updated_at FROM ${row.table} WHERE id = ?`).get(row.rowId) as { updated_at: string } | undefined;
  // Equal clocks: our own last write, merged at the hub with other devices' fields: take it whole.
  if (local && local.updated_at > row.hlc) return;
  const values: Record<string, Value> = {};
  for (const [name, value] of Object.entries(row.fields)) {
    if (columns.has(name) && !['id', 'updated_at', 'origin_device', 'created_at'].includes(name)) values[name] = toValue(value);
  }
  values.deleted = row.deleted ? 1 : 0;
  values.updated_at = row.hlc;
  values.origin_device = row.originDevice;
  const names = Object.keys(values).filter((n) => columns.has(n));
  const savepoint = db.prepare('SAVEPOINT apply_reference');
  savepoint.run();
  try {
    if (local) {
      db.prepare(`UPDATE ${row.table} SET ${names.map((n) => `${n} = @${n}`).join(', ')} WHERE id = @id`).run({ ...values, id: row.rowId });
    } else {
      const all = ['id', 'created_at', ...names];
      db.prepare(`INSERT INTO ${row.table} (${all.join(', ')}) VALUES (${all.map((n) => `@${n}`).join(', ')})`).run({
        ...values,
        id: row.rowId,
        created_at: typeof row.fields.created_at === 'string' ? row.fields.created_at : new Date().toISOString(),
      });
    }
    db.prepare('RELEASE apply_reference').run();
  } catch (error) {
    // The row stays in sync_remote_rows; a later pull with the missing fields completes it.
    log.warn({ err: error, table: row.table, rowId: row.rowId, changeSeq: row.changeSeq }, 'pulled reference row not applied; kept for a later pull');
    db.prepare('ROLLBACK TO apply_reference').run();
    db.prepare('RELEASE apply_reference').run();
  }
};

/**
 * A question bank version published on the hub is installed like any other bank: validated by the
 * same parser, never replacing a different bank under the same version, activated if the hub says so.
 * A bank this version of Groundwork cannot read stays in sync_remote_rows, as other unfit rows do.
 */
const installPulledBank = (db: Database, row: RemoteRow, log: Log): void => {
  if (row.deleted || typeof row.fields.content !== 'string') return;
  const savepoint = db.prepare('SAVEPOINT install_bank');
  savepoint.run();
  try {
    installBank(db, JSON.parse(row.fields.content), { source: 'hub', activate: row.fields.active === 1 || row.fields.active === true });
    db.prepare('RELEASE install_bank').run();
  } catch (error) {
    // The bank stays in sync_remote_rows; the device goes on with the banks it has.
    log.warn({ err: error, rowId: row.rowId, changeSeq: row.changeSeq }, 'pulled question bank not installed');
    db.prepare('ROLLBACK TO install_bank').run();
    db.prepare('RELEASE install_bank').run();
  }
};

/**
 * Keeps one pulled page; call inside the transaction that also moves the cursor. A row whose clock
 * is unreadable or beyond the skew bound is kept with the reason (`refused_reason`) but neither
 * applied nor allowed to move our clock: one hostile timestamp must not win every conflict here
 * or stamp our next cases in the future.
 */
export const applyPulledRows = (
  db: Database,
  rows: readonly RemoteRow[],
  log: Log,
  clock: PullClock = { nowMs: Date.now(), maxSkewMs: defaultMaxClockSkewMs },
): void => {
  const keep = db.prepare(
    `INSERT INTO sync_remote_rows (table_name, row_id, fields, hlc, deleted, owner_device, owner_device_name, origin_device, change_seq, received_at, refused_reason, conflicts)
     VALUES (@table, @rowId, @fields, @hlc, @deleted, @ownerDevice, @ownerDeviceName, @originDevice, @changeSeq, @receivedAt, @refusedReason, @conflicts)
     ON CONFLICT (table_name, row_id) DO UPDATE SET fields = excluded.fields, hlc = excluded.hlc, deleted = excluded.deleted,
       owner_device = excluded.owner_device, owner_device_name = excluded.owner_device_name, origin_device = excluded.origin_device, change_seq = excluded.change_seq,
       received_at = excluded.received_at, refused_reason = excluded.refused_reason, conflicts = excluded.conflicts
     WHERE excluded.change_seq > sync_remote_rows.change_seq`,
  );
  const receivedAt = new Date().toISOString();
  let highest: { text: string; hlc: Hlc } | null = null;
  for (const row of rows) {
    const checked = checkRemoteHlc(row.hlc, clock.nowMs, clock.maxSkewMs);
    keep.run({
      table: row.table,
      rowId: row.rowId,
      fields: JSON.stringify(row.fields),
      hlc: row.hlc,
      deleted: row.deleted ? 1 : 0,
      ownerDevice: row.ownerDevice,
      ownerDeviceName: row.ownerDeviceName,
      originDevice: row.originDevice,
      changeSeq: row.changeSeq,
      receivedAt,
      refusedReason: checked.ok ? null : `Not taken: ${checked.reason}.`,
      conflicts: JSON.stringify(row.conflicts ?? []),
    });
    if (!checked.ok) continue;
    if (!highest || compareHlc(row.hlc, highest.text) > 0) highest = { text: row.hlc, hlc: checked.hlc };
    // isReferenceTable also keeps the table name to our own fixed list before it reaches SQL.
    if (row.table === 'question_bank_versions') installPulledBank(db, row, log);
    else if (isReferenceTable(row.table)) applyReferenceRow(db, row, log);
  }
  if (highest) observeRemoteClock(db, highest.hlc, clock.nowMs);
  materialisePulled(db);
};
