import { afterEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../shared/contract/result';
import { probeTargetsSchema, type ProbeResult } from '../../../shared/probes/probe-schemas';
import { buildBundle } from '../../../electron/services/probes/bundle';
import { startReflector } from '../../../electron/services/probes/throughput/reflector-server';
import { openTestServices, type TestServices } from '../../support/services';
import { startSntpServer } from './local-servers';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const open = async (): Promise<TestServices & { caseId: string }> => {
  const t = openTestServices();
  cleanups.push(() => t.services.close());
  const created = await t.api.createCase({ customerName: 'Contoso' });
  return { ...t, caseId: created.id };
};

const waitForEnd = async (t: TestServices, runId: string) => {
  for (let i = 0; i < 400; i += 1) {
    const progress = await t.api.getProbeProgress({ runId });
    if (progress.status !== 'running') return progress;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the run never ended');
};

const counts = (t: TestServices) => ({
  runs: (t.services.db.prepare('SELECT count(*) AS n FROM probe_runs').get() as { n: number }).n,
  results: (t.services.db.prepare('SELECT count(*) AS n FROM probe_results').get() as { n: number }).n,
  outbox: (t.services.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n,
});

describe('probes through the contract', () => {
  it('lists the catalogue with the default suite', async () => {
    const t = await open();
    const catalog = await t.api.listProbes({});
    expect(catalog.map((p) => p.id)).toContain('throughput');
    expect(catalog.find((p) => p.id === 'throughput')?.inDefaultSuite).toBe(false);
    expect(catalog.find((p) => p.id === 'latency')?.measures).toContain('latency.jitter_ms');
  });

  it('runs probes in the background with live progress, stores results and their outbox rows', async () => {
    const t = await open();
    const reflector = await startReflector({ port: 0, host: '127.0.0.1' });
    cleanups.push(() => reflector.close());
    const sntp = await startSntpServer(20);
    cleanups.push(() => sntp.close());
    const { runId } = await t.api.startProbeRun({
      caseId: t.caseId,
      probeIds: ['latency', 'ntp'],
      targets: { includeGateway: false, reflector: `127.0.0.1:${reflector.port}`, ntpServer: sntp.target, latencyCount: 10 },
    });
    const early = await t.api.getProbeProgress({ runId });
    expect(early.status).toBe('running');
    expect(early.probes.map((p) => p.probeId)).toEqual(['latency', 'ntp']);
    const final = await waitForEnd(t, runId);
    expect(final.status).toBe('complete');
    expect(final.probes.every((p) => p.status === 'ok' && p.fraction === 1)).toBe(true);

    const run = await t.api.getProbeRun({ runId });
    expect(run.results.map((r) => r.probeId).sort()).toEqual(['latency', 'ntp']);
    expect(run.results.find((r) => r.probeId === 'ntp')?.metrics['ntp.offset_ms']).toBeLessThan(-15);
    expect(run.results.find((r) => r.probeId === 'latency')?.samples.length).toBe(10);
    const [summary] = await t.api.listProbeRuns({ caseId: t.caseId });
    expect(summary).toMatchObject({ id: runId, status: 'complete', source: 'app', resultCounts: { ok: 2 } });
    const tables = t.services.db.prepare("SELECT DISTINCT table_name FROM outbox WHERE table_name LIKE 'probe%' ORDER BY 1").all();
    expect(tables).toEqual([{ table_name: 'probe_results' }, { table_name: 'probe_runs' }]);
  });

  it('cancel ends a run within a second and the run says cancelled', async () => {
    const t = await open();
    const silent = await startSntpServer(0, { silent: true });
    cleanups.push(() => silent.close());
    const { runId } = await t.api.startProbeRun({ caseId: t.caseId, probeIds: ['ntp'], targets: { includeGateway: false, ntpServer: silent.target } });
    await new Promise((r) => setTimeout(r, 200));
    const started = performance.now();
    const progress = await t.api.cancelProbeRun({ runId });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(progress.status).toBe('cancelled');
    expect(progress.probes[0]?.status).toBe('cancelled');
    expect((await t.api.listProbeRuns({ caseId: t.caseId }))[0]?.status).toBe('cancelled');
  });

  it('a run left "running" by a crash shows as interrupted', async () => {
    const t = await open();
    const silent = await startSntpServer(0, { silent: true });
    cleanups.push(() => silent.close());
    const { runId } = await t.api.startProbeRun({ caseId: t.caseId, probeIds: ['ntp'], targets: { includeGateway: false, ntpServer: silent.target } });
    await t.api.cancelProbeRun({ runId });
    t.services.db.prepare("UPDATE probe_runs SET status = 'running' WHERE id = ?").run(runId);
    expect((await t.api.getProbeRun({ runId })).status).toBe('interrupted');
  });

  it('refuses an unknown case and an empty probe list with clear messages', async () => {
    const t = await open();
    await expect(t.api.startProbeRun({ caseId: '0190a6f0-0000-7000-8000-000000000000', probeIds: ['ntp'] })).rejects.toThrow(/No case with id/);
    await expect(t.api.startProbeRun({ caseId: t.caseId, probeIds: [] })).rejects.toThrow(/Choose at least one probe/);
    await expect(t.api.getProbeRun({ runId: '0190a6f0-0000-7000-8000-000000000000' })).rejects.toThrow(/No probe run/);
  });

  it('imports a bundle once (idempotent) and refuses bad bundles without changing anything', async () => {
    const t = await open();
    const result: ProbeResult = {
      probeId: 'hardware',
      title: 'Hardware and OS',
      status: 'ok',
      message: '8 cores',
      startedAt: '2026-03-01T09:00:00.000Z',
      durationMs: 800,
      metrics: { 'hardware.cpu_cores': 8 },
      samples: [],
      details: {},
    };
    const bundle = buildBundle({ results: [result], targets: probeTargetsSchema.parse({}), toolVersion: '0.1.0' });
    const text = JSON.stringify(bundle, null, 2);
    const before = counts(t);
    const refusals: [string, RegExp][] = [
      [text.slice(0, 200), /truncated/],
      [text.replace('"hardware.cpu_cores": 8', '"hardware.cpu_cores": 64'), /altered/],
      [JSON.stringify({ ...bundle, schemaVersion: 2 }), /newer Groundwork/],
      ['hello', /not JSON/],
    ];
    for (const [bad, message] of refusals) {
      const error = await t.api.importProbeBundle({ caseId: t.caseId, bundleText: bad }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiFailure);
      expect((error as ApiFailure).message).toMatch(message);
      expect(counts(t)).toEqual(before);
    }
    const imported = await t.api.importProbeBundle({ caseId: t.caseId, bundleText: text });
    expect(imported).toMatchObject({ source: 'collector', status: 'complete', bundleSha256: bundle.sha256, probeIds: ['hardware'] });
    const again = await t.api.importProbeBundle({ caseId: t.caseId, bundleText: text });
    expect(again.id).toBe(imported.id);
    expect((await t.api.getProbeRun({ runId: imported.id })).results).toEqual([result]);
    expect(t.services.probeRuns.isActive(imported.id)).toBe(false);
  });
});
