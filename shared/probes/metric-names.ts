/**
 * The stable, dotted metric names every probe reports (documented in docs/metrics.md). Reports,
 * scoring and imported bundles refer to these names: renaming one is a breaking change.
 *
 * Each metric also says what people read: a label, its unit, and the scope it describes (this
 * laptop, the LAN path, the internet path, the AI endpoints). Path metrics (`followsFarEnd`) take
 * their scope from what they were measured against: throughput against a LAN reflector is a LAN
 * figure, never the site's internet speed.
 */
export type MetricUnit = 'ms' | 'pct' | 'mbps' | 'count' | 'bytes' | 'gb' | 'grade' | 'bool' | 'text' | 'mhz' | 'dbm' | 'ghz';

export const metricScopes = ['laptop', 'lan', 'internet', 'ai_endpoints'] as const;
export type MetricScope = (typeof metricScopes)[number];
export const metricScopeLabels: Record<MetricScope, string> = {
  laptop: 'this laptop',
  lan: 'LAN path',
  internet: 'internet path',
  ai_endpoints: 'AI endpoints',
};

export interface MetricInfo {
  readonly unit: MetricUnit;
  /** What people read: "Packet loss", never the dotted name. */
  readonly label: string;
  readonly description: string;
  /** The scope the metric describes when nothing else is known (its home scope). */
  readonly scope: MetricScope;
  /** The scope follows the far end it was measured against (loopback → laptop, LAN host → LAN…). */
  readonly followsFarEnd?: boolean;
  /** A real value is above zero: 0 or below is a platform placeholder (a "-1" link speed, "0 GHz"). */
  readonly positive?: boolean;
}

const m = (unit: MetricUnit, label: string, scope: MetricScope, description: string, extra: Partial<MetricInfo> = {}): MetricInfo => ({
  unit,
  label,
  scope,
  description,
  ...extra,
});
const positive = { positive: true } as const;
const path = { followsFarEnd: true } as const;

export const metricCatalog = {
  'hardware.cpu_cores': m('count', 'Logical CPU cores', 'laptop', 'Logical CPU cores', positive),
  'hardware.cpu_physical_cores': m('count', 'Physical CPU cores', 'laptop', 'Physical CPU cores', positive),
  'hardware.cpu_speed_ghz': m('ghz', 'CPU clock', 'laptop', 'Nominal CPU clock', positive),
  'hardware.memory_gb': m('gb', 'Installed memory', 'laptop', 'Installed memory', positive),
  'hardware.memory_free_gb': m('gb', 'Memory available', 'laptop', 'Memory available now'),
  'hardware.gpu_count': m('count', 'Graphics adapters', 'laptop', 'Graphics adapters found'),
  'hardware.gpu_vram_gb_max': m('gb', 'Dedicated GPU memory (VRAM)', 'laptop', 'Largest dedicated VRAM of any GPU', positive),
  'hardware.disk_free_gb': m('gb', 'Free disk space', 'laptop', 'Free space over all mounted file systems'),
  'hardware.disk_nvme_count': m('count', 'NVMe drives', 'laptop', 'NVMe drives'),
  'hardware.disk_ssd_count': m('count', 'SSD drives', 'laptop', 'SSD drives (not NVMe)'),
  'hardware.disk_hdd_count': m('count', 'Spinning drives', 'laptop', 'Spinning drives'),
  'hardware.os': m('text', 'Operating system', 'laptop', 'Operating system and release'),
  'hardware.os_supported': m('bool', 'OS still supported', 'laptop', 'The OS release still gets vendor security updates'),
  'hardware.tpm_present': m('bool', 'TPM present', 'laptop', 'A TPM is visible'),
  'hardware.secure_boot': m('bool', 'Secure boot', 'laptop', 'Secure boot enabled'),
  'hardware.on_battery': m('bool', 'On battery', 'laptop', 'Running on battery power'),

  'network.interface_count': m('count', 'Active network interfaces', 'laptop', 'Network interfaces that are up (loopback excluded)'),
  'network.link_speed_mbps': m('mbps', 'Link speed', 'lan', 'Link speed of the default-route interface', positive),
  'network.mtu': m('bytes', 'Interface MTU', 'lan', 'MTU of the default-route interface', positive),
  'network.has_gateway': m('bool', 'Default gateway configured', 'lan', 'A default gateway is configured'),
  'network.gateway': m('text', 'Default gateway', 'lan', 'Default gateway address'),
  'network.dns_server_count': m('count', 'DNS servers configured', 'laptop', 'DNS servers configured'),
  'network.proxy_configured': m('bool', 'Proxy configured', 'internet', 'An HTTP(S) proxy is set in the environment'),

  'latency.rtt_ms_p50': m('ms', 'Round-trip time (median)', 'internet', 'Median round-trip time (worst target)', path),
  'latency.rtt_ms_p95': m('ms', 'Round-trip time (95th percentile)', 'internet', '95th percentile round-trip time (worst target)', path),
  'latency.rtt_ms_min': m('ms', 'Round-trip time (minimum)', 'internet', 'Smallest round-trip time seen (worst target)', path),
  'latency.jitter_ms': m('ms', 'Jitter', 'internet', 'RFC 3550 interarrival jitter (worst target)', path),
  'latency.loss_pct': m('pct', 'Packet loss', 'internet', 'Probes without an answer (worst target)', path),
  'latency.gateway_rtt_ms_p50': m('ms', 'Round-trip time to the gateway', 'lan', 'Median round-trip time to the default gateway'),

  'dns.lookup_ms_p50': m('ms', 'DNS lookup time (median)', 'internet', 'Median OS resolver (dns.lookup) time, warm'),
  'dns.lookup_cold_ms': m('ms', 'DNS lookup time (cold)', 'internet', 'Slowest first (cold) OS resolver lookup'),
  'dns.resolve_ms_p50': m('ms', 'DNS query time (median)', 'internet', 'Median direct query time over all resolvers, warm'),
  'dns.resolve_cold_ms': m('ms', 'DNS query time (cold)', 'internet', 'Slowest first (cold) direct query'),
  'dns.failure_pct': m('pct', 'DNS failures', 'internet', 'Lookups and queries that failed'),

  'ai.endpoints_reachable': m('count', 'AI endpoints reachable', 'ai_endpoints', 'AI endpoints that answered over TLS'),
  'ai.endpoints_total': m('count', 'AI endpoints tried', 'ai_endpoints', 'AI endpoints tried'),
  'ai.dns_ms_max': m('ms', 'AI endpoint DNS time (slowest)', 'ai_endpoints', 'Slowest endpoint DNS resolution'),
  'ai.connect_ms_max': m('ms', 'AI endpoint connect time (slowest)', 'ai_endpoints', 'Slowest TCP connect'),
  'ai.tls_ms_max': m('ms', 'AI endpoint TLS handshake (slowest)', 'ai_endpoints', 'Slowest TLS handshake'),
  'ai.ttfb_ms_max': m('ms', 'AI endpoint first byte (slowest)', 'ai_endpoints', 'Slowest time to first byte after the request'),
  'ai.tls_intercepted': m('bool', 'TLS interception', 'ai_endpoints', 'At least one endpoint presented a chain that does not end in a public root'),

  'throughput.download_mbps': m('mbps', 'Download speed', 'internet', 'Download rate over several streams', { ...path, ...positive }),
  'throughput.upload_mbps': m('mbps', 'Upload speed', 'internet', 'Upload rate over several streams', { ...path, ...positive }),
  'throughput.idle_rtt_ms_p50': m('ms', 'Round-trip time before load', 'internet', 'Median RTT before the load', path),
  'throughput.loaded_rtt_ms_p50': m('ms', 'Round-trip time under load', 'internet', 'Median RTT while the link is loaded (worst direction)', path),
  'throughput.bufferbloat_added_ms': m('ms', 'Latency added under load', 'internet', 'Loaded minus idle median RTT', path),
  'throughput.bufferbloat_grade': m('grade', 'Bufferbloat grade', 'internet', 'DSLReports scale: A+ < 5 ms added, A < 30, B < 60, C < 200, D < 400, F ≥ 400', path),
  'throughput.streams': m('count', 'Parallel streams', 'internet', 'Parallel streams per direction', path),

  'mtu.path_mtu_bytes': m('bytes', 'Path MTU', 'internet', "Largest packet that passes with don't-fragment set", { ...path, ...positive }),

  'wifi.connected': m('bool', 'Wi-Fi connected', 'lan', 'Connected to a Wi-Fi network'),
  'wifi.signal_dbm': m('dbm', 'Wi-Fi signal', 'lan', 'Signal strength'),
  'wifi.channel': m('count', 'Wi-Fi channel', 'lan', 'Wi-Fi channel', positive),
  'wifi.band_ghz': m('ghz', 'Wi-Fi band', 'lan', 'Band: 2.4, 5 or 6 GHz', positive),
  'wifi.tx_rate_mbps': m('mbps', 'Wi-Fi transmit rate', 'lan', 'Negotiated transmit rate', positive),

  'ntp.offset_ms': m('ms', 'Clock offset', 'laptop', 'Local clock minus NTP time (positive: local clock ahead)'),
  'ntp.rtt_ms': m('ms', 'Round trip to the time server', 'internet', 'Round trip to the NTP server'),
  'ntp.stratum': m('count', 'Time server stratum', 'internet', 'Stratum of the NTP server', positive),

  'neighbours.count': m('count', 'Hosts seen on the LAN', 'lan', 'Hosts in the ARP/neighbour table'),
  'neighbours.sweep_responders': m('count', 'Hosts that answered the sweep', 'lan', 'Hosts that answered an authorised sweep'),
} as const satisfies Record<string, MetricInfo>;

export type MetricName = keyof typeof metricCatalog;
export const metricNames = Object.keys(metricCatalog) as MetricName[];

export const isMetricName = (name: string): name is MetricName => Object.prototype.hasOwnProperty.call(metricCatalog, name);

export const metricInfo = (name: string): MetricInfo | null => (isMetricName(name) ? metricCatalog[name] : null);

/** The label people read; an unknown name (a newer collector's metric) is made readable, not shown dotted. */
export const metricLabel = (name: string): string => {
  const info = metricInfo(name);
  if (info) return info.label;
  const last = name.split('.').at(-1) ?? name;
  const words = last.replace(/_/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : 'Measurement';
};

export const unitSuffix: Record<MetricUnit, string> = {
  ms: ' ms',
  pct: ' %',
  mbps: ' Mbit/s',
  count: '',
  bytes: ' bytes',
  gb: ' GB',
  grade: '',
  bool: '',
  text: '',
  mhz: ' MHz',
  dbm: ' dBm',
  ghz: ' GHz',
};

const decimals = (n: number): string => {
  const abs = Math.abs(n);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  const factor = 10 ** digits;
  return String(Math.round(n * factor) / factor);
};

/** "87.4 Mbit/s", "3 %", "-78 dBm", "yes"; numbers beyond 100 lose their decimals. */
export const formatMetricValue = (name: string, value: number | string | boolean): string => {
  const unit = metricInfo(name)?.unit ?? 'count';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return 'no value';
  const signed = name === 'ntp.offset_ms' && value > 0 ? `+${decimals(value)}` : decimals(value);
  return `${signed}${unitSuffix[unit]}`;
};
