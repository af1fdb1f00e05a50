import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersionOf } from '../../../electron/services/db/open-database';
import { tempDir } from '../../support/temp-dir';

describe('migration 23: the base of each local change, the conflicts of each pulled row', () => {
  it('keeps old outbox entries without a base, new ones with one, and pulled rows with a JSON list of conflicts', () => {
    const file = path.join(tempDir(), 'm23.sqlite');
    const old = openDatabase(file, { targetVersion: 22 });
    old.exec("INSERT INTO outbox (mutation_id, table_name, row_id, op, fields, hlc, created_at) VALUES ('m1', 'proposals', 'r', 'upsert', '{}', 'h', 'now')");
    old.exec("INSERT INTO sync_remote_rows (table_name, row_id, fields, hlc, owner_device, origin_device, change_seq, received_at) VALUES ('proposals', 'r', '{}', 'h', 'o', 'o', 5, 'now')");
    old.close();
    const db = openDatabase(file, { targetVersion: 23 });
    expect(schemaVersionOf(db)).toBe(23);
    // Written before this version: no base, so the hub resolves it last-writer-wins as before.
    expect(db.prepare("SELECT base_seq FROM outbox WHERE mutation_id = 'm1'").pluck().get()).toBeNull();
    expect(db.prepare('SELECT conflicts FROM sync_remote_rows').pluck().get()).toBe('[]');
    db.exec("INSERT INTO outbox (mutation_id, table_name, row_id, op, fields, hlc, created_at, base_seq) VALUES ('m2', 'proposals', 'r', 'upsert', '{}', 'h', 'now', 5)");
    expect(() => db.exec("INSERT INTO outbox (mutation_id, table_name, row_id, op, fields, hlc, created_at, base_seq) VALUES ('m3', 'proposals', 'r', 'upsert', '{}', 'h', 'now', -1)")).toThrow(/CHECK/);
    expect(() => db.exec("UPDATE sync_remote_rows SET conflicts = '{\"terms\":1}'")).toThrow(/CHECK/);
    expect(() => db.exec("UPDATE sync_remote_rows SET conflicts = 'not json'")).toThrow(/CHECK|JSON/);
    db.exec(`UPDATE sync_remote_rows SET conflicts = '[{"field":"terms","seq":5,"values":[]}]'`);
    expect(db.prepare("SELECT count(*) FROM sync_remote_rows WHERE conflicts <> '[]'").pluck().get()).toBe(1);
    db.close();
  });
});
