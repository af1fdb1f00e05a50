/**
 * The stable, dotted metric names every probe reports (documented in docs/metrics.md). Reports,
 * scoring and imported bundles refer to these names: renaming one is a breaking change.
 */
export type MetricUnit = 'ms' | 'pct' | 'mbps' | 'count' | 'bytes' | 'gb' | 'grade' | 'bool' | 'text' | 'mhz' | 'dbm' | 'ghz';

export interface MetricInfo {
  readonly unit: MetricUnit;
  readonly description: string;
}

export const metricCatalog = {
  'hardware.cpu_cores': { unit: 'count', description: 'Logical CPU cores' },
  'hardware.cpu_physical_cores': { unit: 'count', description: 'Physical CPU cores' },
  'hardware.cpu_speed_ghz': { unit: 'ghz', description: 'Nominal CPU clock' },
  'hardware.memory_gb': { unit: 'gb', description: 'Installed memory' },
  'hardware.memory_free_gb': { unit: 'gb', description: 'Memory available now' },
  'hardware.gpu_count': { unit: 'count', description: 'Graphics adapters found' },
  'hardware.gpu_vram_gb_max': { unit: 'gb', description: 'Largest dedicated VRAM of any GPU' },
  'hardware.disk_free_gb': { unit: 'gb', description: 'Free space over all mounted file systems' },
  'hardware.disk_nvme_count': { unit: 'count', description: 'NVMe drives' },
  'hardware.disk_ssd_count': { unit: 'count', description: 'SSD drives (not NVMe)' },
  'hardware.disk_hdd_count': { unit: 'count', description: 'Spinning drives' },
  'hardware.os': { unit: 'text', description: 'Operating system and release' },
  'hardware.os_supported': { unit: 'bool', description: 'The OS release still gets vendor security updates (null when unknown)' },
  'hardware.tpm_present': { unit: 'bool', description: 'A TPM is visible (null when the platform does not tell)' },
  'hardware.secure_boot': { unit: 'bool', description: 'Secure boot enabled (null when the platform does not tell)' },
  'hardware.on_battery': { unit: 'bool', description: 'Running on battery power' },

  'network.interface_count': { unit: 'count', description: 'Network interfaces that are up (loopback excluded)' },
  'network.link_speed_mbps': { unit: 'mbps', description: 'Link speed of the default-route interface' },
  'network.mtu': { unit: 'bytes', description: 'MTU of the default-route interface' },
  'network.has_gateway': { unit: 'bool', description: 'A default gateway is configured' },
  'network.gateway': { unit: 'text', description: 'Default gateway address' },
  'network.dns_server_count': { unit: 'count', description: 'DNS servers configured' },
  'network.proxy_configured': { unit: 'bool', description: 'An HTTP(S) proxy is set in the environment' },

  'latency.rtt_ms_p50': { unit: 'ms', description: 'Median round-trip time (worst target)' },
  'latency.rtt_ms_p95': { unit: 'ms', description: '95th percentile round-trip time (worst target)' },
  'latency.rtt_ms_min': { unit: 'ms', description: 'Smallest round-trip time seen (worst target)' },
  'latency.jitter_ms': { unit: 'ms', description: 'RFC 3550 interarrival jitter (worst target)' },
  'latency.loss_pct': { unit: 'pct', description: 'Probes without an answer (worst target)' },
  'latency.gateway_rtt_ms_p50': { unit: 'ms', description: 'Median round-trip time to the default gateway' },

  'dns.lookup_ms_p50': { unit: 'ms', description: 'Median OS resolver (dns.lookup) time, warm' },
  'dns.lookup_cold_ms': { unit: 'ms', description: 'Slowest first (cold) OS resolver lookup' },
  'dns.resolve_ms_p50': { unit: 'ms', description: 'Median direct query time over all resolvers, warm' },
  'dns.resolve_cold_ms': { unit: 'ms', description: 'Slowest first (cold) direct query' },
  'dns.failure_pct': { unit: 'pct', description: 'Lookups and queries that failed' },

  'ai.endpoints_reachable': { unit: 'count', description: 'AI endpoints that answered over TLS' },
  'ai.endpoints_total': { unit: 'count', description: 'AI endpoints tried' },
  'ai.dns_ms_max': { unit: 'ms', description: 'Slowest endpoint DNS resolution' },
  'ai.connect_ms_max': { unit: 'ms', description: 'Slowest TCP connect' },
  'ai.tls_ms_max': { unit: 'ms', description: 'Slowest TLS handshake' },
  'ai.ttfb_ms_max': { unit: 'ms', description: 'Slowest time to first byte after the request' },
  'ai.tls_intercepted': { unit: 'bool', description: 'At least one endpoint presented a chain that does not end in a public root' },

  'throughput.download_mbps': { unit: 'mbps', description: 'Download rate over several streams' },
  'throughput.upload_mbps': { unit: 'mbps', description: 'Upload rate over several streams' },
  'throughput.idle_rtt_ms_p50': { unit: 'ms', description: 'Median RTT before the load' },
  'throughput.loaded_rtt_ms_p50': { unit: 'ms', description: 'Median RTT while the link is loaded (worst direction)' },
  'throughput.bufferbloat_added_ms': { unit: 'ms', description: 'Loaded minus idle median RTT' },
  'throughput.bufferbloat_grade': { unit: 'grade', description: 'DSLReports scale: A+ < 5 ms added, A < 30, B < 60, C < 200, D < 400, F ≥ 400' },
  'throughput.streams': { unit: 'count', description: 'Parallel streams per direction' },

  'mtu.path_mtu_bytes': { unit: 'bytes', description: 'Largest packet that passes with don\'t-fragment set' },

  'wifi.connected': { unit: 'bool', description: 'Connected to a Wi-Fi network' },
  'wifi.signal_dbm': { unit: 'dbm', description: 'Signal strength' },
  'wifi.channel': { unit: 'count', description: 'Wi-Fi channel' },
  'wifi.band_ghz': { unit: 'ghz', description: 'Band: 2.4, 5 or 6 GHz' },
  'wifi.tx_rate_mbps': { unit: 'mbps', description: 'Negotiated transmit rate' },

  'ntp.offset_ms': { unit: 'ms', description: 'Local clock minus NTP time (positive: local clock ahead)' },
  'ntp.rtt_ms': { unit: 'ms', description: 'Round trip to the NTP server' },
  'ntp.stratum': { unit: 'count', description: 'Stratum of the NTP server' },

  'neighbours.count': { unit: 'count', description: 'Hosts in the ARP/neighbour table' },
  'neighbours.sweep_responders': { unit: 'count', description: 'Hosts that answered an authorised sweep (null when no sweep ran)' },
} as const satisfies Record<string, MetricInfo>;

export type MetricName = keyof typeof metricCatalog;
export const metricNames = Object.keys(metricCatalog) as MetricName[];

export const isMetricName = (name: string): name is MetricName => Object.prototype.hasOwnProperty.call(metricCatalog, name);
