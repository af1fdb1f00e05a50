import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeTargetsSchema, type ProbeTargetsInput } from '../../../shared/probes/probe-schemas';
import { pathMtuProbe, type PathMtuTarget } from '../../../electron/services/probes/probes/path-mtu-probe';
import { runProbe } from '../../../electron/services/probes/run-probes';
import { netnsUnavailableReason } from './shaped-link';
import { createRoutedPath, type RoutedPath } from './routed-path';

const unavailable = netnsUnavailableReason();
if (unavailable) process.stderr.write(`\n!!! SKIPPING the path-MTU namespace tests: network namespaces are not permitted here (${unavailable}).\n\n`);

const measure = async (input: ProbeTargetsInput) => {
  const result = await runProbe(pathMtuProbe, { targets: probeTargetsSchema.parse({ includeGateway: false, ...input }) });
  const targets = result.details.targets as PathMtuTarget[];
  for (const t of targets) process.stdout.write(`path MTU ${t.host} (${t.family ?? '?'}, ${t.role}): ${t.mtu ?? 'unknown'} in ${t.steps} echoes, ${t.elapsedMs} ms — ${t.note}\n`);
  return { result, targets };
};

describe.skipIf(unavailable !== null)('path MTU through a router namespace with far links of 1400, 1280 and 1100 bytes (IPv4 and IPv6)', () => {
  let path: RoutedPath;
  const far = (i: number) => path.far[i]!;

  beforeAll(() => {
    path = createRoutedPath([{ mtu: 1400 }, { mtu: 1280 }, { mtu: 1100 }, { mtu: 1400 }, { mtu: 1500, silent: true }]);
  });
  afterAll(() => path?.teardown());

  it.each([
    [1400, 0],
    [1280, 1],
    [1100, 2],
  ])('IPv4, a %i-byte link beyond the router reads exactly that, from the MTU the router reports', async (mtu, i) => {
    const { result, targets } = await measure({ mtuTargets: [far(i).v4] });
    expect(result.status, result.message).toBe('ok');
    expect(result.metrics['mtu.path_mtu_bytes']).toBe(mtu);
    expect(targets[0]?.reportedMtu).toBe(mtu);
    // Jumped to the reported size: 1500 fails, the reported size passes, one byte more fails (plus the first small echo).
    expect(targets[0]?.steps).toBeLessThanOrEqual(5);
  });

  it('IPv6 with its own 48-byte overhead: 1400 reads 1400 and 1280 reads 1280', async () => {
    const { result, targets } = await measure({ mtuTargets: [far(0).v6!, far(1).v6!] });
    expect(result.status, result.message).toBe('ok');
    expect(targets.map((t) => [t.family, t.mtu])).toEqual([
      ['IPv6', 1400],
      ['IPv6', 1280],
    ]);
    expect(result.metrics['mtu.path_mtu_bytes']).toBe(1280);
  });

  it('two targets behind 1400 and one that never answers: both read 1400 and the silent one says why', async () => {
    const { result, targets } = await measure({ mtuTargets: [far(0).v4, far(3).v4, far(4).v4] });
    expect(result.status, result.message).toBe('ok');
    expect(targets.map((t) => t.mtu)).toEqual([1400, 1400, null]);
    expect(targets[2]?.note).toMatch(/no answer to a \d+-byte echo/);
    expect(result.metrics['mtu.path_mtu_bytes']).toBe(1400);
    expect(result.message).toContain(`${far(4).v4}: unknown (no answer`);
  });

  it('a PMTU black hole (the router reports nothing): 1400 still reads exactly, by halving within the deadline', async () => {
    const blackHole = createRoutedPath([{ mtu: 1400 }], { icmpBlackHole: true });
    try {
      const { result, targets } = await measure({ mtuTargets: [blackHole.far[0]!.v4] });
      expect(result.metrics['mtu.path_mtu_bytes']).toBe(1400);
      expect(targets[0]?.reportedMtu).toBeNull();
      expect(targets[0]?.note).toMatch(/without a report/);
      // Halving from 84 to 1501 bytes: about log2(1417) steps after the two small echoes, not one per byte.
      expect(targets[0]?.steps).toBeLessThanOrEqual(14);
    } finally {
      blackHole.teardown();
    }
  });

  it('with no MTU target given, a host beyond the gateway is measured (here the first latency target, behind 1100)', async () => {
    const { result, targets } = await measure({ hosts: [`${far(2).v4}:443`] });
    expect(targets.map((t) => [t.host, t.role])).toEqual([[far(2).v4, 'beyond the gateway']]);
    expect(result.metrics['mtu.path_mtu_bytes']).toBe(1100);
  });
});
