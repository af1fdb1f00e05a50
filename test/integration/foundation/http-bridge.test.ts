import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { channels } from '../../../shared/contract/api-contract';
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
