import { execFileSync } from 'node:child_process';
import { probeTargetsSchema, type ProbeResult } from '../shared/probes/probe-schemas';
import { percentile } from '../shared/probes/stats';
import { parsePingOutput } from '../electron/services/probes/parsers/ping-output';
import { defaultProbeIds, probesById } from '../electron/services/probes/probe-registry';
import { latencyProbe } from '../electron/services/probes/probes/latency-probe';
import { throughputProbe } from '../electron/services/probes/probes/throughput-probe';
import { runProbe, runProbes } from '../electron/services/probes/run-probes';
import { startReflector } from '../electron/services/probes/throughput/reflector-server';
import { createShapedLink, iperfClientMbps, netnsUnavailableReason, waitForOutput } from '../test/integration/probes/shaped-link';
import { makeCertificates, startDnsServer, startHttpsServer, startSntpServer } from '../test/unit/probes/local-servers';
import { cliPath } from '../test/support/run-cli';
import { row, type BenchRow } from './bench-row';

const round2 = (n: number | null | undefined): number => (typeof n === 'number' ? Number(n.toFixed(2)) : Number.NaN);

/** The default suite (no throughput) against loopback far ends: nothing leaves this machine. */
const defaultSuite = async (): Promise<BenchRow[]> => {
  const reflector = await startReflector({ port: 0, host: '127.0.0.1' });
  const dns = await startDnsServer({ localhost: '127.0.0.1' });
  const sntp = await startSntpServer(0);
  const https = await startHttpsServer(makeCertificates());
  try {
    const targets = probeTargetsSchema.parse({
      includeGateway: false,
      reflector: `127.0.0.1:${reflector.port}`,
      dnsNames: ['localhost'],
      resolvers: [dns.server],
      ntpServer: sntp.target,
      aiEndpoints: [https.url],
      mtuTargets: ['127.0.0.1'],
    });
    const started = performance.now();
    const results = await runProbes(probesById(defaultProbeIds), { targets });
    const seconds = (performance.now() - started) / 1000;
    const slowest = [...results].sort((a, b) => b.durationMs - a.durationMs)[0] as ProbeResult;
    const notOk = results.filter((r) => r.status !== 'ok').map((r) => `${r.probeId}:${r.status}`);
    return [
      row({
        workload: `probes: default suite, ${results.length} probes, no throughput (loopback far ends)`,
        ours: round2(seconds),
        reference: 10,
        unit: 's',
        target: '< 10 s',
        note: `slowest ${slowest.probeId} ${(slowest.durationMs / 1000).toFixed(1)} s${notOk.length ? `; not ok: ${notOk.join(', ')}` : ''}`,
      }),
    ];
  } finally {
    await Promise.all([reflector.close(), dns.close(), sntp.close(), https.close()]);
  }
};

const seconds = 3;
const streams = 4;

const iperfReceiverMbps = (remote: string, reverse: boolean): number => iperfClientMbps(remote, 5201, { seconds, streams, reverse });

/** Throughput, loaded latency and idle latency on a 50 Mbit/s tbf link in a namespace we create. */
const shapedLink = async (): Promise<BenchRow[]> => {
  const reason = netnsUnavailableReason();
  if (reason) {
    return [row({ workload: 'probes: throughput on a shaped link', ours: Number.NaN, reference: null, unit: 'Mbit/s', note: `skipped: ip netns not permitted (${reason})` })];
  }
  const link = createShapedLink(50, 200);
  try {
    const iperf = link.spawnInside('iperf3', ['-s', '--forceflush', '-B', link.remoteAddress]);
    const reflector = link.spawnInside(process.execPath, [cliPath, 'reflector', '--port', '5299', '--host', link.remoteAddress]);
    await Promise.all([waitForOutput(iperf, /Server listening/), waitForOutput(reflector, /listening on/)]);
    const reflectorTarget = `${link.remoteAddress}:5299`;

    const ping = parsePingOutput(execFileSync('ping', ['-c', '20', '-i', '0.05', link.remoteAddress], { encoding: 'utf8' }), 'linux');
    const latency = await runProbe(latencyProbe, { targets: probeTargetsSchema.parse({ includeGateway: false, reflector: reflectorTarget, latencyCount: 20 }) });

    const refDown = iperfReceiverMbps(link.remoteAddress, true);
    const refUp = iperfReceiverMbps(link.remoteAddress, false);
    const common = { includeGateway: false, throughputSeconds: seconds, throughputStreams: streams };
    const viaIperf = await runProbe(throughputProbe, { targets: probeTargetsSchema.parse({ ...common, iperf3: link.remoteAddress }) });
    const viaReflector = await runProbe(throughputProbe, { targets: probeTargetsSchema.parse({ ...common, reflector: reflectorTarget }) });
    const m = (r: ProbeResult, name: string) => round2(r.metrics[name] as number | null);
    const link50 = `50 Mbit/s tbf link, ${streams} streams, ${seconds} s`;
    return [
      row({ workload: `probes: download via iperf3 protocol (${link50})`, ours: m(viaIperf, 'throughput.download_mbps'), reference: round2(refDown), unit: 'Mbit/s', target: 'ratio 0.95–1.05', note: 'reference: iperf3 -c -R' }),
      row({ workload: `probes: upload via iperf3 protocol (${link50})`, ours: m(viaIperf, 'throughput.upload_mbps'), reference: round2(refUp), unit: 'Mbit/s', target: 'ratio 0.95–1.05', note: 'reference: iperf3 -c' }),
      row({ workload: `probes: download via reflector (${link50})`, ours: m(viaReflector, 'throughput.download_mbps'), reference: round2(refDown), unit: 'Mbit/s', target: 'ratio 0.95–1.05', note: 'reference: iperf3 -c -R' }),
      row({ workload: `probes: upload via reflector (${link50})`, ours: m(viaReflector, 'throughput.upload_mbps'), reference: round2(refUp), unit: 'Mbit/s', target: 'ratio 0.95–1.05', note: 'reference: iperf3 -c' }),
      row({
        workload: 'probes: loaded vs idle RTT p50 (200 ms tbf queue)',
        ours: m(viaReflector, 'throughput.loaded_rtt_ms_p50'),
        reference: m(viaReflector, 'throughput.idle_rtt_ms_p50'),
        unit: 'ms',
        target: 'loaded > idle',
        note: `bufferbloat grade ${String(viaReflector.metrics['throughput.bufferbloat_grade'])}`,
      }),
      row({
        workload: 'probes: RTT p50 to reflector vs ping (idle link)',
        ours: m(latency, 'latency.rtt_ms_p50'),
        reference: round2(percentile(ping.rtts, 50)),
        unit: 'ms',
        target: '< 1 ms apart',
        note: 'ours is application-level UDP echo; ping is answered by the kernel',
      }),
    ];
  } finally {
    link.teardown();
  }
};

export const runProbesBench = async (): Promise<BenchRow[]> => [...(await defaultSuite()), ...(await shapedLink())];
