import type { Database } from 'better-sqlite3';
import type { HubRole } from '../../../shared/sync/protocol';
import { failureTextSchema, type ApiFailure, type FailureText } from '../../../shared/contract/result';

export interface SyncStateRow {
  hub_url: string;
  hub_device_id: string;
  partner_id: string;
  partner_name: string;
  role: HubRole;
  device_name: string;
  enrolled_at: string;
  pull_cursor: number;
  last_sync_at: string | null;
  last_attempt_at: string | null;
  last_error: string | null;
  /** last_error by catalogue id and values (JSON); null when said before migration 32. Read only beside a last_error. */
  last_error_said: string | null;
  consecutive_failures: number;
  /** The hub's clock minus ours at the last answer; null before one. */
  hub_clock_offset_ms: number | null;
  /** 1 while the user has paused the app's background sync ("Sync now" still works). */
  background_paused: 0 | 1;
}

export const readSyncState = (db: Database): SyncStateRow | undefined =>
  db.prepare('SELECT * FROM sync_state WHERE singleton = 1').get() as SyncStateRow | undefined;

/** A new enrollment starts pulling from the beginning; changes already sent stay sent. */
export const saveEnrollment = (
  db: Database,
  e: { hubUrl: string; hubDeviceId: string; partnerId: string; partnerName: string; role: HubRole; deviceName: string },
): void => {
  db.prepare(
    `INSERT INTO sync_state (singleton, hub_url, hub_device_id, partner_id, partner_name, role, device_name, enrolled_at)
     VALUES (1, @hubUrl, @hubDeviceId, @partnerId, @partnerName, @role, @deviceName, @now)
     ON CONFLICT (singleton) DO UPDATE SET hub_url = excluded.hub_url, hub_device_id = excluded.hub_device_id,
       partner_id = excluded.partner_id, partner_name = excluded.partner_name, role = excluded.role,
       device_name = excluded.device_name, enrolled_at = excluded.enrolled_at, pull_cursor = 0,
       last_sync_at = NULL, last_error = NULL, consecutive_failures = 0`,
  ).run({ ...e, now: new Date().toISOString() });
};

/** Keeps the user's pause (or resume) of background sync with the enrollment; false when not enrolled. */
export const saveBackgroundPaused = (db: Database, paused: boolean): boolean =>
  db.prepare('UPDATE sync_state SET background_paused = ? WHERE singleton = 1').run(paused ? 1 : 0).changes === 1;

export const noteAttempt = (db: Database): void => {
  db.prepare('UPDATE sync_state SET last_attempt_at = ? WHERE singleton = 1').run(new Date().toISOString());
};

export const noteSuccess = (db: Database): void => {
  db.prepare('UPDATE sync_state SET last_sync_at = ?, last_error = NULL, last_error_said = NULL, consecutive_failures = 0 WHERE singleton = 1').run(
    new Date().toISOString(),
  );
};

export const noteFailure = (db: Database, failure: ApiFailure): void => {
  db.prepare('UPDATE sync_state SET last_error = ?, last_error_said = ?, consecutive_failures = consecutive_failures + 1 WHERE singleton = 1').run(
    failure.message,
    failure.text ? JSON.stringify(failure.text) : null,
  );
};

/** A problem after a sync that went through (refused changes, a missing attachment): not a failure, so no count. */
export const noteProblem = (db: Database, message: string, said: FailureText | null): void => {
  db.prepare('UPDATE sync_state SET last_error = ?, last_error_said = ? WHERE singleton = 1').run(message, said ? JSON.stringify(said) : null);
};

/** The stored sentence's id and values; null if absent or not what this version writes (it is shown in English then). */
export const lastErrorSaid = (row: SyncStateRow | undefined): FailureText | null => {
  if (!row?.last_error_said) return null;
  const parsed = failureTextSchema.safeParse(JSON.parse(row.last_error_said));
  return parsed.success ? parsed.data : null;
};

export const refusedCount = (db: Database): number => (db.prepare('SELECT count(*) AS n FROM sync_refused').get() as { n: number }).n;
