import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildHubServer } from '../../../hub/server/hub-server';
import { HubStore } from '../../../hub/store/hub-store';
import type { SqlDriver } from '../../../hub/store/sql-driver';
import { createEnrollCode, createPartner, enrollDevice, sha256Hex } from '../../../hub/sync/hub-service';
import type { PushedMutation } from '../../../shared/sync/protocol';
import { storeKinds, useHubStores } from '../../support/hub-stores';

const stores = useHubStores();
const servers: FastifyInstance[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

/** The real driver, with every statement it runs written down (to see what a scrape costs). */
const recording = (driver: SqlDriver, seen: string[]): SqlDriver => ({
  dialect: driver.dialect,
  query: (sql, params) => {
    seen.push(sql);
    return driver.query(sql, params);
  },
  script: (sql) => driver.script(sql),
  transaction: (work) => driver.transaction(work),
  close: () => driver.close(),
});

/** The value of one sample line: `name{labels} value`, labels matched as given (or none). */
const sample = (text: string, name: string, labels = ''): number | undefined => {
  const escaped = `${name}${labels ? `{${labels}}` : ''}`.replace(/[{}.*+?^$()|[\]\\]/g, '\\$&');
  const match = new RegExp(`^${escaped} (\\S+)$`, 'm').exec(text);
  return match ? Number(match[1]) : undefined;
};

const caseMutation = (seq: number, n: number): PushedMutation => ({
  seq,
  mutationId: `m-${seq}`,
  table: 'cases',
  rowId: `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`,
  op: 'upsert',
  fields: { title: `case ${n}` },
  hlc: `${String(Date.now()).padStart(13, '0')}-00000-x`,
  originDevice: 'local',
});

const until = async (what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe.each(storeKinds)('hub metrics on %s', (kind) => {
  it('has latency histograms and push/pull sizes, and counts the tables once, not per scrape', async () => {
    const real = await stores.open(kind);
    const seen: string[] = [];
    const store = new HubStore(recording(real.driver, seen));
    await createPartner(store, 'Acme');
    const app = buildHubServer({ store });
    servers.push(app);
    const scrape = async () => {
      const response = await app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' });
      expect(response.statusCode).toBe(200);
      return response.body;
    };
    const counting = () => seen.filter((sql) => /COUNT\(/i.test(sql)).length;

    const first = await scrape();
    expect(sample(first, 'groundwork_hub_devices')).toBe(0);
    expect(sample(first, 'groundwork_hub_store_up')).toBe(1);
    expect(counting()).toBe(1);

    const { code } = await createEnrollCode(store, 'Acme', 'engineer', 60_000);
    const enrolled = await app.inject({ method: 'POST', url: '/v1/enroll', payload: { code, deviceName: 'laptop', localDeviceId: 'l' } });
    const auth = { authorization: `Bearer ${(enrolled.json() as { token: string }).token}` };
    // Two pushes of 3 and 2 new cases, then the second again (2 duplicates, nothing new held).
    const second = { mutations: [caseMutation(4, 4), caseMutation(5, 5)] };
    for (const payload of [{ mutations: [1, 2, 3].map((n) => caseMutation(n, n)) }, second, second]) {
      expect((await app.inject({ method: 'POST', url: '/v1/push', headers: auth, payload })).statusCode).toBe(200);
    }
    const blob = Buffer.from('evidence');
    const put = await app.inject({ method: 'PUT', url: `/v1/blobs/${sha256Hex(blob)}`, headers: { ...auth, 'content-type': 'application/octet-stream' }, payload: blob });
    expect(put.statusCode).toBe(201);
    // The pusher's own pull is empty (nothing it does not hold); an account manager's holds all 5 rows.
    expect((await app.inject({ method: 'GET', url: '/v1/pull', headers: auth })).json()).toMatchObject({ rows: [] });
    const manager = await app.inject({ method: 'POST', url: '/v1/enroll', payload: { code: (await createEnrollCode(store, 'Acme', 'account-manager', 60_000)).code, deviceName: 'desk', localDeviceId: 'm' } });
    const managerAuth = { authorization: `Bearer ${(manager.json() as { token: string }).token}` };
    expect((await app.inject({ method: 'GET', url: '/v1/pull', headers: managerAuth })).statusCode).toBe(200);

    const text = await scrape();
    await scrape();
    // 5 cases, 5 logged mutations (the repeated batch logs none), 2 devices, 1 blob: all without a new count.
    expect(sample(text, 'groundwork_hub_devices')).toBe(2);
    expect(sample(text, 'groundwork_hub_records')).toBe(5);
    expect(sample(text, 'groundwork_hub_mutations')).toBe(5);
    expect(sample(text, 'groundwork_hub_blobs')).toBe(1);
    expect(counting()).toBe(1);
    // Batches of 3, 2 and 2 mutations: 3 observations summing to 7; the pull pages held 0 and 5 rows.
    expect(sample(text, 'groundwork_hub_push_mutations_count')).toBe(3);
    expect(sample(text, 'groundwork_hub_push_mutations_sum')).toBe(7);
    expect(sample(text, 'groundwork_hub_push_bytes_count')).toBe(3);
    expect(sample(text, 'groundwork_hub_pull_rows_sum')).toBe(5);
    expect(sample(text, 'groundwork_hub_pull_rows_count')).toBe(2);
    expect(sample(text, 'groundwork_hub_mutations_applied_total')).toBe(5);
    expect(sample(text, 'groundwork_hub_mutations_duplicate_total')).toBe(2);
    // Durations by route pattern (never the raw URL with its hash), method and status.
    expect(sample(text, 'groundwork_hub_http_request_duration_seconds_count', 'route="/v1/push",method="POST",status="200"')).toBe(3);
    expect(sample(text, 'groundwork_hub_http_request_duration_seconds_bucket', 'le="+Inf",route="/v1/push",method="POST",status="200"')).toBe(3);
    expect(sample(text, 'groundwork_hub_http_request_duration_seconds_count', 'route="/v1/blobs/:sha256",method="PUT",status="201"')).toBe(1);
    expect(text).not.toContain(sha256Hex(blob));
    expect(text).not.toMatch(/Acme|laptop|desk/);

    // The sample Grafana dashboard graphs only series this hub serves.
    const dashboard = fs.readFileSync(new URL('../../../hub/deploy/grafana-dashboard.json', import.meta.url), 'utf8');
    const graphed = new Set(dashboard.match(/groundwork_hub_[a-z0-9_]+/g));
    expect(graphed.size).toBeGreaterThan(10);
    for (const name of graphed) expect(text, name).toMatch(new RegExp(`^${name}[ {]`, 'm'));
  });

  it('picks up rows written elsewhere by a background recount, answering meanwhile with what it has', async () => {
    const store = await stores.open(kind);
    await createPartner(store, 'Acme');
    const app = buildHubServer({ store, metricsRecountMs: 0 });
    servers.push(app);
    const devices = async () => sample((await app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' })).body, 'groundwork_hub_devices');
    expect(await devices()).toBe(0);
    // Another hub instance (or an admin command) enrolls a device straight into the store.
    await enrollDevice(store, { code: (await createEnrollCode(store, 'Acme', 'engineer', 60_000)).code, deviceName: 'other', localDeviceId: 'o' });
    await until('the recount to see the new device', async () => (await devices()) === 1);
  });
});
