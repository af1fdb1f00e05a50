import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobPath } from '../../../electron/services/at-rest/blob-store';
import { newId } from '../../../electron/services/db/device-clock';
import { writeSyncedRow } from '../../../electron/services/db/synced-write';
import { openHubStore } from '../../../hub/store/open-hub-store';
import type { HubStore } from '../../../hub/store/hub-store';
import { enrollCode, hubCliOk, HubProcess, type HubLocation } from '../../support/hub-process';
import { useHubStores } from '../../support/hub-stores';
import { runCli } from '../../support/run-cli';
import { openTestServices, type TestServices } from '../../support/services';
import { tempDir } from '../../support/temp-dir';

const stores = useHubStores();

describe('a missing attachment holds back only the change that needs it (real hub process)', () => {
  let where: HubLocation;
  let hub: HubProcess;
  let store: HubStore;
  let partnerId: string;

  beforeAll(async () => {
    where = await stores.location('sqlite');
    hubCliOk(where, ['partner', 'create', '--name', 'Acme IT']);
    hub = await HubProcess.start(where);
    store = await openHubStore(where);
    partnerId = (await store.findPartnerByName('Acme IT'))!.id;
  });
  afterAll(async () => {
    await hub?.kill('SIGTERM');
    await store?.close();
  });

  const hubRow = async (table: string, rowId: string) => (await store.records(partnerId)).find((r) => r.table === table && r.rowId === rowId);

  it('later changes go on, the waiting one names its file and where it was expected, and goes once the file is back', async () => {
    const dataDir = tempDir();
    let t: TestServices = openTestServices(dataDir);
    await t.api.enrollDevice({ hubUrl: hub.url, code: enrollCode(where, 'Acme IT', 'engineer'), deviceName: 'field laptop' });
    const created = await t.api.createCase({ customerName: 'Contoso', siteName: 'Head office', engineer: 'Ada' });
    await t.api.syncNow({});

    const photo = Buffer.from('a photo of the server rack');
    const evidence = await t.api.addEvidence({ caseId: created.id, fileName: 'rack-front.jpg', mediaType: 'image/jpeg', dataBase64: photo.toString('base64') });
    // The encrypted file is lost (a restore without the blobs folder, a disk clean-up).
    const expectedAt = blobPath(dataDir, evidence.sha256);
    const sealed = fs.readFileSync(expectedAt);
    fs.rmSync(expectedAt);
    // Work after it: another case, and an edit of the attachment's own record (which builds on it).
    const later = await t.api.createCase({ customerName: 'Fabrikam', siteName: 'Plant', engineer: 'Ada' });
    await t.api.updateCase({ id: created.id, title: 'Edited after the photo' });
    t.services.db.transaction(() => writeSyncedRow(t.services.db, 'evidence_attachments', evidence.id, { caption: 'Rack, front' }))();
    const pending = (await t.api.getSyncStatus({})).pendingCount;
    t.services.close();

    // `groundwork sync` sends everything else and says on stderr which file is missing and where.
    const cli = runCli(['sync', '--data-dir', dataDir]);
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(new RegExp(`Pushed ${pending - 2} changes`));
    expect(cli.stderr).toContain('Warning: The attachment “rack-front.jpg”');
    expect(cli.stderr).toContain(`It was expected at ${expectedAt}.`);
    expect(cli.stderr.match(/Warning: The attachment/g)).toHaveLength(1);
    expect((await hubRow('cases', later.id))?.fields).toMatchObject({ customer_id: expect.any(String) });
    expect((await hubRow('cases', created.id))?.fields).toMatchObject({ title: 'Edited after the photo' });
    expect(await hubRow('evidence_attachments', evidence.id)).toBeUndefined();
    expect(await store.getBlob(partnerId, evidence.sha256)).toBeNull();

    t = openTestServices(dataDir);
    const status = await t.api.getSyncStatus({});
    expect(status.pendingCount).toBe(2);
    expect(status.missingAttachments).toEqual([expect.stringContaining(`“rack-front.jpg” (${evidence.sha256.slice(0, 12)}…) is missing from this laptop`)]);
    expect(status.lastError).toContain('rack-front.jpg');
    const statusText = runCli(['sync', '--status', '--data-dir', dataDir]);
    expect(statusText.stdout).toContain('Waiting to be sent: 2');
    expect(statusText.stdout).toContain(`Last problem: The attachment “rack-front.jpg”`);

    // Still missing: nothing more is sent, nothing lost, and new work still goes.
    t.services.db.transaction(() => writeSyncedRow(t.services.db, 'customers', newId(), { name: 'Northwind' }))();
    expect(await t.api.syncNow({})).toMatchObject({ pushed: 1, status: { pendingCount: 2 } });

    // The file is back: the attachment, then its record and the caption edit reach the hub, once.
    fs.writeFileSync(expectedAt, sealed);
    const sent = await t.api.syncNow({});
    expect(sent).toMatchObject({ pushed: 2, blobsUploaded: 1, status: { pendingCount: 0, missingAttachments: [], lastError: null } });
    expect((await store.getBlob(partnerId, evidence.sha256))?.equals(photo)).toBe(true);
    expect((await hubRow('evidence_attachments', evidence.id))?.fields).toMatchObject({ file_name: 'rack-front.jpg', caption: 'Rack, front' });
    const log = (await store.mutationLog(partnerId)).filter((m) => m.rowId === evidence.id);
    expect(log).toHaveLength(2);
    expect(new Set(log.map((m) => m.mutationId)).size).toBe(2);
    expect(log.every((m) => m.outcome === 'applied')).toBe(true);
    t.services.close();
  }, 180_000);
});
