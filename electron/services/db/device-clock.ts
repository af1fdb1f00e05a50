import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { formatHlc, tickHlc, tryParseHlc } from '../../../shared/sync/hlc';

export const newId = (): string => uuidv7();

interface DeviceRow {
  device_id: string;
  last_hlc: string | null;
}

/** This installation's device id, created on first use. */
export const deviceId = (db: Database): string => {
  const row = db.prepare('SELECT device_id FROM device WHERE singleton = 1').get() as DeviceRow | undefined;
  if (row) return row.device_id;
  const id = newId();
  db.prepare('INSERT INTO device (singleton, device_id, created_at) VALUES (1, ?, ?)').run(id, new Date().toISOString());
  return id;
};

/**
 * The next HLC timestamp for a local write; call inside the write's transaction. A stored clock
 * that does not parse (written by an older version that let a hostile clock roll over to 14
 * digits) restarts from the wall clock, so writing never stops because of it.
 */
export const nextTimestamp = (db: Database, nowMs: number = Date.now()): string => {
  const id = deviceId(db);
  const row = db.prepare('SELECT last_hlc FROM device WHERE singleton = 1').get() as DeviceRow;
  const next = formatHlc(tickHlc(row.last_hlc ? tryParseHlc(row.last_hlc) : null, nowMs, id));
  db.prepare('UPDATE device SET last_hlc = ? WHERE singleton = 1').run(next);
  return next;
};
