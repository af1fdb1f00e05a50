import { spawn } from 'node:child_process';
import { probeTargetsSchema, type ProbeResult } from '../shared/probes/probe-schemas';
import { percentile } from '../shared/probes/stats';
import { throughputProbe } from '../electron/services/probes/probes/throughput-probe';
import { runProbe } from '../electron/services/probes/run-probes';
import { createShapedLink, netnsUnavailableReason, waitForOutput, type ShapedLink } from '../test/integration/probes/shaped-link';
import { cliPath } from '../test/support/run-cli';
import { row, type BenchRow } from './bench-row';

/**
 * Loaded p95 from our worker-thread pinger beside `ping` run at the same time, on an unshaped veth
 * link (the load is as fast as the CPUs allow): ping's replies are picked from the same window our
 * loaded probes were sent in (their wall-clock window in the result's details). Target: within
 * 2 ms + 10 % of ping.
 */

interface PingReply {
  readonly at: number;
  readonly rtt: number;
}

/** `ping -D` prints `[epoch.seconds] … time=0.045 ms` per reply. */
const startPing = (remote: string): { replies: PingReply[]; stop: () => void } => {
  const replies: PingReply[] = [];
  const child = spawn('ping', ['-D', '-n', '-i', '0.05', remote], { stdio: ['ignore', 'pipe', 'ignore'] });
  let buffered = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      const match = /^\[(\d+\.\d+)\].*time=([\d.]+) ms/.exec(line);
      if (match) replies.push({ at: Number(match[1]) * 1000, rtt: Number(match[2]) });
    }
  });
  return { replies, stop: () => child.kill('SIGINT') };
};

const seconds = 4;
const round2 = (n: number | null | undefined): number => (typeof n === 'number' ? Number(n.toFixed(2)) : Number.NaN);

const compare = async (link: ShapedLink, label: string, targets: Record<string, unknown>): Promise<BenchRow[]> => {
  const ping = startPing(link.remoteAddress);
  let result: ProbeResult;
  try {
    result = await runProbe(throughputProbe, { targets: probeTargetsSchema.parse({ includeGateway: false, throughputSeconds: seconds, throughputStreams: 4, ...targets }) });
  } finally {
    ping.stop();
  }
  return (['download', 'upload'] as const).map((direction) => {
    const loaded = (result.details[direction] as { loaded?: { rttMsP95: number | null; probes: number; window: { startedAt: number; endedAt: number } } | null } | undefined)?.loaded;
    const window = loaded?.window;
    const inWindow = window ? ping.replies.filter((r) => r.at >= window.startedAt && r.at <= window.endedAt).map((r) => r.rtt) : [];
    const reference = percentile(inWindow, 95);
    const ours = loaded?.rttMsP95 ?? null;
    const allowed = reference === null ? null : 2 + 0.1 * reference;
    const within = ours !== null && allowed !== null ? Math.abs(ours - (reference as number)) <= allowed : false;
    return row({
      workload: `probes: loaded RTT p95 during ${direction}, ${label} (unshaped veth, ${seconds} s, 4 streams)`,
      ours: round2(ours),
      reference: round2(reference),
      unit: 'ms',
      target: '|ours − ping| ≤ 2 ms + 10 %',
      note: `${within ? 'within' : 'OUTSIDE'}; ${loaded?.probes ?? 0} worker probes, ${inWindow.length} concurrent pings; ${round2(result.metrics[`throughput.${direction}_mbps`] as number | null)} Mbit/s${result.status === 'ok' ? '' : `; ${result.status}: ${result.message}`}`,
    });
  });
};

export const runLoadedLatencyBench = async (): Promise<BenchRow[]> => {
  const reason = netnsUnavailableReason();
  if (reason) return [row({ workload: 'probes: loaded RTT p95 vs ping', ours: Number.NaN, reference: null, unit: 'ms', note: `skipped: ip netns not permitted (${reason})` })];
  const link = createShapedLink(null, 0);
  try {
    const iperf = link.spawnInside('iperf3', ['-s', '--forceflush', '-B', link.remoteAddress]);
    const reflector = link.spawnInside(process.execPath, [cliPath, 'reflector', '--port', '5299', '--host', link.remoteAddress]);
    await Promise.all([waitForOutput(iperf, /Server listening/), waitForOutput(reflector, /listening on/)]);
    return [
      ...(await compare(link, 'UDP echo to the reflector', { reflector: `${link.remoteAddress}:5299` })),
      ...(await compare(link, 'TCP connect to a stock iperf3 -s', { iperf3: link.remoteAddress })),
    ];
  } finally {
    link.teardown();
  }
};
