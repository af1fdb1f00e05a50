import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import type { HubStore } from '../../../hub/store/hub-store';
import { openHubStore } from '../../../hub/store/open-hub-store';
import { newId } from '../../../electron/services/db/device-clock';
import { writeSyncedRow } from '../../../electron/services/db/synced-write';
import { tuneSync } from '../../../electron/services/sync/sync-services';
import { storeKinds, useHubStores } from '../../support/hub-stores';
import { enrollCode, hubCliOk, HubProcess, type HubLocation } from '../../support/hub-process';
import { startDropProxy } from '../../support/drop-proxy';
import { cliPath } from '../../support/run-cli';
import { openTestServices, type TestServices } from '../../support/services';
import { tempDir } from '../../support/temp-dir';

const stores = useHubStores();
const fastRetry = { retry: { maxAttempts: 80, baseDelayMs: 20, maxDelayMs: 250 } };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface OutboxRow {
  mutation_id: string;
  table_name: string;
  row_id: string;
  fields: string;
  hlc: string;
  op: string;
}
const outboxOf = (db: Database): OutboxRow[] => db.prepare('SELECT mutation_id, table_name, row_id, fields, hlc, op FROM outbox ORDER BY seq').all() as OutboxRow[];

/** The reference answer: every row as last-writer-wins per field over all devices' mutations. */
const expectedRows = (...dbs: Database[]): Map<string, Record<string, unknown>> => {
  const best = new Map<string, Map<string, { hlc: string; value: unknown }>>();
  for (const row of dbs.flatMap(outboxOf)) {
    const key = `${row.table_name}/${row.row_id}`;
    const fields = best.get(key) ?? new Map();
    const written = { ...(JSON.parse(row.fields) as Record<string, unknown>), ...(row.op === 'delete' ? { deleted: 1 } : {}) };
    for (const [name, value] of Object.entries(written)) {
      const current = fields.get(name);
      if (!current || current.hlc < row.hlc) fields.set(name, { hlc: row.hlc, value });
    }
    best.set(key, fields);
  }
  return new Map([...best].map(([key, fields]) => [key, Object.fromEntries([...fields].map(([n, v]) => [n, v.value]))]));
};

const remoteRowsOf = (db: Database): Map<string, Record<string, unknown>> =>
  new Map(
    (db.prepare('SELECT table_name, row_id, fields FROM sync_remote_rows').all() as { table_name: string; row_id: string; fields: string }[]).map((r) => [
      `${r.table_name}/${r.row_id}`,
      JSON.parse(r.fields) as Record<string, unknown>,
    ]),
  );

const addCustomers = (db: Database, n: number, prefix: string): void =>
  db.transaction(() => {
    for (let i = 0; i < n; i += 1) writeSyncedRow(db, 'customers', newId(), { name: `${prefix} customer ${i}` });
  })();

describe.each(storeKinds)('sync with a real hub process on %s', (kind) => {
  let where: HubLocation;
  let hub: HubProcess;
  let store: HubStore;
  let partnerId: string;

  beforeAll(async () => {
    where = await stores.location(kind);
    hubCliOk(where, ['partner', 'create', '--name', 'Acme IT']);
    hubCliOk(where, ['partner', 'create', '--name', 'Other MSP']);
    hub = await HubProcess.start(where);
    store = await openHubStore(where);
    partnerId = (await store.findPartnerByName('Acme IT'))!.id;
  });
  afterAll(async () => {
    await hub?.kill('SIGTERM');
    await store?.close();
  });

  const device = async (role: string, hubUrl = hub.url, partner = 'Acme IT'): Promise<TestServices> => {
    const t = openTestServices(tempDir());
    tuneSync(t.services, { ...fastRetry, batchSize: 50 });
    await t.api.enrollDevice({ hubUrl, code: enrollCode(where, partner, role), deviceName: `${role}-${newId().slice(-6)}` });
    return t;
  };

  const mutationCountOf = async (hubDeviceId: string): Promise<{ total: number; distinct: number }> => {
    const log = (await store.mutationLog(partnerId)).filter((m) => m.deviceId === hubDeviceId);
    return { total: log.length, distinct: new Set(log.map((m) => m.mutationId)).size };
  };
  const hubDeviceIdOf = (t: TestServices): string =>
    (t.services.db.prepare('SELECT hub_device_id FROM sync_state').get() as { hub_device_id: string }).hub_device_id;

  it('two engineers push overlapping edits; an account manager pulls everything, exactly', async () => {
    const a = await device('engineer');
    const b = await device('engineer');
    const am = await device('account-manager');
    for (let i = 0; i < 4; i += 1) {
      await a.api.createCase({ customerName: `Contoso ${i}`, siteName: 'HQ', engineer: 'Ada', contacts: [{ name: `IT lead ${i}` }] });
      await b.api.createCase({ customerName: `Fabrikam ${i}`, siteName: 'Plant', engineer: 'Bo' });
    }
    // Two partner admins (only admins may) edit the same shared branding profile, field by field, interleaved in time.
    const pa = await device('admin');
    const pb = await device('admin');
    const brand = newId();
    const write = (t: TestServices, fields: Record<string, string>) => t.services.db.transaction(() => writeSyncedRow(t.services.db, 'branding_profiles', brand, fields))();
    write(pa, { name: 'Acme brand', partner_name: 'Acme IT', footer: 'A footer 1' });
    await pa.api.syncNow({});
    await sleep(3);
    write(pb, { name: 'Acme brand', partner_name: 'Acme IT', footer: 'B footer', contact: 'b@acme.example' });
    await sleep(3);
    write(pa, { footer: 'A footer 2' });
    const firstOfA = (await a.api.listCases({}))[0]!;
    await a.api.updateCase({ id: firstOfA.id, status: 'in_progress', title: 'Edited on A' });
    await pb.api.syncNow({});
    await b.api.syncNow({});
    await pa.api.syncNow({});
    const lastA = await a.api.syncNow({});
    expect(lastA.status.pendingCount).toBe(0);
    await b.api.syncNow({});

    const report = await am.api.syncNow({});
    const expected = expectedRows(a.services.db, b.services.db, pa.services.db, pb.services.db);
    const pulled = remoteRowsOf(am.services.db);
    expect(report.pulled).toBe(expected.size);
    expect(pulled.size).toBe(expected.size);
    for (const [key, fields] of expected) expect(pulled.get(key), key).toEqual(fields);
    expect(pulled.get(`branding_profiles/${brand}`)).toMatchObject({ footer: 'A footer 2', contact: 'b@acme.example' });
    // Pulled pages commit without waiting for the disk; the connection is back at full fsync after.
    expect(am.services.db.pragma('synchronous', { simple: true })).toBe(2);
    // The shared profile also lands in the account manager's own branding table.
    expect(am.services.db.prepare('SELECT footer, contact FROM branding_profiles WHERE id = ?').get(brand)).toEqual({
      footer: 'A footer 2',
      contact: 'b@acme.example',
    });

    // Every mutation made reached the hub once.
    for (const t of [a, b, pa, pb]) {
      const made = outboxOf(t.services.db).length;
      expect(await mutationCountOf(hubDeviceIdOf(t))).toEqual({ total: made, distinct: made });
    }

    const cases = await am.api.listPartnerCases({});
    expect(cases).toHaveLength(8);
    for (const t of [a, b]) {
      for (const local of await t.api.listCases({})) {
        const seen = cases.find((c) => c.id === local.id);
        expect(seen).toMatchObject({ title: local.title, customerName: local.customerName, siteName: local.siteName, engineer: local.engineer, status: local.status, mine: false });
      }
    }
    // An engineer pulls none of b's cases, nor its own back (the hub skips what it already holds).
    expect((await a.api.syncNow({})).pulled).toBe(0);
    expect(await a.api.listPartnerCases({})).toEqual([]);
    for (const t of [a, b, am, pa, pb]) t.services.close();
  });

  it('the hub is SIGKILLed and restarted five times during a push of 1,000 mutations: none lost, none twice', async () => {
    const d = await device('engineer');
    tuneSync(d.services, { ...fastRetry, batchSize: 10 });
    addCustomers(d.services.db, 1_000, 'crash');
    const id = hubDeviceIdOf(d);
    let done = false;
    const syncing = d.api.syncNow({}).finally(() => (done = true));
    let killsDuringPush = 0;
    for (let kill = 0; kill < 5; kill += 1) {
      const before = (await mutationCountOf(id)).total;
      for (let i = 0; i < 400 && (await mutationCountOf(id)).total <= before; i += 1) await sleep(10);
      if (!done) killsDuringPush += 1;
      await hub.kill('SIGKILL');
      await sleep(50);
      await hub.restart();
    }
    const result = await syncing;
    expect(killsDuringPush).toBe(5);
    expect(result.pushed).toBe(1_000);
    expect(result.status.pendingCount).toBe(0);
    expect(await mutationCountOf(id)).toEqual({ total: 1_000, distinct: 1_000 });
    const hubIds = new Set((await store.mutationLog(partnerId)).filter((m) => m.deviceId === id).map((m) => m.mutationId));
    expect(outboxOf(d.services.db).every((m) => hubIds.has(m.mutation_id))).toBe(true);
    d.services.close();
  });

  it('answers lost after the hub applied them are retried and not applied twice', async () => {
    const proxy = await startDropProxy(hub.port, 'POST /v1/push', 3);
    try {
      const d = await device('engineer', `http://127.0.0.1:${proxy.port}`);
      addCustomers(d.services.db, 200, 'dropped');
      const result = await d.api.syncNow({});
      expect(proxy.dropped()).toBe(3);
      expect(result.pushed).toBe(200);
      expect(await mutationCountOf(hubDeviceIdOf(d))).toEqual({ total: 200, distinct: 200 });
      d.services.close();
    } finally {
      await proxy.close();
    }
  });

  it('a pull whose answers are lost resumes from its cursor and ends with every row once', async () => {
    const d = await device('engineer');
    addCustomers(d.services.db, 40, 'pulled');
    await d.api.syncNow({});
    const proxy = await startDropProxy(hub.port, 'GET /v1/pull', 3);
    try {
      const am = await device('account-manager', `http://127.0.0.1:${proxy.port}`);
      tuneSync(am.services, { ...fastRetry, pageSize: 100 });
      await am.api.syncNow({});
      expect(proxy.dropped()).toBe(3);
      const pulled = remoteRowsOf(am.services.db);
      const mine = outboxOf(d.services.db);
      for (const m of mine) expect(pulled.get(`${m.table_name}/${m.row_id}`)).toEqual(JSON.parse(m.fields));
      am.services.close();
    } finally {
      await proxy.close();
    }
    d.services.close();
  });

  it('the same batch delivered twice is applied once', async () => {
    const d = await device('engineer');
    addCustomers(d.services.db, 20, 'twice');
    const token = (await d.services.tokenStore.read()) as string;
    const { pendingMutations } = await import('../../../electron/services/db/outbox');
    const body = JSON.stringify({ mutations: pendingMutations(d.services.db, 100) });
    const send = async () =>
      (await fetch(`${hub.url}/v1/push`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body })).json();
    expect(await send()).toMatchObject({ applied: 20, duplicates: 0 });
    expect(await send()).toMatchObject({ applied: 0, duplicates: 20 });
    // The device itself then sends them again (it never saw an answer): still once.
    const result = await d.api.syncNow({});
    expect(result.status.pendingCount).toBe(0);
    expect(await mutationCountOf(hubDeviceIdOf(d))).toEqual({ total: 20, distinct: 20 });
    d.services.close();
  });

  it('sends an attachment before the change that names it, and holds the change while the attachment is missing', async () => {
    const d = await device('engineer');
    const logo = Buffer.from(`logo bytes ${kind}`);
    const sha = createHash('sha256').update(logo).digest('hex');
    const { appendMutation } = await import('../../../electron/services/db/outbox');
    const { nextTimestamp } = await import('../../../electron/services/db/device-clock');
    const db = d.services.db;
    const created = await d.api.createCase({ customerName: 'Contoso', siteName: 'Head office', engineer: 'Ada' });
    await d.api.syncNow({});
    const before = await mutationCountOf(hubDeviceIdOf(d));
    const evidence = (fileName: string) => ({ case_id: created.id, sha256: sha, file_name: fileName, media_type: 'image/png', size_bytes: logo.length, caption: '' });
    db.transaction(() => appendMutation(db, 'evidence_attachments', newId(), evidence('logo.png'), nextTimestamp(db)))();
    const held = await d.api.syncNow({});
    expect(held).toMatchObject({ pushed: 0, status: { pendingCount: 1, missingAttachments: [expect.stringMatching(/attachment “logo.png” .* is missing from this laptop/)] } });
    expect(await mutationCountOf(hubDeviceIdOf(d))).toEqual(before);
    expect(d.services.blobs.write(logo)).toBe(sha);
    const sent = await d.api.syncNow({});
    expect(sent).toMatchObject({ pushed: 1, blobsUploaded: 1, status: { missingAttachments: [] } });
    expect((await store.getBlob(partnerId, sha))?.equals(logo)).toBe(true);
    // Already there: not uploaded again.
    db.transaction(() => appendMutation(db, 'evidence_attachments', newId(), evidence('same-logo.png'), nextTimestamp(db)))();
    expect(await d.api.syncNow({})).toMatchObject({ pushed: 1, blobsUploaded: 0 });
    d.services.close();
  });

  it('the device is killed mid-push and syncs again: exactly the mutations made', async () => {
    const dataDir = tempDir();
    const d = await device('engineer');
    d.services.close();
    // The enrolled device's files move to where the CLI will find them.
    fs.cpSync(d.services.dataDir, dataDir, { recursive: true });
    const reopened = openTestServices(dataDir);
    addCustomers(reopened.services.db, 1_000, 'killed');
    const id = hubDeviceIdOf(reopened);
    reopened.services.close();
    const env = { ...process.env, GROUNDWORK_SYNC_BATCH_SIZE: '10' };
    const child = spawn(process.execPath, [cliPath, 'sync', '--data-dir', dataDir], { env, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    for (let i = 0; i < 1_000 && (await mutationCountOf(id)).total < 100; i += 1) await sleep(5);
    child.kill('SIGKILL');
    await exited;
    const atKill = (await mutationCountOf(id)).total;
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(1_000);
    const again = openTestServices(dataDir);
    tuneSync(again.services, fastRetry);
    const result = await again.api.syncNow({});
    expect(result.status.pendingCount).toBe(0);
    expect(await mutationCountOf(id)).toEqual({ total: 1_000, distinct: 1_000 });
    again.services.close();
  });
});

describe('two stateless hub instances on one PostgreSQL', () => {
  let where: HubLocation;
  let hubs: HubProcess[] = [];
  let store: HubStore;
  beforeAll(async () => {
    where = await stores.location('postgres');
    hubCliOk(where, ['partner', 'create', '--name', 'Acme IT']);
    hubs = [await HubProcess.start(where), await HubProcess.start(where)];
    store = await openHubStore(where);
  });
  afterAll(async () => {
    for (const hub of hubs) await hub.kill('SIGTERM');
    await store?.close();
  });

  it('devices pushing through both at once while a manager pulls in small pages: every row, once', async () => {
    const enrolled = async (role: string, hub: HubProcess) => {
      const t = openTestServices(tempDir());
      tuneSync(t.services, { ...fastRetry, batchSize: 25, pageSize: 20 });
      await t.api.enrollDevice({ hubUrl: hub.url, code: enrollCode(where, 'Acme IT', role) });
      return t;
    };
    const [h1, h2] = hubs as [HubProcess, HubProcess];
    const a = await enrolled('engineer', h1);
    const b = await enrolled('engineer', h2);
    const am = await enrolled('account-manager', h2);
    addCustomers(a.services.db, 300, 'A');
    addCustomers(b.services.db, 300, 'B');
    // The manager keeps pulling while both pushes run; pages must never skip a row committed late.
    let pushing = true;
    const pulls = (async () => {
      while (pushing) {
        await am.api.syncNow({});
        await sleep(5);
      }
    })();
    await Promise.all([a.api.syncNow({}), b.api.syncNow({})]);
    pushing = false;
    await pulls;
    await am.api.syncNow({});
    const expected = expectedRows(a.services.db, b.services.db);
    const pulled = remoteRowsOf(am.services.db);
    expect(pulled.size).toBe(600);
    for (const [key, fields] of expected) expect(pulled.get(key), key).toEqual(fields);
    const partnerId = (await store.findPartnerByName('Acme IT'))!.id;
    const log = await store.mutationLog(partnerId);
    expect(log).toHaveLength(600);
    expect(new Set(log.map((m) => m.mutationId)).size).toBe(600);
    for (const t of [a, b, am]) t.services.close();
  });
});
