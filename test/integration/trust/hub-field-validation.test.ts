import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildHubServer } from '../../../hub/server/hub-server';
import { createEnrollCode, createPartner, enrollDevice } from '../../../hub/sync/hub-service';
import { newId, nextTimestamp } from '../../../electron/services/db/device-clock';
import { appendMutation } from '../../../electron/services/db/outbox';
import { tuneSync } from '../../../electron/services/sync/sync-services';
import { storeKinds, useHubStores } from '../../support/hub-stores';
import { openTestServices, type TestServices } from '../../support/services';
import { tempDir } from '../../support/temp-dir';

const stores = useHubStores();
const servers: FastifyInstance[] = [];
const opened: TestServices[] = [];
afterEach(async () => {
  for (const t of opened.splice(0)) t.services.close();
  for (const s of servers.splice(0)) await s.close();
});

describe.each(storeKinds)('pushed fields checked per table at the hub on %s', (kind) => {
  const setUp = async () => {
    const store = await stores.open(kind);
    await createPartner(store, 'Acme');
    const app = buildHubServer({ store });
    servers.push(app);
    await app.listen({ port: 0, host: '127.0.0.1' });
    return { store, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
  };

  it('an unknown or ill-typed field refuses the whole batch with 422 naming table and field; nothing is applied', async () => {
    const { store, url } = await setUp();
    const e = await enrollDevice(store, { code: (await createEnrollCode(store, 'Acme', 'admin', 60_000)).code, deviceName: 'admin', localDeviceId: 'l' });
    const push = (mutations: Array<{ table: string; fields: Record<string, unknown> }>, firstSeq: number) =>
      fetch(`${url}/v1/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${e.token}` },
        body: JSON.stringify({
          mutations: mutations.map((m, i) => ({ seq: firstSeq + i, mutationId: newId(), table: m.table, rowId: newId(), op: 'upsert', fields: m.fields, hlc: `${Date.now()}-00000-l`, originDevice: 'l' })),
        }),
      });
    const good = { table: 'price_book_items', fields: { sku: 'MFA-1', description: 'MFA rollout', unit: 'user', unit_price_minor: 1_200, currency: 'EUR', recurring: 0, quantity_rule: 'per_user' } };
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ sku: 'X', is_admin: 1 }, /change 2: price_book_items\.is_admin is not a field of price_book_items\. Nothing in this batch was applied/],
      [{ unit_price_minor: '12.00' }, /change 2: price_book_items\.unit_price_minor /],
      [{ unit_price_minor: -5 }, /change 2: price_book_items\.unit_price_minor /],
      [{ quantity_rule: 'per_galaxy' }, /change 2: price_book_items\.quantity_rule /],
      [{ currency: 'EURO' }, /change 2: price_book_items\.currency /],
      [{ deleted: 'yes' }, /change 2: price_book_items\.deleted /],
    ];
    for (const [fields, message] of cases) {
      // A valid change first, the bad one second: the valid one must not be applied either.
      const response = await push([good, { table: 'price_book_items', fields }], 1);
      expect(response.status, JSON.stringify(fields)).toBe(422);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'invalid_fields', message: expect.stringMatching(message) } });
    }
    expect(await store.records((await store.findPartnerByName('Acme'))!.id)).toEqual([]);
    expect((await store.counts()).mutations).toBe(0);
    // The same batch without the bad change goes through under the same numbers.
    expect((await push([good], 1)).status).toBe(200);
    expect((await store.records((await store.findPartnerByName('Acme'))!.id)).map((r) => r.fields.sku)).toEqual(['MFA-1']);
  });

  it("a laptop whose outbox holds a bad field is told which, and keeps every change queued", async () => {
    const { store, url } = await setUp();
    const t = openTestServices(tempDir());
    opened.push(t);
    tuneSync(t.services, { retry: { maxAttempts: 1, baseDelayMs: 10, maxDelayMs: 10 } });
    await t.api.enrollDevice({ hubUrl: url, code: (await createEnrollCode(store, 'Acme', 'engineer', 60_000)).code, deviceName: 'ada-laptop' });
    const created = await t.api.createCase({ customerName: 'Contoso Dental', siteName: 'Head office', engineer: 'Ada' });
    const db = t.services.db;
    // Written straight into the outbox, as a tampered or buggy build might.
    db.transaction(() => appendMutation(db, 'cases', created.id, { title: 'ok', owner_is: 'me' }, nextTimestamp(db)))();
    const pending = (await t.api.getSyncStatus({})).pendingCount;
    await expect(t.api.syncNow({})).rejects.toMatchObject({ message: expect.stringMatching(/cases\.owner_is is not a field of cases/) });
    expect((await t.api.getSyncStatus({})).pendingCount).toBe(pending);
    expect((await t.api.getSyncStatus({})).lastError).toMatch(/cases\.owner_is/);
    expect(await store.records((await store.findPartnerByName('Acme'))!.id)).toEqual([]);
  });
});
