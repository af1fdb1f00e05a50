import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersionOf } from '../../../electron/services/db/open-database';
import { migrations } from '../../../electron/services/db/migrations/index';
import { applyPulledRows } from '../../../electron/services/sync/apply-pulled';
import { createDeviceLogging } from '../../../electron/services/log/logger';

const testLog = createDeviceLogging().log;
import { listPartnerCases } from '../../../electron/services/sync/partner-cases';
import { saveEnrollment } from '../../../electron/services/sync/sync-state';
import type { RemoteRow } from '../../../shared/sync/protocol';
import { tempDir } from '../../support/temp-dir';

const before = (version: number) => Math.max(...migrations.filter((m) => m.version < version).map((m) => m.version));

describe('migration 13: sync state', () => {
  it('adds a single-row sync state and the refused-change list on top of the previous schema', () => {
    const file = path.join(tempDir(), 'm13.sqlite');
    openDatabase(file, { targetVersion: before(13) }).close();
    const db = openDatabase(file, { targetVersion: 13 });
    expect(schemaVersionOf(db)).toBe(13);
    const insert = db.prepare(
      "INSERT INTO sync_state (singleton, hub_url, hub_device_id, partner_id, partner_name, role, device_name, enrolled_at) VALUES (?, 'u', 'd', 'p', 'P', ?, 'n', 'now')",
    );
    insert.run(1, 'engineer');
    expect(() => insert.run(2, 'engineer')).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE sync_state SET role = 'boss'").run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE sync_state SET pull_cursor = -1').run()).toThrow(/CHECK/);
    expect(db.prepare('SELECT pull_cursor, consecutive_failures FROM sync_state').get()).toEqual({ pull_cursor: 0, consecutive_failures: 0 });
    db.prepare("INSERT INTO sync_refused (outbox_seq, reason, refused_at) VALUES (1, 'no', 'now')").run();
    db.close();
  });
});

describe('migration 14: rows received from the hub', () => {
  it('keeps one row per table and id, with valid JSON fields', () => {
    const db = openDatabase(path.join(tempDir(), 'm14.sqlite'), { targetVersion: 14 });
    const insert = db.prepare(
      "INSERT INTO sync_remote_rows (table_name, row_id, fields, hlc, owner_device, origin_device, change_seq, received_at) VALUES ('cases', 'r1', ?, 'h', 'o', 'o', 1, 'now')",
    );
    insert.run('{"title":"x"}');
    expect(() => insert.run('{"title":"x"}')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => db.prepare("INSERT INTO sync_remote_rows (table_name, row_id, fields, hlc, owner_device, origin_device, change_seq, received_at) VALUES ('cases', 'r2', 'not json', 'h', 'o', 'o', 1, 'now')").run()).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration 19: clock checks on sync', () => {
  it('adds the refusal reason to pulled rows and the hub clock offset to the sync state', () => {
    const file = path.join(tempDir(), 'm19.sqlite');
    const old = openDatabase(file, { targetVersion: 18 });
    old.prepare("INSERT INTO sync_remote_rows (table_name, row_id, fields, hlc, owner_device, origin_device, change_seq, received_at) VALUES ('cases', 'r1', '{}', 'h', 'o', 'o', 1, 'now')").run();
    old.close();
    const db = openDatabase(file, { targetVersion: 19 });
    expect(schemaVersionOf(db)).toBe(19);
    // Rows kept before the migration count as taken.
    expect(db.prepare('SELECT refused_reason FROM sync_remote_rows').get()).toEqual({ refused_reason: null });
    saveEnrollment(db, { hubUrl: 'http://h', hubDeviceId: 'd', partnerId: 'p', partnerName: 'P', role: 'engineer', deviceName: 'me' });
    expect(db.prepare('SELECT hub_clock_offset_ms FROM sync_state').get()).toEqual({ hub_clock_offset_ms: null });
    db.prepare('UPDATE sync_state SET hub_clock_offset_ms = -7200000').run();
    expect(db.prepare('SELECT hub_clock_offset_ms FROM sync_state').get()).toEqual({ hub_clock_offset_ms: -7_200_000 });
    db.close();
  });
});

const remote = (table: string, rowId: string, fields: Record<string, unknown>, hlc: string, changeSeq: number, owner = 'dev-b'): RemoteRow => ({
  table,
  rowId,
  fields,
  hlc,
  deleted: false,
  ownerDevice: owner,
  ownerDeviceName: `${owner} laptop`,
  originDevice: owner,
  changeSeq,
});

describe('applying pulled rows', () => {
  it("keeps rows for History, lists the partner's cases and marks this device's own", () => {
    const db = openDatabase(path.join(tempDir(), 'pull.sqlite'));
    db.transaction(() => {
      saveEnrollment(db, { hubUrl: 'http://h', hubDeviceId: 'dev-a', partnerId: 'p', partnerName: 'P', role: 'account-manager', deviceName: 'me' });
      applyPulledRows(db, [
        remote('customers', 'cu1', { name: 'Contoso' }, '1700000000001-00000-b', 1),
        remote('cases', 'k1', { customer_id: 'cu1', title: 'Visit', engineer: 'Bo', status: 'complete', readiness_level: 'Chasers' }, '1700000000000-00000-b', 2),
        remote('cases', 'k2', { customer_id: 'cu1', title: 'Mine', engineer: 'Ada', status: 'draft' }, '1700000001000-00000-a', 3, 'dev-a'),
      ], testLog);
      // An older copy of a row never replaces a newer one.
      applyPulledRows(db, [remote('cases', 'k1', { title: 'stale' }, '1600000000000-00000-b', 1)], testLog);
    })();
    const cases = listPartnerCases(db, '');
    expect(cases.map((c) => [c.id, c.customerName, c.title, c.level, c.mine, c.deviceName])).toEqual([
      ['k2', 'Contoso', 'Mine', null, true, 'dev-a laptop'],
      ['k1', 'Contoso', 'Visit', 'Chasers', false, 'dev-b laptop'],
    ]);
    expect(listPartnerCases(db, 'bo').map((c) => c.id)).toEqual(['k1']);
    db.close();
  });

  it('shared branding from the hub replaces the local row only when newer, and moves our clock past it', () => {
    const db = openDatabase(path.join(tempDir(), 'brand.sqlite'));
    const brand = remote('branding_profiles', 'b1', { name: 'Acme', partner_name: 'Acme IT', footer: 'hub', unknown_column: 'x' }, '1760000000000-00000-b', 1);
    db.transaction(() => {
      db.prepare("INSERT INTO device (singleton, device_id, created_at) VALUES (1, 'dev-a', 'now')").run();
      applyPulledRows(db, [brand], testLog);
      applyPulledRows(db, [{ ...brand, fields: { ...brand.fields, footer: 'older' }, hlc: '1750000000000-00000-b', changeSeq: 2 }], testLog);
    })();
    expect(db.prepare('SELECT name, footer, updated_at FROM branding_profiles WHERE id = ?').get('b1')).toEqual({
      name: 'Acme',
      footer: 'hub',
      updated_at: '1760000000000-00000-b',
    });
    const clock = (db.prepare('SELECT last_hlc FROM device').get() as { last_hlc: string }).last_hlc;
    expect(clock > '1760000000000-00000-b').toBe(true);
    // Rows of tables this version does not know are kept, not applied.
    db.transaction(() => applyPulledRows(db, [remote('cases; DROP TABLE cases', 'x', {}, '1', 5)], testLog))();
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'cases'").get()).toEqual({ n: 1 });
    db.close();
  });

  it('a reference row the local schema cannot take is kept for later, and the rest of the page still lands', () => {
    const db = openDatabase(path.join(tempDir(), 'price.sqlite'));
    const item = (id: string, fields: Record<string, unknown>, seq: number) => remote('price_book_items', id, fields, `176000000000${seq}-00000-b`, seq);
    const logging = createDeviceLogging();
    db.transaction(() => {
      db.prepare("INSERT INTO device (singleton, device_id, created_at) VALUES (1, 'dev-a', 'now')").run();
      applyPulledRows(db, [
        item('p1', { sku: 'AI-READY', description: 'Assessment', unit_price_minor: 150000 }, 1),
        item('p2', { sku: 'NET-1', description: 'Network fix', unit_price_minor: 90000, currency: 'EUR' }, 2),
      ], logging.log);
    })();
    // The row left out is not dropped silently: the log says which one and why.
    expect(logging.recentErrors()).toMatchObject([{ level: 'warn', msg: 'pulled reference row not applied; kept for a later pull' }]);
    expect(db.prepare('SELECT id FROM price_book_items').all()).toEqual([{ id: 'p2' }]);
    expect(db.prepare("SELECT row_id FROM sync_remote_rows WHERE table_name = 'price_book_items' ORDER BY row_id").all()).toEqual([
      { row_id: 'p1' },
      { row_id: 'p2' },
    ]);
    db.close();
  });
});
