import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeTargetsSchema } from '../../../shared/probes/probe-schemas';
import { throughputProbe } from '../../../electron/services/probes/probes/throughput-probe';
import { runProbe } from '../../../electron/services/probes/run-probes';
import { createShapedLink, netnsUnavailableReason, type ShapedLink } from './shaped-link';

const unavailable = netnsUnavailableReason();
if (unavailable) process.stderr.write(`\n!!! SKIPPING the throughput CPU tests: network namespaces are not permitted here (${unavailable}).\n\n`);

/** What `iperf3 -s -J` logs per test: its own CPU and the one the client sent (remote). */
interface ServerTestJson {
  end?: { cpu_utilization_percent?: { host_total: number; remote_total: number } };
  start?: { test_start?: { reverse?: number } };
}

const serverTests = (file: string): ServerTestJson[] =>
  fs
    .readFileSync(file, 'utf8')
    .split(/\n(?=\{)/)
    .filter((chunk) => chunk.trim().startsWith('{'))
    .map((chunk) => JSON.parse(chunk) as ServerTestJson);

describe.skipIf(unavailable !== null)('CPU use in the iperf3 results exchange, against a stock iperf3 -s in a namespace', () => {
  let link: ShapedLink;
  let dir: string;
  let log: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-iperf-cpu-'));
    log = path.join(dir, 'server.json');
    // Unshaped: the CPUs are the limit, so both ends have real work to report.
    link = createShapedLink(null, 0);
    const iperf = link.spawnInside('iperf3', ['-s', '-J', '--logfile', log, '-B', link.remoteAddress]);
    // With --logfile nothing is printed: wait for the listening socket (a probe connection would be a test to iperf3).
    for (let i = 0; i < 150 && !link.execInside('ss', ['-Hltn', 'sport', '=', ':5201']).includes('5201'); i += 1) await new Promise((r) => setTimeout(r, 100));
    expect(iperf.exitCode).toBeNull();
  });

  afterAll(() => {
    link?.teardown();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sends our CPU use (not 0) to the server and reads the server’s own figure back', async () => {
    const result = await runProbe(throughputProbe, {
      // Latency probes go to a closed port beside it (a refusal is a round trip): connects to iperf3's own port would be logged as failed tests.
      targets: probeTargetsSchema.parse({ includeGateway: false, iperf3: link.remoteAddress, loadedLatencyTarget: `${link.remoteAddress}:5999`, throughputSeconds: 2, throughputStreams: 2 }),
    });
    expect(result.status, result.message).toBe('ok');
    type Side = { cpu: { clientPct: number | null; serverPct: number | null } };
    const down = result.details.download as Side;
    const up = result.details.upload as Side;

    // The server's log has one test per direction, download (reverse) first.
    await new Promise((r) => setTimeout(r, 300));
    const tests = serverTests(log);
    expect(tests).toHaveLength(2);
    const [first, second] = tests.map((t) => t.end?.cpu_utilization_percent) as [{ host_total: number; remote_total: number }, { host_total: number; remote_total: number }];
    process.stdout.write(
      `server saw remote (ours) ${first.remote_total.toFixed(1)} % / ${second.remote_total.toFixed(1)} %, host ${first.host_total.toFixed(1)} % / ${second.host_total.toFixed(1)} %; ` +
        `we read server ${down.cpu.serverPct} % / ${up.cpu.serverPct} %, ours ${down.cpu.clientPct} % / ${up.cpu.clientPct} %\n`,
    );
    // iperf3 3.12's server logs the remote figure of the test before (a stock iperf3 -c shows the
    // same lag: its first test logs remote_total 0): so our download's figure appears in the log.
    const remotes = [first.remote_total, second.remote_total];
    expect(down.cpu.clientPct as number).toBeGreaterThan(0);
    expect(up.cpu.clientPct as number).toBeGreaterThan(0);
    expect(remotes.some((r) => r > 0 && Math.abs(r - (down.cpu.clientPct as number)) < 0.05), `server logged ${remotes.join(', ')}`).toBe(true);
    // What we read from the exchange is the server's own figure for that test, as it logs it.
    expect(down.cpu.serverPct as number).toBeCloseTo(first.host_total, 1);
    expect(up.cpu.serverPct as number).toBeCloseTo(second.host_total, 1);

    // The server's figure, as it sent it in the exchange, is ours to read (a real one, not 0).
    for (const side of [down, up]) {
      expect(side.cpu.serverPct).not.toBeNull();
      expect(side.cpu.serverPct as number).toBeGreaterThan(0);
    }
    expect(result.metrics['throughput.server_cpu_pct']).toBe(Math.max(down.cpu.serverPct as number, up.cpu.serverPct as number));
    expect(result.metrics['throughput.client_cpu_pct']).toBe(Math.max(down.cpu.clientPct as number, up.cpu.clientPct as number));
    expect(typeof result.metrics['throughput.download_cpu_bound']).toBe('boolean');
    // Whatever the machine's load, the message says so exactly when a direction was bound.
    const bound = result.metrics['throughput.download_cpu_bound'] === true || result.metrics['throughput.upload_cpu_bound'] === true;
    expect(/CPU-bound .* lower bound/.test(result.message)).toBe(bound);
  });
});
