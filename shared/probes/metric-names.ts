/**
 * The stable, dotted metric names every probe reports (documented in docs/metrics.md). Reports,
 * scoring and imported bundles refer to these names: renaming one is a breaking change.
 *
 * Each metric also says what people read: a label, its unit, and the scope it describes (this
 * laptop, the LAN path, the internet path, the AI endpoints). Path metrics (`followsFarEnd`) take
 * their scope from what they were measured against: throughput against a LAN reflector is a LAN
 * figure, never the site's internet speed.
 */
export type MetricUnit = 'ms' | 'pct' | 'mbps' | 'count' | 'bytes' | 'gb' | 'grade' | 'bool' | 'text' | 'mhz' | 'dbm' | 'ghz' | 'rpm';

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
  /** Why no rule or prefill reads it (docs/metrics.md; a test holds the bank and this in step). */
  readonly informational?: string;
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
  'hardware.cpu_cores': m('count', 'Logical CPU cores', 'laptop', 'Logical CPU cores', { ...positive, informational: 'AI features on PCs are limited by memory and GPU, not core count; shown for the inventory.' }),
  'hardware.cpu_physical_cores': m('count', 'Physical CPU cores', 'laptop', 'Physical CPU cores', { ...positive, informational: 'Inventory detail beside the logical core count.' }),
  'hardware.cpu_speed_ghz': m('ghz', 'CPU clock', 'laptop', 'Nominal CPU clock', { ...positive, informational: 'Nominal clocks say little across CPU generations; shown for the inventory.' }),
  'hardware.memory_gb': m('gb', 'Installed memory', 'laptop', 'Installed memory', positive),
  'hardware.memory_free_gb': m('gb', 'Memory available', 'laptop', 'Memory available now', { informational: 'A moment-in-time figure that depends on what is open; installed memory is what rules read.' }),
  'hardware.gpu_count': m('count', 'Graphics adapters', 'laptop', 'Graphics adapters found', { informational: 'Integrated adapters count too; the rules read dedicated VRAM instead.' }),
  'hardware.gpu_vram_gb_max': m('gb', 'Dedicated GPU memory (VRAM)', 'laptop', 'Largest dedicated VRAM of any GPU (0 when the adapters share system memory)'),
  'hardware.disk_free_gb': m('gb', 'Free disk space', 'laptop', 'Free space over all mounted file systems'),
  'hardware.disk_nvme_count': m('count', 'NVMe drives', 'laptop', 'NVMe drives', { informational: 'Inventory: the drive type matters less than the free space the rules read.' }),
  'hardware.disk_ssd_count': m('count', 'SSD drives', 'laptop', 'SSD drives (not NVMe)', { informational: 'Inventory: the drive type matters less than the free space the rules read.' }),
  'hardware.disk_hdd_count': m('count', 'Spinning drives', 'laptop', 'Spinning drives', { informational: 'Inventory: the drive type matters less than the free space the rules read.' }),
  'hardware.os': m('text', 'Operating system', 'laptop', 'Operating system and release', { informational: 'Text for people; the support verdict (hardware.os_supported) is what a rule reads.' }),
  'hardware.os_supported': m('bool', 'OS still supported', 'laptop', 'The OS release still gets vendor security updates'),
  'hardware.tpm_present': m('bool', 'TPM present', 'laptop', 'A TPM is visible'),
  'hardware.secure_boot': m('bool', 'Secure boot', 'laptop', 'Secure boot enabled'),
  'hardware.on_battery': m('bool', 'On battery', 'laptop', 'Running on battery power', { informational: 'Explains odd CPU or Wi-Fi figures (power saving); not a finding.' }),

  'network.interface_count': m('count', 'Active network interfaces', 'laptop', 'Network interfaces that are up (loopback excluded)'),
  'network.link_speed_mbps': m('mbps', 'Link speed', 'lan', 'Link speed of the default-route interface', positive),
  'network.mtu': m('bytes', 'Interface MTU', 'lan', 'MTU of the default-route interface', { ...positive, informational: 'The interface setting; the path MTU probe measures what actually passes.' }),
  'network.has_gateway': m('bool', 'Default gateway configured', 'lan', 'A default gateway is configured'),
  'network.gateway': m('text', 'Default gateway', 'lan', 'Default gateway address', { informational: 'An address for the inventory; whether there is one is read by a rule.' }),
  'network.dns_server_count': m('count', 'DNS servers configured', 'laptop', 'DNS servers configured', { informational: 'How many resolvers are configured says nothing of whether they work; the DNS probe measures that.' }),
  'network.proxy_configured': m('bool', 'Proxy configured', 'internet', 'An HTTP(S) proxy is set in the environment'),

  'latency.rtt_ms_p50': m('ms', 'Round-trip time (median)', 'internet', 'Median round-trip time (worst target)', path),
  'latency.rtt_ms_p95': m('ms', 'Round-trip time (95th percentile)', 'internet', '95th percentile round-trip time (worst target)', { ...path, informational: 'Shown beside the median; the Teams target is stated on the median round trip.' }),
  'latency.rtt_ms_min': m('ms', 'Round-trip time (minimum)', 'internet', 'Smallest round-trip time seen (worst target)', { ...path, informational: 'The floor of the path, for the engineer reading the chart.' }),
  'latency.jitter_ms': m('ms', 'Jitter', 'internet', 'RFC 3550 jitter in steady state: J seeded from the first pair, averaged over the series (worst target)', path),
  'latency.loss_pct': m('pct', 'Packet loss', 'internet', 'Probes without an answer (worst target); the verdict reads its 95 % interval', path),
  'latency.loss_pct_ci_low': m('pct', 'Packet loss, interval low end', 'internet', 'Low end of the 95 % Wilson interval of the loss figure', { ...path, informational: 'The resolution of the loss figure, which the bank reads; the verdict uses it.' }),
  'latency.loss_pct_ci_high': m('pct', 'Packet loss, interval high end', 'internet', 'High end of the 95 % Wilson interval of the loss figure', { ...path, informational: 'The resolution of the loss figure, which the bank reads; the verdict uses it.' }),
  'latency.probes_sent': m('count', 'Latency probes sent', 'internet', 'Probes sent to the target the loss figure is for', { ...path, informational: 'How the loss figure was measured.' }),
  'latency.gateway_rtt_ms_p50': m('ms', 'Round-trip time to the gateway', 'lan', 'Median round-trip time to the default gateway'),

  'dns.lookup_ms_p50': m('ms', 'DNS lookup time (median)', 'internet', 'Median OS resolver (dns.lookup) time, warm'),
  'dns.lookup_cold_ms': m('ms', 'DNS lookup time (cold)', 'internet', 'Slowest first (cold) OS resolver lookup'),
  'dns.resolve_ms_p50': m('ms', 'DNS query time (median)', 'internet', 'Median direct query time over all resolvers, warm', { informational: 'Direct resolver timing to tell a slow resolver from a slow OS cache; the OS lookup time is what users feel and what the bank reads.' }),
  'dns.resolve_cold_ms': m('ms', 'DNS query time (cold)', 'internet', 'Slowest first (cold) direct query'),
  'dns.failure_pct': m('pct', 'DNS failures', 'internet', 'Lookups and queries that failed'),

  'ai.endpoints_reachable': m('count', 'AI endpoints reachable', 'ai_endpoints', 'AI endpoints that answered over TLS'),
  'ai.endpoints_total': m('count', 'AI endpoints tried', 'ai_endpoints', 'AI endpoints tried', { informational: 'The denominator shown beside reachable and unreachable counts.' }),
  'ai.endpoints_unreachable': m('count', 'AI endpoints unreachable', 'ai_endpoints', 'AI endpoints that did not answer over TLS'),
  'ai.endpoints_reachable_direct': m('count', 'AI endpoints reachable direct', 'ai_endpoints', 'AI endpoints that answered without a proxy', {
    informational: 'Read beside the proxied count: which route works is the finding, the rules read the total reachable.',
  }),
  'ai.endpoints_reachable_via_proxy': m('count', 'AI endpoints reachable through the proxy', 'ai_endpoints', 'AI endpoints that answered through the configured proxy', {
    informational: 'Read beside the direct count: which route works is the finding, the rules read the total reachable.',
  }),
  'ai.dns_ms_max': m('ms', 'AI endpoint DNS time (slowest)', 'ai_endpoints', 'Slowest endpoint DNS resolution', { informational: 'A breakdown of the slow-endpoint rule, which reads TLS and first-byte times.' }),
  'ai.connect_ms_max': m('ms', 'AI endpoint connect time (slowest)', 'ai_endpoints', 'Slowest TCP connect', { informational: 'A breakdown of the slow-endpoint rule, which reads TLS and first-byte times.' }),
  'ai.tls_ms_max': m('ms', 'AI endpoint TLS handshake (slowest)', 'ai_endpoints', 'Slowest TLS handshake'),
  'ai.ttfb_ms_max': m('ms', 'AI endpoint first byte (slowest)', 'ai_endpoints', 'Slowest time to first byte after the request'),
  'ai.tls_intercepted': m('bool', 'TLS interception', 'ai_endpoints', 'At least one endpoint presented a chain that does not end in a public root'),

  'throughput.download_mbps': m('mbps', 'Download speed', 'internet', 'Download rate over several streams', { ...path, ...positive }),
  'throughput.upload_mbps': m('mbps', 'Upload speed', 'internet', 'Upload rate over several streams', { ...path, ...positive }),
  'throughput.idle_rtt_ms_p50': m('ms', 'Round-trip time before load', 'internet', 'Median RTT before the load', { ...path, informational: 'Input to the bufferbloat figure, which the bank reads.' }),
  'throughput.loaded_rtt_ms_p50': m('ms', 'Round-trip time under load', 'internet', 'Median RTT while the link is loaded (worst direction)', { ...path, informational: 'Input to the bufferbloat figure, which the bank reads.' }),
  'throughput.bufferbloat_added_ms': m('ms', 'Latency added under load', 'internet', 'Loaded minus idle median RTT', path),
  'throughput.bufferbloat_grade': m('grade', 'Bufferbloat grade', 'internet', 'DSLReports scale: A+ < 5 ms added, A < 30, B < 60, C < 200, D < 400, F ≥ 400', { ...path, informational: 'The same measurement as the added latency the bank reads, as a grade for people.' }),
  'throughput.streams': m('count', 'Parallel streams', 'internet', 'Parallel streams per direction', { ...path, informational: 'How the test was run.' }),
  'throughput.loaded_rtt_ms_p95': m('ms', 'Round-trip time under load (95th percentile)', 'internet', '95th-percentile RTT while the link is loaded (worst direction), probed from a worker thread', { ...path, informational: 'A breakdown of the loaded latency behind the bufferbloat figure, which the bank reads.' }),
  'throughput.download_loaded_rtt_ms_p50': m('ms', 'RTT under download load (median)', 'internet', 'Median RTT while the download runs', { ...path, informational: 'A breakdown of the loaded latency behind the bufferbloat figure, which the bank reads.' }),
  'throughput.download_loaded_rtt_ms_p95': m('ms', 'RTT under download load (95th percentile)', 'internet', '95th-percentile RTT while the download runs', { ...path, informational: 'A breakdown of the loaded latency behind the bufferbloat figure, which the bank reads.' }),
  'throughput.download_loaded_jitter_ms': m('ms', 'Jitter under download load', 'internet', 'RFC 3550 jitter of the RTTs while the download runs', { ...path, informational: 'A breakdown of the loaded latency behind the bufferbloat figure, which the bank reads.' }),
  'throughput.download_loaded_loss_pct': m('pct', 'Loss under download load', 'internet', 'Latency probes lost (or later than 1 s) while the download runs', { ...path, informational: 'A breakdown of the loaded latency behind the bufferbloat figure, which the bank reads.' }),
  'throughput.upload_loaded_rtt_ms_p50': m('ms', 'RTT under upload load (median)', 'internet', 'Median RTT while the upload runs', { ...path, informational: 'A breakdown of the loaded latency behind the bufferbloat figure, which the bank reads.' }),
  'throughput.upload_loaded_rtt_ms_p95': m('ms', 'RTT under upload load (95th percentile)', 'internet', '95th-percentile RTT while the upload runs', { ...path, informational: 'A breakdown of the loaded latency behind the bufferbloat figure, which the bank reads.' }),
  'throughput.upload_loaded_jitter_ms': m('ms', 'Jitter under upload load', 'internet', 'RFC 3550 jitter of the RTTs while the upload runs', { ...path, informational: 'A breakdown of the loaded latency behind the bufferbloat figure, which the bank reads.' }),
  'throughput.upload_loaded_loss_pct': m('pct', 'Loss under upload load', 'internet', 'Latency probes lost (or later than 1 s) while the upload runs', { ...path, informational: 'A breakdown of the loaded latency behind the bufferbloat figure, which the bank reads.' }),
  'throughput.client_cpu_pct': m('pct', 'CPU used by this laptop during the test', 'laptop', 'Percent of one core this process used while the load ran (user + system time over wall time, busiest direction; above 100 with several threads busy)', { informational: 'Says whether the throughput figure is a lower bound (CPU-bound at 90 % or more); a rule reads the rates.' }),
  'throughput.server_cpu_pct': m('pct', 'CPU used by the far end during the test', 'internet', 'Percent of one core the iperf3 server reported using while the load ran (busiest direction)', { ...path, informational: 'Says whether the throughput figure is a lower bound (CPU-bound at 90 % or more); a rule reads the rates.' }),
  'throughput.download_cpu_bound': m('bool', 'Download limited by a CPU', 'internet', 'This laptop or the far end used 90 % or more of one core during the download: the rate is a lower bound', { ...path, informational: 'Qualifies the download rate (its verdict reads it); a rule reads the rate.' }),
  'throughput.upload_cpu_bound': m('bool', 'Upload limited by a CPU', 'internet', 'This laptop or the far end used 90 % or more of one core during the upload: the rate is a lower bound', { ...path, informational: 'Qualifies the upload rate (its verdict reads it); a rule reads the rate.' }),

  'responsiveness.rpm': m('rpm', 'Responsiveness (RPM)', 'internet', 'Round-trips per minute under working conditions (draft-ietf-ippm-responsiveness): 60 000 / loaded latency; concurrent load when measured, else the worse direction', { ...path, ...positive, informational: 'New in this release: shown with its band and verdict; no built-in rule reads it yet.' }),
  'responsiveness.band': m('text', 'Responsiveness band', 'internet', 'High ≥ 1 000 RPM, Medium 300–999, Low < 300', { ...path, informational: 'The RPM figure in words for people.' }),
  'responsiveness.confidence': m('text', 'Responsiveness confidence', 'internet', 'High: goodput and responsiveness both stable with ≥ 10 probes of each kind; Medium: one stable; Low: neither (the time limit ended the test)', { ...path, informational: 'How far to trust the RPM figure.' }),
  'responsiveness.loaded_latency_ms': m('ms', 'Latency under working conditions', 'internet', 'The latency the RPM is computed from: half foreign probes (TCP, TLS, HTTP on a new connection), half self probes (HTTP on a loaded connection), each a trimmed mean', { ...path, informational: 'The RPM figure in milliseconds.' }),
  'responsiveness.idle_latency_ms': m('ms', 'Latency before load (responsiveness test)', 'internet', 'Trimmed mean of foreign probes before any load', { ...path, informational: 'The baseline beside the RPM figure.' }),
  'responsiveness.download_rpm': m('rpm', 'Responsiveness under download', 'internet', 'RPM while only downloads load the link (sequential run)', { ...path, ...positive, informational: 'A breakdown of the RPM figure by direction.' }),
  'responsiveness.upload_rpm': m('rpm', 'Responsiveness under upload', 'internet', 'RPM while only uploads load the link (sequential run)', { ...path, ...positive, informational: 'A breakdown of the RPM figure by direction.' }),
  'responsiveness.concurrent_rpm': m('rpm', 'Responsiveness under both directions', 'internet', 'RPM while downloads and uploads load the link at once', { ...path, ...positive, informational: 'A breakdown of the RPM figure by load.' }),
  'responsiveness.download_mbps': m('mbps', 'Goodput during the responsiveness test (down)', 'internet', 'Download goodput over the final window of the responsiveness test', { ...path, informational: 'How hard the link was loaded; the throughput probe measures capacity.' }),
  'responsiveness.upload_mbps': m('mbps', 'Goodput during the responsiveness test (up)', 'internet', 'Upload goodput over the final window of the responsiveness test', { ...path, informational: 'How hard the link was loaded; the throughput probe measures capacity.' }),
  'responsiveness.lan_rpm': m('rpm', "Responsiveness to the site's LAN reflector", 'lan', 'RPM against the reflector on the customer\'s LAN (the nearest segment of the path)', { ...positive, informational: 'Says where responsiveness is lost, beside the headline RPM figure.' }),
  'responsiveness.hub_rpm': m('rpm', "Responsiveness to the partner's hub", 'internet', "RPM against the partner hub's responsiveness endpoints (site to partner)", { ...positive, informational: 'Says where responsiveness is lost, beside the headline RPM figure.' }),
  'responsiveness.internet_rpm': m('rpm', 'Responsiveness to the internet server', 'internet', 'RPM against a responsiveness server on the internet (the farthest segment)', { ...positive, informational: 'Says where responsiveness is lost, beside the headline RPM figure.' }),

  'mtu.path_mtu_bytes': m('bytes', 'Path MTU', 'internet', "Largest packet that passes with don't-fragment set", { ...path, ...positive }),

  'wifi.connected': m('bool', 'Wi-Fi connected', 'lan', 'Connected to a Wi-Fi network'),
  'wifi.signal_dbm': m('dbm', 'Wi-Fi signal', 'lan', 'Signal strength'),
  'wifi.channel': m('count', 'Wi-Fi channel', 'lan', 'Wi-Fi channel', { ...positive, informational: 'Channel planning needs a survey of all access points, not one client reading.' }),
  'wifi.band_ghz': m('ghz', 'Wi-Fi band', 'lan', 'Band: 2.4, 5 or 6 GHz', positive),
  'wifi.tx_rate_mbps': m('mbps', 'Wi-Fi transmit rate', 'lan', 'Negotiated transmit rate', positive),

  'ntp.offset_ms': m('ms', 'Clock offset', 'laptop', 'Local clock minus NTP time (positive: local clock ahead)'),
  'ntp.rtt_ms': m('ms', 'Round trip to the time server', 'internet', 'Round trip to the NTP server', { informational: 'Bounds the accuracy of the offset; shown for the engineer.' }),
  'ntp.stratum': m('count', 'Time server stratum', 'internet', 'Stratum of the NTP server', { ...positive, informational: 'Which kind of time source answered; shown for the engineer.' }),

  'neighbours.count': m('count', 'Hosts seen on the LAN', 'lan', 'Hosts in the ARP/neighbour table', { informational: 'An inventory figure; a host count is not good or bad on its own.' }),
  'neighbours.sweep_responders': m('count', 'Hosts that answered the sweep', 'lan', 'Hosts that answered an authorised sweep', { informational: 'An inventory figure from an authorised sweep.' }),
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
  rpm: ' RPM',
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
