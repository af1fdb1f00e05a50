import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { newId } from '../../../electron/services/db/device-clock';
import { writeSyncedRow } from '../../../electron/services/db/synced-write';
import { tuneSync } from '../../../electron/services/sync/sync-services';
import { enrollCode, hubCliOk, HubProcess, type HubLocation } from '../../support/hub-process';
import { storeKinds, useHubStores } from '../../support/hub-stores';
import { seedCases } from '../../support/seed-cases';
import { openTestServices, type TestServices } from '../../support/services';
import { tempDir } from '../../support/temp-dir';

const stores = useHubStores();

/** Distinct rows a device's changes touched (what a full echo would bring back). */
const rowsPushedBy = (db: Database): number =>
  (db.prepare('SELECT COUNT(*) AS n FROM (SELECT DISTINCT table_name, row_id FROM outbox)').get() as { n: number }).n;

const remoteFields = (db: Database, table: string, rowId: string): Record<string, unknown> | undefined => {
  const row = db.prepare('SELECT fields FROM sync_remote_rows WHERE table_name = ? AND row_id = ?').get(table, rowId) as { fields: string } | undefined;
  return row ? (JSON.parse(row.fields) as Record<string, unknown>) : undefined;
};

describe.each(storeKinds)('pull skips what the device itself pushed, with a real hub process on %s', (kind) => {
  let where: HubLocation;
  let hub: HubProcess;
  const opened: TestServices[] = [];

  beforeAll(async () => {
    where = await stores.location(kind);
    hubCliOk(where, ['partner', 'create', '--name', 'Acme IT']);
    hub = await HubProcess.start(where);
  });
  afterAll(async () => {
    for (const t of opened.splice(0)) t.services.close();
    await hub?.kill('SIGTERM');
  });

  const device = async (role: string): Promise<TestServices> => {
    const t = openTestServices(tempDir());
    opened.push(t);
    tuneSync(t.services, { batchSize: 500, pageSize: 500 });
    await t.api.enrollDevice({ hubUrl: hub.url, code: enrollCode(where, 'Acme IT', role), deviceName: `${role}-${newId().slice(-6)}` });
    return t;
  };

  it('an engineer who pushed 1,000 cases pulls none of them back; an account manager pulls them all', async () => {
    const engineer = await device('engineer');
    seedCases(engineer.services.db, { cases: 1_000, interviewed: 0 });
    const rows = rowsPushedBy(engineer.services.db);
    const first = await engineer.api.syncNow({});
    expect(first.pushed).toBeGreaterThanOrEqual(3_000);
    expect(first.status.pendingCount).toBe(0);
    // Before echo_device (hub migration 8) this pull brought back every row pushed.
    expect(first.pulled, `pulled ${first.pulled} of ${rows} rows pushed`).toBe(0);
    expect((await engineer.api.syncNow({})).pulled).toBe(0);

    const manager = await device('account-manager');
    const seen = await manager.api.syncNow({});
    expect(seen.pulled).toBe(rows);
    expect(await manager.api.listPartnerCases({})).toHaveLength(1_000);
  }, 300_000);

  it('a row another device changed later comes back to its author; a conflict comes back to the device that made it', async () => {
    const a = await device('admin');
    const b = await device('admin');
    // Admins read the whole partner: each first takes what earlier tests left at the hub.
    for (const t of [a, b]) await t.api.syncNow({});
    const brand = newId();
    const write = (t: TestServices, fields: Record<string, string>) =>
      t.services.db.transaction(() => writeSyncedRow(t.services.db, 'branding_profiles', brand, fields))();

    write(a, { name: 'Acme brand', partner_name: 'Acme IT', footer: 'footer by A' });
    expect((await a.api.syncNow({})).pulled).toBe(0);
    expect((await b.api.syncNow({})).pulled).toBe(1);
    expect(remoteFields(b.services.db, 'branding_profiles', brand)).toMatchObject({ footer: 'footer by A' });

    // B had A's row when it edited it: its own change is not echoed; A gets it.
    write(b, { footer: 'footer by B' });
    expect((await b.api.syncNow({})).pulled).toBe(0);
    expect((await a.api.syncNow({})).pulled).toBe(1);
    expect(remoteFields(a.services.db, 'branding_profiles', brand)).toMatchObject({ footer: 'footer by B' });
    expect(a.services.db.prepare('SELECT footer FROM branding_profiles WHERE id = ?').get(brand)).toEqual({ footer: 'footer by B' });

    // Both change the contact offline. A syncs first (it had seen B's footer: no echo); B's push
    // meets A's unseen value, a conflict: B pulls the row back to learn of it, and so does A.
    write(a, { contact: 'a@acme.example' });
    write(b, { contact: 'b@acme.example' });
    expect((await a.api.syncNow({})).pulled).toBe(0);
    const afterConflict = await b.api.syncNow({});
    expect(afterConflict.pulled).toBe(1);
    const conflictsOfB = await b.api.listConflicts({});
    expect(conflictsOfB.length).toBeGreaterThan(0);
    expect(JSON.stringify(conflictsOfB)).toMatch(/a@acme\.example/);
    expect((await a.api.syncNow({})).pulled).toBe(1);
    expect(JSON.stringify(await a.api.listConflicts({}))).toMatch(/b@acme\.example/);

    // A write that loses to a newer one already at the hub: A's copy is not the hub's, so it comes back.
    const c = await device('admin');
    await c.api.syncNow({});
    write(a, { footer: 'older footer by A' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    write(c, { footer: 'newer footer by C' });
    await c.api.syncNow({});
    expect((await a.api.syncNow({})).pulled).toBe(1);
    expect(a.services.db.prepare('SELECT footer FROM branding_profiles WHERE id = ?').get(brand)).toEqual({ footer: 'newer footer by C' });
  }, 120_000);
});
