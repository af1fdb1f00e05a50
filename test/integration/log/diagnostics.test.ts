import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../shared/contract/api-client';
import { createDispatch } from '../../../electron/services/api/dispatch';
import { createHandlers } from '../../../electron/services/api/handlers';
import { openAppServices } from '../../../electron/services/app-services';
import { latestSchemaVersion } from '../../../electron/services/db/migrations/index';
import { logDirIn } from '../../../electron/services/log/logger';
import { openTestServices } from '../../support/services';
import { tempDir } from '../../support/temp-dir';
import { testKeySource } from '../../support/test-key';

describe('diagnostics and the log folder (real services, real log files)', () => {
  it('diagnostics carry version, platform, schema and the last errors of this and earlier runs, never customer data', async () => {
    const dataDir = tempDir();
    // An earlier run failed and logged it to the same folder, then closed (its memory is gone).
    const earlier = openTestServices(dataDir);
    earlier.services.log.error({ err: new Error('the hub closed the connection') }, 'sync failed');
    earlier.services.close();
    const t = openTestServices(dataDir);
    try {
      await t.api.createCase({ customerName: 'Zanzibar Dental Group', siteName: 'Main clinic', engineer: 'Ada', contacts: [{ name: 'Quentin Ostrowski' }] });
      t.services.log.warn({ customerName: 'Zanzibar Dental Group', caseId: 'c-1' }, 'a warning about a case');
      t.services.log.error({ err: new Error('disk full') }, 'report export failed');
      const d = await t.api.getDiagnostics({});
      expect(d.schemaVersion).toBe(latestSchemaVersion);
      expect(d.logFolder).toBe(logDirIn(dataDir));
      expect(d.text).toContain(`Database schema: ${latestSchemaVersion}`);
      expect(d.text).toContain(`Platform: ${process.platform} ${process.arch}`);
      expect(d.text).toContain('Sync: not enrolled');
      expect(d.text).toMatch(/WARN a warning about a case/);
      expect(d.text).toMatch(/ERROR report export failed — disk full/);
      expect(d.recentProblems.at(-1)).toMatchObject({ level: 'error', message: 'report export failed', error: 'disk full' });
      // The earlier run's failure is in it too: read from the log on disk, not this run's memory.
      expect(d.text).toMatch(/ERROR sync failed — the hub closed the connection/);
      expect(d.recentProblems.map((p) => p.message)).toEqual(['sync failed', 'a warning about a case', 'report export failed']);
      for (const secret of ['Zanzibar', 'Quentin', 'Main clinic']) expect(d.text).not.toContain(secret);

      // CLI and bridge: no file manager to open, the path comes back to show.
      expect(await t.api.openLogFolder({})).toEqual({ path: logDirIn(dataDir), opened: false, problem: null });
    } finally {
      t.services.close();
    }
  });

  it('a cut log line is counted, not fatal; the app passes its folder opener in, and its failure is said', async () => {
    const dataDir = tempDir();
    const opened: string[] = [];
    const answers = ['', 'No application is registered to open folders'];
    const services = openAppServices(dataDir, {
      transport: 'ipc',
      keySource: testKeySource,
      openFolder: async (folder) => {
        opened.push(folder);
        return answers.shift() ?? '';
      },
    });
    try {
      const api = createApiClient(createDispatch(createHandlers(services), services.logging));
      services.log.error('first failure');
      fs.appendFileSync(path.join(logDirIn(dataDir), 'groundwork.log'), '{"level":50,"time":1,"msg":"cut sh');
      const d = await api.getDiagnostics({});
      expect(d.recentProblems.map((p) => p.message)).toEqual(['first failure', '1 log line(s) could not be read (cut short when the app stopped)']);
      expect(await api.openLogFolder({})).toEqual({ path: logDirIn(dataDir), opened: true, problem: null });
      expect(await api.openLogFolder({})).toEqual({ path: logDirIn(dataDir), opened: false, problem: 'No application is registered to open folders' });
      expect(opened).toEqual([logDirIn(dataDir), logDirIn(dataDir)]);
    } finally {
      services.close();
    }
  });
});
