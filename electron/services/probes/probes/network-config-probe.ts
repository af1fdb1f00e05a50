import dns from 'node:dns';
import si from 'systeminformation';
import { parseGetNetIPInterfaceJson, powershellArgs, windowsIpInterfaceScript } from '../parsers/powershell-output';
import { allPlatforms, type ProbeOutcome, type ProbeContext, type ProbeDefinition } from '../probe-definition';
import { runCommand, whyNoAnswer } from '../run-command';

const proxyVariables = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy', 'NO_PROXY', 'no_proxy'];

/** Proxy URLs can carry credentials; keep only scheme, host and port. */
const redact = (value: string): string => {
  try {
    const url = new URL(value);
    return `${url.protocol}//${url.host}`;
  } catch {
    // handled: not a URL (a bare host:port), so strip anything that looks like credentials and show the rest.
    return value.replace(/\/\/[^@/]*@/, '//');
  }
};

/**
 * Windows: the IPv4 MTU per interface from `Get-NetIPInterface` (systeminformation gives none
 * there): the default interface's by name, else the connected one with the lowest route metric.
 */
const windowsMtu = async (ctx: ProbeContext, iface: string | null): Promise<{ mtu: number | null; why: string; alias: string | null }> => {
  try {
    const out = await runCommand(ctx, 'powershell', powershellArgs(windowsIpInterfaceScript), 5000);
    if (out.code !== 0) return { mtu: null, why: `Get-NetIPInterface did not answer (${whyNoAnswer('powershell', out, undefined, 5000)})`, alias: null };
    const list = parseGetNetIPInterfaceJson(out.stdout).filter((i) => i.connected && i.mtu !== null);
    const chosen = list.find((i) => i.alias === iface) ?? [...list].sort((a, b) => (a.metric ?? 9999) - (b.metric ?? 9999))[0];
    return chosen ? { mtu: chosen.mtu, why: '', alias: chosen.alias } : { mtu: null, why: 'Windows lists no connected interface with an MTU', alias: null };
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    // The MTU shows as not measured with this reason; the other facts stand.
    ctx.log.debug({ err: error }, 'network probe: Get-NetIPInterface not readable');
    return { mtu: null, why: `Get-NetIPInterface did not answer (${whyNoAnswer('powershell', null, error)})`, alias: null };
  }
};

export const networkConfigProbe: ProbeDefinition = {
  id: 'network-config',
  title: 'Network configuration',
  measures: ['network.interface_count', 'network.link_speed_mbps', 'network.mtu', 'network.has_gateway', 'network.gateway', 'network.dns_server_count', 'network.proxy_configured'],
  platforms: allPlatforms,
  timeoutMs: 8000,
  inDefaultSuite: true,
  run: async (ctx): Promise<ProbeOutcome> => {
    ctx.progress(0.1, 'reading interfaces');
    const [interfaces, defaultInterface, gateway] = await Promise.all([
      si.networkInterfaces().then((list) => (Array.isArray(list) ? list : [list])),
      si.networkInterfaceDefault().catch((error: unknown) => {
        // The default interface is shown as unknown; the other facts are still read.
        ctx.log.debug({ err: error }, 'network probe: default interface not readable');
        return '';
      }),
      ctx.gateway(),
    ]);
    const up = interfaces.filter((i) => !i.internal && i.operstate === 'up');
    const primary = interfaces.find((i) => i.iface === defaultInterface) ?? up[0];
    const siMtu = primary?.mtu && primary.mtu > 0 ? primary.mtu : null;
    const fromWindows = ctx.platform === 'win32' ? await windowsMtu(ctx, primary?.iface ?? null) : null;
    const mtu = fromWindows?.mtu ?? siMtu;
    const dnsServers = dns.getServers();
    const proxies = Object.fromEntries(
      proxyVariables.filter((name) => process.env[name]).map((name) => [name, name.toLowerCase() === 'no_proxy' ? (process.env[name] as string) : redact(process.env[name] as string)]),
    );
    const proxyConfigured = Object.keys(proxies).some((k) => !/no_proxy/i.test(k));
    const notes = [
      gateway ? `Gateway ${gateway}` : 'No default gateway is configured',
      primary ? `via ${primary.iface}${primary.speed && primary.speed > 0 ? ` at ${primary.speed} Mbit/s` : ''}` : 'no active interface',
      dnsServers.length === 0 ? 'no DNS servers' : `${dnsServers.length} DNS server${dnsServers.length === 1 ? '' : 's'}`,
      proxyConfigured ? 'a proxy is set' : 'no proxy in the environment',
    ];
    return {
      metrics: {
        'network.interface_count': up.length,
        'network.link_speed_mbps': primary?.speed ?? null,
        'network.mtu': mtu,
        'network.has_gateway': gateway !== null,
        'network.gateway': gateway,
        'network.dns_server_count': dnsServers.length,
        'network.proxy_configured': proxyConfigured,
      },
      reasons: {
        // systeminformation gives -1 or nothing for Wi-Fi and virtual adapters; the engine keeps it out.
        'network.link_speed_mbps': 'the interface does not report a link speed (usual for Wi-Fi and virtual adapters)',
        'network.mtu': fromWindows?.why || 'the interface does not report its MTU',
        'network.gateway': 'no default gateway is configured',
      },
      details: {
        defaultInterface: primary?.iface ?? null,
        ...(fromWindows ? { mtuSource: fromWindows.mtu !== null ? `Get-NetIPInterface (${fromWindows.alias ?? 'interface'})` : null } : {}),
        interfaces: interfaces
          .filter((i) => !i.internal)
          .map((i) => ({ name: i.iface, type: i.type, up: i.operstate === 'up', ipv4: i.ip4, ipv6: i.ip6, mac: i.mac, speedMbps: i.speed, mtu: i.mtu ?? null, dhcp: i.dhcp })),
        dnsServers,
        proxies,
      },
      message: `${notes.join(', ')}.`,
    };
  },
};
