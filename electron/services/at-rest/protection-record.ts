import type { Database } from 'better-sqlite3';
import type { KeyProtection } from './key-sources';

interface ProtectionRow {
  method: KeyProtection['method'];
  warning: string | null;
  recorded_at: string;
}

export const readKeyProtection = (db: Database): (KeyProtection & { recordedAt: string }) | null => {
  const row = db.prepare('SELECT method, warning, recorded_at FROM key_protection WHERE singleton = 1').get() as ProtectionRow | undefined;
  return row ? { method: row.method, warning: row.warning, recordedAt: row.recorded_at } : null;
};

/** Kept in the database, so the protection in force (and any warning) is on record, not only on screen. */
/** Returns true when this protection is new for the database (first open, or a changed method or warning). */
export const recordKeyProtection = (db: Database, protection: KeyProtection): boolean => {
  const current = readKeyProtection(db);
  if (current && current.method === protection.method && current.warning === protection.warning) return false;
  db.prepare(
    `INSERT INTO key_protection (singleton, method, warning, recorded_at) VALUES (1, ?, ?, ?)
     ON CONFLICT (singleton) DO UPDATE SET method = excluded.method, warning = excluded.warning, recorded_at = excluded.recorded_at`,
  ).run(protection.method, protection.warning, new Date().toISOString());
  return true;
};
