import { classifyTarget, thisDevice, toMeasurement, unmeasuredAll, type FarEnd, type Measurement } from './measurement';
import { metricInfo, metricNames } from './metric-names';
import type { ProbeId, ProbeResult } from './probe-schemas';

/** The metric names each probe reports: the dotted prefix is the probe's, by contract. */
const prefixOf: Record<ProbeId, string> = {
  hardware: 'hardware.',
  'network-config': 'network.',
  latency: 'latency.',
  dns: 'dns.',
  'ai-endpoints': 'ai.',
  ntp: 'ntp.',
  neighbours: 'neighbours.',
  'path-mtu': 'mtu.',
  wifi: 'wifi.',
  throughput: 'throughput.',
  responsiveness: 'responsiveness.',
};

export const metricsOfProbe = (probeId: ProbeId): string[] => metricNames.filter((n) => n.startsWith(prefixOf[probeId]));

const record = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const text = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/** Results stored before far ends were recorded: the far end is read back from the details they kept. */
const legacyFarEnds = (result: ProbeResult): { all?: FarEnd; byMetric: Record<string, FarEnd> } => {
  const details = record(result.details);
  const byMetric: Record<string, FarEnd> = {};
  if (result.probeId === 'throughput') {
    const server = record(details.server);
    const target = text(server.target);
    if (target) return { all: { kind: classifyTarget(target, { tool: server.kind === 'iperf3' ? 'iperf3' : 'reflector' }), target }, byMetric };
  }
  if (result.probeId === 'latency' && Array.isArray(details.targets)) {
    const targets = details.targets.map(record);
    const others = targets.filter((t) => t.kind !== 'gateway');
    const pool = others.length > 0 ? others : targets;
    const farEndOf = (t: Record<string, unknown>): FarEnd => {
      const target = text(t.target) ?? 'unknown target';
      return { kind: t.kind === 'gateway' ? 'gateway' : classifyTarget(target), target };
    };
    const worstBy = (key: string): FarEnd | undefined => {
      const ranked = pool.filter((t) => typeof t[key] === 'number').sort((a, b) => (b[key] as number) - (a[key] as number));
      return ranked[0] ? farEndOf(ranked[0]) : undefined;
    };
    const pairs: Array<[string, string]> = [
      ['latency.rtt_ms_p50', 'rttMsP50'],
      ['latency.rtt_ms_p95', 'rttMsP95'],
      ['latency.rtt_ms_min', 'rttMsMin'],
      ['latency.jitter_ms', 'jitterMs'],
      ['latency.loss_pct', 'lossPct'],
    ];
    for (const [name, key] of pairs) {
      const farEnd = worstBy(key);
      if (farEnd) byMetric[name] = farEnd;
    }
    const gateway = targets.find((t) => t.kind === 'gateway');
    if (gateway) byMetric['latency.gateway_rtt_ms_p50'] = farEndOf(gateway);
  }
  if (result.probeId === 'path-mtu' && Array.isArray(details.targets)) {
    const ranked = details.targets.map(record).filter((t) => typeof t.mtu === 'number').sort((a, b) => (a.mtu as number) - (b.mtu as number));
    const host = ranked[0] ? text(ranked[0].host) : null;
    if (host) byMetric['mtu.path_mtu_bytes'] = { kind: classifyTarget(host), target: host };
  }
  if (result.probeId === 'ai-endpoints') return { all: { kind: 'internet_host', target: 'the AI endpoints tried' }, byMetric };
  if (result.probeId === 'ntp') {
    const server = text(details.server);
    if (server) return { all: { kind: classifyTarget(server), target: server }, byMetric };
  }
  return { byMetric };
};

/**
 * Every metric of one result as a Measurement. Results written since far ends were recorded
 * carry them; older stored results (and collector bundles from older versions) are derived here
 * from their metrics, status and details, so they stay readable without rewriting them.
 */
export const resultMeasurements = (result: ProbeResult): Record<string, Measurement> => {
  if (result.measurements) return result.measurements;
  const names = [...new Set([...metricsOfProbe(result.probeId), ...Object.keys(result.metrics)])];
  if (result.status !== 'ok') {
    const state = result.status === 'unsupported' ? 'not_measurable' : 'failed';
    const out = unmeasuredAll(names, state, result.message || `the probe ended: ${result.status}`);
    // A failed probe may still have measured some figures before it stopped.
    for (const [name, value] of Object.entries(result.metrics)) {
      if (value !== null) out[name] = toMeasurement(name, { value, farEnd: thisDevice });
    }
    return out;
  }
  const { all, byMetric } = legacyFarEnds(result);
  return Object.fromEntries(
    names.map((name) => [
      name,
      toMeasurement(name, {
        value: result.metrics[name],
        // Unknown far end on an old path result: read in the metric's home scope, shown without a far end.
        farEnd: byMetric[name] ?? all ?? (metricInfo(name)?.followsFarEnd ? null : thisDevice),
        reason: name in result.metrics ? 'the platform does not report it here' : 'not recorded by the version that ran the probe',
      }),
    ]),
  );
};

/** The measured values only, the way `metrics` must read: no nulls, no placeholders. */
export const measuredValues = (measurements: Record<string, Measurement>): Record<string, number | string | boolean> =>
  Object.fromEntries(Object.entries(measurements).flatMap(([name, m]) => (m.state === 'measured' ? [[name, m.value]] : [])));
