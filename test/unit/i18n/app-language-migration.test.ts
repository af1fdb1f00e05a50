import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersionOf } from '../../../electron/services/db/open-database';
import { tempDir } from '../../support/temp-dir';

describe("migration 27: the app's language on the device", () => {
  it('keeps the device row, starts in English, takes the app locales and refuses others', () => {
    const file = path.join(tempDir(), 'm27.sqlite');
    const before = openDatabase(file, { targetVersion: 26 });
    before.prepare("INSERT INTO device (singleton, device_id, created_at) VALUES (1, 'dev-1', 'x')").run();
    before.close();
    const db = openDatabase(file, { targetVersion: 27 });
    expect(schemaVersionOf(db)).toBe(27);
    expect(db.prepare('SELECT device_id, app_language FROM device').get()).toEqual({ device_id: 'dev-1', app_language: 'en' });
    for (const ok of ['fr-CA', 'en-XA', 'en']) db.prepare('UPDATE device SET app_language = ?').run(ok);
    expect(() => db.prepare("UPDATE device SET app_language = 'de'").run()).toThrow(/CHECK/);
    db.close();
  });
});
