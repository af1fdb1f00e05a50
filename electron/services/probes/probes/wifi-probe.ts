import fs from 'node:fs';
import { parseWifiAdapterJson, powershellArgs, windowsWifiAdapterScript, type WindowsWifiAdapter } from '../parsers/powershell-output';
import {
  netshWlanKind,
  parseIwLink,
  parseNetshWlan,
  parseNetworksetupAirport,
  parseSystemProfilerAirportJson,
  parseWdutilInfo,
  wifiDeviceOfHardwarePorts,
  type WifiLink,
} from '../parsers/wifi-output';
import { allPlatforms, type ProbeOutcome, type ProbeContext, type ProbeDefinition } from '../probe-definition';
import { runCommand, ToolMissing, whyNoAnswer, type CommandOutput, type SourceAttempt } from '../run-command';

const figures = ['wifi.signal_dbm', 'wifi.channel', 'wifi.band_ghz', 'wifi.tx_rate_mbps'] as const;
type Figure = (typeof figures)[number];

/** What the sources together said: the link (null: no Wi-Fi interface), and why each missing figure is missing. */
interface LinkReading {
  readonly link: WifiLink | null;
  readonly source: string;
  readonly attempts: SourceAttempt[];
  /** Why there is no link at all, or why the connection state itself is unknown. */
  readonly why?: string;
  /** A figure the source that answered does not give. */
  readonly missing?: Partial<Record<Figure, string>>;
  /** The connection state could not be read (connected stays null). */
  readonly stateUnknown?: boolean;
  readonly ssidNote?: string;
}

const linuxWirelessInterfaces = (ctx: ProbeContext): string[] => {
  try {
    return fs.readdirSync('/sys/class/net').filter((name) => fs.existsSync(`/sys/class/net/${name}/wireless`));
  } catch (error) {
    // No /sys (a container): the result says there is no Wi-Fi interface.
    ctx.log.debug({ err: error }, 'wifi probe: /sys/class/net not readable');
    return [];
  }
};

/** Runs one source; a missing tool or a failed run becomes an attempt with its reason, never a throw. */
const tryTool = async (ctx: ProbeContext, attempts: SourceAttempt[], source: string, command: string, args: readonly string[], timeoutMs: number, anyExitCode = false): Promise<CommandOutput | null> => {
  try {
    const out = await runCommand(ctx, command, args, timeoutMs);
    if (out.code === 0 || (anyExitCode && out.code !== null)) return out;
    attempts.push({ source, outcome: 'failed', why: whyNoAnswer(command, out, undefined, timeoutMs) });
    return null;
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    attempts.push({ source, outcome: error instanceof ToolMissing ? 'missing' : 'failed', why: whyNoAnswer(command, null, error) });
    return null;
  }
};

/** A parser that throws (output not in the expected form) is a failed source, with why. */
const tryParse = <T>(attempts: SourceAttempt[], source: string, parse: () => T): T | undefined => {
  try {
    return parse();
  } catch (error) {
    attempts.push({ source, outcome: 'failed', why: `its output could not be read (${error instanceof Error ? error.message.slice(0, 120) : String(error)})` });
    return undefined;
  }
};

const tried = (attempts: SourceAttempt[]): string => attempts.map((a) => `${a.source}: ${a.why ?? a.outcome}`).join('; ');

/**
 * Windows: the adapter list from PowerShell first (its enum names are English in every display
 * language: is there Wi-Fi, is it connected, at what rate), then `netsh wlan` for signal,
 * channel and band, which only exists as translated text (read in English, German and French).
 */
const readWindows = async (ctx: ProbeContext): Promise<LinkReading> => {
  const attempts: SourceAttempt[] = [];
  const psSource = 'PowerShell Get-NetAdapter';
  const ps = await tryTool(ctx, attempts, psSource, 'powershell', powershellArgs(windowsWifiAdapterScript), 6000);
  const adapters: WindowsWifiAdapter[] | undefined = ps ? tryParse(attempts, psSource, () => parseWifiAdapterJson(ps.stdout)) : undefined;
  if (adapters) attempts.push({ source: psSource, outcome: 'used' });
  if (adapters && adapters.length === 0) return { link: null, source: psSource, attempts, why: 'no Wi-Fi interface on this machine' };
  const adapter = adapters?.find((a) => a.connected) ?? adapters?.[0];

  const netshSource = 'netsh wlan show interfaces';
  const netsh = await tryTool(ctx, attempts, netshSource, 'netsh', ['wlan', 'show', 'interfaces'], 5000);
  const text = netsh ? netsh.stdout : '';
  const kind = netsh ? netshWlanKind(text) : null;
  const fromAdapter = (why: string): LinkReading => {
    const a = adapter as WindowsWifiAdapter;
    if (!a.connected) return { link: { connected: false, ssid: null, signalDbm: null, channel: null, bandGhz: null, txRateMbps: null, ...(a.enabled ? {} : { radioOff: true }) }, source: psSource, attempts };
    return {
      link: { connected: true, ssid: null, signalDbm: null, channel: null, bandGhz: null, txRateMbps: a.txRateMbps },
      source: psSource,
      attempts,
      missing: { 'wifi.signal_dbm': why, 'wifi.channel': why, 'wifi.band_ghz': why, ...(a.txRateMbps === null ? { 'wifi.tx_rate_mbps': 'Windows reported no transmit rate for the adapter' } : {}) },
    };
  };
  if (kind === 'service-stopped') {
    const why = 'the WLAN AutoConfig service (wlansvc) is not running, so Windows reports no Wi-Fi link';
    attempts.push({ source: netshSource, outcome: 'failed', why });
    return adapter ? fromAdapter(why) : { link: null, source: netshSource, attempts, why, stateUnknown: true };
  }
  if (kind === 'no-interface') {
    attempts.push({ source: netshSource, outcome: 'used' });
    return { link: null, source: netshSource, attempts, why: 'no Wi-Fi interface on this machine' };
  }
  if (kind === 'unknown-language') {
    const why = 'netsh printed its fields in a language Groundwork does not read yet (it reads English, German and French)';
    attempts.push({ source: netshSource, outcome: 'failed', why });
    return adapter ? fromAdapter(why) : { link: null, source: netshSource, attempts, why, stateUnknown: true };
  }
  if (kind === 'read') {
    attempts.push({ source: netshSource, outcome: 'used' });
    const link = parseNetshWlan(text);
    // Connected per the adapter but netsh saw no network (a race, or a profile mid-change): the adapter's state stands.
    if (adapter?.connected && !link.connected) return fromAdapter('netsh reported no connected network at the moment it was asked');
    return {
      link: { ...link, txRateMbps: link.txRateMbps ?? (link.connected ? (adapter?.txRateMbps ?? null) : null) },
      source: adapter ? `${psSource} and ${netshSource}` : netshSource,
      attempts,
    };
  }
  // netsh could not be run at all.
  if (adapter) return fromAdapter(`netsh wlan could not be read (${attempts.at(-1)?.why ?? 'no output'})`);
  return { link: null, source: 'PowerShell and netsh', attempts, why: `Windows did not tell whether there is Wi-Fi (${tried(attempts)})`, stateUnknown: true };
};

const hiddenName = 'macOS hides the network name from apps without Location Services permission';

/**
 * macOS: `system_profiler -json` first (its keys are the same in every language and it needs no
 * admin rights), `wdutil info` next (root only), `networksetup` last (the network name only).
 */
const readMac = async (ctx: ProbeContext): Promise<LinkReading> => {
  const attempts: SourceAttempt[] = [];
  const spSource = 'system_profiler SPAirPortDataType -json';
  const sp = await tryTool(ctx, attempts, spSource, 'system_profiler', ['SPAirPortDataType', '-json'], 9000);
  const spLink = sp ? tryParse(attempts, spSource, () => parseSystemProfilerAirportJson(sp.stdout)) : undefined;
  if (spLink !== undefined) {
    attempts.push({ source: spSource, outcome: 'used' });
    if (spLink === null) return { link: null, source: spSource, attempts, why: 'no Wi-Fi interface on this machine' };
    return { link: spLink, source: spSource, attempts, ...(spLink.connected && !spLink.ssid ? { ssidNote: hiddenName } : {}) };
  }

  const wdSource = 'wdutil info';
  const wd = await tryTool(ctx, attempts, wdSource, 'wdutil', ['info'], 4000);
  const wdLink = wd ? tryParse(attempts, wdSource, () => parseWdutilInfo(wd.stdout)) : undefined;
  if (wdLink) {
    attempts.push({ source: wdSource, outcome: 'used' });
    return { link: wdLink, source: wdSource, attempts, ...(wdLink.connected && !wdLink.ssid ? { ssidNote: hiddenName } : {}) };
  }
  if (wd && wdLink === null) attempts.push({ source: wdSource, outcome: 'failed', why: 'it printed no Wi-Fi section (it needs root)' });

  const portsSource = 'networksetup -listallhardwareports';
  const ports = await tryTool(ctx, attempts, portsSource, 'networksetup', ['-listallhardwareports'], 3000);
  if (!ports) return { link: null, source: 'system_profiler, wdutil and networksetup', attempts, why: `macOS did not tell whether there is Wi-Fi (${tried(attempts)})`, stateUnknown: true };
  const device = wifiDeviceOfHardwarePorts(ports.stdout);
  attempts.push({ source: portsSource, outcome: 'used' });
  if (!device) return { link: null, source: portsSource, attempts, why: 'no Wi-Fi interface on this machine' };
  const netSource = `networksetup -getairportnetwork ${device}`;
  // "not associated" exits 0 on some releases and non-zero on others: the text decides.
  const net = await tryTool(ctx, attempts, netSource, 'networksetup', ['-getairportnetwork', device], 3000, true);
  const text = net ? `${net.stdout}\n${net.stderr}` : '';
  const association = parseNetworksetupAirport(text);
  if (!association.associated && !/not associated/i.test(text)) return { link: null, source: netSource, attempts, why: `the Wi-Fi state of ${device} could not be read (${tried(attempts)})`, stateUnknown: true };
  attempts.push({ source: netSource, outcome: 'used' });
  const why = `only networksetup answered, and it gives the network name, not the signal, channel or rate (${tried(attempts.filter((a) => a.outcome !== 'used'))})`;
  return {
    link: { connected: association.associated, ssid: association.ssid, signalDbm: null, channel: null, bandGhz: null, txRateMbps: null },
    source: netSource,
    attempts,
    ...(association.associated ? { missing: { 'wifi.signal_dbm': why, 'wifi.channel': why, 'wifi.band_ghz': why, 'wifi.tx_rate_mbps': why } } : {}),
  };
};

const readLinux = async (ctx: ProbeContext): Promise<LinkReading> => {
  const [iface] = linuxWirelessInterfaces(ctx);
  if (!iface) return { link: null, source: '/sys/class/net', attempts: [{ source: '/sys/class/net', outcome: 'used' }], why: 'no Wi-Fi interface on this machine' };
  const source = `iw dev ${iface} link`;
  const out = await runCommand(ctx, 'iw', ['dev', iface, 'link'], 3000);
  return { link: parseIwLink(out.stdout), source, attempts: [{ source, outcome: 'used' }] };
};

const readLink = (ctx: ProbeContext): Promise<LinkReading> => (ctx.platform === 'win32' ? readWindows(ctx) : ctx.platform === 'darwin' ? readMac(ctx) : readLinux(ctx));

const accessPoint = { kind: 'lan_host', target: 'the Wi-Fi access point' } as const;

/** "-61 dBm, channel 149 (5 GHz), 585 Mbit/s": only the figures that were read. */
const describeLink = (link: WifiLink): string => {
  const parts = [
    link.signalDbm !== null ? `${link.signalDbm} dBm` : null,
    link.channel !== null ? `channel ${link.channel}${link.bandGhz !== null ? ` (${link.bandGhz} GHz)` : ''}` : link.bandGhz !== null ? `${link.bandGhz} GHz` : null,
    link.txRateMbps !== null ? `${link.txRateMbps} Mbit/s` : null,
  ].filter((p): p is string => p !== null);
  return parts.length > 0 ? `: ${parts.join(', ')}` : '';
};

export const wifiProbe: ProbeDefinition = {
  id: 'wifi',
  title: 'Wi-Fi link',
  measures: ['wifi.connected', ...figures],
  platforms: allPlatforms,
  timeoutMs: 18_000,
  inDefaultSuite: true,
  run: async (ctx): Promise<ProbeOutcome> => {
    const reading = await readLink(ctx);
    ctx.progress(1, 'read the Wi-Fi link');
    const { link, source, attempts } = reading;
    const details = { source, attempts, ...(link?.ssid ? { ssid: link.ssid } : {}), ...(reading.ssidNote ? { ssidNote: reading.ssidNote } : {}) };
    if (!link) {
      const why = reading.why ?? 'no Wi-Fi interface on this machine';
      return {
        message: reading.stateUnknown ? `The Wi-Fi state could not be read: ${why}.` : 'No Wi-Fi interface on this machine.',
        // No interface is a measured "not connected"; an unreadable state is not.
        metrics: { 'wifi.connected': reading.stateUnknown ? null : false, ...Object.fromEntries(figures.map((f) => [f, null])) },
        farEnd: accessPoint,
        reason: why,
        details,
      };
    }
    const notConnected = link.radioOff ? 'Wi-Fi is switched off' : 'the Wi-Fi interface is not connected';
    const reasons: Record<string, string> = {};
    for (const name of figures) reasons[name] = link.connected ? (reading.missing?.[name] ?? `${source} did not report it`) : notConnected;
    return {
      metrics: {
        'wifi.connected': link.connected,
        'wifi.signal_dbm': link.signalDbm,
        'wifi.channel': link.channel,
        'wifi.band_ghz': link.bandGhz,
        'wifi.tx_rate_mbps': link.txRateMbps,
      },
      farEnd: link.ssid ? { kind: 'lan_host', target: `access point of ${link.ssid}` } : accessPoint,
      reasons,
      details,
      message: link.connected
        ? `Connected to ${link.ssid ?? 'a network whose name is hidden'}${describeLink(link)} (from ${source}).`
        : link.radioOff
          ? 'Wi-Fi is switched off.'
          : 'A Wi-Fi interface exists but is not connected.',
    };
  },
};
