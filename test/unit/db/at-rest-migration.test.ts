import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersionOf } from '../../../electron/services/db/open-database';
import { readKeyProtection, recordKeyProtection } from '../../../electron/services/at-rest/protection-record';
import { tempDir } from '../../support/temp-dir';

describe('migration 20: key protection record, local secrets', () => {
  it('adds the protection singleton and the local secrets, and records a change of protection once', () => {
    const file = path.join(tempDir(), 'm20.sqlite');
    openDatabase(file, { targetVersion: 19 }).close();
    const db = openDatabase(file, { targetVersion: 20 });
    expect(schemaVersionOf(db)).toBe(20);
    expect(readKeyProtection(db)).toBeNull();
    // First record: new; the same again: not new; a different warning: new again.
    expect(recordKeyProtection(db, { method: 'passphrase', warning: 'w1' })).toBe(true);
    expect(recordKeyProtection(db, { method: 'passphrase', warning: 'w1' })).toBe(false);
    expect(recordKeyProtection(db, { method: 'os-keychain', warning: null })).toBe(true);
    expect(readKeyProtection(db)).toMatchObject({ method: 'os-keychain', warning: null });
    expect(() => db.prepare("INSERT INTO key_protection (singleton, method, recorded_at) VALUES (2, 'passphrase', 'x')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE key_protection SET method = 'plaintext'").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO local_secrets (name, value, updated_at) VALUES ('hub-token', 'gwt_x', 'now')").run();
    expect(() => db.prepare("INSERT INTO local_secrets (name, value, updated_at) VALUES ('hub-token', 'again', 'now')").run()).toThrow(/UNIQUE/);
    db.close();
  });
});
