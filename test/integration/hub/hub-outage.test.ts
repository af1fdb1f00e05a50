import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollCode, hubCliOk, HubProcess, type HubLocation } from '../../support/hub-process';
import { postgresAvailable, startPostgres, type TestPostgres } from '../../support/postgres';
import { openTestServices, type TestServices } from '../../support/services';
import { tempDir } from '../../support/temp-dir';
import { tuneSync } from '../../../electron/services/sync/sync-services';
import { openHubStore } from '../../../hub/store/open-hub-store';
import { pendingMutations } from '../../../electron/services/db/outbox';

const sentCount = (device: TestServices): number =>
  device.services.db.prepare('SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL').pluck().get() as number;
const queuedCount = (device: TestServices): number => device.services.db.prepare('SELECT count(*) FROM outbox').pluck().get() as number;

const waitFor = async (what: string, check: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> => {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

const isAlive = (pid: number | undefined): boolean => {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

describe.skipIf(!postgresAvailable())('a hub on PostgreSQL rides out a database restart', () => {
  let cluster: TestPostgres;
  let where: HubLocation;
  let hub: HubProcess;
  beforeAll(async () => {
    cluster = await startPostgres();
    where = { dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-hub-')), databaseUrl: await cluster.newDatabase() };
    hubCliOk(where, ['partner', 'create', '--name', 'Outage IT']);
    hub = await HubProcess.start(where);
  }, 120_000);
  afterAll(async () => {
    await hub?.kill();
    cluster?.stop();
    fs.rmSync(where.dataDir, { recursive: true, force: true });
  });

  it('answers 503 with Retry-After while PostgreSQL is down, stays up, and the push lands exactly once after', async () => {
    const device = openTestServices(tempDir());
    await device.api.enrollDevice({ hubUrl: hub.url, code: enrollCode(where, 'Outage IT', 'engineer'), deviceName: 'outage laptop' });
    // 60 cases with a site: 3 mutations each (customer, site, case) = 180, sent 10 per request = 18 pushes.
    for (let i = 0; i < 60; i += 1) await device.api.createCase({ customerName: `Customer ${i}`, siteName: 'HQ' });
    const total = queuedCount(device);
    expect(total).toBe(180);
    tuneSync(device.services, { batchSize: 10, retry: { maxAttempts: 1_000, baseDelayMs: 50, maxDelayMs: 500 } });

    const syncing = device.api.syncNow({});
    // Stop the database once the push is under way: some batches acknowledged, most still queued.
    await waitFor('the first acknowledged batch', () => sentCount(device) > 0);
    cluster.pause();
    try {
      const health = await fetch(`${hub.url}/healthz`);
      expect(health.status).toBe(503);
      expect(health.headers.get('retry-after')).toBe('5');
      expect(await health.json()).toMatchObject({ ok: false, store: 'postgres', storeDown: true });
      const token = await device.services.tokenStore.read();
      const push = await fetch(`${hub.url}/v1/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ mutations: [] }),
      });
      expect(push.status).toBe(503);
      expect(push.headers.get('retry-after')).toBe('5');
      expect(await push.json()).toMatchObject({ ok: false, error: { code: 'store_unavailable' } });
      // pg_ctl stop blocks this process while it runs, so a batch the database committed just before
      // it stopped is acknowledged only now; let those answers arrive before counting.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const sentWhileDown = sentCount(device);
      expect(sentWhileDown).toBeLessThan(total);
      // Two more seconds of the device retrying against a hub without its database.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(isAlive(hub.pid)).toBe(true);
      expect(sentCount(device)).toBe(sentWhileDown);
    } finally {
      // The next test needs the database whatever this one found.
      cluster.resume();
    }
    const report = await syncing;
    expect(report.status.pendingCount).toBe(0);
    expect(sentCount(device)).toBe(total);
    expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);
    expect(isAlive(hub.pid)).toBe(true);
    // Exactly once: 180 mutations received, 60 cases + 60 customers + 60 sites held.
    const store = await openHubStore(where);
    try {
      const counts = await store.counts();
      expect(counts.mutations).toBe(total);
      expect(counts.records).toBe(total);
    } finally {
      await store.close();
    }
    // The first request to find the store down logs the change, whether a route or /healthz met it.
    expect(hub.output).toMatch(/"msg":"store unavailable/);
    expect(hub.output).toMatch(/store is reachable again/);
    device.services.close();
  }, 180_000);

  it('on SIGTERM finishes the push in flight, closes the pool and exits 0', async () => {
    const device = openTestServices(tempDir());
    await device.api.enrollDevice({ hubUrl: hub.url, code: enrollCode(where, 'Outage IT', 'engineer'), deviceName: 'sigterm laptop' });
    for (let i = 0; i < 40; i += 1) await device.api.createCase({ customerName: `Late ${i}`, siteName: 'HQ' });
    const body = Buffer.from(JSON.stringify({ mutations: pendingMutations(device.services.db, 500) }));
    const token = await device.services.tokenStore.read();
    // Half the push body goes out, then SIGTERM, then the rest: the request is in flight throughout.
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(`${hub.url}/v1/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': body.length, authorization: `Bearer ${token}` },
      });
      request.on('response', (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      });
      request.on('error', reject);
      request.write(body.subarray(0, body.length / 2));
      setTimeout(() => request.end(body.subarray(body.length / 2)), 1_000);
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    const exited = hub.stop('SIGTERM');
    const pushed = await answer;
    expect(pushed.status).toBe(200);
    expect(JSON.parse(pushed.body)).toMatchObject({ applied: 120 });
    const code = await exited;
    if (code !== 0) console.log(Date.now() - started, hub.output.split('\n').slice(-12).join('\n'));
    expect(code).toBe(0);
    expect(hub.output).toMatch(/shutting down: finishing requests in flight/);
    expect(hub.output).toMatch(/stopped cleanly/);
    device.services.close();
    await hub.restart();
  }, 120_000);
});
