import dgram from 'node:dgram';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeTargetsSchema, type ProbeResult } from '../../../shared/probes/probe-schemas';
import { LatencyWorker } from '../../../electron/services/probes/throughput/latency-worker';
import { throughputProbe } from '../../../electron/services/probes/probes/throughput-probe';
import { runProbe } from '../../../electron/services/probes/run-probes';
import { cliPath } from '../../support/run-cli';
import { createShapedLink, netnsUnavailableReason, waitForOutput, type ShapedLink } from './shaped-link';

/**
 * Latency under load is probed from a worker thread. These tests check that it is (a blocked main
 * thread does not stop the probes) and that every direction gets its own p50/p95/jitter/loss
 * against both far ends. How close it reads to `ping` under load is a bench row, not a test.
 */

describe('the latency worker keeps probing while the main thread is busy', () => {
  it('sends TCP-connect probes on its own timer during a 600 ms busy loop on the main thread', async () => {
    const server = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    const worker = new LatencyWorker({ method: 'tcp-connect', address: '127.0.0.1', port, intervalMs: 20, timeoutMs: 2000 });
    try {
      await worker.start('busy');
      // Nothing on this thread runs for 600 ms: no timer, no socket callback. A pinger on this
      // loop would send one probe; the worker sends one every 20 ms (about 30).
      const until = performance.now() + 600;
      while (performance.now() < until) {
        // busy on purpose
      }
      const rtts = await worker.stop();
      const answered = rtts.filter((r): r is number => r !== null);
      // Generous for a loaded 2-core machine: a third of the 30 sends, most of them answered.
      expect(rtts.length).toBeGreaterThanOrEqual(10);
      expect(answered.length).toBeGreaterThanOrEqual(rtts.length / 2);
      // The kernel answers a loopback SYN at once; the main thread's 600 ms busy loop is in none of them.
      const sorted = [...answered].sort((a, b) => a - b);
      expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThan(300);
    } finally {
      worker.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('counts a probe nobody answers as lost once its timeout passes', async () => {
    // A far end that reads every echo request and answers none.
    const silent = dgram.createSocket('udp4');
    await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve));
    let heard = 0;
    silent.on('message', () => (heard += 1));
    const worker = new LatencyWorker({ method: 'udp-echo', address: '127.0.0.1', port: silent.address().port, intervalMs: 50, timeoutMs: 200 });
    try {
      await worker.start('silent');
      await new Promise((resolve) => setTimeout(resolve, 300));
      const rtts = await worker.stop();
      expect(rtts.length).toBeGreaterThanOrEqual(2);
      expect(rtts.every((r) => r === null)).toBe(true);
      expect(heard).toBeGreaterThanOrEqual(2);
    } finally {
      worker.close();
      silent.close();
    }
  });
});

const unavailable = netnsUnavailableReason();
const iperfPort = 5201;
const reflectorPort = 5299;
const seconds = 2;

describe.skipIf(unavailable !== null)('latency under load on a 20 Mbit/s link with a 200 ms queue (ip netns + tc tbf)', () => {
  let link: ShapedLink;

  beforeAll(async () => {
    link = createShapedLink(20, 200);
    const iperf = link.spawnInside('iperf3', ['-s', '--forceflush', '-p', String(iperfPort), '-B', link.remoteAddress]);
    const reflector = link.spawnInside(process.execPath, [cliPath, 'reflector', '--port', String(reflectorPort), '--host', link.remoteAddress]);
    await Promise.all([waitForOutput(iperf, /Server listening/, 30_000), waitForOutput(reflector, /listening on/, 30_000)]);
  }, 60_000);

  afterAll(() => link?.teardown());

  const m = (r: ProbeResult, name: string) => r.metrics[name] as number | null;

  const expectPerDirection = (result: ProbeResult) => {
    expect(result.status, result.message).toBe('ok');
    const idle = m(result, 'throughput.idle_rtt_ms_p50') as number;
    expect(idle).not.toBeNull();
    for (const direction of ['download', 'upload']) {
      const p50 = m(result, `throughput.${direction}_loaded_rtt_ms_p50`);
      const p95 = m(result, `throughput.${direction}_loaded_rtt_ms_p95`);
      expect(p50, direction).not.toBeNull();
      expect(p95 as number).toBeGreaterThanOrEqual(p50 as number);
      expect(m(result, `throughput.${direction}_loaded_jitter_ms`), direction).not.toBeNull();
      expect(m(result, `throughput.${direction}_loaded_loss_pct`), direction).not.toBeNull();
      // The 200 ms tbf queue fills under load: the loaded median is far above the idle one
      // (20 ms margin against an idle RTT well under 1 ms on a veth pair).
      expect(p50 as number, `${direction} loaded vs idle ${idle}`).toBeGreaterThan(idle + 20);
      const details = result.details[direction] as { loaded: { probes: number; window: { startedAt: number; endedAt: number } } };
      // One probe per 100 ms from the first data to the end; at least a few even on a slow CI machine.
      expect(details.loaded.probes).toBeGreaterThanOrEqual(5);
      expect(details.loaded.window.endedAt).toBeGreaterThan(details.loaded.window.startedAt);
    }
    expect(m(result, 'throughput.loaded_rtt_ms_p95')).toBe(
      Math.max(m(result, 'throughput.download_loaded_rtt_ms_p95') as number, m(result, 'throughput.upload_loaded_rtt_ms_p95') as number),
    );
    expect(result.measurements?.['throughput.download_loaded_rtt_ms_p95']).toMatchObject({ state: 'measured', scope: 'lan' });
  };

  it('against the reflector: UDP echo from the worker, per direction', async () => {
    const result = await runProbe(throughputProbe, {
      targets: probeTargetsSchema.parse({ includeGateway: false, reflector: `${link.remoteAddress}:${reflectorPort}`, throughputSeconds: seconds, throughputStreams: 2 }),
    });
    process.stdout.write(`reflector: ${result.message}\n`);
    expectPerDirection(result);
    expect(result.details.latencyUnderLoad).toMatchObject({ method: 'udp-echo', thread: 'worker' });
  }, 60_000);

  it('against a stock iperf3 server: TCP connect to its port, per direction', async () => {
    const result = await runProbe(throughputProbe, {
      targets: probeTargetsSchema.parse({ includeGateway: false, iperf3: `${link.remoteAddress}:${iperfPort}`, throughputSeconds: seconds, throughputStreams: 2 }),
    });
    process.stdout.write(`iperf3: ${result.message}\n`);
    expectPerDirection(result);
    expect(result.details.latencyUnderLoad).toMatchObject({ method: 'tcp-connect', target: `${link.remoteAddress}:${iperfPort}` });
  }, 60_000);

  it('against a stock iperf3 server with a host the engineer names for the latency probes', async () => {
    // The reflector's TCP port accepts (and closes) any connection: a stand-in for any named host.
    const result = await runProbe(throughputProbe, {
      targets: probeTargetsSchema.parse({
        includeGateway: false,
        iperf3: `${link.remoteAddress}:${iperfPort}`,
        loadedLatencyTarget: `${link.remoteAddress}:${reflectorPort}`,
        throughputSeconds: seconds,
        throughputStreams: 2,
      }),
    });
    expectPerDirection(result);
    expect(result.details.latencyUnderLoad).toMatchObject({ method: 'tcp-connect', target: `${link.remoteAddress}:${reflectorPort}` });
  }, 60_000);
});
