import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { enrollCode, hubCliOk, HubProcess, type HubLocation } from '../../support/hub-process';
import { cliPath } from '../../support/run-cli';
import { openTestServices } from '../../support/services';
import { tempDir } from '../../support/temp-dir';
import { openTestDatabaseFile } from '../../support/test-key';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('groundwork sync --wait', () => {
  const where: HubLocation = { dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-hub-')), databaseUrl: undefined };
  let hub: HubProcess | undefined;
  afterAll(async () => {
    await hub?.kill();
    fs.rmSync(where.dataDir, { recursive: true, force: true });
  });

  it('rides out a hub restart of 10 s and completes by itself', async () => {
    hubCliOk(where, ['partner', 'create', '--name', 'Patient IT']);
    hub = await HubProcess.start(where);
    const dataDir = tempDir();
    const device = openTestServices(dataDir);
    await device.api.enrollDevice({ hubUrl: hub.url, code: enrollCode(where, 'Patient IT', 'engineer'), deviceName: 'patient laptop' });
    // 80 cases with a site = 240 mutations, 4 per request: 60 pushes, so the restart lands mid-push.
    for (let i = 0; i < 80; i += 1) await device.api.createCase({ customerName: `Customer ${i}`, siteName: 'HQ' });
    device.services.close();

    const child = spawn(process.execPath, [cliPath, 'sync', '--wait', '--json', '--data-dir', dataDir], {
      env: { ...process.env, GROUNDWORK_SYNC_BATCH_SIZE: '4' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

    const reader = openTestDatabaseFile(dataDir, { readonly: true });
    const sent = (): number => reader.prepare('SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL').pluck().get() as number;
    const until = Date.now() + 60_000;
    while (sent() === 0 && Date.now() < until) await sleep(20);
    await hub.kill('SIGKILL');
    const sentBeforeRestart = sent();
    expect(sentBeforeRestart).toBeGreaterThan(0);
    expect(sentBeforeRestart).toBeLessThan(240);
    await sleep(10_000);
    expect(child.exitCode).toBeNull(); // still waiting, not given up
    await hub.restart();

    expect(await exited).toBe(0);
    expect(sent()).toBe(240);
    reader.close();
    expect(JSON.parse(stdout)).toMatchObject({ status: { pendingCount: 0, lastError: null } });
    // It said what it was doing while the hub was away.
    expect(stderr).toMatch(/could not be reached/);
    expect(stderr).toMatch(/Next try at \d\d:\d\d:\d\d UTC \(in \d+ s\); Ctrl\+C stops/);
  }, 180_000);
});
