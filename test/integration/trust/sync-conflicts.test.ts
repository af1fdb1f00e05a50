import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubStore } from '../../../hub/store/hub-store';
import { openHubStore } from '../../../hub/store/open-hub-store';
import { tuneSync } from '../../../electron/services/sync/sync-services';
import { storeKinds, useHubStores } from '../../support/hub-stores';
import { enrollCode, hubCliOk, HubProcess, type HubLocation } from '../../support/hub-process';
import { openTestServices, type TestServices } from '../../support/services';
import { tempDir } from '../../support/temp-dir';

const stores = useHubStores();
const fastRetry = { retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 50 } };

/**
 * Two desks edit the same proposal field while the hub is down, then both sync against a real hub
 * process: neither value is lost, both authors and clocks are shown on both desks, one user picks
 * a value and that choice reaches the other desk.
 */
describe.each(storeKinds)('conflicts kept with a real hub on %s', (kind) => {
  let where: HubLocation;
  let hub: HubProcess;
  let store: HubStore;
  const opened: TestServices[] = [];

  beforeAll(async () => {
    where = await stores.location(kind);
    hubCliOk(where, ['partner', 'create', '--name', 'Acme IT']);
    hub = await HubProcess.start(where);
    store = await openHubStore(where);
  }, 120_000);
  afterAll(async () => {
    for (const t of opened) t.services.close();
    await hub?.kill('SIGTERM');
    await store?.close();
  });

  const laptop = async (role: string, name: string): Promise<TestServices> => {
    const t = openTestServices(tempDir());
    opened.push(t);
    tuneSync(t.services, fastRetry);
    await t.api.enrollDevice({ hubUrl: hub.url, code: enrollCode(where, 'Acme IT', role), deviceName: name });
    return t;
  };

  it('two devices editing the same field offline: both values visible after sync, one picked, the pick syncs', async () => {
    const engineer = await laptop('engineer', 'ada-laptop');
    const amy = await laptop('account-manager', 'amy-desk');
    const ben = await laptop('admin', 'ben-desk');
    const created = await engineer.api.createCase({ customerName: 'Contoso Dental', siteName: 'Head office', engineer: 'Ada' });
    await engineer.api.syncNow({});
    await amy.api.syncNow({});
    const proposal = await amy.api.createProposal({ caseId: created.id, title: 'Contoso roadmap' });
    await amy.api.syncNow({});
    await ben.api.syncNow({});
    expect((await ben.api.listProposals({ caseId: created.id })).map((p) => p.terms)).toEqual(['']);

    // The hub goes away; both desks work on.
    await hub.stop();
    await expect(amy.api.syncNow({})).rejects.toMatchObject({ message: expect.stringMatching(/could not be reached/) });
    await amy.api.updateProposal({ id: proposal.id, terms: 'Net 30, invoiced monthly', discountBasisPoints: 1_000 });
    await ben.api.updateProposal({ id: proposal.id, terms: 'Net 45' });
    await hub.restart();

    await amy.api.syncNow({});
    await ben.api.syncNow({});
    await amy.api.syncNow({});
    await engineer.api.syncNow({});

    // Both desks (and the engineer's laptop) show the one conflict: both values, both authors, both clocks.
    for (const t of [amy, ben, engineer]) {
      const conflicts = await t.api.listConflicts({ caseId: created.id });
      expect(conflicts).toHaveLength(1);
      const [conflict] = conflicts;
      expect(conflict).toMatchObject({ table: 'proposals', rowId: proposal.id, field: 'terms', fieldLabel: 'Terms', rowLabel: 'Proposal “Contoso roadmap”' });
      expect(conflict!.choices.map((c) => [c.deviceName, c.display]).sort()).toEqual([
        ['amy-desk', 'Net 30, invoiced monthly'],
        ['ben-desk', 'Net 45'],
      ]);
      for (const choice of conflict!.choices) {
        expect(Math.abs(Date.parse(choice.at) - Date.now())).toBeLessThan(10 * 60_000);
        expect(choice.hlc).toMatch(/^\d{13}-\d{5}-/);
      }
      // The record shows the later clock's value (last writer wins), and says which one that is.
      const winner = [...conflict!.choices].sort((a, b) => (a.hlc < b.hlc ? 1 : -1))[0]!;
      expect(conflict!.choices.filter((c) => c.current)).toEqual([winner]);
      const [shown] = await t.api.listProposals({ caseId: created.id });
      expect(shown!.terms).toBe(winner.display);
      // Amy's discount was changed on one desk only: no conflict, and everyone has it.
      expect(shown!.discountBasisPoints).toBe(1_000);
    }
    expect((await engineer.api.listConflicts({}))[0]!.canResolve).toBe(false);
    expect((await amy.api.listConflicts({}))[0]!.canResolve).toBe(true);

    // The hub holds both values with the devices its tokens name.
    const partnerId = (await store.findPartnerByName('Acme IT'))!.id;
    const devices = new Map((await store.listDevices(partnerId)).map((d) => [d.name, d.id]));
    const atHub = (await store.records(partnerId)).find((r) => r.table === 'proposals' && r.rowId === proposal.id)!;
    expect(atHub.conflicts!.map((c) => [c.field, c.values.map((v) => v.deviceId).sort()])).toEqual([['terms', [devices.get('amy-desk'), devices.get('ben-desk')].sort()]]);

    // Amy keeps the value that lost; it syncs to Ben, and the conflict is gone everywhere.
    const [open] = await amy.api.listConflicts({ caseId: created.id });
    const loser = open!.choices.find((c) => !c.current)!;
    await expect(engineer.api.resolveConflict({ table: 'proposals', rowId: proposal.id, field: 'terms', hlc: loser.hlc })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(amy.api.resolveConflict({ table: 'proposals', rowId: proposal.id, field: 'terms', hlc: '0000000000001-00000-x' })).rejects.toMatchObject({ code: 'validation' });
    expect(await amy.api.resolveConflict({ table: 'proposals', rowId: proposal.id, field: 'terms', hlc: loser.hlc })).toEqual([]);
    await amy.api.syncNow({});
    await ben.api.syncNow({});
    await engineer.api.syncNow({});
    for (const t of [amy, ben, engineer]) {
      expect(await t.api.listConflicts({})).toEqual([]);
      expect((await t.api.listProposals({ caseId: created.id }))[0]!.terms).toBe(loser.display);
    }
    expect((await store.records(partnerId)).find((r) => r.table === 'proposals' && r.rowId === proposal.id)!.conflicts).toEqual([]);

    // Edits made after seeing the other's value are plain overwrites, not conflicts.
    await ben.api.updateProposal({ id: proposal.id, title: 'Contoso roadmap 2027' });
    await ben.api.syncNow({});
    await amy.api.syncNow({});
    await amy.api.updateProposal({ id: proposal.id, title: 'Contoso roadmap, phase 1' });
    await amy.api.syncNow({});
    await ben.api.syncNow({});
    expect(await ben.api.listConflicts({})).toEqual([]);
    expect((await ben.api.listProposals({ caseId: created.id }))[0]!.title).toBe('Contoso roadmap, phase 1');
  }, 180_000);
});
