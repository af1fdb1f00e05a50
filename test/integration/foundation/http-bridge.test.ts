import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { channels } from '../../../shared/contract/api-contract';
import { httpErrorBodySchema } from '../../../shared/contract/http-error';
import { startHttpBridge, maxBodyBytes, type HttpBridge } from '../../../electron/services/bridge/http-bridge';
import { openTestServices } from '../../support/services';
import { callBridge } from '../../support/web-process';

let bridge: HttpBridge | undefined;
const close: Array<() => void> = [];
afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
  for (const c of close.splice(0)) c();
});

const startBridge = async () => {
  const { dispatch, services } = openTestServices();
  close.push(() => services.close());
  bridge = await startHttpBridge({ dispatch });
  return bridge;
};

/** A raw request, so the Host header and body can be anything. */
const rawRequest = (port: number, options: http.RequestOptions, body?: Buffer | string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', ...options }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });

describe('loopback HTTP bridge', () => {
  it('listens on 127.0.0.1 only and serves the contract with the token', async () => {
    const b = await startBridge();
    expect(b.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const created = await callBridge(b.url, b.token, 'cases:create', { customerName: 'Acme' });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ ok: true, value: { customerName: 'Acme', status: 'draft' } });
    const listed = await callBridge(b.url, b.token, 'cases:list', {});
    expect((listed.body.value as unknown[]).length).toBe(1);
  });

  it('refuses a request without the token, or with a wrong one, and changes nothing', async () => {
    const b = await startBridge();
    const noToken = await fetch(`${b.url}/api/cases:create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customerName: 'Intruder' }),
    });
    expect(noToken.status).toBe(401);
    const wrong = await callBridge(b.url, `${b.token}x`, 'cases:create', { customerName: 'Intruder' });
    expect(wrong.status).toBe(401);
    const listed = await callBridge(b.url, b.token, 'cases:list', {});
    expect(listed.body.value).toEqual([]);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const b = await startBridge();
    const answer = await rawRequest(
      b.port,
      { path: '/api/cases:list', headers: { host: 'evil.example', authorization: `Bearer ${b.token}`, 'content-type': 'application/json' } },
      '{}',
    );
    expect(answer.status).toBe(403);
    const ok = await rawRequest(
      b.port,
      { path: '/api/cases:list', headers: { host: `localhost:${b.port}`, authorization: `Bearer ${b.token}`, 'content-type': 'application/json' } },
      '{}',
    );
    expect(ok.status).toBe(200);
  });

  it('refuses oversized and malformed bodies with a clear error', async () => {
    const b = await startBridge();
    const headers = { authorization: `Bearer ${b.token}`, 'content-type': 'application/json', host: `127.0.0.1:${b.port}` };
    const big = await rawRequest(b.port, { path: '/api/cases:create', headers }, Buffer.alloc(maxBodyBytes + 10, 'a'));
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body)).toMatchObject({ ok: false, error: { code: 'payload_too_large' } });
    const broken = await rawRequest(b.port, { path: '/api/cases:create', headers }, '{"customerName": ');
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body).error.message).toMatch(/not valid JSON/);
  });

  it('says every refusal in the one error body the hub sends too, with the status of its contract code', async () => {
    const b = await startBridge();
    const host = `127.0.0.1:${b.port}`;
    const auth = `Bearer ${b.token}`;
    const cases = [
      { status: 403, code: 'forbidden', options: { path: '/api/cases:list', headers: { host: 'evil.example', authorization: auth, 'content-type': 'application/json' } } },
      { status: 401, code: 'unauthorized', options: { path: '/api/cases:list', headers: { host, 'content-type': 'application/json' } } },
      { status: 404, code: 'not_found', options: { method: 'GET', path: '/api/cases:list', headers: { host, authorization: auth } } },
      { status: 400, code: 'validation', options: { path: '/api/cases:list', headers: { host, authorization: auth, 'content-type': 'text/plain' } } },
      { status: 404, code: 'unknown_call', options: { path: '/api/cases:nothing', headers: { host, authorization: auth, 'content-type': 'application/json' } } },
      { status: 404, code: 'not_found', options: { method: 'GET', path: '/index.html', headers: { host } } },
    ];
    for (const c of cases) {
      const answer = await rawRequest(b.port, c.options, c.options.method === 'GET' ? undefined : '{}');
      expect({ path: c.options.path, status: answer.status }).toEqual({ path: c.options.path, status: c.status });
      const body = httpErrorBodySchema.parse(JSON.parse(answer.body));
      expect(body.error.code).toBe(c.code);
      expect(body.error.message.length).toBeGreaterThan(5);
    }
  });

  it.each(channels)('answers an invalid payload to %s with a validation error', async (channel) => {
    const b = await startBridge();
    const answer = await callBridge(b.url, b.token, channel, ['not', 'an', 'object']);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('does not serve files outside the renderer folder', async () => {
    const { dispatch, services } = openTestServices();
    close.push(() => services.close());
    bridge = await startHttpBridge({ dispatch, staticDir: new URL('../../fixtures/static-site', import.meta.url).pathname });
    const page = await fetch(`${bridge.url}/index.html`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const escape = await rawRequest(bridge.port, { method: 'GET', path: '/..%2f..%2f..%2fpackage.json', headers: { host: `127.0.0.1:${bridge.port}` } });
    expect(escape.body).not.toContain('"name"');
  });
});
