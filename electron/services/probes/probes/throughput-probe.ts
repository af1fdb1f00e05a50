import { classifyTarget } from '../../../../shared/probes/measurement';
import { bufferbloatGrade, percentile, round } from '../../../../shared/probes/stats';
import { parseHostPort, plainNetworkError, resolveAddress } from '../net-helpers';
import { allPlatforms, type ProbeOutcome, type ProbeContext, type ProbeDefinition } from '../probe-definition';
import { defaultIperf3Port, runIperf3WithRetries } from '../throughput/iperf3-client';
import { runReflectorThroughput } from '../throughput/reflector-client';
import { defaultReflectorPort } from '../throughput/reflector-protocol';
import type { Direction, DirectionResult, ThroughputRunOptions } from '../throughput/throughput-types';
import { UdpPinger } from '../udp-echo';

const pingIntervalMs = 100;
const lateMs = 1000;

const median = (rtts: (number | null)[]): number | null => round(percentile(rtts.filter((r): r is number => r !== null), 50), 3);

/**
 * Download then upload over several streams, against a stock iperf3 server or a Groundwork
 * reflector, with UDP echo to the reflector (when there is one) before and during the load:
 * the rise in median RTT under load is the bufferbloat, graded on the DSLReports scale.
 */
export const throughputProbe: ProbeDefinition = {
  id: 'throughput',
  title: 'Throughput and bufferbloat',
  measures: [
    'throughput.download_mbps',
    'throughput.upload_mbps',
    'throughput.idle_rtt_ms_p50',
    'throughput.loaded_rtt_ms_p50',
    'throughput.bufferbloat_added_ms',
    'throughput.bufferbloat_grade',
    'throughput.streams',
  ],
  platforms: allPlatforms,
  timeoutMs: (targets) => (2 * targets.throughputSeconds + 25) * 1000,
  inDefaultSuite: false,
  exclusive: true,
  run: async (ctx): Promise<ProbeOutcome> => {
    const { targets } = ctx;
    const server = targets.iperf3
      ? { kind: 'iperf3' as const, label: targets.iperf3, ...parseHostPort(targets.iperf3, defaultIperf3Port) }
      : targets.reflector
        ? { kind: 'reflector' as const, label: targets.reflector, ...parseHostPort(targets.reflector, defaultReflectorPort) }
        : null;
    if (!server) {
      return { status: 'failed', message: 'No far end: give a Groundwork reflector or an iperf3 server.', metrics: {} };
    }
    const unreachable = (what: string, error: unknown): ProbeOutcome => {
      if (ctx.signal.aborted) throw error;
      return { status: 'failed', message: `The test against the ${what} failed: ${plainNetworkError(error)}.`, metrics: {} };
    };
    let address: string;
    let echoAddress: string | null = null;
    const echo = targets.reflector ? parseHostPort(targets.reflector, defaultReflectorPort) : null;
    try {
      address = await resolveAddress(ctx, server.host);
      if (echo) echoAddress = await resolveAddress(ctx, echo.host);
    } catch (error) {
      return unreachable(`${server.kind === 'iperf3' ? 'iperf3 server' : 'reflector'} at ${server.label}`, error);
    }
    // Echo answers are sampled when they arrive, under the phase they belong to.
    let phase = 'rtt_idle';
    const pinger = echo && echoAddress ? new UdpPinger(ctx, echoAddress, echo.port, (rtt) => ctx.sample(phase, rtt === null ? null : round(rtt, 3))) : null;
    const sampleLost = (rtts: (number | null)[]) => {
      for (const rtt of rtts) if (rtt === null) ctx.sample(phase, null);
    };
    const seconds = targets.throughputSeconds;
    const totalMs = 2 * seconds * 1000 + 1000;
    const started = performance.now();
    const tick = setInterval(() => ctx.progress(Math.min(0.99, (performance.now() - started) / totalMs), 'measuring'), 250);

    try {
      let idle: (number | null)[] = [];
      if (pinger) {
        ctx.progress(0.01, 'idle latency');
        // 20 probes over a second; the baseline is the last 10, so a queue left full by earlier
        // traffic has drained before it is measured.
        const all = await pinger.series(20, 50, lateMs);
        sampleLost(all);
        idle = all.slice(10);
      }
      const runDirection = async (direction: Direction): Promise<{ result: DirectionResult; loaded: (number | null)[] }> => {
        const options: ThroughputRunOptions = {
          ctx,
          host: address,
          port: server.port,
          direction,
          seconds,
          streams: targets.throughputStreams,
          onInterval: (mbps) => ctx.sample(`${direction}_mbps`, round(mbps, 2)),
        };
        ctx.progress((performance.now() - started) / totalMs, `${direction} (${server.kind})`);
        phase = `rtt_loaded_${direction}`;
        if (pinger) await pinger.start(pingIntervalMs);
        try {
          const result = server.kind === 'iperf3' ? await runIperf3WithRetries(options) : await runReflectorThroughput(options);
          const loaded = pinger ? await pinger.stop(lateMs) : [];
          sampleLost(loaded);
          return { result, loaded };
        } catch (error) {
          if (pinger) {
            await pinger.stop(0).catch((stopError: unknown) => {
              // The run's own failure (rethrown below) is what the result reports; this one is secondary.
              ctx.log.debug({ err: stopError }, 'throughput probe: pinger did not stop cleanly');
              return [];
            });
          }
          throw error;
        }
      };
      const download = await runDirection('download');
      const upload = await runDirection('upload');

      const idleP50 = median(idle);
      const loadedDown = median(download.loaded);
      const loadedUp = median(upload.loaded);
      const loadedCandidates = [loadedDown, loadedUp].filter((v): v is number => v !== null);
      const loaded = loadedCandidates.length > 0 ? Math.max(...loadedCandidates) : null;
      const added = idleP50 !== null && loaded !== null ? round(Math.max(0, loaded - idleP50), 3) : null;
      const down = round(download.result.mbps, 2);
      const up = round(upload.result.mbps, 2);
      return {
        metrics: {
          'throughput.download_mbps': down,
          'throughput.upload_mbps': up,
          'throughput.idle_rtt_ms_p50': idleP50,
          'throughput.loaded_rtt_ms_p50': loaded,
          'throughput.bufferbloat_added_ms': added,
          'throughput.bufferbloat_grade': added === null ? null : bufferbloatGrade(added),
          'throughput.streams': targets.throughputStreams,
        },
        farEnd: { kind: classifyTarget(server.label, { address, tool: server.kind }), target: server.label },
        reason: 'latency under load needs a Groundwork reflector as the far end',
        details: {
          server: { kind: server.kind, target: server.label },
          latencyEcho: targets.reflector ?? null,
          download: { ...download.result, loadedRttMsP50: loadedDown },
          upload: { ...upload.result, loadedRttMsP50: loadedUp },
        },
        message:
          `Download ${down ?? '?'} Mbit/s, upload ${up ?? '?'} Mbit/s over ${targets.throughputStreams} streams (${server.kind} ${server.label}).` +
          (added === null ? ' Latency under load needs a reflector target.' : ` Bufferbloat grade ${bufferbloatGrade(added)} (+${added} ms under load).`),
      };
    } catch (error) {
      return unreachable(`${server.kind === 'iperf3' ? 'iperf3 server' : 'reflector'} at ${server.label}`, error);
    } finally {
      clearInterval(tick);
      pinger?.close();
    }
  },
};

export type { ProbeContext };
