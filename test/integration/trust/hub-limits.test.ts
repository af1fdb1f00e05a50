import fs from 'node:fs';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHubServer } from '../../../hub/server/hub-server';
import { createPartner } from '../../../hub/sync/hub-service';
import { newId } from '../../../electron/services/db/device-clock';
import { enrollCode, hubCliOk, HubProcess, type HubLocation } from '../../support/hub-process';
import { storeKinds, useHubStores } from '../../support/hub-stores';

const stores = useHubStores();
const MiB = 1024 * 1024;

const rssOf = (pid: number): number => {
  const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1]) * 1024;
};

/** Streams `body` to the hub; resolves with the status it answered (it may answer before the body ends). */
const postBig = (port: number, path: string, type: string, body: Buffer, chunked: boolean): Promise<number> =>
  new Promise((resolve, reject) => {
    const request = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path,
      headers: { 'content-type': type, ...(chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(body.length) }) },
    });
    let status = 0;
    request.on('response', (response) => {
      status = response.statusCode ?? 0;
      response.resume();
      response.on('end', () => resolve(status));
      request.destroy();
    });
    // The hub may answer and close while we still send: a reset before the status line counts as
    // refused (-1), which is what it is; any status it did send is what counts.
    request.on('error', (error: NodeJS.ErrnoException) => (status ? resolve(status) : ['ECONNRESET', 'EPIPE'].includes(error.code ?? '') ? resolve(-1) : reject(error)));
    request.on('close', () => status && resolve(status));
    for (let offset = 0; offset < body.length; offset += MiB) request.write(body.subarray(offset, offset + MiB));
    request.end();
  });

describe.each(storeKinds)('hub limits on a real hub process on %s', (kind) => {
  let where: HubLocation;
  let hub: HubProcess;
  beforeAll(async () => {
    where = await stores.location(kind);
    hubCliOk(where, ['partner', 'create', '--name', 'Acme IT']);
    hub = await HubProcess.start(where);
  });
  afterAll(async () => {
    await hub?.kill('SIGTERM');
  });

  const call = async (method: string, route: string, body: string | undefined, auth?: string) => {
    const response = await fetch(`${hub.url}${route}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
      body,
    });
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as { error?: { code: string; message: string } } };
  };

  it('six parallel 60 MiB POSTs to /v1/enroll are refused before being buffered', async () => {
    const pid = hub.pid as number;
    const body = Buffer.alloc(60 * MiB, 0x20);
    const before = rssOf(pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 5);
    const statuses = await Promise.all([
      postBig(hub.port, '/v1/enroll', 'application/json', body, false),
      postBig(hub.port, '/v1/enroll', 'application/json', body, true),
      postBig(hub.port, '/v1/enroll', 'application/octet-stream', body, false),
      postBig(hub.port, '/v1/enroll', 'application/octet-stream', body, true),
      postBig(hub.port, '/v1/push', 'application/octet-stream', body, true),
      postBig(hub.port, '/v1/enroll', 'text/plain', body, false),
    ]);
    clearInterval(sampler);
    peak = Math.max(peak, rssOf(pid));
    // Too large for the enroll route (8 KiB), or a type no route but the blob upload reads.
    for (const status of statuses.slice(0, 2)) expect([413, -1]).toContain(status);
    for (const status of statuses.slice(2)) expect([401, 413, 415, -1]).toContain(status);
    console.log(`answers: ${statuses.join(', ')}`);
    console.log(`hub RSS before ${(before / MiB).toFixed(1)} MiB, peak ${(peak / MiB).toFixed(1)} MiB during 6 × 60 MiB`);
    // 6 × 60 MiB = 360 MiB sent; buffering even one would add 60 MiB.
    expect(peak - before).toBeLessThan(50 * MiB);
    // Still answering afterwards.
    expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);
  });

  it('300 wrong codes: 401 up to the limit (20 a minute), then 429 with Retry-After', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 300; i += 1) {
      const answer = await call('POST', '/v1/enroll', JSON.stringify({ code: 'GW-AAAA-BBBB-CCCC-DDDD', deviceName: 'guess', localDeviceId: 'g' }));
      statuses.push(answer.status);
      if (answer.status === 429) retryAfter ??= answer.retryAfter;
    }
    expect(statuses.slice(0, 21).join(",")).toBe(`${"401,".repeat(20)}429`);
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);

    // Wrong tokens likewise; a valid token from the same address keeps working.
    const good = await call(
      'POST',
      '/v1/enroll',
      JSON.stringify({ code: enrollCode(where, 'Acme IT', 'engineer'), deviceName: 'honest', localDeviceId: 'h' }),
    );
    // The limit is per address and window: the honest code waits its turn like any other.
    expect(good.status).toBe(429);
    const tokenStatuses: number[] = [];
    for (let i = 0; i < 30; i += 1) tokenStatuses.push((await call('GET', '/v1/pull', undefined, `gwt_${'x'.repeat(43)}`)).status);
    // The 60 MiB test above already spent one wrong-token failure (its tokenless /v1/push).
    const firstLimited = tokenStatuses.indexOf(429);
    expect(firstLimited).toBeGreaterThanOrEqual(19);
    expect(firstLimited).toBeLessThanOrEqual(20);
    expect(tokenStatuses.slice(0, firstLimited).every((s) => s === 401)).toBe(true);
    expect(tokenStatuses.slice(firstLimited).every((s) => s === 429)).toBe(true);
  });
});

describe.each(storeKinds)('client mistakes get 4xx, never 500, on %s', (kind) => {
  let where: HubLocation;
  let hub: HubProcess;
  let token: string;
  beforeAll(async () => {
    where = await stores.location(kind);
    hubCliOk(where, ['partner', 'create', '--name', 'Acme IT']);
    hub = await HubProcess.start(where);
    const enrolled = await fetch(`${hub.url}/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: enrollCode(where, 'Acme IT', 'engineer'), deviceName: 'tester', localDeviceId: 'l' }),
    });
    token = ((await enrolled.json()) as { token: string }).token;
  });
  afterAll(async () => {
    await hub?.kill('SIGTERM');
  });

  const post = async (route: string, body: string, auth = true) => {
    const response = await fetch(`${hub.url}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${token}` } : {}) },
      body,
    });
    return { status: response.status, body: (await response.json()) as { error?: { code: string; message: string } } };
  };
  let seq = 0;
  const mutation = (over: Record<string, unknown>) => {
    seq += 1;
    return { seq, mutationId: `m-${seq}`, table: 'cases', rowId: newId(), op: 'upsert', fields: { title: 'x' }, hlc: `${Date.now()}-00000-dev`, originDevice: 'dev', ...over };
  };

  it('NUL bytes in deviceName, localDeviceId, mutationId, originDevice and the clock node are 400', async () => {
    for (const field of ['deviceName', 'localDeviceId']) {
      const body = { code: enrollCode(where, 'Acme IT', 'engineer'), deviceName: 'laptop', localDeviceId: 'l', [field]: 'a\u0000b' };
      const answer = await post('/v1/enroll', JSON.stringify(body), false);
      expect(answer.status, field).toBe(400);
      expect(answer.body.error?.message).toMatch(/control characters/);
    }
    for (const over of [{ mutationId: 'm\u0000' }, { originDevice: 'd\u0000' }, { hlc: `${Date.now()}-00000-a\u0000b` }]) {
      const answer = await post('/v1/push', JSON.stringify({ mutations: [mutation(over)] }));
      expect(answer.status, JSON.stringify(over)).toBe(400);
    }
    // A NUL inside a field value is data, kept as JSON text on both stores.
    const fine = await post('/v1/push', JSON.stringify({ mutations: [mutation({ fields: { title: 'nul \u0000 inside' } })] }));
    expect(fine.status).toBe(200);
  });

  it('JSON nested 100,000 deep is a 400 on push and enroll, and the hub keeps answering', async () => {
    const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    const push = await post('/v1/push', `{"mutations":${deep(100_000)}}`);
    expect(push.status).toBe(400);
    expect(push.body.error?.message).toMatch(/nested deeper than 64/);
    // Enroll bodies are capped at 8 KiB: 100,000 levels is 200 KB, refused for size first.
    expect((await post('/v1/enroll', `{"code":${deep(100_000)}}`, false)).status).toBe(413);
    expect((await post('/v1/enroll', `{"code":${deep(1_000)}}`, false)).status).toBe(400);
    expect((await post('/v1/push', JSON.stringify({ mutations: [mutation({})] }))).status).toBe(200);
  });
});

describe('/metrics by default', () => {
  it('serves loopback only without a metrics token, and needs the token when one is set', async () => {
    const store = await stores.open('sqlite');
    await createPartner(store, 'Acme IT');
    const open = buildHubServer({ store });
    const guarded = buildHubServer({ store, metricsToken: 'secret-metrics-token' });
    try {
      expect((await open.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' })).statusCode).toBe(200);
      const remote = await open.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.7' });
      expect(remote.statusCode).toBe(401);
      expect(remote.body).not.toMatch(/groundwork_hub_devices/);
      expect((await guarded.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' })).statusCode).toBe(401);
      const withToken = await guarded.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.7', headers: { authorization: 'Bearer secret-metrics-token' } });
      expect(withToken.statusCode).toBe(200);
      // No partner's name or id in what it reports.
      expect(withToken.body).not.toMatch(/Acme/);
    } finally {
      await open.close();
      await guarded.close();
    }
  });
});
