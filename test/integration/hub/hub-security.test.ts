import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildHubServer } from '../../../hub/server/hub-server';
import type { HubStore } from '../../../hub/store/hub-store';
import { createEnrollCode, createPartner, enrollDevice, sha256Hex } from '../../../hub/sync/hub-service';
import type { HubRole, PushedMutation } from '../../../shared/sync/protocol';
import { storeKinds, useHubStores } from '../../support/hub-stores';
import { tempDir } from '../../support/temp-dir';

const stores = useHubStores();
const servers: FastifyInstance[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

const serve = async (store: HubStore, limits: { jsonBodyLimit?: number; blobBodyLimit?: number } = {}): Promise<string> => {
  const app = buildHubServer({ store, ...limits });
  servers.push(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
};

const caseMutation = (seq: number, rowId: string, title: string): PushedMutation => ({
  seq,
  mutationId: `m-${rowId}-${seq}`,
  table: 'cases',
  rowId,
  op: 'upsert',
  fields: { title },
  hlc: `${String(Date.now()).padStart(13, '0')}-00000-x`,
  originDevice: 'local',
});

const rowA = '0190a000-0000-7000-8000-00000000000a';
const rowB = '0190a000-0000-7000-8000-00000000000b';

describe.each(storeKinds)('hub API security on %s', (kind) => {
  const setUp = async (limits?: { jsonBodyLimit?: number; blobBodyLimit?: number }) => {
    const store = await stores.open(kind);
    await createPartner(store, 'Acme');
    await createPartner(store, 'Rival');
    const url = await serve(store, limits);
    const token = async (partner: string, role: HubRole) =>
      (await enrollDevice(store, { code: (await createEnrollCode(store, partner, role, 60_000)).code, deviceName: `${partner}-${role}`, localDeviceId: 'l' })).token;
    const call = (method: string, route: string, auth: string | null, body?: string | Uint8Array, type = 'application/json') =>
      fetch(`${url}${route}`, {
        method,
        headers: { ...(auth ? { authorization: `Bearer ${auth}` } : {}), ...(body !== undefined ? { 'content-type': type } : {}) },
        body: body as BodyInit | undefined,
      });
    return { store, url, token, call };
  };

  it('a missing, wrong, expired or revoked token gets the same 401 and nothing else', async () => {
    const { store, token, call } = await setUp();
    const good = await token('Acme', 'account-manager');
    await call('POST', '/v1/push', good, JSON.stringify({ mutations: [caseMutation(1, rowA, 'secret title')] }));
    const expired = await token('Acme', 'account-manager');
    await store.driver.query("UPDATE devices SET token_expires_at = '2000-01-01T00:00:00.000Z' WHERE token_hash = ?", [sha256Hex(expired)]);
    const revoked = await token('Acme', 'account-manager');
    const revokedDevice = await store.findDeviceByTokenHash(sha256Hex(revoked));
    await store.revokeDevice(revokedDevice!.id, new Date().toISOString());

    const bodies = new Set<string>();
    for (const auth of [null, 'gwt_wrongwrongwrongwrongwrongwrongwrongwrong', 'not even a token', expired, revoked]) {
      for (const route of ['/v1/pull', '/v1/me', `/v1/blobs/${'0'.repeat(64)}`]) {
        const response = await call('GET', route, auth);
        expect(response.status, `${route} with ${auth}`).toBe(401);
        bodies.add(await response.text());
      }
    }
    expect(bodies.size).toBe(1);
    expect([...bodies][0]).not.toContain('secret');
    expect((await call('GET', '/v1/pull', good)).status).toBe(200);
  });

  it("another partner's token sees none of this partner's rows or blobs", async () => {
    const { token, call } = await setUp();
    const acme = await token('Acme', 'engineer');
    const rival = await token('Rival', 'admin');
    await call('POST', '/v1/push', acme, JSON.stringify({ mutations: [caseMutation(1, rowA, 'Acme secret')] }));
    const blob = Buffer.from('acme evidence');
    expect((await call('PUT', `/v1/blobs/${sha256Hex(blob)}`, acme, blob, 'application/octet-stream')).status).toBe(201);
    const pulled = await (await call('GET', '/v1/pull?scope=partner', rival)).json();
    expect(pulled).toEqual({ rows: [], cursor: 0, hasMore: false });
    expect((await call('GET', `/v1/blobs/${sha256Hex(blob)}`, rival)).status).toBe(404);
    expect((await call('HEAD', `/v1/blobs/${sha256Hex(blob)}`, rival)).status).toBe(404);
    // Writing the same row id lands in Rival's own space; Acme's row is untouched.
    await call('POST', '/v1/push', rival, JSON.stringify({ mutations: [caseMutation(1, rowA, 'overwritten?')] }));
    // Seen from another Acme laptop (acme's own pull skips what it pushed itself).
    const acmeView = await (await call('GET', '/v1/pull', await token('Acme', 'account-manager'))).json();
    expect(acmeView.rows.map((r: { fields: { title: string } }) => r.fields.title)).toEqual(['Acme secret']);
  });

  it("an engineer cannot read another engineer's case; an account manager can", async () => {
    const { token, call } = await setUp();
    const ada = await token('Acme', 'engineer');
    const bo = await token('Acme', 'engineer');
    const am = await token('Acme', 'account-manager');
    await call('POST', '/v1/push', ada, JSON.stringify({ mutations: [caseMutation(1, rowA, 'Ada case')] }));
    await call('POST', '/v1/push', bo, JSON.stringify({ mutations: [caseMutation(1, rowB, 'Bo case')] }));
    const titles = async (auth: string, query = '') =>
      ((await (await call('GET', `/v1/pull${query}`, auth)).json()) as { rows: { fields: { title: string } }[] }).rows.map((r) => r.fields.title);
    // Not Bo's case; her own she already holds (the hub does not send it back).
    expect(await titles(ada)).toEqual([]);
    expect((await call('GET', '/v1/pull?scope=partner', ada)).status).toBe(403);
    expect(await titles(am)).toEqual(['Ada case', 'Bo case']);
    // Nor may Bo overwrite Ada's case: the hub refuses it, visibly.
    const answer = await (await call('POST', '/v1/push', bo, JSON.stringify({ mutations: [caseMutation(2, rowA, 'Bo was here')] }))).json();
    expect(answer.refused).toHaveLength(1);
    expect(await titles(am)).toEqual(['Ada case', 'Bo case']);
  });

  it('refuses oversized and malformed bodies with 413 and 400', async () => {
    const { token, call } = await setUp({ jsonBodyLimit: 64 * 1024, blobBodyLimit: 1024 });
    const auth = await token('Acme', 'engineer');
    const huge = JSON.stringify({ mutations: [caseMutation(1, rowA, 'x'.repeat(100_000))] });
    expect((await call('POST', '/v1/push', auth, huge)).status).toBe(413);
    const bigBlob = Buffer.alloc(2048, 1);
    expect((await call('PUT', `/v1/blobs/${sha256Hex(bigBlob)}`, auth, bigBlob, 'application/octet-stream')).status).toBe(413);
    for (const bad of ['{"mutations": [', '[]', '{"mutations": []}', JSON.stringify({ mutations: [{ ...caseMutation(1, rowA, 'a'), table: 'devices' }] })]) {
      const response = await call('POST', '/v1/push', auth, bad);
      expect(response.status, bad).toBe(400);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'validation' } });
    }
    // Seqs must increase within a batch.
    const backwards = JSON.stringify({ mutations: [caseMutation(2, rowA, 'a'), caseMutation(1, rowB, 'b')] });
    expect((await call('POST', '/v1/push', auth, backwards)).status).toBe(400);
    expect((await call('POST', '/v1/enroll', null, '{"code": 1}')).status).toBe(400);
    expect((await call('GET', '/v1/pull?limit=99999', auth)).status).toBe(400);
    expect((await call('GET', '/v1/blobs/not-a-hash', auth)).status).toBe(400);
  });

  it('a blob is stored only under its true hash, and storing it again is harmless', async () => {
    const { store, token, call } = await setUp();
    const auth = await token('Acme', 'engineer');
    const data = Buffer.from('photo of the server room');
    const wrong = sha256Hex('something else');
    const mismatch = await call('PUT', `/v1/blobs/${wrong}`, auth, data, 'application/octet-stream');
    expect(mismatch.status).toBe(400);
    expect(await mismatch.json()).toMatchObject({ ok: false, error: { code: 'hash_mismatch' } });
    expect((await store.counts()).blobs).toBe(0);
    const sha = sha256Hex(data);
    expect((await call('PUT', `/v1/blobs/${sha}`, auth, data, 'application/octet-stream')).status).toBe(201);
    expect((await call('PUT', `/v1/blobs/${sha}`, auth, data, 'application/octet-stream')).status).toBe(200);
    const back = await call('GET', `/v1/blobs/${sha}`, auth);
    expect(Buffer.from(await back.arrayBuffer()).equals(data)).toBe(true);
    expect((await store.counts()).blobs).toBe(1);
  });

  it('an enrollment code is refused when unknown or already used', async () => {
    const { store, call } = await setUp();
    const { code } = await createEnrollCode(store, 'Acme', 'engineer', 60_000);
    const enroll = () => call('POST', '/v1/enroll', null, JSON.stringify({ code, deviceName: 'laptop', localDeviceId: 'x' }));
    expect((await enroll()).status).toBe(200);
    const again = await enroll();
    expect(again.status).toBe(401);
    const unknown = await call('POST', '/v1/enroll', null, JSON.stringify({ code: 'GW-AAAA-BBBB-CCCC-DDDD', deviceName: 'l', localDeviceId: 'x' }));
    expect(unknown.status).toBe(401);
    expect(await unknown.text()).toBe(await again.text());
  });

  it('serves /healthz and Prometheus /metrics', async () => {
    const { url, call } = await setUp();
    await call('GET', '/v1/pull', null);
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ ok: true, store: kind });
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(/# TYPE groundwork_hub_http_requests_total counter/);
    expect(metrics).toMatch(/groundwork_hub_auth_failures_total 1/);
    expect(metrics).toMatch(/groundwork_hub_devices 0/);
  });

  it('protects /metrics with a token when one is configured', async () => {
    const store = await stores.open(kind);
    const app = buildHubServer({ store, metricsToken: 'scrape-secret' });
    servers.push(app);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/metrics`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: 'Bearer scrape-secret' } })).status).toBe(200);
  });
});

describe('hub over TLS', () => {
  it('speaks HTTPS when given a certificate and key', async () => {
    const dir = tempDir();
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    const store = await stores.open('sqlite');
    const app = buildHubServer({ store, https: { cert: fs.readFileSync(cert), key: fs.readFileSync(key) } });
    servers.push(app);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as AddressInfo).port;
    const body = await new Promise<string>((resolve, reject) => {
      https
        .get({ host: '127.0.0.1', port, path: '/healthz', ca: fs.readFileSync(cert) }, (res) => {
          let text = '';
          res.on('data', (c) => (text += c)).on('end', () => resolve(text));
        })
        .on('error', reject);
    });
    expect(JSON.parse(body)).toEqual({ ok: true, store: 'sqlite' });
    // Plain HTTP to the TLS port gets no API answer.
    await expect(fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.json())).rejects.toThrow();
  });
});
