import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../shared/contract/result';
import { openTestServices } from '../../support/services';
import { pendingMutations } from '../../../electron/services/db/outbox';

const hostileNames = [
  '<img src=x onerror=alert(1)>',
  'x'.repeat(10_000),
  'Café 🚀👩🏽‍💻 Ltd',
  'شركة الأمل للتقنية',
  "Robert'); DROP TABLE cases;--",
  '100% _literal_ \\ backslash',
];

describe('cases repository', () => {
  it.each(hostileNames)('stores a hostile customer name exactly: %#', async (name) => {
    const { api, services } = openTestServices();
    const created = await api.createCase({ customerName: name, siteName: name.slice(0, 2000) });
    expect(created.customerName).toBe(name);
    expect((await api.getCase({ id: created.id })).customerName).toBe(name);
    expect((await api.listCases({})).map((c) => c.customerName)).toEqual([name]);
    services.close();
  });

  it('finds by search text literally, wildcards included', async () => {
    const { api, services } = openTestServices();
    await api.createCase({ customerName: '100% _literal_ \\ backslash' });
    await api.createCase({ customerName: '1000 other' });
    expect((await api.listCases({ search: '100%' })).map((c) => c.customerName)).toEqual(['100% _literal_ \\ backslash']);
    expect(await api.listCases({ search: '_lit' })).toHaveLength(1);
    expect(await api.listCases({ search: 'nothing like it' })).toHaveLength(0);
    services.close();
  });

  it('gives at most the limit asked for, newest first', async () => {
    const { api, services } = openTestServices();
    for (const name of ['First', 'Second', 'Third']) await api.createCase({ customerName: name });
    const all = (await api.listCases({})).map((c) => c.customerName);
    expect(all).toHaveLength(3);
    expect((await api.listCases({ limit: 2 })).map((c) => c.customerName)).toEqual(all.slice(0, 2));
    expect(await api.listCases({ limit: 10 })).toHaveLength(3);
    await expect(api.listCases({ limit: 0 })).rejects.toThrow(/limit/);
    services.close();
  });

  it('writes every change and its outbox mutation in one transaction', async () => {
    const { api, services } = openTestServices();
    const created = await api.createCase({
      customerName: 'Acme',
      siteName: 'HQ',
      contacts: [{ name: 'Ana', role: 'IT lead', email: 'ana@acme.example' }],
    });
    const tables = pendingMutations(services.db).map((m) => m.table);
    expect(tables).toEqual(['customers', 'sites', 'cases', 'contacts']);
    const caseMutation = pendingMutations(services.db).find((m) => m.table === 'cases');
    expect(caseMutation).toMatchObject({ rowId: created.id, op: 'upsert', fields: { status: 'draft', customer_id: created.customerId } });
    const hlcs = pendingMutations(services.db).map((m) => m.hlc);
    expect([...hlcs].sort()).toEqual(hlcs);
    expect(new Set(hlcs).size).toBe(hlcs.length);
    services.close();
  });

  it('a failing write leaves neither the row nor its mutation', async () => {
    const { api, services } = openTestServices();
    const created = await api.createCase({ customerName: 'Acme' });
    const before = pendingMutations(services.db).length;
    await expect(api.updateCase({ id: created.id, status: 'complete' })).rejects.toThrow(/cannot move from Draft to Complete/);
    expect(pendingMutations(services.db)).toHaveLength(before);
    expect((await api.getCase({ id: created.id })).status).toBe('draft');
    services.close();
  });

  it('moves status draft → in progress → complete, and reopens with a reason', async () => {
    const { api, services } = openTestServices();
    const { id } = await api.createCase({ customerName: 'Acme' });
    expect((await api.updateCase({ id, status: 'in_progress' })).status).toBe('in_progress');
    await expect(api.updateCase({ id, status: 'draft' })).rejects.toBeInstanceOf(ApiFailure);
    expect((await api.updateCase({ id, status: 'complete' })).status).toBe('complete');
    // Reopening needs a reason (cases:reopen), so a bare status change back is refused.
    await expect(api.updateCase({ id, status: 'in_progress' })).rejects.toMatchObject({ code: 'conflict' });
    expect((await api.reopenCase({ id, reason: 'More sites to visit' })).status).toBe('in_progress');
    services.close();
  });

  it('the same customer name reuses the customer; a new site is added to it', async () => {
    const { api, services } = openTestServices();
    const first = await api.createCase({ customerName: 'Acme', siteName: 'HQ' });
    const second = await api.createCase({ customerName: 'Acme', siteName: 'Depot' });
    const third = await api.createCase({ customerName: 'Acme', siteName: 'HQ' });
    expect(second.customerId).toBe(first.customerId);
    expect(second.siteId).not.toBe(first.siteId);
    expect(third.siteId).toBe(first.siteId);
    services.close();
  });

  it('edits details and contacts, and archives without losing the case', async () => {
    const { api, services } = openTestServices();
    const { id } = await api.createCase({ customerName: 'Acme', contacts: [{ name: 'Ana' }] });
    const edited = await api.updateCase({
      id,
      customerName: 'Acme Ltd',
      siteName: 'HQ',
      engineer: 'Sam',
      contacts: [{ name: 'Bo', role: 'CFO' }, { name: 'Cy' }],
    });
    expect(edited).toMatchObject({ customerName: 'Acme Ltd', siteName: 'HQ', engineer: 'Sam' });
    expect(edited.contacts.map((c) => c.name)).toEqual(['Bo', 'Cy']);
    const mutationsBefore = pendingMutations(services.db).length;
    await api.updateCase({ id, contacts: [{ name: 'Bo', role: 'CFO' }, { name: 'Cy' }] });
    expect(pendingMutations(services.db)).toHaveLength(mutationsBefore);
    const archived = await api.archiveCase({ id, archived: true });
    expect(archived.archived).toBe(true);
    expect(await api.listCases({})).toHaveLength(0);
    expect(await api.listCases({ includeArchived: true })).toHaveLength(1);
    expect((await api.archiveCase({ id, archived: false })).archived).toBe(false);
    services.close();
  });

  it('says which case does not exist', async () => {
    const { api, services } = openTestServices();
    await expect(api.getCase({ id: '01900000-0000-7000-8000-000000000000' })).rejects.toMatchObject({ code: 'not_found' });
    services.close();
  });

  it('rejects invalid input with the field path', async () => {
    const { api, services } = openTestServices();
    await expect(api.createCase({ customerName: '   ' })).rejects.toMatchObject({
      code: 'validation',
      issues: [{ path: 'customerName', message: 'Customer name is required' }],
    });
    await expect(api.createCase({ customerName: 'A', contacts: [{ name: 'B', email: 'not-an-email' }] })).rejects.toMatchObject({
      issues: [{ path: 'contacts[0].email' }],
    });
    services.close();
  });
});
