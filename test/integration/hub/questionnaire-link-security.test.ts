import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildHubServer } from '../../../hub/server/hub-server';
import type { HubStore } from '../../../hub/store/hub-store';
import { createEnrollCode, createPartner, enrollDevice } from '../../../hub/sync/hub-service';
import type { FormSpec } from '../../../shared/questionnaire/form-html';
import type { HubRole } from '../../../shared/sync/protocol';
import { storeKinds, useHubStores } from '../../support/hub-stores';

/**
 * The hub's questionnaire link routes against real stores (SQLite and PostgreSQL) over a real
 * socket: what a hostile laptop or a hostile customer can send is refused before anything is
 * stored, wrong tokens are limited like enrollment codes, and hostile text is served as text.
 */

const stores = useHubStores();
const servers: FastifyInstance[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

const serve = async (store: HubStore): Promise<string> => {
  const app = buildHubServer({ store, failureLimit: { max: 3, windowMs: 60_000 } });
  servers.push(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
};

const tokenFor = async (store: HubStore, partner: string, role: HubRole): Promise<string> => {
  const { code } = await createEnrollCode(store, partner, role, 60_000);
  return (await enrollDevice(store, { code, deviceName: `${role}-laptop`, localDeviceId: `local-${role}` })).token;
};

const hostile = '</script><script>alert(1)</script> =SUM(A1) \u202Eabc 🎉';
const spec = (over: Partial<FormSpec> = {}): FormSpec => ({
  questionnaireId: '0190a000-0000-7000-8000-0000000000f1',
  caseId: '0190a000-0000-7000-8000-0000000000c1',
  bank: { id: 'groundwork.builtin', version: '2.0.0' },
  stakeholder: 'it_lead',
  customerName: hostile,
  siteName: '',
  coverMessage: hostile,
  branding: { partnerName: 'Acme IT', contact: 'help@acme.example', primaryColor: '#1f4e79', accentColor: '#2e7d32', font: 'DejaVu Sans', logoDataUri: '' },
  known: {},
  questions: [
    { id: 'strategy.user_count', type: 'number', text: `How many people? ${hostile}`, help: '', unit: 'users', minValue: 0 },
    { id: 'governance.ai_policy', type: 'single', text: 'A policy?', help: '', options: [{ id: 'none', label: 'None' }, { id: 'draft', label: 'Draft' }] },
  ],
  ...over,
});

const payloadOf = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    questionnaireId: spec().questionnaireId,
    caseId: spec().caseId,
    bank: spec().bank,
    stakeholder: 'it_lead',
    respondent: { name: 'Priya', role: '' },
    submittedAt: '2026-12-01T10:00:00.000Z',
    answers: [{ questionId: 'strategy.user_count', value: 12, note: hostile }],
    ...over,
  });

describe.each(storeKinds)('questionnaire links at the hub on %s', (kind) => {
  it('refuses hostile forms at publish, hostile answers at submit, serves hostile text escaped, and limits wrong tokens', { timeout: 120_000 }, async () => {
    const store = await stores.open(kind);
    await createPartner(store, 'Acme IT');
    const url = await serve(store);
    const engineer = await tokenFor(store, 'Acme IT', 'engineer');
    const manager = await tokenFor(store, 'Acme IT', 'account-manager');
    const publish = (token: string | null, body: unknown) =>
      fetch(`${url}/v1/questionnaire-links`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();

    // Refused before anything is stored: no token, an account manager, CSS through a colour, a script logo, an extra field.
    expect((await publish(null, { form: spec(), expiresAt })).status).toBe(401);
    expect((await publish(manager, { form: spec(), expiresAt })).status).toBe(403);
    const badColour = spec({ branding: { ...spec().branding, primaryColor: 'red;}</style><script>alert(1)</script>' } });
    expect((await publish(engineer, { form: badColour, expiresAt })).status).toBe(400);
    const badLogo = spec({ branding: { ...spec().branding, logoDataUri: 'javascript:alert(1)' } });
    expect((await publish(engineer, { form: badLogo, expiresAt })).status).toBe(400);
    expect((await publish(engineer, { form: { ...spec(), scoring: { secret: true } }, expiresAt })).status).toBe(400);
    expect(await store.driver.query('SELECT id FROM questionnaire_links')).toEqual([]);

    const published = await publish(engineer, { form: spec(), expiresAt });
    expect(published.status).toBe(201);
    const { token } = (await published.json()) as { token: string };
    const page = await fetch(`${url}/q/${token}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'none'; script-src 'sha256-/);
    // The hostile text is in the page only escaped: as entities in the markup, with "<" escaped in the JSON block.
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.match(/<script/g)).toHaveLength(2);

    const submit = (body: unknown) => fetch(`${url}/q/${token}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const refusals: [unknown, RegExp][] = [
      [{ payload: 'not json' }, /could not be taken/],
      [{ payload: `${'['.repeat(100)}${']'.repeat(100)}` }, /could not be read/],
      [{ payload: payloadOf({ questionnaireId: '0190a000-0000-7000-8000-0000000000f2' }) }, /another questionnaire/],
      [{ payload: payloadOf({ answers: [{ questionId: 'security.mfa', value: 'all', note: '' }] }) }, /not on this form/],
      [{ payload: payloadOf({ answers: [{ questionId: 'governance.ai_policy', value: 'maybe', note: '' }] }) }, /cannot be taken: maybe is not an option/],
      [{ payload: payloadOf({ answers: [{ questionId: 'strategy.user_count', value: -4, note: '' }] }) }, /must be at least 0/],
      [{ payload: payloadOf(), extra: 1 }, /Invalid answers/],
    ];
    for (const [body, message] of refusals) {
      const answer = await submit(body);
      expect(answer.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(((await answer.json()) as { error: { message: string } }).error.message).toMatch(message);
    }
    // None of them spent the token; the good one does, and is kept byte for byte.
    const good = payloadOf();
    expect((await submit({ payload: good })).status).toBe(200);
    expect(await store.driver.query('SELECT answers FROM questionnaire_links')).toEqual([{ answers: good }]);
    expect((await submit({ payload: good })).status).toBe(410);

    // Guessing: three unknown tokens are 404 pages, the fourth and everything after from that address 429.
    for (let i = 0; i < 3; i += 1) expect((await fetch(`${url}/q/${'B'.repeat(42)}${i}`)).status).toBe(404);
    const limited = await fetch(`${url}/q/${'C'.repeat(43)}`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await fetch(`${url}/q/${token}`)).status).toBe(429);
  });
});
