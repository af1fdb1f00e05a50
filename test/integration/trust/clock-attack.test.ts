import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubStore } from '../../../hub/store/hub-store';
import { openHubStore } from '../../../hub/store/open-hub-store';
import { newId } from '../../../electron/services/db/device-clock';
import { tuneSync } from '../../../electron/services/sync/sync-services';
import { parseHlc } from '../../../shared/sync/hlc';
import { enrollCode, hubCliOk, HubProcess, type HubLocation } from '../../support/hub-process';
import { storeKinds, useHubStores } from '../../support/hub-stores';
import { startClockProxy } from '../../support/clock-proxy';
import { cliPath } from '../../support/run-cli';
import { openTestServices, type TestServices } from '../../support/services';
import { tempDir } from '../../support/temp-dir';

const stores = useHubStores();
const fastRetry = { retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 50 } };
const minute = 60_000;
const pad = (ms: number) => String(ms).padStart(13, '0');

const lastHlcOf = (t: TestServices): string => (t.services.db.prepare('SELECT last_hlc FROM device').get() as { last_hlc: string }).last_hlc;

describe.each(storeKinds)('hostile clocks against a real hub process on %s', (kind) => {
  let where: HubLocation;
  let hub: HubProcess;
  let store: HubStore;
  const devices: TestServices[] = [];

  beforeAll(async () => {
    where = await stores.location(kind);
    hubCliOk(where, ['partner', 'create', '--name', 'Acme IT']);
    hub = await HubProcess.start(where);
    store = await openHubStore(where);
  });
  afterAll(async () => {
    for (const d of devices.splice(0)) d.services.close();
    await hub?.kill('SIGTERM');
    await store?.close();
  });

  const device = async (role: string, dataDir = tempDir()): Promise<TestServices> => {
    const t = openTestServices(dataDir);
    devices.push(t);
    tuneSync(t.services, fastRetry);
    await t.api.enrollDevice({ hubUrl: hub.url, code: enrollCode(where, 'Acme IT', role), deviceName: `${role}-${newId().slice(-6)}` });
    return t;
  };

  /** Every device can still make a case, answer a question and sync it, with a clock near now. */
  const stillWrites = async (t: TestServices, label: string): Promise<void> => {
    const made = await t.api.createCase({ customerName: `After the attack ${label}`, siteName: 'HQ' });
    await t.api.answerQuestion({ caseId: made.id, questionId: 'security.mfa', value: 'remote' });
    const report = await t.api.syncNow({});
    expect(report.status).toMatchObject({ pendingCount: 0, lastError: null });
    // The device's clock stayed with the wall clock: no jump into the future.
    // Within the 5-minute bound (the attacker may push 2 minutes ahead), never years ahead.
    expect(parseHlc(lastHlcOf(t)).wallMs).toBeLessThan(Date.now() + 6 * minute);
  };

  it('refuses far-future and malformed clocks from an engineer token; every device still writes', async () => {
    const honest = [await device('engineer'), await device('account-manager'), await device('admin')];
    for (const [i, t] of honest.entries()) await t.api.createCase({ customerName: `Before ${i}` });
    for (const t of honest) await t.api.syncNow({});

    const enrolled = await fetch(`${hub.url}/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: enrollCode(where, 'Acme IT', 'engineer'), deviceName: 'attacker', localDeviceId: 'evil' }),
    });
    const { token } = (await enrolled.json()) as { token: string };
    let seq = 0;
    const push = async (hlc: string, table = 'price_book_items') => {
      seq += 1;
      const response = await fetch(`${hub.url}/v1/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          mutations: [{ seq, mutationId: `evil-${seq}`, table, rowId: newId(), op: 'upsert', fields: { deleted: 0 }, hlc, originDevice: 'evil' }],
        }),
      });
      return { status: response.status, body: (await response.json()) as { error?: { code: string; message: string } } };
    };

    // Far future: the tester's value, the "milder" one (year 2255) and ten minutes ahead (bound 5 minutes).
    for (const hlc of ['9999999999999-99999-x', '9000000000000-00000-x', `${pad(Date.now() + 10 * minute)}-00000-x`]) {
      const answer = await push(hlc);
      expect(answer.status, hlc).toBe(422);
      expect(answer.body).toMatchObject({ error: { code: 'clock_skew', message: expect.stringMatching(/ahead of the hub's .*date and time/) } });
    }
    // 9999999999999 ms is 2286-11-20: the message names the distance in years.
    expect((await push('9999999999999-99999-x')).body.error?.message).toMatch(/\d{3} years ahead/);
    // Malformed: 14-digit wall, 6-digit counter, empty node, NUL and space in the node, words.
    for (const hlc of ['10000000000000-00000-x', `${pad(Date.now())}-100000-x`, `${pad(Date.now())}-00000-`, `${pad(Date.now())}-00000-a\u0000b`, `${pad(Date.now())}-00000-a b`, 'yesterday']) {
      const answer = await push(hlc);
      expect(answer.status, JSON.stringify(hlc)).toBe(400);
      expect(answer.body.error?.message).toMatch(/HLC timestamp/);
    }
    // The hub holds none of it: nothing from the attacker was logged or merged.
    const counts = await store.counts();
    const poisoned = await store.driver.query("SELECT count(*) AS n FROM records WHERE hlc >= '2'");
    expect(Number((poisoned[0] as { n: number | string }).n)).toBe(0);
    expect(counts.mutations).toBeGreaterThan(0);

    // A clock within the bound (two minutes ahead) is still fine: honest laptops drift.
    expect((await push(`${pad(Date.now() + 2 * minute)}-00000-x`)).status).toBe(200);

    for (const [i, t] of honest.entries()) await stillWrites(t, String(i));
  });

  it('a row already on the hub with a far-future clock is kept as refused, not taken, and writing goes on', async () => {
    const am = await device('account-manager');
    // As a hub from before the fix would hold it: written straight into the store.
    const partner = (await store.findPartnerByName('Acme IT'))!;
    const rowId = newId();
    const hlc = '9999999999999-99999-x';
    await store.pushTransaction(async (tx) => {
      const next = (await tx.lockPartner(partner.id)) + 1;
      const fields = { name: 'Poisoned item', unit_price: 1, deleted: 0 };
      await tx.putRecord({
        partnerId: partner.id,
        table: 'price_book_items',
        rowId,
        fields,
        fieldHlcs: Object.fromEntries(Object.keys(fields).map((n) => [n, hlc])),
        hlc,
        deleted: false,
        ownerDevice: 'evil',
        originDevice: 'evil',
        changeSeq: next,
      });
      await tx.setPartnerLastChange(partner.id, next);
    });
    await am.api.syncNow({});
    const kept = am.services.db.prepare('SELECT refused_reason FROM sync_remote_rows WHERE row_id = ?').get(rowId) as { refused_reason: string };
    expect(kept.refused_reason).toMatch(/^Not taken: its clock is \d{3} years ahead of this one/);
    // Not applied to the local price book, and the device's own clock did not jump.
    expect(am.services.db.prepare('SELECT count(*) AS n FROM price_book_items WHERE id = ?').get(rowId)).toEqual({ n: 0 });
    await stillWrites(am, 'am');
  });

  it('a laptop whose clock differs from the hub by more than the bound is told so (status and CLI)', async () => {
    const dataDir = tempDir();
    const t = await device('engineer', dataDir);
    // The hub's Date two hours ahead of ours: to the laptop, its own clock is two hours behind.
    const behind = await startClockProxy(hub.port, 2 * 60 * minute);
    const ahead = await startClockProxy(hub.port, -3 * 60 * minute);
    try {
      t.services.db.prepare('UPDATE sync_state SET hub_url = ?').run(behind.url);
      const report = await t.api.syncNow({});
      expect(report.status.clockWarning).toMatch(/^This laptop's clock is 2 hours behind the partner hub's/);
      // The offset itself, hub minus laptop: +2 h give or take the Date header's second and the round trip.
      expect(Math.abs(report.status.hubClockOffsetMs! - 2 * 60 * minute)).toBeLessThan(30_000);
      expect(report.status.clockOffset).toBe('This laptop is 2 hours behind the hub');
      t.services.db.prepare('UPDATE sync_state SET hub_url = ?').run(ahead.url);
      expect((await t.api.syncNow({})).status.clockWarning).toMatch(/3 hours ahead of the partner hub's\. The hub refuses changes stamped in its future/);
      // Not spawnSync: the proxy lives in this process and must keep answering meanwhile.
      const cli = await promisify(execFile)(process.execPath, [cliPath, 'sync', '--data-dir', dataDir], { timeout: 60_000 });
      expect(cli.stderr).toMatch(/Warning: This laptop's clock is 3 hours ahead/);
      const status = await promisify(execFile)(process.execPath, [cliPath, 'sync', '--status', '--data-dir', dataDir], { timeout: 60_000 });
      expect(status.stdout).toMatch(/^Clock: This laptop is 3 hours ahead of the hub$/m);
      // Back to the true hub: the warning goes.
      t.services.db.prepare('UPDATE sync_state SET hub_url = ?').run(hub.url);
      const inStep = (await t.api.syncNow({})).status;
      expect(inStep.clockWarning).toBeNull();
      expect(inStep.clockOffset).toBe('In step with the hub (to the second)');
    } finally {
      await behind.close();
      await ahead.close();
    }
  });
});
