import { afterEach, describe, expect, it } from 'vitest';
import { syncDepsFor, syncOnce, tuneSync } from '../../../electron/services/sync/sync-services';
import type { PdfPrinter } from '../../../electron/services/reports/chromium-pdf';
import { openAppServices } from '../../../electron/services/app-services';
import { openTestServices, type TestServices } from '../../support/services';
import { tempDir } from '../../support/temp-dir';
import { testKeySource } from '../../support/test-key';

describe('dependencies live in the services object, one set per instance', () => {
  const opened: TestServices['services'][] = [];
  afterEach(() => {
    for (const s of opened.splice(0)) s.close();
  });
  const open = () => {
    const { services } = openTestServices();
    opened.push(services);
    return services;
  };

  it('sync tuning is per instance and wins over GROUNDWORK_SYNC_BATCH_SIZE', () => {
    const a = open();
    const b = open();
    const before = process.env.GROUNDWORK_SYNC_BATCH_SIZE;
    process.env.GROUNDWORK_SYNC_BATCH_SIZE = '7';
    try {
      tuneSync(a, { batchSize: 3 });
      expect(a.sync.tuning).toEqual({ batchSize: 3 });
      expect(syncDepsFor(a).batchSize).toBe(3);
      expect(syncDepsFor(b).batchSize).toBe(7);
      expect(b.sync.tuning).toEqual({});
    } finally {
      if (before === undefined) delete process.env.GROUNDWORK_SYNC_BATCH_SIZE;
      else process.env.GROUNDWORK_SYNC_BATCH_SIZE = before;
    }
  });

  it('"Sync now" queues behind the sync in progress of the same instance only', async () => {
    const a = open();
    const b = open();
    const idleB = b.sync.queue;
    // Not enrolled: each sync refuses, and the queue still moves on to the next one.
    const first = syncOnce(a);
    const second = syncOnce(a);
    expect(a.sync.queue).toBe(second);
    await expect(first).rejects.toThrow(/enrol/i);
    await expect(second).rejects.toThrow(/enrol/i);
    expect(b.sync.queue).toBe(idleB);
  });

  it('probe runs and the PDF printer belong to the instance; a given printer is the one used', () => {
    const given: PdfPrinter = async () => new Uint8Array([37, 80, 68, 70]);
    const dir = tempDir();
    const withPrinter = openAppServices(dir, { transport: 'cli', keySource: testKeySource, pdfPrinter: given });
    opened.push(withPrinter);
    const plain = open();
    expect(withPrinter.pdf.printer()).toBe(given);
    expect(withPrinter.probeRuns).not.toBe(plain.probeRuns);
  });
});
