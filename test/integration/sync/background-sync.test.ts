import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startBackgroundSync, tuneSync } from '../../../electron/services/sync/sync-services';
import { enrollCode, hubCliOk, HubProcess, type HubLocation } from '../../support/hub-process';
import { openTestServices } from '../../support/services';
import { tempDir } from '../../support/temp-dir';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const until = async (what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> => {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
};

describe("the app's background sync", () => {
  const where: HubLocation = { dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-hub-')), databaseUrl: undefined };
  let hub: HubProcess | undefined;
  afterAll(async () => {
    await hub?.kill();
    fs.rmSync(where.dataDir, { recursive: true, force: true });
  });

  it('says when it syncs next, backs off with the reason while the hub is down, and a pause holds across a restart', async () => {
    hubCliOk(where, ['partner', 'create', '--name', 'Background IT']);
    hub = await HubProcess.start(where);
    const dataDir = tempDir();
    let laptop = openTestServices(dataDir);
    // Before enrolling there is nothing to pause, and the status says it is off.
    await expect(laptop.api.setBackgroundSync({ paused: true })).rejects.toThrow(/not enrolled/);
    expect((await laptop.api.getSyncStatus({})).backgroundSync).toBe('off');
    await laptop.api.enrollDevice({ hubUrl: hub.url, code: enrollCode(where, 'Background IT', 'engineer'), deviceName: 'bg laptop' });
    // The CLI runs no background sync: off, with no next try.
    expect(await laptop.api.getSyncStatus({})).toMatchObject({ backgroundSync: 'off', nextAttemptAt: null });

    const intervalMs = 60_000;
    let stop = startBackgroundSync(laptop.services, { intervalMs, firstRetryMs: 200 });
    // It syncs at once, then waits the interval: the status names that time.
    await until('the first background sync', async () => (await laptop.api.getSyncStatus({})).lastSyncAt !== null && (await laptop.api.getSyncStatus({})).nextAttemptAt !== null);
    const afterFirst = await laptop.api.getSyncStatus({});
    expect(afterFirst.backgroundSync).toBe('on');
    const untilNext = Date.parse(afterFirst.nextAttemptAt as string) - Date.now();
    expect(untilNext).toBeGreaterThan(intervalMs - 5_000);
    expect(untilNext).toBeLessThanOrEqual(intervalMs);

    // Paused: no next try, and a change stays here however long it waits.
    const paused = await laptop.api.setBackgroundSync({ paused: true });
    expect(paused).toMatchObject({ backgroundSync: 'paused', nextAttemptAt: null });
    await laptop.api.createCase({ customerName: 'Waits Ltd' });
    // Closed and opened again (the app restarted): still paused, nothing sent.
    stop();
    laptop.services.close();
    laptop = openTestServices(dataDir);
    const attemptBefore = (await laptop.api.getSyncStatus({})).lastAttemptAt;
    stop = startBackgroundSync(laptop.services, { intervalMs, firstRetryMs: 200 });
    await sleep(600);
    const afterRestart = await laptop.api.getSyncStatus({});
    expect(afterRestart).toMatchObject({ backgroundSync: 'paused', nextAttemptAt: null, pendingCount: 2, lastAttemptAt: attemptBefore });

    // The hub goes down; resumed, it tries at once, fails, and says why and when it tries next: sooner than the interval.
    await hub.kill('SIGKILL');
    tuneSync(laptop.services, { retry: { maxAttempts: 1, baseDelayMs: 10, maxDelayMs: 10 } });
    await laptop.api.setBackgroundSync({ paused: false });
    await until('a failed try with its next one', async () => {
      const s = await laptop.api.getSyncStatus({});
      return s.lastError !== null && s.nextAttemptAt !== null;
    });
    const failing = await laptop.api.getSyncStatus({});
    expect(failing.backgroundSync).toBe('on');
    expect(failing.lastError).toMatch(/hub/i);
    expect(Date.parse(failing.nextAttemptAt as string) - Date.now()).toBeLessThan(10_000);
    expect(failing.pendingCount).toBe(2);

    // The hub is back: the next tries get through by themselves and the change is sent.
    await hub.restart();
    await until('the queued change sent', async () => (await laptop.api.getSyncStatus({})).pendingCount === 0, 30_000);
    const recovered = await laptop.api.getSyncStatus({});
    expect(recovered).toMatchObject({ backgroundSync: 'on', lastError: null });
    stop();
    // Stopped (the app quitting): off again, with no next try.
    expect(await laptop.api.getSyncStatus({})).toMatchObject({ backgroundSync: 'off', nextAttemptAt: null });
    laptop.services.close();
  }, 90_000);
});
