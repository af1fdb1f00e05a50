import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildHubServer } from '../../../hub/server/hub-server';
import { createEnrollCode, createPartner, enrollDevice } from '../../../hub/sync/hub-service';
import { newId } from '../../../electron/services/db/device-clock';
import type { HubRole } from '../../../shared/sync/protocol';
import { storeKinds, useHubStores } from '../../support/hub-stores';

const stores = useHubStores();
const servers: FastifyInstance[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

describe.each(storeKinds)('write rights per role, table and action at the hub on %s', (kind) => {
  const setUp = async () => {
    const store = await stores.open(kind);
    await createPartner(store, 'Acme');
    const app = buildHubServer({ store });
    servers.push(app);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const enroll = async (role: HubRole) => {
      const e = await enrollDevice(store, { code: (await createEnrollCode(store, 'Acme', role, 60_000)).code, deviceName: role, localDeviceId: 'l' });
      let seq = 0;
      /** Pushes one mutation; returns the refusal reason, or null when applied. */
      const push = async (table: string, rowId: string, fields: Record<string, unknown>, op = 'upsert'): Promise<string | null> => {
        seq += 1;
        const response = await fetch(`${url}/v1/push`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${e.token}` },
          body: JSON.stringify({ mutations: [{ seq, mutationId: newId(), table, rowId, op, fields, hlc: `${Date.now()}-00000-l`, originDevice: 'spoofed-origin' }] }),
        });
        expect(response.status).toBe(200);
        const body = (await response.json()) as { refused: { reason: string }[] };
        return body.refused[0]?.reason ?? null;
      };
      /** One blob request with this device's token. */
      const blob = async (method: 'HEAD' | 'GET' | 'PUT', bytes: Buffer): Promise<{ status: number; created?: boolean; body?: Buffer }> => {
        const sha = crypto.createHash('sha256').update(bytes).digest('hex');
        const response = await fetch(`${url}/v1/blobs/${sha}`, {
          method,
          headers: { authorization: `Bearer ${e.token}`, ...(method === 'PUT' ? { 'content-type': 'application/octet-stream' } : {}) },
          ...(method === 'PUT' ? { body: new Uint8Array(bytes) } : {}),
        });
        if (method === 'PUT') return { status: response.status, created: ((await response.json()) as { created: boolean }).created };
        if (method === 'GET' && response.ok) return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
        await response.arrayBuffer();
        return { status: response.status };
      };
      return { id: e.deviceId, push, blob };
    };
    return { store, enroll, url };
  };

  it('branding and price book: admin only, for create, update and delete', async () => {
    const { enroll } = await setUp();
    const [ada, am, admin] = [await enroll('engineer'), await enroll('account-manager'), await enroll('admin')];
    for (const table of ['branding_profiles', 'price_book_items']) {
      const row = newId();
      // A text field each table has (the hub refuses fields a table does not have).
      const field = table === 'branding_profiles' ? 'name' : 'description';
      for (const who of [ada, am]) expect(await who.push(table, row, { [field]: 'Mine now' }), `${table} create`).toMatch(/Only a partner admin/);
      expect(await admin.push(table, row, { [field]: 'Official' })).toBeNull();
      for (const who of [ada, am]) {
        expect(await who.push(table, row, { [field]: 'Changed' }), `${table} update`).toMatch(/Only a partner admin/);
        expect(await who.push(table, row, {}, 'delete'), `${table} delete`).toMatch(/Only a partner admin/);
      }
      expect(await admin.push(table, row, { [field]: 'Changed by admin' })).toBeNull();
      expect(await admin.push(table, row, {}, 'delete')).toBeNull();
    }
  });

  it("cases and their child rows: only their owner; no answer on another engineer's case; origin from the token", async () => {
    const { store, enroll } = await setUp();
    const [ada, bo, am, admin] = [await enroll('engineer'), await enroll('engineer'), await enroll('account-manager'), await enroll('admin')];
    const customer = newId();
    const caseId = newId();
    expect(await ada.push('customers', customer, { name: 'Contoso' })).toBeNull();
    expect(await ada.push('cases', caseId, { customer_id: customer, title: 'Ada case', engineer: 'Ada', status: 'draft' })).toBeNull();
    for (const who of [bo, am, admin]) {
      expect(await who.push('cases', caseId, { title: 'Taken over' }), 'case update').toMatch(/Another device's cases row/);
      expect(await who.push('cases', caseId, {}, 'delete'), 'case delete').toMatch(/Another device's cases row/);
      for (const table of ['answers', 'contacts', 'interviews', 'evidence_attachments', 'finding_exceptions', 'probe_runs']) {
        expect(await who.push(table, newId(), { case_id: caseId }), `${table} on Ada's case`).toMatch(/cannot be added to another device's cases row/);
      }
    }
    expect(await bo.push('answers', newId(), { question_id: 'q' }), 'no case named').toMatch(/must name its case id/);
    const answer = newId();
    expect(await ada.push('answers', answer, { case_id: caseId, question_id: 'security.mfa', value: '"remote"' })).toBeNull();
    expect(await bo.push('answers', answer, { value: '"none"' })).toMatch(/Another device's answers row/);
    const run = newId();
    expect(await ada.push('probe_runs', run, { case_id: caseId, status: 'complete' })).toBeNull();
    expect(await bo.push('probe_results', newId(), { run_id: run })).toMatch(/another device's probe runs row/);
    expect(await ada.push('probe_results', newId(), { run_id: run })).toBeNull();
    // What the payload claimed as origin is ignored: the hub records the token's device.
    const held = await store.driver.query<{ origin_device: string; fields: string }>('SELECT origin_device, fields FROM records WHERE row_id = ?', [caseId]);
    expect(held[0]).toMatchObject({ origin_device: ada.id });
    expect(JSON.parse(held[0]!.fields)).toMatchObject({ title: 'Ada case' });
  });

  it('blob reads follow row reads: the uploader and whoever may read the case; nobody else learns a hash exists', async () => {
    const { store, enroll, url } = await setUp();
    const [ada, bo, am, admin] = [await enroll('engineer'), await enroll('engineer'), await enroll('account-manager'), await enroll('admin')];
    await createPartner(store, 'Rival');
    const rivalCode = (await createEnrollCode(store, 'Rival', 'admin', 60_000)).code;
    const rivalToken = (await enrollDevice(store, { code: rivalCode, deviceName: 'rival', localDeviceId: 'r' })).token;
    const photo = Buffer.from('photo of the comms cabinet at Contoso');
    const photoSha = crypto.createHash('sha256').update(photo).digest('hex');

    // Ada's upload: HEAD before PUT says absent, the PUT stores it, and from then on HEAD says present (no second upload).
    expect((await ada.blob('HEAD', photo)).status).toBe(404);
    expect(await ada.blob('PUT', photo)).toEqual({ status: 201, created: true });
    expect((await ada.blob('HEAD', photo)).status).toBe(200);
    expect(await ada.blob('PUT', photo)).toEqual({ status: 200, created: false });
    // Before any row names it, only Ada reads it: managers see every case, not every upload.
    for (const who of [bo, am, admin]) expect((await who.blob('GET', photo)).status, 'unreferenced').toBe(404);

    const customer = newId();
    const caseId = newId();
    expect(await ada.push('customers', customer, { name: 'Contoso' })).toBeNull();
    expect(await ada.push('cases', caseId, { customer_id: customer, title: 'Ada case', engineer: 'Ada', status: 'draft' })).toBeNull();
    expect(await ada.push('evidence_attachments', newId(), { case_id: caseId, file_name: 'cabinet.jpg', media_type: 'image/jpeg', sha256: photoSha, size_bytes: photo.length })).toBeNull();
    // Ada's case: Ada, the account manager and the admin read it; Bo, another engineer, gets what an unknown hash gets.
    for (const who of [ada, am, admin]) expect((await who.blob('GET', photo)).body?.equals(photo), 'may read the case').toBe(true);
    expect((await bo.blob('HEAD', photo)).status).toBe(404);
    expect((await bo.blob('GET', photo)).status).toBe(404);
    // Sending the same bytes tells Bo nothing new ("new to you", as for any first upload) and he may read back what he holds.
    expect(await bo.blob('PUT', photo)).toEqual({ status: 201, created: true });
    expect((await bo.blob('HEAD', photo)).status).toBe(200);
    expect((await store.counts()).blobs).toBe(1);

    // A collector bundle named by Ada's probe run (a `*_sha256` field) follows the same rule.
    const bundle = Buffer.from('collector bundle from the Contoso LAN');
    expect((await ada.blob('PUT', bundle)).status).toBe(201);
    expect(await ada.push('probe_runs', newId(), { case_id: caseId, status: 'complete', bundle_sha256: crypto.createHash('sha256').update(bundle).digest('hex') })).toBeNull();
    for (const who of [am, admin]) expect((await who.blob('GET', bundle)).body?.equals(bundle), 'bundle on the case').toBe(true);
    expect((await bo.blob('GET', bundle)).status).toBe(404);
    // Another partner's device sees neither.
    for (const bytes of [photo, bundle]) {
      const sha = crypto.createHash('sha256').update(bytes).digest('hex');
      for (const method of ['HEAD', 'GET']) {
        expect((await fetch(`${url}/v1/blobs/${sha}`, { method, headers: { authorization: `Bearer ${rivalToken}` } })).status, `rival ${method}`).toBe(404);
      }
    }
  });
});
