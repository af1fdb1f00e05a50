import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollCode, hubCliOk, HubProcess, runHubCli, type HubLocation } from '../../support/hub-process';
import { useHubStores } from '../../support/hub-stores';
import { repoRoot } from '../../support/run-cli';
import { tempDir } from '../../support/temp-dir';
import { openTestServices } from '../../support/services';

const stores = useHubStores();

describe('question bank versions published on the hub', () => {
  let where: HubLocation;
  let hub: HubProcess;
  beforeAll(async () => {
    where = await stores.location('sqlite');
    hub = await HubProcess.start(where);
    hubCliOk(where, ['partner', 'create', '--name', 'Bank Partner']);
    hubCliOk(where, ['partner', 'create', '--name', 'Other Partner']);
  });
  afterAll(async () => {
    await hub?.kill('SIGTERM');
  });

  it('reach every device of the partner; an old case keeps the version it was answered with', async () => {
    const builtin = JSON.parse(fs.readFileSync(path.join(repoRoot, 'assets/question-bank/builtin-bank.json'), 'utf8'));
    const device = openTestServices(tempDir());
    await device.api.enrollDevice({ hubUrl: hub.url, code: enrollCode(where, 'Bank Partner', 'engineer') });
    const oldCase = await device.api.createCase({ customerName: 'Answered Before' });
    await device.api.answerQuestion({ caseId: oldCase.id, questionId: 'strategy.user_count', value: 50 });

    const file = path.join(tempDir(), 'bank.json');
    fs.writeFileSync(file, JSON.stringify({ ...builtin, version: '1.1.0', title: `${builtin.title} (partner edition)` }));
    expect(hubCliOk(where, ['bank', 'publish', file, '--partner', 'Bank Partner'])).toMatch(/Published question bank .* 1\.1\.0 to Bank Partner/);

    await device.api.syncNow({});
    const active = await device.api.getActiveQuestionBank({});
    expect(active.version).toBe('1.1.0');
    expect((await device.api.getInterviewBank({ caseId: oldCase.id })).bank.version).toBe(builtin.version);
    const fresh = await device.api.createCase({ customerName: 'Answered After' });
    expect((await device.api.getInterviewBank({ caseId: fresh.id })).bank.version).toBe('1.1.0');

    // Another partner's device never sees it.
    const outsider = openTestServices(tempDir());
    await outsider.api.enrollDevice({ hubUrl: hub.url, code: enrollCode(where, 'Other Partner', 'engineer') });
    await outsider.api.syncNow({});
    expect((await outsider.api.getActiveQuestionBank({})).version).toBe(builtin.version);
    device.services.close();
    outsider.services.close();
  });

  it('refuses a malformed bank with the path of the error and publishes nothing', () => {
    const file = path.join(tempDir(), 'broken.json');
    fs.writeFileSync(file, JSON.stringify({ schema: 1, id: 'broken', version: '1.0.0', pillars: [{ id: 'x' }] }));
    const result = runHubCli(where, ['bank', 'publish', file, '--partner', 'Bank Partner']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/Question bank refused: \w+/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const notJson = path.join(tempDir(), 'x.json');
    fs.writeFileSync(notJson, '{ nope');
    expect(runHubCli(where, ['bank', 'publish', notJson, '--partner', 'Bank Partner']).stderr).toMatch(/as JSON/);
  });
});
