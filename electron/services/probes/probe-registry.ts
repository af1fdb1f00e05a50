import type { ProbeInfo, ProbeId } from '../../../shared/probes/probe-schemas';
import type { ProbeDefinition } from './probe-definition';
import { timeoutOf } from './run-probes';
import { aiEndpointsProbe } from './probes/ai-endpoints-probe';
import { dnsProbe } from './probes/dns-probe';
import { hardwareProbe } from './probes/hardware-probe';
import { latencyProbe } from './probes/latency-probe';
import { neighboursProbe } from './probes/neighbours-probe';
import { networkConfigProbe } from './probes/network-config-probe';
import { ntpProbe } from './probes/ntp-probe';
import { pathMtuProbe } from './probes/path-mtu-probe';
import { throughputProbe } from './probes/throughput-probe';
import { responsivenessProbe } from './probes/responsiveness-probe';
import { wifiProbe } from './probes/wifi-probe';
import { probeTargetsSchema } from '../../../shared/probes/probe-schemas';

/** Every probe, in the order results are shown. */
export const allProbes: readonly ProbeDefinition[] = [
  hardwareProbe,
  networkConfigProbe,
  latencyProbe,
  dnsProbe,
  aiEndpointsProbe,
  ntpProbe,
  neighboursProbe,
  pathMtuProbe,
  wifiProbe,
  throughputProbe,
  responsivenessProbe,
];

export const defaultProbeIds: ProbeId[] = allProbes.filter((p) => p.inDefaultSuite).map((p) => p.id);

export const probesById = (ids: readonly ProbeId[]): ProbeDefinition[] => allProbes.filter((p) => ids.includes(p.id));

export const probeCatalog = (platform: NodeJS.Platform = process.platform): ProbeInfo[] => {
  const defaults = probeTargetsSchema.parse({});
  return allProbes.map((p) => ({
    id: p.id,
    title: p.title,
    measures: [...p.measures],
    platforms: [...p.platforms],
    timeoutMs: timeoutOf(p, defaults),
    inDefaultSuite: p.inDefaultSuite,
    supportedHere: p.platforms.includes(platform),
  }));
};
