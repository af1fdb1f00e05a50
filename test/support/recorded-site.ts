import type { Database } from 'better-sqlite3';
import type { FarEnd } from '../../shared/probes/measurement';
import type { MetricValue, ProbeId, ProbeResult } from '../../shared/probes/probe-schemas';
import { probeTargetsSchema } from '../../shared/probes/probe-schemas';
import { measuredValues } from '../../shared/probes/result-measurements';
import type { ProbeOutcome } from '../../electron/services/probes/probe-definition';
import { allProbes } from '../../electron/services/probes/probe-registry';
import { measurementsOfOutcome } from '../../electron/services/probes/run-probes';
import { insertProbeResult, insertProbeRun } from '../../electron/services/probes/probes-repository';

/**
 * Probe results of a site as the probe engine records them: each outcome goes through the same
 * normalisation a live run does (placeholders out, far ends and scopes in), then into the case's
 * probe tables through the repository, so scoring and reports read them as they read a real run.
 */
export interface RecordedOutcome {
  readonly probeId: ProbeId;
  readonly metrics: Record<string, MetricValue>;
  readonly farEnd?: FarEnd;
  readonly farEnds?: Record<string, FarEnd>;
  readonly reasons?: Record<string, string>;
  readonly details?: Record<string, unknown>;
  readonly message?: string;
  readonly samples?: ProbeResult['samples'];
}

export const recordedResult = (outcome: RecordedOutcome, startedAt: string): ProbeResult => {
  const probe = allProbes.find((p) => p.id === outcome.probeId);
  if (!probe) throw new Error(`no probe ${outcome.probeId}`);
  const asOutcome: ProbeOutcome = {
    metrics: outcome.metrics,
    ...(outcome.farEnd ? { farEnd: outcome.farEnd } : {}),
    ...(outcome.farEnds ? { farEnds: outcome.farEnds } : {}),
    ...(outcome.reasons ? { reasons: outcome.reasons } : {}),
  };
  const measurements = measurementsOfOutcome(probe, asOutcome, 'ok', outcome.message ?? '');
  return {
    probeId: probe.id,
    title: probe.title,
    status: 'ok',
    message: outcome.message ?? `${probe.title} measured.`,
    startedAt,
    durationMs: 1200,
    metrics: measuredValues(measurements),
    measurements,
    samples: outcome.samples ?? [],
    details: outcome.details ?? {},
  };
};

/** Stores one complete run of the given outcomes on a case; returns the run id. */
export const recordRun = (db: Database, caseId: string, outcomes: readonly RecordedOutcome[], startedAt = '2026-11-30T09:00:00.000Z'): string =>
  db.transaction(() => {
    const runId = insertProbeRun(db, {
      caseId,
      probeIds: outcomes.map((o) => o.probeId),
      targets: probeTargetsSchema.parse({}),
      source: 'app',
      host: 'field-laptop',
      toolVersion: 'test',
      status: 'complete',
      startedAt,
      finishedAt: startedAt,
    });
    for (const o of outcomes) insertProbeResult(db, runId, recordedResult(o, startedAt));
    return runId;
  })();

const internet = (target: string): FarEnd => ({ kind: 'internet_host', target });
const gateway: FarEnd = { kind: 'gateway', target: '192.168.1.1' };

/** DNS failing, Wi-Fi -78 dBm on 2.4 GHz, 3 % loss, clock +300 s, OS out of support, no AI endpoint reachable, TLS intercepted, throughput only to a LAN reflector. */
export const troubledSite: RecordedOutcome[] = [
  {
    probeId: 'hardware',
    metrics: {
      'hardware.cpu_cores': 4,
      'hardware.cpu_physical_cores': 2,
      'hardware.cpu_speed_ghz': 0,
      'hardware.memory_gb': 7.7,
      'hardware.memory_free_gb': 1.9,
      'hardware.gpu_count': 1,
      'hardware.gpu_vram_gb_max': 0,
      'hardware.disk_free_gb': 12.4,
      'hardware.disk_nvme_count': 0,
      'hardware.disk_ssd_count': 1,
      'hardware.disk_hdd_count': 0,
      'hardware.os': 'Windows 10 Pro 21H2',
      'hardware.os_supported': false,
      'hardware.tpm_present': true,
      'hardware.secure_boot': true,
      'hardware.on_battery': false,
    },
    details: { os: { hostname: 'RECEPTION-PC-07' } },
  },
  {
    probeId: 'network-config',
    metrics: {
      'network.interface_count': 1,
      'network.link_speed_mbps': -1,
      'network.mtu': 1500,
      'network.has_gateway': true,
      'network.gateway': '192.168.1.1',
      'network.dns_server_count': 1,
      'network.proxy_configured': false,
    },
    reasons: { 'network.link_speed_mbps': 'the interface does not report a link speed (usual for Wi-Fi and virtual adapters)' },
    details: { interfaces: [{ name: 'wlan0', mac: 'aa:bb:cc:dd:ee:ff', ipv4: '192.168.1.57' }] },
  },
  {
    probeId: 'latency',
    metrics: {
      'latency.rtt_ms_p50': 180,
      'latency.rtt_ms_p95': 260,
      'latency.rtt_ms_min': 150,
      'latency.jitter_ms': 45,
      'latency.loss_pct': 3,
      'latency.gateway_rtt_ms_p50': 35,
    },
    farEnd: internet('teams.microsoft.com:443'),
    farEnds: { 'latency.gateway_rtt_ms_p50': gateway },
    samples: [0, 1, 2, 3, 4, 5].map((i) => ({ series: 'rtt:teams.microsoft.com:443', t: i * 50, value: 170 + i * 4 })),
  },
  {
    probeId: 'dns',
    metrics: { 'dns.lookup_ms_p50': null, 'dns.lookup_cold_ms': null, 'dns.resolve_ms_p50': null, 'dns.resolve_cold_ms': null, 'dns.failure_pct': 100 },
    farEnd: { kind: 'lan_host', target: 'the OS resolver and 192.168.1.1' },
    reasons: { 'dns.lookup_ms_p50': 'no lookup was answered', 'dns.lookup_cold_ms': 'no lookup was answered', 'dns.resolve_ms_p50': 'no direct query was answered', 'dns.resolve_cold_ms': 'no direct query was answered' },
  },
  {
    probeId: 'ai-endpoints',
    metrics: {
      'ai.endpoints_reachable': 0,
      'ai.endpoints_total': 4,
      'ai.endpoints_unreachable': 4,
      'ai.dns_ms_max': null,
      'ai.connect_ms_max': 40,
      'ai.tls_ms_max': 90,
      'ai.ttfb_ms_max': null,
      'ai.tls_intercepted': true,
    },
    farEnd: internet('api.openai.com, api.anthropic.com, generativelanguage.googleapis.com, login.microsoftonline.com'),
  },
  { probeId: 'ntp', metrics: { 'ntp.offset_ms': 300_000, 'ntp.rtt_ms': 40, 'ntp.stratum': 2 }, farEnd: internet('pool.ntp.org') },
  {
    probeId: 'wifi',
    metrics: { 'wifi.connected': true, 'wifi.signal_dbm': -78, 'wifi.channel': 6, 'wifi.band_ghz': 2.4, 'wifi.tx_rate_mbps': 54 },
    farEnd: { kind: 'lan_host', target: 'access point of Reception' },
  },
  { probeId: 'path-mtu', metrics: { 'mtu.path_mtu_bytes': 1500 }, farEnd: gateway },
  {
    probeId: 'throughput',
    metrics: {
      'throughput.download_mbps': 45,
      'throughput.upload_mbps': 40,
      'throughput.idle_rtt_ms_p50': 4,
      'throughput.loaded_rtt_ms_p50': 254,
      'throughput.bufferbloat_added_ms': 250,
      'throughput.bufferbloat_grade': 'D',
      'throughput.streams': 4,
    },
    farEnd: { kind: 'lan_host', target: '192.168.1.20:5299' },
    samples: [0, 1, 2, 3].map((i) => ({ series: 'download_mbps', t: i * 1000, value: 44 + i })),
  },
];

/** The same site after the work: every figure within its target, throughput to an internet iperf3 server. */
export const healthySite: RecordedOutcome[] = [
  {
    probeId: 'hardware',
    metrics: {
      'hardware.cpu_cores': 12,
      'hardware.cpu_physical_cores': 6,
      'hardware.cpu_speed_ghz': 3.2,
      'hardware.memory_gb': 31.2,
      'hardware.memory_free_gb': 18,
      'hardware.gpu_count': 1,
      'hardware.gpu_vram_gb_max': 16,
      'hardware.disk_free_gb': 380,
      'hardware.disk_nvme_count': 1,
      'hardware.disk_ssd_count': 0,
      'hardware.disk_hdd_count': 0,
      'hardware.os': 'Windows 11 Pro 24H2',
      'hardware.os_supported': true,
      'hardware.tpm_present': true,
      'hardware.secure_boot': true,
      'hardware.on_battery': false,
    },
  },
  {
    probeId: 'network-config',
    metrics: {
      'network.interface_count': 1,
      'network.link_speed_mbps': 1000,
      'network.mtu': 1500,
      'network.has_gateway': true,
      'network.gateway': '192.168.1.1',
      'network.dns_server_count': 2,
      'network.proxy_configured': false,
    },
  },
  {
    probeId: 'latency',
    metrics: { 'latency.rtt_ms_p50': 24, 'latency.rtt_ms_p95': 31, 'latency.rtt_ms_min': 21, 'latency.jitter_ms': 3, 'latency.loss_pct': 0, 'latency.gateway_rtt_ms_p50': 1.2 },
    farEnd: internet('teams.microsoft.com:443'),
    farEnds: { 'latency.gateway_rtt_ms_p50': gateway },
  },
  {
    probeId: 'dns',
    metrics: { 'dns.lookup_ms_p50': 9, 'dns.lookup_cold_ms': 60, 'dns.resolve_ms_p50': 8, 'dns.resolve_cold_ms': 55, 'dns.failure_pct': 0 },
    farEnd: { kind: 'lan_host', target: 'the OS resolver and 192.168.1.1' },
  },
  {
    probeId: 'ai-endpoints',
    metrics: {
      'ai.endpoints_reachable': 4,
      'ai.endpoints_total': 4,
      'ai.endpoints_unreachable': 0,
      'ai.dns_ms_max': 20,
      'ai.connect_ms_max': 30,
      'ai.tls_ms_max': 80,
      'ai.ttfb_ms_max': 320,
      'ai.tls_intercepted': false,
    },
    farEnd: internet('api.openai.com, api.anthropic.com, generativelanguage.googleapis.com, login.microsoftonline.com'),
  },
  { probeId: 'ntp', metrics: { 'ntp.offset_ms': 12, 'ntp.rtt_ms': 18, 'ntp.stratum': 2 }, farEnd: internet('pool.ntp.org') },
  {
    probeId: 'wifi',
    metrics: { 'wifi.connected': true, 'wifi.signal_dbm': -55, 'wifi.channel': 36, 'wifi.band_ghz': 5, 'wifi.tx_rate_mbps': 866 },
    farEnd: { kind: 'lan_host', target: 'access point of Reception' },
  },
  { probeId: 'path-mtu', metrics: { 'mtu.path_mtu_bytes': 1500 }, farEnd: internet('teams.microsoft.com') },
  {
    probeId: 'throughput',
    metrics: {
      'throughput.download_mbps': 480,
      'throughput.upload_mbps': 190,
      'throughput.idle_rtt_ms_p50': 12,
      'throughput.loaded_rtt_ms_p50': 20,
      'throughput.bufferbloat_added_ms': 8,
      'throughput.bufferbloat_grade': 'A',
      'throughput.streams': 4,
    },
    farEnd: { kind: 'iperf3_server', target: 'speedtest.example.net:5201' },
  },
];
