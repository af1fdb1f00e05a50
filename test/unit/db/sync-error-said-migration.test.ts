import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersionOf } from '../../../electron/services/db/open-database';
import { lastErrorSaid, noteFailure, noteSuccess, readSyncState } from '../../../electron/services/sync/sync-state';
import { serviceFailure } from '../../../shared/i18n/service-failure';
import { tempDir } from '../../support/temp-dir';

describe('migration 32: the last sync failure kept by catalogue id', () => {
  it('keeps an English failure said before it (shown as it was), then keeps id and values beside the words', () => {
    const file = path.join(tempDir(), 'm32.sqlite');
    const old = openDatabase(file, { targetVersion: 31 });
    old.exec(
      "INSERT INTO sync_state (singleton, hub_url, hub_device_id, partner_id, partner_name, role, device_name, enrolled_at, last_error) VALUES (1, 'https://hub.example', 'd', 'p', 'Acme IT', 'engineer', 'laptop', 'now', 'The partner hub did not answer')",
    );
    old.close();
    const db = openDatabase(file, { targetVersion: 32 });
    expect(schemaVersionOf(db)).toBe(32);
    const before = readSyncState(db);
    expect(before?.last_error).toBe('The partner hub did not answer');
    expect(lastErrorSaid(before)).toBeNull();

    noteFailure(db, serviceFailure('unauthorized', 'error.sync.tokenMissing'));
    const failed = readSyncState(db);
    expect(failed?.last_error).toBe(serviceFailure('unauthorized', 'error.sync.tokenMissing').message);
    expect(lastErrorSaid(failed)).toEqual({ messageId: 'error.sync.tokenMissing', values: {} });
    expect(failed?.consecutive_failures).toBe(1);

    // Not JSON: refused by the column's check, so a reader never meets a broken value.
    expect(() => db.exec("UPDATE sync_state SET last_error_said = 'not json'")).toThrow(/CHECK/);
    // JSON of another shape (a later version's?): shown in English, not as a broken sentence.
    db.exec(`UPDATE sync_state SET last_error_said = '{"id":"x"}'`);
    expect(lastErrorSaid(readSyncState(db))).toBeNull();

    noteSuccess(db);
    expect(readSyncState(db)).toMatchObject({ last_error: null, last_error_said: null, consecutive_failures: 0 });
    db.close();
  });
});
