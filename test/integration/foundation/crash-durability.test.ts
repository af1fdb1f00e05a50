import { describe, expect, it } from 'vitest';
import { startWebProcess, callBridge } from '../../support/web-process';
import { tempDir } from '../../support/temp-dir';
import { assertRendererBuilt } from '../../support/browser';
import { openTestDatabaseFile } from '../../support/test-key';

describe('durability', () => {
  it('a case acknowledged just before SIGKILL is in the database after restart', async () => {
    assertRendererBuilt();
    const dataDir = tempDir();
    const web = await startWebProcess(dataDir);
    const acknowledged: string[] = [];
    for (let i = 0; i < 40; i += 1) {
      const answer = await callBridge(web.url, web.token, 'cases:create', { customerName: `Burst customer ${i}` });
      expect(answer.body.ok).toBe(true);
      acknowledged.push((answer.body.value as { id: string }).id);
    }
    // One more request in flight, then the process dies without any chance to clean up.
    const exited = new Promise((resolve) => web.child.once('exit', resolve));
    const inFlight = callBridge(web.url, web.token, 'cases:create', { customerName: 'In flight' }).catch(() => null);
    web.child.kill('SIGKILL');
    await Promise.all([inFlight, exited]);
    expect(web.child.signalCode).toBe('SIGKILL');

    const db = openTestDatabaseFile(dataDir);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = new Set((db.prepare('SELECT id FROM cases').all() as { id: string }[]).map((r) => r.id));
    for (const id of acknowledged) expect(stored.has(id), id).toBe(true);
    const outboxed = db.prepare("SELECT count(*) AS n FROM outbox WHERE table_name = 'cases'").get() as { n: number };
    expect(outboxed.n).toBe(stored.size);
    db.close();
  });
});
