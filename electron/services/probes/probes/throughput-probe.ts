import { cpuBoundReading, type CpuBoundReading } from '../../../../shared/probes/cpu-bound';
import { classifyTarget } from '../../../../shared/probes/measurement';
import { bufferbloatGrade, lossPercent, percentile, rfc3550Jitter, round } from '../../../../shared/probes/stats';
import { parseHostPort, plainNetworkError, resolveAddress, type HostPort } from '../net-helpers';
import { allPlatforms, type ProbeOutcome, type ProbeContext, type ProbeDefinition } from '../probe-definition';
import { defaultIperf3Port, runIperf3WithRetries } from '../throughput/iperf3-client';
import { runReflectorThroughput } from '../throughput/reflector-client';
import { defaultReflectorPort } from '../throughput/reflector-protocol';
import { LatencyWorker, type LatencyMethod } from '../throughput/latency-worker';
import type { Direction, DirectionResult, ThroughputRunOptions } from '../throughput/throughput-types';

const pingIntervalMs = 100;
const lateMs = 1000;

const median = (rtts: (number | null)[]): number | null => round(percentile(rtts.filter((r): r is number => r !== null), 50), 3);

export interface LoadedLatency {
  readonly rttMsP50: number | null;
  readonly rttMsP95: number | null;
  readonly jitterMs: number | null;
  readonly lossPct: number | null;
  readonly probes: number;
  /** Wall-clock span the loaded probes were sent in (epoch ms), to line them up with other tools. */
  readonly window: { readonly startedAt: number; readonly endedAt: number } | null;
}

const summariseLoaded = (rtts: (number | null)[], window: LoadedLatency['window']): LoadedLatency => {
  const answered = rtts.filter((r): r is number => r !== null);
  return {
    rttMsP50: round(percentile(answered, 50), 3),
    rttMsP95: round(percentile(answered, 95), 3),
    jitterMs: round(rfc3550Jitter(rtts), 3),
    lossPct: round(lossPercent(rtts), 2),
    probes: rtts.length,
    window,
  };
};

interface LatencyPlan {
  readonly method: LatencyMethod;
  readonly label: string;
  readonly host: string;
  readonly port: number;
}

/** Named TCP target first, then UDP echo to the reflector, then TCP connect to the iperf3 server itself. */
const latencyPlan = (targets: ProbeContext['targets'], iperf3: HostPort | null): LatencyPlan | null => {
  if (targets.loadedLatencyTarget) return { method: 'tcp-connect', label: targets.loadedLatencyTarget, ...parseHostPort(targets.loadedLatencyTarget, 443) };
  if (targets.reflector) return { method: 'udp-echo', label: targets.reflector, ...parseHostPort(targets.reflector, defaultReflectorPort) };
  if (iperf3 && targets.iperf3) return { method: 'tcp-connect', label: targets.iperf3, ...iperf3 };
  return null;
};

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
    'throughput.loaded_rtt_ms_p95',
    'throughput.download_loaded_rtt_ms_p50',
    'throughput.download_loaded_rtt_ms_p95',
    'throughput.download_loaded_jitter_ms',
    'throughput.download_loaded_loss_pct',
    'throughput.upload_loaded_rtt_ms_p50',
    'throughput.upload_loaded_rtt_ms_p95',
    'throughput.upload_loaded_jitter_ms',
    'throughput.upload_loaded_loss_pct',
    'throughput.client_cpu_pct',
    'throughput.server_cpu_pct',
    'throughput.download_cpu_bound',
    'throughput.upload_cpu_bound',
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
    let latencyAddress: string | null = null;
    const plan = latencyPlan(targets, server.kind === 'iperf3' ? { host: server.host, port: server.port } : null);
    try {
      address = await resolveAddress(ctx, server.host);
      if (plan) latencyAddress = await resolveAddress(ctx, plan.host);
    } catch (error) {
      return unreachable(`${server.kind === 'iperf3' ? 'iperf3 server' : 'reflector'} at ${server.label}`, error);
    }
    // Answers are sampled when the main thread hears of them, under the phase they were sent in;
    // their RTTs were taken on the worker's own clock and loop.
    const pinger =
      plan && latencyAddress
        ? new LatencyWorker({
            method: plan.method,
            address: latencyAddress,
            port: plan.port,
            intervalMs: pingIntervalMs,
            timeoutMs: lateMs,
            onRtt: (phase, rtt) => ctx.sample(phase, rtt === null ? null : round(rtt, 3)),
          })
        : null;
    const seconds = targets.throughputSeconds;
    const totalMs = 2 * seconds * 1000 + 1000;
    const started = performance.now();
    const tick = setInterval(() => ctx.progress(Math.min(0.99, (performance.now() - started) / totalMs), 'measuring'), 250);
    const onAbort = () => pinger?.close();
    ctx.signal.addEventListener('abort', onAbort, { once: true });

    try {
      let idle: (number | null)[] = [];
      if (pinger) {
        ctx.progress(0.01, 'idle latency');
        // 20 probes over two seconds; the baseline is the last 10, so a queue left full by earlier
        // traffic has drained before it is measured.
        await pinger.start('rtt_idle');
        await ctx.sleep(20 * pingIntervalMs - pingIntervalMs / 2);
        idle = (await pinger.stop()).slice(10);
        // TCP connects to an iperf3 server open (and drop) control connections; let it settle.
        if (plan?.method === 'tcp-connect' && server.kind === 'iperf3') await ctx.sleep(300);
      }
      const runDirection = async (direction: Direction): Promise<{ result: DirectionResult; loaded: LoadedLatency | null }> => {
        let loadedStartedAt: number | null = null;
        let starting: Promise<void> | null = null;
        const options: ThroughputRunOptions = {
          ctx,
          host: address,
          port: server.port,
          direction,
          seconds,
          streams: targets.throughputStreams,
          onInterval: (mbps) => {
            ctx.sample(`${direction}_mbps`, round(mbps, 2));
            // Loaded probes start once data flows: the streams are up (an iperf3 server takes a
            // connection made while it sets them up for one of them) and the queue is filling.
            if (pinger && !starting && mbps > 0) {
              loadedStartedAt = Date.now();
              starting = pinger.start(`rtt_loaded_${direction}`);
            }
          },
        };
        ctx.progress((performance.now() - started) / totalMs, `${direction} (${server.kind})`);
        try {
          const result = server.kind === 'iperf3' ? await runIperf3WithRetries(options) : await runReflectorThroughput(options);
          if (!pinger || !starting) return { result, loaded: null };
          await starting;
          const window = { startedAt: loadedStartedAt ?? Date.now(), endedAt: Date.now() };
          return { result, loaded: summariseLoaded(await pinger.stop(), window) };
        } catch (error) {
          if (pinger && starting) {
            await pinger.stop().catch((stopError: unknown) => {
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
      const worstOf = (key: 'rttMsP50' | 'rttMsP95'): number | null => {
        const values = [download.loaded?.[key], upload.loaded?.[key]].filter((v): v is number => typeof v === 'number');
        return values.length > 0 ? Math.max(...values) : null;
      };
      const loaded = worstOf('rttMsP50');
      const added = idleP50 !== null && loaded !== null ? round(Math.max(0, loaded - idleP50), 3) : null;
      const down = round(download.result.mbps, 2);
      const up = round(upload.result.mbps, 2);
      const noLatency = plan
        ? `no loaded-latency probe to ${plan.label} answered`
        : 'latency under load needs a far end that answers: a reflector, an iperf3 server or --loaded-latency';
      const perDirection = (d: { loaded: LoadedLatency | null }) => ({
        p50: d.loaded?.rttMsP50 ?? null,
        p95: d.loaded?.rttMsP95 ?? null,
        jitter: d.loaded?.jitterMs ?? null,
        loss: d.loaded?.lossPct ?? null,
      });
      const dl = perDirection(download);
      const ul = perDirection(upload);
      const cpuOf = (d: { result: DirectionResult }): CpuBoundReading => cpuBoundReading(d.result.cpu.clientPct, d.result.cpu.serverPct);
      const dlCpu = cpuOf(download);
      const ulCpu = cpuOf(upload);
      const busiest = (values: (number | null)[]): number | null => {
        const known = values.filter((v): v is number => v !== null);
        return known.length > 0 ? Math.max(...known) : null;
      };
      const boundFlag = (r: CpuBoundReading): boolean | null => (r.clientPct === null && r.serverPct === null ? null : r.bound.length > 0);
      const cpuSentences = [
        dlCpu.text ? ` Download: ${dlCpu.text}.` : '',
        ulCpu.text ? ` Upload: ${ulCpu.text}.` : '',
      ].join('');
      const serverFarEnd = { kind: classifyTarget(server.label, { address, tool: server.kind }), target: server.label };
      const latencyFarEnd = plan && latencyAddress ? { kind: classifyTarget(plan.label, { address: latencyAddress, tool: plan.method === 'udp-echo' ? ('reflector' as const) : ('tcp' as const) }), target: plan.label } : serverFarEnd;
      const latencyMetrics = [
        'throughput.idle_rtt_ms_p50',
        'throughput.loaded_rtt_ms_p50',
        'throughput.loaded_rtt_ms_p95',
        'throughput.bufferbloat_added_ms',
        'throughput.bufferbloat_grade',
        ...['download', 'upload'].flatMap((d) => [`throughput.${d}_loaded_rtt_ms_p50`, `throughput.${d}_loaded_rtt_ms_p95`, `throughput.${d}_loaded_jitter_ms`, `throughput.${d}_loaded_loss_pct`]),
      ];
      return {
        metrics: {
          'throughput.download_mbps': down,
          'throughput.upload_mbps': up,
          'throughput.idle_rtt_ms_p50': idleP50,
          'throughput.loaded_rtt_ms_p50': loaded,
          'throughput.loaded_rtt_ms_p95': worstOf('rttMsP95'),
          'throughput.bufferbloat_added_ms': added,
          'throughput.bufferbloat_grade': added === null ? null : bufferbloatGrade(added),
          'throughput.streams': targets.throughputStreams,
          'throughput.download_loaded_rtt_ms_p50': dl.p50,
          'throughput.download_loaded_rtt_ms_p95': dl.p95,
          'throughput.download_loaded_jitter_ms': dl.jitter,
          'throughput.download_loaded_loss_pct': dl.loss,
          'throughput.upload_loaded_rtt_ms_p50': ul.p50,
          'throughput.upload_loaded_rtt_ms_p95': ul.p95,
          'throughput.upload_loaded_jitter_ms': ul.jitter,
          'throughput.upload_loaded_loss_pct': ul.loss,
          'throughput.client_cpu_pct': busiest([dlCpu.clientPct, ulCpu.clientPct]),
          'throughput.server_cpu_pct': busiest([dlCpu.serverPct, ulCpu.serverPct]),
          'throughput.download_cpu_bound': boundFlag(dlCpu),
          'throughput.upload_cpu_bound': boundFlag(ulCpu),
        },
        farEnd: serverFarEnd,
        farEnds: Object.fromEntries(latencyMetrics.map((name) => [name, latencyFarEnd])),
        reason: noLatency,
        reasons: {
          'throughput.server_cpu_pct': server.kind === 'reflector' ? 'a Groundwork reflector does not report its CPU use' : 'the iperf3 server sent no CPU figure in its results',
          'throughput.client_cpu_pct': 'no test ran long enough to time',
          'throughput.download_cpu_bound': 'no CPU figure from either end',
          'throughput.upload_cpu_bound': 'no CPU figure from either end',
        },
        details: {
          server: { kind: server.kind, target: server.label },
          latencyUnderLoad: plan ? { method: plan.method, target: plan.label, intervalMs: pingIntervalMs, timeoutMs: lateMs, thread: 'worker', priority: pinger?.priority ?? 'unknown' } : null,
          download: { ...download.result, loadedRttMsP50: dl.p50, loaded: download.loaded, cpuBound: dlCpu.bound },
          upload: { ...upload.result, loadedRttMsP50: ul.p50, loaded: upload.loaded, cpuBound: ulCpu.bound },
        },
        message:
          `Download ${down ?? '?'} Mbit/s, upload ${up ?? '?'} Mbit/s over ${targets.throughputStreams} streams (${server.kind} ${server.label}).` +
          (added === null
            ? ` Latency under load: ${noLatency}.`
            : ` Bufferbloat grade ${bufferbloatGrade(added)} (+${added} ms under load; loaded p95 ${dl.p95 ?? '?'} ms down, ${ul.p95 ?? '?'} ms up, ${plan?.method ?? ''} to ${plan?.label ?? ''}).`) +
          cpuSentences,
      };
    } catch (error) {
      return unreachable(`${server.kind === 'iperf3' ? 'iperf3 server' : 'reflector'} at ${server.label}`, error);
    } finally {
      clearInterval(tick);
      ctx.signal.removeEventListener('abort', onAbort);
      pinger?.close();
    }
  },
};

export type { ProbeContext };
