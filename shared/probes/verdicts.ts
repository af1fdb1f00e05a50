import type { MetricValue } from './probe-schemas';

export type Verdict = 'good' | 'watch' | 'problem';

/**
 * Thresholds for the plain-words verdict next to a metric. `lower` means smaller is better:
 * good at or below `good`, problem above `problem`, watch between. For `higher`, the reverse.
 * Figures come from common guidance for interactive and AI/API traffic (sub-100 ms RTT,
 * jitter under 30 ms, loss under 1 %, DNS under 100 ms, clock within 1 s for TLS and Kerberos).
 */
export interface Threshold {
  readonly direction: 'lower' | 'higher';
  readonly good: number;
  readonly problem: number;
}

export const thresholds: Record<string, Threshold> = {
  'latency.rtt_ms_p50': { direction: 'lower', good: 50, problem: 150 },
  'latency.rtt_ms_p95': { direction: 'lower', good: 100, problem: 250 },
  'latency.jitter_ms': { direction: 'lower', good: 10, problem: 30 },
  'latency.loss_pct': { direction: 'lower', good: 0.5, problem: 2 },
  'latency.gateway_rtt_ms_p50': { direction: 'lower', good: 5, problem: 20 },
  'dns.lookup_ms_p50': { direction: 'lower', good: 50, problem: 200 },
  'dns.lookup_cold_ms': { direction: 'lower', good: 150, problem: 500 },
  'dns.resolve_ms_p50': { direction: 'lower', good: 50, problem: 200 },
  'dns.failure_pct': { direction: 'lower', good: 0, problem: 10 },
  'ai.tls_ms_max': { direction: 'lower', good: 200, problem: 600 },
  'ai.ttfb_ms_max': { direction: 'lower', good: 500, problem: 1500 },
  'throughput.download_mbps': { direction: 'higher', good: 100, problem: 25 },
  'throughput.upload_mbps': { direction: 'higher', good: 50, problem: 10 },
  'throughput.bufferbloat_added_ms': { direction: 'lower', good: 30, problem: 200 },
  'ntp.offset_ms': { direction: 'lower', good: 100, problem: 1000 },
  'wifi.signal_dbm': { direction: 'higher', good: -67, problem: -75 },
  'mtu.path_mtu_bytes': { direction: 'higher', good: 1500, problem: 1400 },
  // The responsiveness bands: High is good, Medium watch, Low a problem.
  'responsiveness.rpm': { direction: 'higher', good: 1000, problem: 300 },
  'responsiveness.lan_rpm': { direction: 'higher', good: 1000, problem: 300 },
  'responsiveness.hub_rpm': { direction: 'higher', good: 1000, problem: 300 },
  'responsiveness.internet_rpm': { direction: 'higher', good: 1000, problem: 300 },
  'hardware.memory_gb': { direction: 'higher', good: 16, problem: 8 },
  'hardware.disk_free_gb': { direction: 'higher', good: 100, problem: 20 },
};

const gradeVerdicts: Record<string, Verdict> = { 'A+': 'good', A: 'good', B: 'watch', C: 'watch', D: 'problem', F: 'problem' };

const bandVerdicts: Record<string, Verdict> = { High: 'good', Medium: 'watch', Low: 'problem' };

const boolVerdicts: Record<string, { bad: boolean; verdict: Verdict }> = {
  'ai.tls_intercepted': { bad: true, verdict: 'problem' },
  'network.has_gateway': { bad: false, verdict: 'problem' },
  'hardware.os_supported': { bad: false, verdict: 'problem' },
  'throughput.download_cpu_bound': { bad: true, verdict: 'watch' },
  'throughput.upload_cpu_bound': { bad: true, verdict: 'watch' },
};

/** A rate measured while an end was CPU-bound is a lower bound: slow-looking, but not shown to be slow. */
const lowerBoundFlags: Record<string, string> = {
  'throughput.download_mbps': 'throughput.download_cpu_bound',
  'throughput.upload_mbps': 'throughput.upload_cpu_bound',
};

const isLowerBound = (name: string, metrics: Readonly<Record<string, MetricValue>> | undefined): boolean => {
  const flag = lowerBoundFlags[name];
  return flag !== undefined && metrics?.[flag] === true;
};

/** The metrics beside a loss figure that carry its confidence interval (see wilsonInterval). */
const lossIntervals: Record<string, { low: string; high: string; sent: string }> = {
  'latency.loss_pct': { low: 'latency.loss_pct_ci_low', high: 'latency.loss_pct_ci_high', sent: 'latency.probes_sent' },
};

const intervalOf = (name: string, metrics: Readonly<Record<string, MetricValue>> | undefined) => {
  const keys = lossIntervals[name];
  if (!keys || !metrics) return null;
  const low = metrics[keys.low];
  const high = metrics[keys.high];
  const sent = metrics[keys.sent];
  return typeof low === 'number' && typeof high === 'number' ? { low, high, sent: typeof sent === 'number' ? sent : null } : null;
};

/**
 * The verdict for one metric value, or null when there is no rule for it (or no value). A loss
 * figure with its 95 % interval (in `metrics`, the result's other metrics) is judged on the
 * interval, so a count too small to tell does not flip between good and problem: problem only
 * when even the interval's low end is above the problem line, good only when the figure is
 * within good and the high end is not above the problem line, watch otherwise.
 */
export const verdictFor = (name: string, value: MetricValue, metrics?: Readonly<Record<string, MetricValue>>): Verdict | null => {
  if (value === null) return null;
  const interval = intervalOf(name, metrics);
  const lossRule = thresholds[name];
  if (interval && lossRule && typeof value === 'number') {
    if (interval.low > lossRule.problem) return 'problem';
    return value <= lossRule.good && interval.high <= lossRule.problem ? 'good' : 'watch';
  }
  if (name === 'throughput.bufferbloat_grade' && typeof value === 'string') return gradeVerdicts[value] ?? null;
  if (name === 'responsiveness.band' && typeof value === 'string') return bandVerdicts[value] ?? null;
  const boolRule = boolVerdicts[name];
  if (boolRule && typeof value === 'boolean') return value === boolRule.bad ? boolRule.verdict : 'good';
  const rule = thresholds[name];
  if (!rule || typeof value !== 'number') return null;
  const v = name === 'ntp.offset_ms' ? Math.abs(value) : value;
  if (rule.direction === 'lower') return v <= rule.good ? 'good' : v > rule.problem ? 'problem' : 'watch';
  const verdict: Verdict = v >= rule.good ? 'good' : v < rule.problem ? 'problem' : 'watch';
  return verdict === 'problem' && isLowerBound(name, metrics) ? 'watch' : verdict;
};

const pctText = (v: number) => `${Math.round(v * 100) / 100}`;

/** "good ≤ 50 ms, problem > 150 ms"; a loss figure with its interval says it and what it was judged on. */
export const describeThreshold = (name: string, unit: string, metrics?: Readonly<Record<string, MetricValue>>): string | null => {
  const interval = intervalOf(name, metrics);
  const lossRule = thresholds[name];
  if (interval && lossRule) {
    const over = interval.sent === null ? '' : ` over ${interval.sent} probes`;
    return `95 % interval ${pctText(interval.low)}–${pctText(interval.high)} %${over}; good ≤ ${lossRule.good} % with the interval not above ${lossRule.problem} %, problem when the whole interval is above ${lossRule.problem} %`;
  }
  if (name === 'throughput.bufferbloat_grade') return 'good A+/A, watch B/C, problem D/F';
  if (name === 'responsiveness.band') return 'good High, watch Medium, problem Low';
  const rule = thresholds[name];
  if (!rule) return null;
  const u = unit === 'pct' ? ' %' : unit === 'mbps' ? ' Mbit/s' : unit === 'gb' ? ' GB' : unit === 'rpm' ? ' RPM' : ` ${unit}`;
  if (rule.direction === 'lower') return `good ≤ ${rule.good}${u}, problem > ${rule.problem}${u}`;
  const lowerBound = isLowerBound(name, metrics) ? '; a lower bound here (an end was CPU-bound), so watch at worst' : '';
  return `good ≥ ${rule.good}${u}, problem < ${rule.problem}${u}${lowerBound}`;
};

const frNumber = (n: number): string => String(n).replace('.', ',');

/**
 * describeThreshold as a French (Canada) report prints it: the same rules, decimal commas and a
 * non-breaking space before units. Kept beside the English one so a changed rule changes both.
 */
export const describeThresholdFrCA = (name: string, unit: string, metrics?: Readonly<Record<string, MetricValue>>): string | null => {
  const interval = intervalOf(name, metrics);
  const lossRule = thresholds[name];
  const nb = '\u00a0';
  if (interval && lossRule) {
    const over = interval.sent === null ? '' : ` sur ${interval.sent} sondes`;
    return `intervalle à 95${nb}% de ${frNumber(Math.round(interval.low * 100) / 100)} à ${frNumber(Math.round(interval.high * 100) / 100)}${nb}%${over}; bon ≤ ${frNumber(lossRule.good)}${nb}% si l’intervalle ne dépasse pas ${frNumber(lossRule.problem)}${nb}%, problème quand tout l’intervalle dépasse ${frNumber(lossRule.problem)}${nb}%`;
  }
  if (name === 'throughput.bufferbloat_grade') return 'bon A+/A, à surveiller B/C, problème D/F';
  if (name === 'responsiveness.band') return 'bon Élevé, à surveiller Moyen, problème Faible';
  const rule = thresholds[name];
  if (!rule) return null;
  const u = unit === 'pct' ? `${nb}%` : unit === 'mbps' ? `${nb}Mbit/s` : unit === 'gb' ? `${nb}Go` : unit === 'rpm' ? `${nb}RPM` : `${nb}${unit}`;
  if (rule.direction === 'lower') return `bon ≤ ${frNumber(rule.good)}${u}, problème > ${frNumber(rule.problem)}${u}`;
  const lowerBound = isLowerBound(name, metrics) ? '; borne inférieure ici (une extrémité était limitée par son processeur), donc à surveiller au pire' : '';
  return `bon ≥ ${frNumber(rule.good)}${u}, problème < ${frNumber(rule.problem)}${u}${lowerBound}`;
};
