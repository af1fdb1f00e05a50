import type { ProbeId, ProbeTargets } from '../../../shared/probes/probe-schemas';
import type { ProbeDefinition } from './probe-definition';
import { beyondGatewayTarget } from './probes/path-mtu-probe';
import { responsivenessSegmentsOf } from './probes/responsiveness-probe';

/**
 * What each probe contacts, in words, so the collector can say up front what it will measure and
 * where it will send packets (an engineer runs it on a customer's server and must be able to tell
 * the customer). Keyed by every probe id: a new probe does not compile until it is described here.
 */
const destinations: Record<ProbeId, (t: ProbeTargets) => string> = {
  hardware: () => 'this machine only (CPU, memory, disks, OS)',
  'network-config': () => "this machine only (interfaces, routes, the OS's DNS settings)",
  latency: (t) =>
    [
      t.includeGateway ? 'the default gateway (TCP connect)' : '',
      t.reflector ? `reflector ${t.reflector} (UDP echo)` : '',
      ...t.hosts.map((h) => `${h} (TCP connect)`),
    ]
      .filter(Boolean)
      .join(', ') || 'nothing (no targets given)',
  dns: (t) => `${t.dnsNames.join(', ')} via ${t.resolvers.length > 0 ? t.resolvers.join(', ') : "the OS's DNS servers"}`,
  'ai-endpoints': (t) => t.aiEndpoints.map((u) => new URL(u).host).join(', '),
  ntp: (t) => `${t.ntpServer} (SNTP, UDP 123)`,
  neighbours: (t) =>
    t.sweep ? `a sweep of ${t.sweep.scope}, ports ${t.sweep.ports.join(', ')}, authorised by ${t.sweep.authorisedBy}` : "this machine's ARP/neighbour table only (no sweep)",
  'path-mtu': (t) => {
    if (t.mtuTargets.length > 0) return `${t.mtuTargets.join(', ')} (ICMP echo)`;
    const beyond = beyondGatewayTarget(t);
    const hosts = [t.includeGateway ? 'the default gateway' : '', beyond ? `${beyond} (beyond the gateway)` : ''].filter(Boolean);
    return hosts.length > 0 ? `${hosts.join(' and ')}, ICMP echo` : 'nothing (no target given)';
  },
  wifi: () => 'this machine only (the Wi-Fi adapter)',
  responsiveness: (t) => {
    const segments = responsivenessSegmentsOf(t).map(({ segment, source }) => (segment === 'hub' ? `the hub ${source} (its /responsiveness answer names the test's port)` : source));
    return segments.length > 0 ? `${segments.join(', ')} and the URLs each names (HTTP/2 load and probes)` : 'nothing (no reflector, hub or responsiveness URL given)';
  },
  throughput: (t) => (t.iperf3 ? `iperf3 server ${t.iperf3}` : t.reflector ? `reflector ${t.reflector}` : 'nothing (no iperf3 server or reflector given)'),
};

/** The lines printed before a collection starts: one per probe, what it measures and contacts. */
export const describeCollectPlan = (probes: readonly ProbeDefinition[], targets: ProbeTargets): string[] => [
  `Groundwork collector: ${probes.length} probe${probes.length === 1 ? '' : 's'}; nothing else is sent anywhere.`,
  ...probes.map((p) => `  ${p.title}: ${destinations[p.id](targets)}`),
];
