import { describe, expect, it } from 'vitest';
import { parseBsdArp, parseGetNetNeighborJson, parseIpNeigh, parseProcNetArp, parseWindowsArp } from '../../../electron/services/probes/parsers/arp-output';
import { parseGetNetIPInterfaceJson, parsePowerShellPing, powershellArgs, tpmOfPnpDevices, windowsPingScript } from '../../../electron/services/probes/parsers/powershell-output';
import { dfPingCommand, parseDfPingOutput, parsePingOutput, pingCommand } from '../../../electron/services/probes/parsers/ping-output';
import {
  channelOfFrequency,
  parseIwLink,
  parseNetshWlan,
  parseNetworksetupAirport,
  parseSystemProfilerAirport,
  parseSystemProfilerAirportJson,
  parseWdutilInfo,
  wifiDeviceOfHardwarePorts,
} from '../../../electron/services/probes/parsers/wifi-output';
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

/*
 * German and French Windows outputs, written (not captured) from those tools' known wording and
 * saved in code page 850, as a piped Windows console tool writes them: read as UTF-8 (as the probes
 * read a child's output), every accented letter is a replacement character, and must not matter.
 */
describe('Windows ping in English, German and French', () => {
  it.each([['ping-windows.txt'], ['ping-windows-de.txt'], ['ping-windows-fr.txt']])('%s: replies, loss and summary', (file) => {
    const r = parsePingOutput(fixture(file), 'win32');
    expect(r.rtts).toEqual([2, 0.5, 3]);
    expect(r).toMatchObject({ sent: 4, received: 3, lossPct: 25, minMs: 0, maxMs: 3, avgMs: 1, unreachable: false });
  });
  it('the German and French fixtures are OEM bytes, so the accented letters really are lost in decoding', () => {
    expect(fixture('ping-windows-de.txt')).toContain('Zeit\uFFFDberschreitung');
    expect(fixture('wifi-windows-netsh-fr.txt')).toContain('\uFFFDtat');
  });
  it.each([['ping-windows-de-unknown-host.txt'], ['ping-windows-fr-unknown-host.txt']])('%s: an unknown host is unreachable, not zero loss', (file) => {
    expect(parsePingOutput(fixture(file), 'win32')).toMatchObject({ rtts: [], unreachable: true });
  });
  it.each([['ping-windows-de-unreachable.txt'], ['ping-windows-fr-unreachable.txt']])('%s: "destination unreachable" replies are not echoes (Windows counts them received)', (file) => {
    expect(parsePingOutput(fixture(file), 'win32')).toMatchObject({ sent: 4, received: 0, lossPct: 100, rtts: [], unreachable: true });
  });
  it.each([['df-ping-windows-too-big-de.txt'], ['df-ping-windows-too-big-fr.txt']])("%s: don't-fragment too big", (file) => {
    expect(parseDfPingOutput(fixture(file), 'win32')).toMatchObject({ passed: false, tooBig: true });
  });
});

describe('Windows echo objects as JSON (PowerShell; the same in every display language)', () => {
  it.each([['powershell-ping.json'], ['powershell7-test-connection.json'], ['powershell51-test-connection.json']])('%s: three answers of four, under 1 ms as half', (file) => {
    expect(parsePowerShellPing(fixture(file))).toMatchObject({ sent: 4, received: 3, lossPct: 25, rtts: [2, 0.5, 3], unreachable: false });
  });
  it('a name that does not resolve says so', () => {
    expect(parsePowerShellPing(fixture('powershell-ping-unknown-host.json'))).toMatchObject({ rtts: [], unreachable: true, error: 'the name could not be resolved' });
  });
  it('the host inside the script is refused when it could break out of the quotes or read as an option', () => {
    expect(windowsPingScript('192.168.1.1', 4, 1000, 200)).toContain("$p.Send('192.168.1.1', 1000)");
    for (const bad of ["x'; Remove-Item C:\\ -Recurse; '", '-c', 'a b', '$(calc)', ''])
      expect(() => windowsPingScript(bad, 4, 1000, 200), bad).toThrow(RangeError);
    expect(powershellArgs('Get-Date')[5]).toMatch(/^\[Console\]::OutputEncoding = \[System\.Text\.Encoding\]::UTF8; Get-Date$/);
  });
});

describe('Windows neighbour table in English, German and French, and as Get-NetNeighbor JSON', () => {
  const expected = [
    { ip: '192.168.1.1', mac: '70:3a:0e:aa:bb:cc', device: '192.168.1.50' },
    { ip: '192.168.1.23', mac: 'a4:c3:f0:11:22:33', device: '192.168.1.50' },
    { ip: '10.8.0.1', mac: '00:ff:12:34:56:78', device: '10.8.0.2' },
  ];
  it.each([['arp-windows.txt'], ['arp-windows-de.txt'], ['arp-windows-fr.txt']])('%s: dynamic entries of every interface', (file) => {
    expect(parseWindowsArp(fixture(file))).toEqual(expected);
  });
  it('Get-NetNeighbor: learnt entries (named or numbered states), not unreachable, broadcast or multicast', () => {
    expect(parseGetNetNeighborJson(fixture('powershell-get-netneighbor.json'))).toEqual([
      { ip: '192.168.1.1', mac: '70:3a:0e:aa:bb:cc', device: 'WLAN' },
      { ip: '192.168.1.23', mac: 'a4:c3:f0:11:22:33', device: 'WLAN' },
      { ip: '10.8.0.1', mac: '00:ff:12:34:56:78', device: 'VPN - Contoso' },
    ]);
  });
  it('Get-NetIPInterface: MTU per interface, the loopback pseudo-interface has none', () => {
    const list = parseGetNetIPInterfaceJson(fixture('powershell-get-netipinterface.json'));
    expect(list.map((i) => [i.alias, i.mtu, i.connected, i.dhcp])).toEqual([
      ['WLAN', 1500, true, true],
      ['VPN - Contoso', 1400, true, false],
      ['Ethernet', 1500, false, true],
      ['Loopback Pseudo-Interface 1', null, true, false],
    ]);
  });
  it('a TPM seen by Plug and Play without elevation (ACPI MSFT0101)', () => {
    expect(tpmOfPnpDevices(fixture('hardware-windows-pnp-security-devices.json'))).toBe(true);
    expect(tpmOfPnpDevices('')).toBe(false);
  });
});

describe('Windows netsh wlan in English, German and French', () => {
  it.each([['wifi-windows-netsh.txt'], ['wifi-windows-netsh-de.txt'], ['wifi-windows-netsh-fr.txt']])('%s: connected, with every figure', (file) => {
    expect(parseNetshWlan(fixture(file))).toEqual({ connected: true, ssid: 'Contoso-Corp', signalDbm: -58, channel: 44, bandGhz: 5, txRateMbps: 961 });
  });
  it.each([['wifi-windows-netsh-disconnected.txt'], ['wifi-windows-netsh-disconnected-de.txt'], ['wifi-windows-netsh-disconnected-fr.txt']])('%s: not connected', (file) => {
    expect(parseNetshWlan(fixture(file))).toMatchObject({ connected: false, ssid: null });
  });
});

describe('macOS Wi-Fi: system_profiler JSON first, wdutil as root, networksetup for the name', () => {
  const link = { connected: true, ssid: 'Contoso-Guest', signalDbm: -61, channel: 149, bandGhz: 5, txRateMbps: 585 };
  it('system_profiler -json: the current network, the same as its text form', () => {
    expect(parseSystemProfilerAirportJson(fixture('wifi-macos-system-profiler.json'))).toEqual(link);
    expect(parseSystemProfilerAirportJson(fixture('wifi-macos-system-profiler.json'))).toEqual(parseSystemProfilerAirport(fixture('wifi-macos-system-profiler.txt')));
  });
  it('system_profiler -json: a redacted name is no name, the link figures stay; Wi-Fi off is not connected', () => {
    expect(parseSystemProfilerAirportJson(fixture('wifi-macos-system-profiler-redacted.json'))).toEqual({ connected: true, ssid: null, signalDbm: -67, channel: 6, bandGhz: 2.4, txRateMbps: 144 });
    expect(parseSystemProfilerAirportJson(fixture('wifi-macos-system-profiler-off.json'))).toMatchObject({ connected: false });
  });
  it('wdutil info: RSSI, rate and 5g149/80 channel notation; power off is not connected', () => {
    expect(parseWdutilInfo(fixture('wifi-macos-wdutil-info.txt'))).toEqual(link);
    expect(parseWdutilInfo(fixture('wifi-macos-wdutil-off.txt'))).toMatchObject({ connected: false });
  });
  it('networksetup: the Wi-Fi device, then its network name or "not associated"', () => {
    expect(wifiDeviceOfHardwarePorts(fixture('wifi-macos-networksetup-hardware-ports.txt'))).toBe('en0');
    expect(parseNetworksetupAirport(fixture('wifi-macos-networksetup.txt'))).toEqual({ associated: true, ssid: 'Contoso-Guest' });
    expect(parseNetworksetupAirport(fixture('wifi-macos-networksetup-not-associated.txt'))).toEqual({ associated: false, ssid: null });
  });
});
