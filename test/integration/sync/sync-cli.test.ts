import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollCode, hubCliOk, HubProcess, runHubCli, type HubLocation } from '../../support/hub-process';
import { useHubStores } from '../../support/hub-stores';
import { runCli } from '../../support/run-cli';
import { tempDir } from '../../support/temp-dir';
import { openTestServices } from '../../support/services';
import { tuneSync } from '../../../electron/services/sync/sync-services';

const stores = useHubStores();

describe('groundwork-hub admin commands and groundwork enroll / sync', () => {
  let where: HubLocation;
  let hub: HubProcess;
  beforeAll(async () => {
    where = await stores.location('sqlite');
    hub = await HubProcess.start(where);
  });
  afterAll(async () => {
    await hub?.kill('SIGTERM');
  });

  it('creates a partner once and prints a one-time code as the last line', () => {
    expect(hubCliOk(where, ['partner', 'create', '--name', 'Acme IT'])).toMatch(/Created partner "Acme IT"/);
    const again = runHubCli(where, ['partner', 'create', '--name', 'Acme IT']);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    expect(again.stderr).not.toMatch(/\n\s+at /);
    expect(enrollCode(where, 'Acme IT', 'engineer')).toMatch(/^GW(-[0-9A-Z]{4}){4}$/);
    const badRole = runHubCli(where, ['enroll-code', '--partner', 'Acme IT', '--role', 'boss']);
    expect(badRole.status).not.toBe(0);
    expect(runHubCli(where, ['enroll-code', '--partner', 'Nobody', '--role', 'engineer']).stderr).toMatch(/No partner named "Nobody"/);
    expect(runHubCli(where, ['enroll-code', '--partner', 'Acme IT', '--role', 'engineer', '--expires', 'soon']).stderr).toMatch(/Not a duration/);
  });

  it('enrolls a device, syncs with counts, and a revoked device is told in plain words', async () => {
    const dataDir = tempDir();
    const code = enrollCode(where, 'Acme IT', 'engineer');
    const enrolled = runCli(['enroll', '--hub', hub.url, '--code', code, '--name', 'Ada laptop', '--data-dir', dataDir]);
    // No OS keychain here: the token is kept in the encrypted database, and the user is told it is not the keychain.
    expect(enrolled.stderr).toMatch(/not the OS keychain/);
    expect(enrolled.stdout).toMatch(/Enrolled with Acme IT/);
    // Not in a plaintext file any more: the token lives in the encrypted case database.
    expect(fs.existsSync(`${dataDir}/hub-token`)).toBe(false);
    const other = openTestServices(tempDir());
    await expect(other.api.enrollDevice({ hubUrl: hub.url, code })).rejects.toThrow(/did not accept this code/);
    other.services.close();

    // Cases are made through the same services the CLI opens (saves a process start per case).
    const local = openTestServices(dataDir);
    await local.api.createCase({ customerName: 'Contoso', siteName: 'HQ' });
    local.services.close();
    const synced = runCli(['sync', '--json', '--data-dir', dataDir]);
    expect(synced.status).toBe(0);
    const report = JSON.parse(synced.stdout);
    // Its own three rows are not pulled back: the hub knows this laptop holds them.
    expect(report).toMatchObject({ pushed: 3, pulled: 0, status: { pendingCount: 0, lastError: null, partnerName: 'Acme IT' } });

    const listed = JSON.parse(hubCliOk(where, ['devices', 'list', '--json'])) as { id: string; name: string }[];
    const ada = listed.find((d) => d.name === 'Ada laptop');
    expect(ada).toBeDefined();
    expect(hubCliOk(where, ['devices', 'revoke', ada!.id])).toMatch(/Revoked/);
    expect(hubCliOk(where, ['devices', 'list'])).toMatch(/\[revoked/);

    const again = openTestServices(dataDir);
    await again.api.createCase({ customerName: 'Fabrikam' });
    again.services.close();
    const refused = runCli(['sync', '--data-dir', dataDir]);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/no longer accepts this device/);
    const status = JSON.parse(runCli(['sync', '--status', '--json', '--data-dir', dataDir]).stdout);
    expect(status.pendingCount).toBe(2);
    expect(status.lastError).toMatch(/no longer accepts this device/);
  });

  it('an unreachable hub keeps the changes and says so', async () => {
    const device = openTestServices(tempDir());
    await device.api.enrollDevice({ hubUrl: hub.url, code: enrollCode(where, 'Acme IT', 'engineer') });
    await device.api.createCase({ customerName: 'Offline Inc' });
    // The hub moves away: the retries run out, the changes stay queued, the reason is recorded.
    device.services.db.prepare("UPDATE sync_state SET hub_url = 'http://127.0.0.1:9'").run();
    tuneSync(device.services, { retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 50 } });
    const result = await device.dispatch('sync:now', {});
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/could not be reached.*kept on this laptop/) } });
    const status = await device.api.getSyncStatus({});
    expect(status.pendingCount).toBe(2);
    expect(status.lastError).toMatch(/could not be reached/);
    expect(status.lastSyncAt).toBeNull();
    device.services.close();
  });
});
