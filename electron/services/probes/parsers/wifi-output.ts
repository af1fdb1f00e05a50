export interface WifiLink {
  readonly connected: boolean;
  readonly ssid: string | null;
  readonly signalDbm: number | null;
  readonly channel: number | null;
  readonly bandGhz: number | null;
  readonly txRateMbps: number | null;
  /** The radio is switched off (not merely unassociated), where the source says so. */
  readonly radioOff?: boolean;
}

const notConnected: WifiLink = { connected: false, ssid: null, signalDbm: null, channel: null, bandGhz: null, txRateMbps: null };

export const bandOfChannel = (channel: number, freqMhz?: number): number => {
  if (freqMhz !== undefined) return freqMhz >= 5925 ? 6 : freqMhz >= 4900 ? 5 : 2.4;
  return channel <= 14 ? 2.4 : 5;
};

export const channelOfFrequency = (mhz: number): number => {
  if (mhz === 2484) return 14;
  if (mhz < 2484) return Math.round((mhz - 2407) / 5);
  if (mhz >= 5955) return Math.round((mhz - 5950) / 5);
  return Math.round((mhz - 5000) / 5);
};

const field = (text: string, name: string): string | null => {
  const match = new RegExp(`^\\s*${name}\\s*:\\s*(.+?)\\s*$`, 'mi').exec(text);
  return match ? (match[1] as string) : null;
};

/**
 * `netsh wlan show interfaces` labels in English, German and French. netsh has no format mode
 * for this command, so the labels are matched, with `.` for accented letters (piped, netsh writes
 * the OEM code page, which reads as replacement characters when decoded as UTF-8).
 */
const netshLabels = {
  state: '(?:State|Status|.tat)',
  channel: '(?:Channel|Kanal|Canal)',
  band: '(?:Band|Bande)',
  transmit: '(?:Transmit rate \\(Mbps\\)|.bertragungsrate \\(MBit/s\\)|Transmission \\(Mbits/s\\))',
};
const netshConnected = /^(?:connected|verbunden|connect.)$/i;

/**
 * What a `netsh wlan show interfaces` output is, before its fields are read: the service is
 * stopped (`wlansvc` is named in every language), no interface (a sentence, with no indented
 * `label : value` field lines as every interface block has), or interfaces whose state label is,
 * or is not, one this parser reads.
 */
export const netshWlanKind = (output: string): 'service-stopped' | 'no-interface' | 'read' | 'unknown-language' => {
  if (/wlansvc/i.test(output)) return 'service-stopped';
  if (!/^[ \t]+[^\s:][^:\r\n]*?[ \t]:[ \t]*\S/m.test(output)) return 'no-interface';
  return field(output, netshLabels.state) ? 'read' : 'unknown-language';
};

/**
 * Windows: `netsh wlan show interfaces` (English, German, French). Signal is a percentage;
 * 100 % ≈ −50 dBm, 0 % ≈ −100 dBm.
 */
export const parseNetshWlan = (output: string): WifiLink => {
  const state = field(output, netshLabels.state);
  const ssid = field(output, 'SSID');
  if (!state || !netshConnected.test(state) || !ssid) return notConnected;
  const signal = /^\s*Signal\s*:\s*(\d+)\s*%/im.exec(output)?.[1];
  const channel = Number(field(output, netshLabels.channel)) || null;
  const band = field(output, netshLabels.band);
  const pct = signal === undefined ? null : Number(signal);
  return {
    connected: true,
    ssid,
    signalDbm: pct === null ? null : Math.round(pct / 2 - 100),
    channel,
    bandGhz: band ? Number(/([\d.,]+)\s*GHz/i.exec(band)?.[1]?.replace(',', '.')) || null : channel ? bandOfChannel(channel) : null,
    txRateMbps: Number(field(output, netshLabels.transmit)?.replace(',', '.')) || null,
  };
};

/** macOS: `system_profiler SPAirPortDataType` (the current-network block). */
export const parseSystemProfilerAirport = (output: string): WifiLink => {
  const start = output.indexOf('Current Network Information:');
  if (start < 0) return notConnected;
  const block = output.slice(start).split(/\n\s*Other Local Wi-Fi Networks:/)[0] as string;
  const ssid = /Current Network Information:\s*\n\s*(.+?):\s*\n/.exec(block)?.[1]?.trim() ?? null;
  const channelLine = field(block, 'Channel');
  const channel = channelLine ? Number(/^(\d+)/.exec(channelLine)?.[1]) || null : null;
  const band = channelLine ? /([\d.]+)\s*GHz/i.exec(channelLine)?.[1] : undefined;
  const signal = field(block, 'Signal / Noise');
  return {
    connected: true,
    ssid,
    signalDbm: signal ? Number(/(-?\d+)\s*dBm/.exec(signal)?.[1]) : null,
    channel,
    bandGhz: band ? Number(band) : channel ? bandOfChannel(channel) : null,
    txRateMbps: Number(field(block, 'Transmit Rate')) || null,
  };
};

/** Linux: `iw dev <if> link`. */
export const parseIwLink = (output: string): WifiLink => {
  if (!/^Connected to/m.test(output)) return notConnected;
  const freq = Number(field(output, 'freq')) || null;
  const channel = freq ? channelOfFrequency(freq) : null;
  const signal = field(output, 'signal');
  const tx = field(output, 'tx bitrate');
  return {
    connected: true,
    ssid: field(output, 'SSID'),
    signalDbm: signal ? Number(/(-?\d+)/.exec(signal)?.[1]) : null,
    channel,
    bandGhz: freq && channel ? bandOfChannel(channel, freq) : null,
    txRateMbps: tx ? Number(/([\d.]+)\s*MBit/i.exec(tx)?.[1]) || null : null,
  };
};

const channelAndBand = (text: string): { channel: number | null; bandGhz: number | null } => {
  const channel = Number(/^(\d+)/.exec(text)?.[1]) || null;
  // system_profiler writes "5GHz", "2GHz" (meaning 2.4) and "6GHz".
  const ghz = /(\d+(?:\.\d+)?)\s*GHz/i.exec(text)?.[1];
  const bandGhz = ghz ? (ghz === '2' ? 2.4 : Number(ghz)) : channel ? bandOfChannel(channel) : null;
  return { channel, bandGhz };
};

/** A network name macOS hides from an app without Location Services permission (14.4 and later). */
export const redactedSsid = (ssid: string | null): boolean => ssid === null || ssid === '<redacted>' || ssid === '';

/**
 * macOS: `system_profiler SPAirPortDataType -json`. Its keys (`spairport_*`) are the same in every
 * display language, unlike the text form's headings. The SSID reads `<redacted>` without Location
 * Services permission; the link figures are still given.
 */
export const parseSystemProfilerAirportJson = (json: string): WifiLink | null => {
  const data = JSON.parse(json) as { SPAirPortDataType?: { spairport_airport_interfaces?: Record<string, unknown>[] }[] };
  const interfaces = data.SPAirPortDataType?.flatMap((d) => d.spairport_airport_interfaces ?? []) ?? [];
  const wifi = interfaces.filter((i) => i._name !== 'awdl0' && i._name !== 'llw0');
  if (wifi.length === 0) return null;
  const current = wifi.map((i) => i.spairport_current_network_information as Record<string, unknown> | undefined).find((c) => c !== undefined);
  if (!current) return wifi.some((i) => i.spairport_status_information === 'spairport_status_off') ? { ...notConnected, radioOff: true } : notConnected;
  const name = typeof current._name === 'string' ? current._name : null;
  const { channel, bandGhz } = channelAndBand(String(current.spairport_network_channel ?? ''));
  const signal = /(-?\d+)\s*dBm/.exec(String(current.spairport_signal_noise ?? ''))?.[1];
  return {
    connected: true,
    ssid: redactedSsid(name) ? null : name,
    signalDbm: signal === undefined ? null : Number(signal),
    channel,
    bandGhz,
    txRateMbps: Number(current.spairport_network_rate) || null,
  };
};

/**
 * macOS: `wdutil info` (root only). Its WIFI section: RSSI, Tx Rate, and Channel as `5g149/80`
 * (band, channel, width).
 */
export const parseWdutilInfo = (output: string): WifiLink | null => {
  const section = /\nWIFI\n[^\n]*\n([\s\S]*?)(?:\n[^\n]*\n[A-Z][A-Z ]+\n|$)/.exec(`\n${output}`)?.[1];
  if (!section) return null;
  const ssid = field(section, 'SSID');
  const power = field(section, 'Power');
  if (/^Off/i.test(power ?? '')) return { ...notConnected, radioOff: true };
  if (!ssid || ssid === 'None') return notConnected;
  const channel = /^(\d)g(\d+)/i.exec(field(section, 'Channel') ?? '');
  const rssi = /(-?\d+)\s*dBm/.exec(field(section, 'RSSI') ?? '')?.[1];
  const band = channel ? Number(channel[1]) : null;
  return {
    connected: true,
    ssid: redactedSsid(ssid) ? null : ssid,
    signalDbm: rssi === undefined ? null : Number(rssi),
    channel: channel ? Number(channel[2]) : null,
    bandGhz: band === 2 ? 2.4 : band,
    txRateMbps: Number(/([\d.]+)\s*Mbps/i.exec(field(section, 'Tx Rate') ?? '')?.[1]) || null,
  };
};

/** macOS: `networksetup -listallhardwareports`: the device of the "Wi-Fi" (older: "AirPort") port. */
export const wifiDeviceOfHardwarePorts = (output: string): string | null =>
  /Hardware Port:\s*(?:Wi-Fi|AirPort)\s*\nDevice:\s*(\S+)/i.exec(output.replace(/\r\n/g, '\n'))?.[1] ?? null;

/** macOS: `networksetup -getairportnetwork <dev>`: the network name only, or "not associated". */
export const parseNetworksetupAirport = (output: string): { associated: boolean; ssid: string | null } => {
  const ssid = /^Current (?:Wi-Fi|AirPort) Network:\s*(.+?)\s*$/m.exec(output)?.[1] ?? null;
  return { associated: ssid !== null, ssid: redactedSsid(ssid) ? null : ssid };
};
