import { describe, expect, it } from 'vitest';
import { hubMigrations, latestHubSchemaVersion } from '../../../hub/store/hub-migrations';
import { NewerHubSchemaError, type HubStore } from '../../../hub/store/hub-store';
import { applyPush, createEnrollCode, createPartner, enrollDevice, pullChanges, sha256Hex } from '../../../hub/sync/hub-service';
import type { HubRole, PushedMutation } from '../../../shared/sync/protocol';
import { storeKinds, useHubStores } from '../../support/hub-stores';

const stores = useHubStores();

const rowId = (n: number): string => `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const hlc = (ms: number, node = 'dev'): string => `${String(ms).padStart(13, '0')}-00000-${node}`;

const enroll = async (store: HubStore, partner: string, role: HubRole, name = 'laptop') => {
  const { code } = await createEnrollCode(store, partner, role, 60_000);
  const response = await enrollDevice(store, { code, deviceName: name, localDeviceId: `local-${name}` });
  const device = await store.findDeviceByTokenHash(sha256Hex(response.token));
  if (!device) throw new Error('enrolled device not found');
  return device;
};

const mutation = (seq: number, row: number, fields: Record<string, unknown>, ms: number, table: PushedMutation['table'] = 'cases'): PushedMutation => ({
  seq,
  mutationId: `m-${seq}-${row}-${ms}`,
  table,
  rowId: rowId(row),
  op: 'upsert',
  fields,
  hlc: hlc(ms),
  originDevice: 'local',
});

describe.each(storeKinds)('hub store on %s', (kind) => {
  it('migrates a new database to the latest schema, and again is a no-op', async () => {
    const store = await stores.open(kind, false);
    expect(await store.schemaVersion()).toBe(0);
    expect(await store.migrate(hubMigrations, 1)).toBe(1);
    expect(await store.migrate()).toBe(latestHubSchemaVersion);
    expect(await store.migrate()).toBe(latestHubSchemaVersion);
    expect(await store.counts()).toEqual({ partners: 0, devices: 0, records: 0, mutations: 0, blobs: 0 });
  });

  it('migration 1 keeps mutations unique per device seq and per mutation id', async () => {
    const store = await stores.open(kind, false);
    await store.migrate(hubMigrations, 1);
    const partner = await createPartner(store, 'P');
    const device = await enroll(store, 'P', 'engineer');
    const insert = (seq: number, id: string) =>
      store.driver.query(
        "INSERT INTO mutations (partner_id, device_id, seq, mutation_id, table_name, row_id, op, fields, hlc, outcome, received_at) VALUES (?, ?, ?, ?, 'cases', 'r', 'upsert', '{}', 'h', 'applied', 'now')",
        [partner.id, device.id, seq, id],
      );
    await insert(1, 'a');
    await expect(insert(1, 'b')).rejects.toThrow();
    await expect(insert(2, 'a')).rejects.toThrow();
  });

  it('migration 2 adds the owner index', async () => {
    const store = await stores.open(kind, false);
    await store.migrate(hubMigrations, 2);
    const sql =
      kind === 'sqlite'
        ? "SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'records_by_owner'"
        : "SELECT indexname AS name FROM pg_indexes WHERE indexname = 'records_by_owner'";
    expect(await store.driver.query(sql)).toHaveLength(1);
  });

  it('migration 3 keeps one app release per partner and platform; publishing again replaces it', async () => {
    const store = await stores.open(kind, false);
    await store.migrate(hubMigrations, 3);
    const partner = await createPartner(store, 'Releases');
    const release = { partnerId: partner.id, platform: 'win' as const, version: '0.2.0', fileName: 'a.exe', url: null, sha512: 'x', size: 5_000_000_000, releaseNotes: '', releasedAt: 'now' };
    await store.putAppRelease(release);
    await store.putAppRelease({ ...release, version: '0.3.0', fileName: 'b.exe' });
    // 5 GB does not fit a 32-bit integer: the size column is 64-bit on both stores.
    expect(await store.appRelease(partner.id, 'win')).toMatchObject({ version: '0.3.0', fileName: 'b.exe', size: 5_000_000_000 });
    expect(await store.appRelease(partner.id, 'mac')).toBeNull();
    expect(await store.driver.query('SELECT version FROM app_releases')).toHaveLength(1);
  });

  it('migration 5 gives existing records empty field changes and conflicts, and keeps both as written', async () => {
    const store = await stores.open(kind, false);
    await store.migrate(hubMigrations, 4);
    const partner = await createPartner(store, 'Conflicts');
    await store.driver.query(
      "INSERT INTO records (partner_id, table_name, row_id, fields, field_hlcs, hlc, deleted, owner_device, origin_device, change_seq) VALUES (?, 'proposals', 'r1', '{}', '{}', 'h', 0, 'd', 'd', 1)",
      [partner.id],
    );
    await store.migrate(hubMigrations, 5);
    const [before] = await store.records(partner.id);
    // A row written before conflicts were kept: nothing known about who set what, no conflicts.
    expect([before!.fieldChanges, before!.conflicts]).toEqual([{}, []]);
    // Today's hub writes every column it knows: the rest of the migrations first.
    await store.migrate();
    const conflicts = [{ field: 'terms', seq: 2, values: [{ value: 'a', hlc: 'h1', deviceId: 'd1', deviceName: 'one' }, { value: 'b', hlc: 'h2', deviceId: 'd2', deviceName: 'two' }] }];
    await store.pushTransaction((tx) => tx.putRecord({ ...before!, fieldChanges: { terms: { seq: 2, device: 'd2', name: 'two' } }, conflicts, changeSeq: 2 }));
    const [after] = await store.records(partner.id);
    expect([after!.fieldChanges, after!.conflicts]).toEqual([{ terms: { seq: 2, device: 'd2', name: 'two' } }, conflicts]);
  });

  it('migration 7: a questionnaire link is found by its token hash only, takes answers once, never after expiry or withdrawal, and only its own partner and laptop collect them', async () => {
    const store = await stores.open(kind, false);
    await store.migrate(hubMigrations, 7);
    await createPartner(store, 'Links A');
    await createPartner(store, 'Links B');
    const a = await enroll(store, 'Links A', 'engineer', 'a');
    const a2 = await enroll(store, 'Links A', 'engineer', 'a2');
    const b = await enroll(store, 'Links B', 'engineer', 'b');
    const link = (id: string, device: typeof a, token: string, expiresAt: string) =>
      store.insertQuestionnaireLink({
        id,
        partnerId: device.partnerId,
        deviceId: device.id,
        tokenHash: sha256Hex(token),
        questionnaireId: rowId(90),
        caseId: rowId(91),
        stakeholder: 'it_lead',
        form: '{"f":1}',
        createdAt: '2026-12-01T00:00:00.000Z',
        expiresAt,
      });
    await link(rowId(1), a, 'token-a', '2026-12-10T00:00:00.000Z');
    await link(rowId(2), b, 'token-b', '2026-12-10T00:00:00.000Z');
    await link(rowId(3), a, 'token-short', '2026-12-02T00:00:00.000Z');
    // The token's hash is unique: a second link cannot share it.
    await expect(link(rowId(4), a, 'token-a', '2026-12-10T00:00:00.000Z')).rejects.toThrow();
    expect((await store.questionnaireLinkByToken(sha256Hex('token-a')))?.id).toBe(rowId(1));
    expect(await store.questionnaireLinkByToken(sha256Hex('token-c'))).toBeNull();

    const day = '2026-12-05T00:00:00.000Z';
    expect(await store.submitQuestionnaireAnswers(sha256Hex('token-a'), '{"x":1}', day)).toBe(true);
    // Once only, and not after its expiry (Dec 2 < Dec 5).
    expect(await store.submitQuestionnaireAnswers(sha256Hex('token-a'), '{"x":2}', day)).toBe(false);
    expect(await store.submitQuestionnaireAnswers(sha256Hex('token-short'), '{"x":3}', day)).toBe(false);
    // Withdrawn by its own laptop only; then it takes nothing.
    expect(await store.revokeQuestionnaireLink(a.partnerId, a.id, rowId(2), day)).toBe(false);
    expect(await store.revokeQuestionnaireLink(b.partnerId, b.id, rowId(2), day)).toBe(true);
    expect(await store.submitQuestionnaireAnswers(sha256Hex('token-b'), '{"x":4}', day)).toBe(false);

    // Only the publishing laptop of the same partner sees and collects the answers.
    expect(await store.submittedQuestionnaireAnswers(b.partnerId, b.id)).toEqual([]);
    expect(await store.submittedQuestionnaireAnswers(a.partnerId, a2.id)).toEqual([]);
    expect(await store.submittedQuestionnaireAnswers(a.partnerId, a.id)).toEqual([
      { id: rowId(1), questionnaireId: rowId(90), caseId: rowId(91), stakeholder: 'it_lead', submittedAt: day, payload: '{"x":1}' },
    ]);
    expect(await store.collectQuestionnaireAnswers(b.partnerId, b.id, [rowId(1)], day)).toBe(0);
    expect(await store.collectQuestionnaireAnswers(a.partnerId, a.id, [rowId(1)], day)).toBe(1);
    expect(await store.collectQuestionnaireAnswers(a.partnerId, a.id, [rowId(1)], day)).toBe(0);
    expect(await store.submittedQuestionnaireAnswers(a.partnerId, a.id)).toEqual([]);
    // Collected: the hub keeps that the link was used, not the answers or the form.
    expect(await store.driver.query('SELECT answers, form, submitted_at FROM questionnaire_links WHERE id = ?', [rowId(1)])).toEqual([{ answers: null, form: '{}', submitted_at: day }]);
  });

  it('migration 8: rows from before it are pulled by their author as before; a row its author holds as written is skipped for it alone', async () => {
    const store = await stores.open(kind, false);
    await store.migrate(hubMigrations, 7);
    await createPartner(store, 'Echo');
    const a = await enroll(store, 'Echo', 'admin', 'a');
    const b = await enroll(store, 'Echo', 'admin', 'b');
    await store.driver.query(
      "INSERT INTO records (partner_id, table_name, row_id, fields, field_hlcs, hlc, deleted, owner_device, origin_device, change_seq) VALUES (?, 'branding_profiles', 'old', '{}', '{}', 'h', 0, ?, ?, 1)",
      [a.partnerId, a.id, a.id],
    );
    await store.driver.query('UPDATE partners SET last_change = 1 WHERE id = ?', [a.partnerId]);
    await store.migrate(hubMigrations, 8);
    expect((await store.records(a.partnerId))[0]?.echoDevice).toBeNull();
    await applyPush(store, a, { mutations: [mutation(1, 20, { name: 'new brand' }, 5000, 'branding_profiles')] });
    const pulledBy = async (device: typeof a) => (await pullChanges(store, device, { cursor: 0, limit: 100 })).rows.map((r) => r.rowId);
    expect(await pulledBy(a)).toEqual(['old']);
    expect(await pulledBy(b)).toEqual(['old', rowId(20)]);
    // A copy of the row written again (as a handover does) never keeps the echo: everyone pulls it.
    const [, stored] = await store.records(a.partnerId);
    expect(stored?.echoDevice).toBe(a.id);
    await store.pushTransaction((tx) => tx.putRecord({ ...stored!, changeSeq: 3 }));
    expect(await pulledBy(a)).toEqual(['old', rowId(20)]);
  });

  it('refuses a database from a newer hub', async () => {
    const store = await stores.open(kind);
    await store.driver.query('INSERT INTO hub_schema (version) VALUES (?)', [latestHubSchemaVersion + 5]);
    await expect(store.migrate()).rejects.toThrow(NewerHubSchemaError);
  });

  it('an enrollment code works once, for its partner and role, and only until it expires', async () => {
    const store = await stores.open(kind);
    await createPartner(store, 'Acme IT');
    await expect(createPartner(store, 'Acme IT')).rejects.toThrow(/already exists/);
    const { code } = await createEnrollCode(store, 'Acme IT', 'account-manager', 60_000);
    const first = await enrollDevice(store, { code, deviceName: 'AM laptop', localDeviceId: 'l1' });
    expect(first.role).toBe('account-manager');
    expect(first.partner.name).toBe('Acme IT');
    await expect(enrollDevice(store, { code, deviceName: 'again', localDeviceId: 'l2' })).rejects.toMatchObject({ status: 401 });
    const expired = await createEnrollCode(store, 'Acme IT', 'engineer', -1);
    await expect(enrollDevice(store, { code: expired.code, deviceName: 'late', localDeviceId: 'l3' })).rejects.toMatchObject({ status: 401 });
    // Only the hash of the token is kept.
    const stored = await store.driver.query<{ token_hash: string }>('SELECT token_hash FROM devices');
    expect(stored.map((r) => r.token_hash)).toEqual([sha256Hex(first.token)]);
    expect(JSON.stringify(await store.driver.query('SELECT * FROM devices'))).not.toContain(first.token);
  });

  it('applies each mutation exactly once and resolves last-writer-wins per field', async () => {
    const store = await stores.open(kind);
    await createPartner(store, 'P');
    const device = await enroll(store, 'P', 'engineer');
    const batch = { mutations: [mutation(1, 1, { title: 'a', engineer: 'x' }, 1000), mutation(2, 1, { title: 'b' }, 3000), mutation(5, 1, { engineer: 'y' }, 2000)] };
    expect(await applyPush(store, device, batch)).toEqual({ acknowledgedThrough: 5, applied: 3, duplicates: 0, refused: [] });
    expect(await applyPush(store, device, batch)).toEqual({ acknowledgedThrough: 5, applied: 0, duplicates: 3, refused: [] });
    // An older write to a field arrives late: it loses to the newer one.
    await applyPush(store, device, { mutations: [mutation(6, 1, { title: 'stale', status: 'draft' }, 2500)] });
    const [record] = await store.records((await store.findPartnerByName('P'))!.id);
    expect(record?.fields).toEqual({ title: 'b', engineer: 'y', status: 'draft' });
    expect(record?.hlc).toBe(hlc(3000));
    expect(await store.mutationLog(device.partnerId)).toHaveLength(4);
    // A different change under an already used number is refused, not acknowledged as a repeat.
    await expect(applyPush(store, device, { mutations: [{ ...mutation(2, 1, { title: 'other' }, 9000), mutationId: 'restored-from-backup' }] })).rejects.toMatchObject({
      status: 409,
    });
    expect(await store.mutationLog(device.partnerId)).toHaveLength(4);
  });

  it("refuses changes to another device's case, from engineers and managers alike; shared branding is the admin's", async () => {
    const store = await stores.open(kind);
    await createPartner(store, 'P');
    const a = await enroll(store, 'P', 'engineer', 'a');
    const b = await enroll(store, 'P', 'engineer', 'b');
    const am = await enroll(store, 'P', 'account-manager', 'am');
    const admin = await enroll(store, 'P', 'admin', 'ad');
    await applyPush(store, a, { mutations: [mutation(1, 1, { title: 'A case' }, 1000)] });
    await applyPush(store, admin, { mutations: [mutation(1, 2, { name: 'Brand', footer: 'a' }, 1000, 'branding_profiles')] });
    const byB = await applyPush(store, b, { mutations: [mutation(1, 1, { title: 'hijack' }, 5000), mutation(2, 2, { footer: 'b' }, 5000, 'branding_profiles')] });
    expect(byB.refused.map((r) => r.seq)).toEqual([1, 2]);
    expect(byB.acknowledgedThrough).toBe(2);
    const byAm = await applyPush(store, am, { mutations: [mutation(1, 1, { status: 'complete' }, 6000)] });
    expect(byAm.refused.map((r) => r.seq)).toEqual([1]);
    await applyPush(store, admin, { mutations: [mutation(2, 2, { footer: 'admin' }, 7000, 'branding_profiles')] });
    const records = await store.records(a.partnerId);
    expect(records.find((r) => r.table === 'cases')?.fields).toEqual({ title: 'A case' });
    expect(records.find((r) => r.table === 'branding_profiles')?.fields).toEqual({ name: 'Brand', footer: 'admin' });
  });

  it('pull pages by cursor and filters by role; partners never see each other', async () => {
    const store = await stores.open(kind);
    await createPartner(store, 'P');
    await createPartner(store, 'Q');
    const a = await enroll(store, 'P', 'engineer', 'a');
    const b = await enroll(store, 'P', 'engineer', 'b');
    const am = await enroll(store, 'P', 'account-manager', 'am');
    const other = await enroll(store, 'Q', 'account-manager', 'q');
    const admin = await enroll(store, 'P', 'admin', 'ad');
    await applyPush(store, a, { mutations: [1, 2, 3].map((n) => mutation(n, n, { title: `a${n}` }, 1000 + n)) });
    await applyPush(store, b, { mutations: [mutation(1, 10, { title: 'b10' }, 2000)] });
    await applyPush(store, admin, { mutations: [mutation(1, 11, { name: 'brand' }, 2000, 'branding_profiles')] });
    await applyPush(store, other, { mutations: [mutation(1, 1, { title: 'q-secret' }, 3000)] });

    const all: string[] = [];
    let cursor = 0;
    for (let page = 0; page < 10; page += 1) {
      const result = await pullChanges(store, am, { cursor, limit: 2 });
      all.push(...result.rows.map((r) => String(r.fields.title ?? r.fields.name)));
      expect(result.rows.length).toBeLessThanOrEqual(2);
      cursor = result.cursor;
      if (!result.hasMore) break;
    }
    expect(all).toEqual(['a1', 'a2', 'a3', 'b10', 'brand']);
    // An engineer never gets b's case, nor its own three back (it holds them as they are).
    const forA = await pullChanges(store, a, { cursor: 0, limit: 100 });
    expect(forA.rows.map((r) => r.fields.title ?? r.fields.name)).toEqual(['brand']);
    expect((await pullChanges(store, am, { cursor: 0, limit: 1 })).rows[0]?.ownerDeviceName).toBe('a');
    await expect(pullChanges(store, a, { cursor: 0, limit: 100, scope: 'partner' })).rejects.toMatchObject({ status: 403 });
    const forQ = await pullChanges(store, other, { cursor: 0, limit: 100 });
    expect(forQ.rows).toEqual([]);
    expect(forQ.cursor).toBeGreaterThan(0);
    // Nothing new: the cursor stays put and the page is empty.
    const again = await pullChanges(store, am, { cursor, limit: 100 });
    expect(again).toEqual({ rows: [], cursor, hasMore: false });
  });

  it('stores blobs per partner, idempotently', async () => {
    const store = await stores.open(kind);
    const p = await createPartner(store, 'P');
    const q = await createPartner(store, 'Q');
    const data = Buffer.from('evidence photo bytes');
    const sha = sha256Hex(data);
    expect(await store.putBlob(p.id, sha, data)).toBe(true);
    expect(await store.putBlob(p.id, sha, data)).toBe(false);
    expect(await store.blobSize(p.id, sha)).toBe(data.length);
    expect((await store.getBlob(p.id, sha))?.equals(data)).toBe(true);
    expect(await store.getBlob(q.id, sha)).toBeNull();
  });

  it('revoking a device is recorded once', async () => {
    const store = await stores.open(kind);
    await createPartner(store, 'P');
    const device = await enroll(store, 'P', 'engineer');
    expect(await store.revokeDevice(device.id, new Date().toISOString())).toBe(true);
    expect(await store.revokeDevice(device.id, new Date().toISOString())).toBe(false);
    expect((await store.listDevices(null))[0]?.revokedAt).not.toBeNull();
  });
});
