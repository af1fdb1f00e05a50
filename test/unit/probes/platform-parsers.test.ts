import { describe, expect, it } from 'vitest';
import { parseBsdArp, parseIpNeigh, parseProcNetArp, parseWindowsArp } from '../../../electron/services/probes/parsers/arp-output';
import { dfPingCommand, parseDfPingOutput, parsePingOutput, pingCommand } from '../../../electron/services/probes/parsers/ping-output';
import { channelOfFrequency, parseIwLink, parseNetshWlan, parseSystemProfilerAirport } from '../../../electron/services/probes/parsers/wifi-output';
import { fixture } from './fixture';

describe('ping output', () => {
  it('Linux iputils: replies, loss and summary', () => {
    const r = parsePingOutput(fixture('ping-linux.txt'), 'linux');
    expect(r.rtts).toEqual([0.512, 0.438, 1.07]);
    expect(r).toMatchObject({ sent: 4, received: 3, lossPct: 25, minMs: 0.438, avgMs: 0.673, maxMs: 1.07, unreachable: false });
  });
  it('macOS: "packets received" and round-trip stddev', () => {
    const r = parsePingOutput(fixture('ping-macos.txt'), 'darwin');
    expect(r.rtts).toHaveLength(4);
    expect(r).toMatchObject({ sent: 4, received: 4, lossPct: 0, minMs: 2.871, maxMs: 4.006 });
  });
  it('Windows: time<1ms counts as half a millisecond, timeouts as loss', () => {
    const r = parsePingOutput(fixture('ping-windows.txt'), 'win32');
    expect(r.rtts).toEqual([2, 0.5, 3]);
    expect(r).toMatchObject({ sent: 4, received: 3, lossPct: 25, minMs: 0, maxMs: 3, avgMs: 1 });
  });
  it('an unknown host says so instead of reporting zero loss', () => {
    const r = parsePingOutput(fixture('ping-linux-unknown-host.txt'), 'linux');
    expect(r.unreachable).toBe(true);
    expect(r.rtts).toEqual([]);
  });
  it('builds the right command line per platform', () => {
    expect(pingCommand('win32', 'h', 4, 1000)).toEqual(['ping', ['-n', '4', '-w', '1000', 'h']]);
    expect(dfPingCommand('linux', 'h', 1472)[1]).toEqual(['-M', 'do', '-s', '1472', '-c', '1', '-W', '1', 'h']);
    expect(dfPingCommand('darwin', 'h', 1472)[1]).toContain('-D');
    expect(dfPingCommand('win32', 'h', 1472)[1]).toContain('-f');
  });
});

describe("don't-fragment ping (path MTU)", () => {
  it('Linux: too big, with the MTU the stack reported', () => {
    expect(parseDfPingOutput(fixture('df-ping-linux-too-big.txt'), 'linux')).toEqual({ passed: false, tooBig: true, reportedMtu: 1400 });
  });
  it('Linux: passes', () => {
    expect(parseDfPingOutput(fixture('df-ping-linux-ok.txt'), 'linux')).toMatchObject({ passed: true, tooBig: false });
  });
  it('macOS and Windows: too big', () => {
    expect(parseDfPingOutput(fixture('df-ping-macos-too-big.txt'), 'darwin')).toMatchObject({ passed: false, tooBig: true });
    expect(parseDfPingOutput(fixture('df-ping-windows-too-big.txt'), 'win32')).toMatchObject({ passed: false, tooBig: true });
  });
});

describe('Wi-Fi link', () => {
  it('Windows netsh: signal percentage becomes dBm, band and rates read', () => {
    expect(parseNetshWlan(fixture('wifi-windows-netsh.txt'))).toEqual({
      connected: true,
      ssid: 'Contoso-Corp',
      signalDbm: -58,
      channel: 44,
      bandGhz: 5,
      txRateMbps: 961,
    });
  });
  it('Windows netsh: disconnected', () => {
    expect(parseNetshWlan(fixture('wifi-windows-netsh-disconnected.txt')).connected).toBe(false);
  });
  it('macOS system_profiler: the current network, not the others nearby', () => {
    expect(parseSystemProfilerAirport(fixture('wifi-macos-system-profiler.txt'))).toEqual({
      connected: true,
      ssid: 'Contoso-Guest',
      signalDbm: -61,
      channel: 149,
      bandGhz: 5,
      txRateMbps: 585,
    });
  });
  it('Linux iw: frequency gives channel and band', () => {
    expect(parseIwLink(fixture('wifi-linux-iw-link.txt'))).toEqual({
      connected: true,
      ssid: 'Contoso-Corp',
      signalDbm: -72,
      channel: 6,
      bandGhz: 2.4,
      txRateMbps: 130,
    });
    expect(parseIwLink(fixture('wifi-linux-iw-not-connected.txt')).connected).toBe(false);
  });
  it('channels of 2.4, 5 and 6 GHz frequencies', () => {
    expect([channelOfFrequency(2412), channelOfFrequency(2484), channelOfFrequency(5180), channelOfFrequency(5955)]).toEqual([1, 14, 36, 1]);
  });
});

describe('neighbour tables', () => {
  const expected = [
    { ip: '192.168.1.1', mac: '70:3a:0e:aa:bb:cc' },
    { ip: '192.168.1.23', mac: 'a4:c3:f0:11:22:33' },
  ];
  it('Linux /proc/net/arp keeps complete entries only', () => {
    const list = parseProcNetArp(fixture('arp-linux-proc.txt'));
    expect(list.map(({ ip, mac }) => ({ ip, mac }))).toEqual([...expected, { ip: '192.168.1.77', mac: 'b8:27:eb:01:02:03' }]);
    expect(list[2]?.device).toBe('wlan0');
  });
  it('Linux ip neigh drops FAILED and INCOMPLETE', () => {
    const list = parseIpNeigh(fixture('arp-linux-ip-neigh.txt'));
    expect(list.map((n) => n.ip)).toEqual(['192.168.1.1', '192.168.1.23', 'fe80::723a:eff:feaa:bbcc']);
  });
  it('macOS arp -an pads short MAC bytes and drops broadcast, multicast and incomplete', () => {
    expect(parseBsdArp(fixture('arp-macos.txt')).map(({ ip, mac }) => ({ ip, mac }))).toEqual(expected);
  });
  it('Windows arp -a reads every interface and keeps dynamic entries', () => {
    const list = parseWindowsArp(fixture('arp-windows.txt'));
    expect(list.map(({ ip, mac }) => ({ ip, mac }))).toEqual([...expected, { ip: '10.8.0.1', mac: '00:ff:12:34:56:78' }]);
    expect(list[0]?.device).toBe('192.168.1.50');
  });
});
