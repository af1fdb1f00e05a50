import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersionOf } from '../../../electron/services/db/open-database';
import { readSyncState, saveBackgroundPaused } from '../../../electron/services/sync/sync-state';
import { tempDir } from '../../support/temp-dir';

describe('migration 30: background sync paused by the user', () => {
  it('keeps an enrollment made before it running, and holds a pause as 0 or 1 only', () => {
    const file = path.join(tempDir(), 'm30.sqlite');
    const old = openDatabase(file, { targetVersion: 29 });
    old.exec(
      "INSERT INTO sync_state (singleton, hub_url, hub_device_id, partner_id, partner_name, role, device_name, enrolled_at) VALUES (1, 'https://hub.example', 'd', 'p', 'Acme IT', 'engineer', 'laptop', 'now')",
    );
    old.close();
    const db = openDatabase(file, { targetVersion: 30 });
    expect(schemaVersionOf(db)).toBe(30);
    expect(readSyncState(db)?.background_paused).toBe(0);
    expect(saveBackgroundPaused(db, true)).toBe(true);
    expect(readSyncState(db)?.background_paused).toBe(1);
    expect(() => db.exec('UPDATE sync_state SET background_paused = 2')).toThrow(/CHECK/);
    db.exec('DELETE FROM sync_state');
    // Not enrolled: nothing to keep the choice with.
    expect(saveBackgroundPaused(db, false)).toBe(false);
    db.close();
  });
});
