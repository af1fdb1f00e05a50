export interface WifiLink {
  readonly connected: boolean;
  readonly ssid: string | null;
  readonly signalDbm: number | null;
  readonly channel: number | null;
  readonly bandGhz: number | null;
  readonly txRateMbps: number | null;
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

/** Windows: `netsh wlan show interfaces`. Signal is a percentage; 100 % ≈ −50 dBm, 0 % ≈ −100 dBm. */
export const parseNetshWlan = (output: string): WifiLink => {
  const state = field(output, 'State');
  if (!state || !/^connected/i.test(state)) return notConnected;
  const signal = field(output, 'Signal');
  const channel = Number(field(output, 'Channel')) || null;
  const band = field(output, 'Band');
  const pct = signal ? Number(signal.replace('%', '')) : null;
  return {
    connected: true,
    ssid: field(output, 'SSID'),
    signalDbm: pct === null ? null : Math.round(pct / 2 - 100),
    channel,
    bandGhz: band ? Number(/([\d.]+)\s*GHz/i.exec(band)?.[1]) || null : channel ? bandOfChannel(channel) : null,
    txRateMbps: Number(field(output, 'Transmit rate \\(Mbps\\)')) || null,
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
