import fs from 'node:fs';
import { parseIwLink, parseNetshWlan, parseSystemProfilerAirport, type WifiLink } from '../parsers/wifi-output';
import { allPlatforms, type ProbeOutcome, type ProbeContext, type ProbeDefinition } from '../probe-definition';
import { runCommand } from '../run-command';

const linuxWirelessInterfaces = (ctx: ProbeContext): string[] => {
  try {
    return fs.readdirSync('/sys/class/net').filter((name) => fs.existsSync(`/sys/class/net/${name}/wireless`));
  } catch (error) {
    // No /sys (a container): the result says there is no Wi-Fi interface.
    ctx.log.debug({ err: error }, 'wifi probe: /sys/class/net not readable');
    return [];
  }
};

const readLink = async (ctx: ProbeContext): Promise<{ link: WifiLink | null; source: string }> => {
  if (ctx.platform === 'win32') {
    const out = await runCommand(ctx, 'netsh', ['wlan', 'show', 'interfaces'], 5000);
    if (/no wireless interface|wlansvc.*not running/i.test(out.stdout + out.stderr)) return { link: null, source: 'netsh' };
    return { link: parseNetshWlan(out.stdout), source: 'netsh wlan show interfaces' };
  }
  if (ctx.platform === 'darwin') {
    const out = await runCommand(ctx, 'system_profiler', ['SPAirPortDataType'], 12_000);
    if (!/Wi-Fi|AirPort/i.test(out.stdout)) return { link: null, source: 'system_profiler' };
    return { link: parseSystemProfilerAirport(out.stdout), source: 'system_profiler SPAirPortDataType' };
  }
  const [iface] = linuxWirelessInterfaces(ctx);
  if (!iface) return { link: null, source: '/sys/class/net' };
  const out = await runCommand(ctx, 'iw', ['dev', iface, 'link'], 3000);
  return { link: parseIwLink(out.stdout), source: `iw dev ${iface} link` };
};

const accessPoint = { kind: 'lan_host', target: 'the Wi-Fi access point' } as const;

export const wifiProbe: ProbeDefinition = {
  id: 'wifi',
  title: 'Wi-Fi link',
  measures: ['wifi.connected', 'wifi.signal_dbm', 'wifi.channel', 'wifi.band_ghz', 'wifi.tx_rate_mbps'],
  platforms: allPlatforms,
  timeoutMs: 15_000,
  inDefaultSuite: true,
  run: async (ctx): Promise<ProbeOutcome> => {
    const { link, source } = await readLink(ctx);
    ctx.progress(1, 'read the Wi-Fi link');
    if (!link) {
      return {
        message: 'No Wi-Fi interface on this machine.',
        metrics: { 'wifi.connected': false, 'wifi.signal_dbm': null, 'wifi.channel': null, 'wifi.band_ghz': null, 'wifi.tx_rate_mbps': null },
        farEnd: accessPoint,
        reason: 'no Wi-Fi interface on this machine',
        details: { source },
      };
    }
    return {
      metrics: {
        'wifi.connected': link.connected,
        'wifi.signal_dbm': link.signalDbm,
        'wifi.channel': link.channel,
        'wifi.band_ghz': link.bandGhz,
        'wifi.tx_rate_mbps': link.txRateMbps,
      },
      farEnd: link.ssid ? { kind: 'lan_host', target: `access point of ${link.ssid}` } : accessPoint,
      reason: link.connected ? `${source} did not report it` : 'the Wi-Fi interface is not connected',
      details: { source, ssid: link.ssid },
      message: link.connected
        ? `Connected to ${link.ssid ?? 'a network'}: ${link.signalDbm ?? '?'} dBm, channel ${link.channel ?? '?'} (${link.bandGhz ?? '?'} GHz).`
        : 'A Wi-Fi interface exists but is not connected.',
    };
  },
};
