import { describe, expect, it } from 'vitest';
import type { Measurement } from '../../../shared/probes/measurement';
import { probeTargetsSchema, type ProbeResult, type ProbeTargetsInput } from '../../../shared/probes/probe-schemas';
import type { ProbeDefinition } from '../../../electron/services/probes/probe-definition';
import { runProbe } from '../../../electron/services/probes/run-probes';
import { hardwareProbe } from '../../../electron/services/probes/probes/hardware-probe';
import { latencyProbe } from '../../../electron/services/probes/probes/latency-probe';
import { neighboursProbe } from '../../../electron/services/probes/probes/neighbours-probe';
import { networkConfigProbe } from '../../../electron/services/probes/probes/network-config-probe';
import { pathMtuProbe } from '../../../electron/services/probes/probes/path-mtu-probe';
import { wifiProbe } from '../../../electron/services/probes/probes/wifi-probe';
import { failedWith, printed, recordedCommands, type RecordedRule } from './recorded-commands';

/*
 * Windows and macOS probes run through their real code on this Linux machine: only the platform
 * tools are replaced, by a runner answering with the outputs in test/fixtures/probes (German and
 * French ones in the OEM code page a piped Windows tool writes, read back as UTF-8).
 */

const run = async (probe: ProbeDefinition, platform: NodeJS.Platform, rules: readonly RecordedRule[], targets: ProbeTargetsInput = {}, gateway: string | null = null) => {
  const recorded = recordedCommands(rules);
  const result = await runProbe(probe, {
    targets: probeTargetsSchema.parse({ includeGateway: false, ...targets }),
    platform,
    commands: recorded.commands,
    gateway: async () => gateway,
  });
  return { result, calls: recorded.calls };
};

const measurement = (result: ProbeResult, name: string): Measurement => {
  const m = result.measurements?.[name];
  if (!m) throw new Error(`${name} has no measurement`);
  return m;
};

const reasonOf = (result: ProbeResult, name: string): string => {
  const m = measurement(result, name);
  if (m.state === 'measured') throw new Error(`${name} was measured: ${String(m.value)}`);
  return m.reason;
};

/** What a reader sees of a result (its message and every reason) never carries a placeholder word. */
const expectReadable = (result: ProbeResult) => {
  const texts = [result.message, ...Object.values(result.measurements ?? {}).map((m) => (m.state === 'measured' ? String(m.value) : m.reason))];
  for (const text of texts) expect(text).not.toMatch(/\bnull\b|\bundefined\b|\bNaN\b|\[object /);
  for (const m of Object.values(result.measurements ?? {})) if (m.state !== 'measured') expect(m.reason).toMatch(/\w{4}/);
};

const wifiFigures = { 'wifi.connected': true, 'wifi.signal_dbm': -58, 'wifi.channel': 44, 'wifi.band_ghz': 5, 'wifi.tx_rate_mbps': 961 };

describe('Wi-Fi on Windows: the adapter list as JSON first, netsh text for the radio figures', () => {
  const adapter: RecordedRule = { command: 'powershell', argsInclude: 'Get-NetAdapter', answer: printed('powershell-get-netadapter-wifi.json') };
  it.each([['wifi-windows-netsh.txt'], ['wifi-windows-netsh-de.txt'], ['wifi-windows-netsh-fr.txt']])('%s: every figure', async (file) => {
    const { result, calls } = await run(wifiProbe, 'win32', [adapter, { command: 'netsh', answer: printed(file) }]);
    expect(result.status).toBe('ok');
    expect(result.metrics).toEqual(wifiFigures);
    expect(measurement(result, 'wifi.signal_dbm')).toMatchObject({ farEnd: { kind: 'lan_host', target: 'access point of Contoso-Corp' } });
    expect(calls.map((c) => c.split(' ')[0])).toEqual(['powershell', 'netsh']);
    expectReadable(result);
  });
  it('without PowerShell, netsh alone still reads a German machine', async () => {
    const { result } = await run(wifiProbe, 'win32', [{ command: 'powershell', answer: 'missing' }, { command: 'netsh', answer: printed('wifi-windows-netsh-de.txt') }]);
    expect(result.metrics).toEqual(wifiFigures);
    expect(result.details.attempts).toContainEqual({ source: 'PowerShell Get-NetAdapter', outcome: 'missing', why: 'the powershell tool is not installed on this machine' });
  });
  it('netsh in a language the parser does not read: connected and rate from the adapter, the rest says why', async () => {
    const { result } = await run(wifiProbe, 'win32', [adapter, { command: 'netsh', answer: printed('wifi-windows-netsh-es.txt') }]);
    expect(result.metrics).toEqual({ 'wifi.connected': true, 'wifi.tx_rate_mbps': 961 });
    for (const name of ['wifi.signal_dbm', 'wifi.channel', 'wifi.band_ghz']) expect(reasonOf(result, name)).toMatch(/language Groundwork does not read yet \(it reads English, German and French\)/);
    expectReadable(result);
  });
  it.each([['wifi-windows-netsh-disconnected-de.txt'], ['wifi-windows-netsh-disconnected-fr.txt']])('%s: not connected, and the figures say so', async (file) => {
    const { result } = await run(wifiProbe, 'win32', [
      { command: 'powershell', argsInclude: 'Get-NetAdapter', answer: printed('powershell-get-netadapter-wifi-disconnected.json') },
      { command: 'netsh', answer: printed(file) },
    ]);
    expect(result.metrics).toEqual({ 'wifi.connected': false });
    expect(reasonOf(result, 'wifi.signal_dbm')).toBe('the Wi-Fi interface is not connected');
    expectReadable(result);
  });
  it('no Wi-Fi adapter: netsh is not even asked', async () => {
    const { result, calls } = await run(wifiProbe, 'win32', [{ command: 'powershell', answer: printed('powershell-get-netadapter-wifi-none.json') }, { command: 'netsh', answer: printed('wifi-windows-netsh-no-interface-fr.txt') }]);
    expect(result.metrics).toEqual({ 'wifi.connected': false });
    expect(reasonOf(result, 'wifi.channel')).toBe('no Wi-Fi interface on this machine');
    expect(calls).toHaveLength(1);
  });
  it('no PowerShell and a French "no interface" netsh: no Wi-Fi interface', async () => {
    const { result } = await run(wifiProbe, 'win32', [{ command: 'netsh', answer: printed('wifi-windows-netsh-no-interface-fr.txt') }]);
    expect(result.metrics).toEqual({ 'wifi.connected': false });
    expect(reasonOf(result, 'wifi.band_ghz')).toBe('no Wi-Fi interface on this machine');
  });
  it('the WLAN service stopped (German) and no PowerShell: connected is unknown, with why', async () => {
    const { result } = await run(wifiProbe, 'win32', [{ command: 'netsh', answer: printed('wifi-windows-netsh-wlansvc-stopped-de.txt', 1) }]);
    expect(result.metrics).toEqual({});
    expect(reasonOf(result, 'wifi.connected')).toMatch(/netsh exited with code 1/);
    expect(result.message).toMatch(/^The Wi-Fi state could not be read/);
    expectReadable(result);
  });
  it('neither tool there: every metric says why', async () => {
    const { result } = await run(wifiProbe, 'win32', []);
    expect(result.status).toBe('ok');
    expect(reasonOf(result, 'wifi.connected')).toBe('Windows did not tell whether there is Wi-Fi (PowerShell Get-NetAdapter: the powershell tool is not installed on this machine; netsh wlan show interfaces: the netsh tool is not installed on this machine)');
    expectReadable(result);
  });
});

describe('Wi-Fi on macOS: system_profiler JSON, then wdutil, then networksetup', () => {
  const link = { 'wifi.connected': true, 'wifi.signal_dbm': -61, 'wifi.channel': 149, 'wifi.band_ghz': 5, 'wifi.tx_rate_mbps': 585 };
  it('system_profiler -json gives every figure; nothing else is asked', async () => {
    const { result, calls } = await run(wifiProbe, 'darwin', [{ command: 'system_profiler', answer: printed('wifi-macos-system-profiler.json') }]);
    expect(result.metrics).toEqual(link);
    expect(calls).toEqual(['system_profiler SPAirPortDataType -json']);
    expect(result.message).toBe('Connected to Contoso-Guest: -61 dBm, channel 149 (5 GHz), 585 Mbit/s (from system_profiler SPAirPortDataType -json).');
  });
  it('a name hidden by Location Services: the figures stay, the message and details say why there is no name', async () => {
    const { result } = await run(wifiProbe, 'darwin', [{ command: 'system_profiler', answer: printed('wifi-macos-system-profiler-redacted.json') }]);
    expect(result.metrics).toMatchObject({ 'wifi.connected': true, 'wifi.signal_dbm': -67 });
    expect(result.details.ssidNote).toMatch(/Location Services/);
    expect(result.message).toMatch(/^Connected to a network whose name is hidden: -67 dBm/);
    expectReadable(result);
  });
  it('Wi-Fi switched off', async () => {
    const { result } = await run(wifiProbe, 'darwin', [{ command: 'system_profiler', answer: printed('wifi-macos-system-profiler-off.json') }]);
    expect(result.metrics).toEqual({ 'wifi.connected': false });
    expect(reasonOf(result, 'wifi.signal_dbm')).toBe('Wi-Fi is switched off');
  });
  it('system_profiler not answering: wdutil as root reads the same link', async () => {
    const { result } = await run(wifiProbe, 'darwin', [
      { command: 'system_profiler', answer: { stdout: '', code: null } },
      { command: 'wdutil', answer: printed('wifi-macos-wdutil-info.txt') },
    ]);
    expect(result.metrics).toEqual(link);
    expect(result.details.attempts).toContainEqual({ source: 'system_profiler SPAirPortDataType -json', outcome: 'failed', why: 'system_profiler did not finish within 9 s' });
  });
  it('not root and no system_profiler: networksetup gives connected only, and each figure says why', async () => {
    const { result, calls } = await run(wifiProbe, 'darwin', [
      { command: 'system_profiler', answer: 'missing' },
      { command: 'wdutil', answer: failedWith('wifi-macos-wdutil-not-root.txt') },
      { command: 'networksetup', argsInclude: '-listallhardwareports', answer: printed('wifi-macos-networksetup-hardware-ports.txt') },
      { command: 'networksetup', argsInclude: '-getairportnetwork en0', answer: printed('wifi-macos-networksetup.txt') },
    ]);
    expect(calls.map((c) => c.split(' ')[0])).toEqual(['system_profiler', 'wdutil', 'networksetup', 'networksetup']);
    expect(result.metrics).toEqual({ 'wifi.connected': true });
    expect(reasonOf(result, 'wifi.signal_dbm')).toMatch(/^only networksetup answered, and it gives the network name, not the signal, channel or rate \(.*wdutil exited with code 1: wdutil: must be run as root/);
    expect(measurement(result, 'wifi.connected')).toMatchObject({ farEnd: { target: 'access point of Contoso-Guest' } });
    expectReadable(result);
  });
  it('networksetup: no Wi-Fi hardware port is no Wi-Fi interface; not associated is not connected', async () => {
    const base: RecordedRule[] = [{ command: 'system_profiler', answer: 'missing' }, { command: 'wdutil', answer: 'missing' }];
    const none = await run(wifiProbe, 'darwin', [...base, { command: 'networksetup', answer: printed('wifi-macos-networksetup-hardware-ports-no-wifi.txt') }]);
    expect(none.result.metrics).toEqual({ 'wifi.connected': false });
    expect(reasonOf(none.result, 'wifi.channel')).toBe('no Wi-Fi interface on this machine');
    const off = await run(wifiProbe, 'darwin', [
      ...base,
      { command: 'networksetup', argsInclude: '-listallhardwareports', answer: printed('wifi-macos-networksetup-hardware-ports.txt') },
      { command: 'networksetup', argsInclude: '-getairportnetwork', answer: printed('wifi-macos-networksetup-not-associated.txt', 1) },
    ]);
    expect(off.result.metrics).toEqual({ 'wifi.connected': false });
    expect(reasonOf(off.result, 'wifi.channel')).toBe('the Wi-Fi interface is not connected');
  });
});

describe('LAN neighbours on Windows and macOS', () => {
  const three = ['10.8.0.1', '192.168.1.1', '192.168.1.23'];
  const ips = (result: ProbeResult) => (result.details.neighbours as { ip: string }[]).map((n) => n.ip).sort();
  it('Get-NetNeighbor JSON first: arp is not run', async () => {
    const { result, calls } = await run(neighboursProbe, 'win32', [{ command: 'powershell', argsInclude: 'Get-NetNeighbor', answer: printed('powershell-get-netneighbor.json') }, { command: 'arp', answer: printed('arp-windows-de.txt') }]);
    expect(result.metrics).toEqual({ 'neighbours.count': 3 });
    expect(ips(result)).toEqual(three);
    expect(calls).toHaveLength(1);
    expect(reasonOf(result, 'neighbours.sweep_responders')).toBe('no sweep was authorised, so none ran');
  });
  it.each([['arp-windows.txt'], ['arp-windows-de.txt'], ['arp-windows-fr.txt'], ['arp-windows-es.txt']])('no PowerShell: %s gives the same table', async (file) => {
    const { result } = await run(neighboursProbe, 'win32', [{ command: 'arp', answer: printed(file) }]);
    expect(result.metrics['neighbours.count']).toBe(3);
    expect(ips(result)).toEqual(three);
    expect(result.details.source).toBe('arp -a');
  });
  it('Get-NetNeighbor refused (German): arp -a answers, and the details say why PowerShell did not', async () => {
    const { result } = await run(neighboursProbe, 'win32', [
      { command: 'powershell', answer: failedWith('powershell-get-netneighbor-denied-de.txt') },
      { command: 'arp', answer: printed('arp-windows-de.txt') },
    ]);
    expect(result.metrics['neighbours.count']).toBe(3);
    expect(result.details.attempts).toEqual([
      { source: 'PowerShell Get-NetNeighbor', outcome: 'failed', why: 'powershell exited with code 1: Get-NetNeighbor : Zugriff verweigert' },
      { source: 'arp -a', outcome: 'used' },
    ]);
  });
  it('an arp -a that holds no table is not "0 neighbours": null, with what arp said; "no entries" is 0', async () => {
    const { result } = await run(neighboursProbe, 'win32', [{ command: 'arp', answer: { ...printed('arp-windows-error-de.txt'), code: 1 } }]);
    expect(result.metrics).toEqual({});
    expect(reasonOf(result, 'neighbours.count')).toBe('the neighbour table could not be read (arp exited with code 1: Fehler beim Lesen der ARP-Tabelle: Zugriff verweigert.)');
    expect(result.message).toMatch(/^The neighbour table could not be read/);
    expectReadable(result);
    const empty = await run(neighboursProbe, 'win32', [{ command: 'arp', answer: { stdout: 'Keine ARP-Eintr\uFFFDge gefunden.\r\n', code: 1 } }]);
    expect(empty.result.metrics).toEqual({ 'neighbours.count': 0 });
  });
  it('macOS arp -an; with no arp tool the probe says which tool is missing', async () => {
    const mac = await run(neighboursProbe, 'darwin', [{ command: 'arp', answer: printed('arp-macos.txt') }]);
    expect(mac.result.metrics['neighbours.count']).toBe(2);
    const none = await run(neighboursProbe, 'darwin', []);
    expect(none.result.status).toBe('unsupported');
    expect(reasonOf(none.result, 'neighbours.count')).toBe('the arp tool is not installed on this machine');
    expectReadable(none.result);
  });
});

describe('TPM and secure boot', () => {
  const secureBoot: RecordedRule = { command: 'reg', answer: printed('reg-query-secureboot-windows.txt') };
  it('Windows: the unelevated device list finds the TPM; the registry gives Secure Boot', async () => {
    const { result, calls } = await run(hardwareProbe, 'win32', [secureBoot, { command: 'powershell', argsInclude: 'Get-PnpDevice', answer: printed('hardware-windows-pnp-security-devices.json') }]);
    expect(result.metrics).toMatchObject({ 'hardware.tpm_present': true, 'hardware.secure_boot': true });
    expect(calls.some((c) => c.includes('Get-Tpm'))).toBe(false);
  });
  it('Windows: an empty device list is no TPM, a measured fact', async () => {
    const { result } = await run(hardwareProbe, 'win32', [secureBoot, { command: 'powershell', argsInclude: 'Get-PnpDevice', answer: { stdout: '[]' } }]);
    expect(result.metrics['hardware.tpm_present']).toBe(false);
  });
  it.each([['powershell-get-tpm-denied-de.txt'], ['powershell-get-tpm-denied-fr.txt']])('Windows, unelevated (%s): the TPM is null and says it needs an elevated shell', async (denied) => {
    const { result, calls } = await run(hardwareProbe, 'win32', [
      { command: 'reg', answer: failedWith('reg-query-secureboot-missing-de.txt') },
      { command: 'powershell', argsInclude: 'Get-PnpDevice', answer: failedWith('powershell-get-pnpdevice-error-fr.txt') },
      { command: 'powershell', argsInclude: 'Get-Tpm', answer: failedWith(denied) },
    ]);
    expect(calls.filter((c) => c.startsWith('powershell')).map((c) => (c.includes('Get-Tpm') ? 'Get-Tpm' : 'Get-PnpDevice'))).toEqual(['Get-PnpDevice', 'Get-Tpm']);
    expect(result.metrics['hardware.tpm_present']).toBeUndefined();
    expect(reasonOf(result, 'hardware.tpm_present')).toBe('TPM state needs an elevated shell: Get-Tpm was refused, and the device list gave no answer');
    expect(reasonOf(result, 'hardware.secure_boot')).toBe('Windows keeps no Secure Boot state on this machine (it booted in legacy BIOS mode, or the firmware has no Secure Boot)');
    expectReadable(result);
  });
  it('Windows, elevated: Get-Tpm answers when the device list does not', async () => {
    const { result } = await run(hardwareProbe, 'win32', [
      secureBoot,
      { command: 'powershell', argsInclude: 'Get-PnpDevice', answer: failedWith('powershell-get-pnpdevice-error-fr.txt') },
      { command: 'powershell', argsInclude: 'Get-Tpm', answer: { stdout: '{"TpmPresent":true,"TpmReady":true}' } },
    ]);
    expect(result.metrics['hardware.tpm_present']).toBe(true);
  });
  it('Windows without PowerShell or reg: both null, each naming the missing tool', async () => {
    const { result } = await run(hardwareProbe, 'win32', []);
    expect(reasonOf(result, 'hardware.tpm_present')).toBe('the TPM could not be checked: the powershell tool is not installed on this machine');
    expect(reasonOf(result, 'hardware.secure_boot')).toBe('the reg tool is not installed on this machine');
    expectReadable(result);
  });
  it('macOS with a T2 chip: secure boot from its policy; the TPM says why a Mac has none', async () => {
    const { result } = await run(hardwareProbe, 'darwin', [
      { command: 'system_profiler', answer: printed('hardware-macos-ibridge.json') },
      { command: 'sysctl', answer: { stderr: "sysctl: unknown oid 'hw.optional.arm64'", code: 1 } },
    ]);
    expect(result.metrics['hardware.secure_boot']).toBe(true);
    expect(reasonOf(result, 'hardware.tpm_present')).toMatch(/^Macs have no TPM: the Secure Enclave/);
  });
  it('macOS on Apple silicon: secure boot is null and says macOS does not expose it', async () => {
    const { result } = await run(hardwareProbe, 'darwin', [
      { command: 'system_profiler', answer: printed('hardware-macos-ibridge-apple-silicon.json') },
      { command: 'sysctl', answer: { stdout: '1\n' } },
    ]);
    expect(reasonOf(result, 'hardware.secure_boot')).toMatch(/^macOS does not expose secure boot state to unprivileged tools on Apple silicon/);
    expectReadable(result);
  });
  it('an Intel Mac without a T2 chip has no secure boot: false, measured', async () => {
    const { result } = await run(hardwareProbe, 'darwin', [
      { command: 'system_profiler', answer: printed('hardware-macos-ibridge-apple-silicon.json') },
      { command: 'sysctl', answer: { stdout: '0\n' } },
    ]);
    expect(result.metrics['hardware.secure_boot']).toBe(false);
  });
});

describe('echo and path MTU through Windows tools', () => {
  // RFC 6666's discard-only prefix: nothing answers TCP there, so the probe falls back to the echo.
  const gateway = '100::1';
  it.each([
    ['PowerShell (.NET Ping)', [{ command: 'powershell', argsInclude: 'NetworkInformation.Ping', answer: printed('powershell-ping.json') }]],
    ['German ping, PowerShell missing', [{ command: 'ping', answer: printed('ping-windows-de.txt') }]],
    ['French ping, PowerShell failing', [{ command: 'powershell', answer: { stderr: 'x', code: 1 } }, { command: 'ping', answer: printed('ping-windows-fr.txt') }]],
  ] as [string, RecordedRule[]][])('a gateway that drops TCP is pinged: %s', async (_label, rules) => {
    const { result } = await run(latencyProbe, 'win32', rules, { includeGateway: true, latencyCount: 3, latencyIntervalMs: 5 }, gateway);
    expect(result.metrics['latency.gateway_rtt_ms_p50']).toBe(2);
    expect((result.details.targets as { method: string }[])[0]?.method).toBe('icmp-ping');
  });
  it.each([['df-ping-windows-too-big.txt'], ['df-ping-windows-too-big-de.txt'], ['df-ping-windows-too-big-fr.txt']])('path MTU 1400 found by halving, the refusal in %s', async (tooBig) => {
    const { result, calls } = await run(pathMtuProbe, 'win32', [
      {
        command: 'ping',
        answer: (args) => {
          const payload = Number(args[args.indexOf('-l') + 1]);
          return printed(payload + 28 <= 1400 ? 'ping-windows-de.txt' : tooBig);
        },
      },
    ], { mtuTargets: ['198.51.100.7'] });
    expect(result.metrics['mtu.path_mtu_bytes']).toBe(1400);
    expect(calls.every((c) => c.startsWith('ping -4 -f -l '))).toBe(true);
  });
});

describe('echo and path MTU through macOS tools', () => {
  it('path MTU 1400 by halving with ping -D; a gateway that drops TCP is pinged', async () => {
    const mtu = await run(pathMtuProbe, 'darwin', [
      { command: 'ping', answer: (args) => printed(Number(args[args.indexOf('-s') + 1]) + 28 <= 1400 ? 'ping-macos.txt' : 'df-ping-macos-too-big.txt') },
    ], { mtuTargets: ['198.51.100.7'] });
    expect(mtu.result.metrics['mtu.path_mtu_bytes']).toBe(1400);
    expect(mtu.calls.every((c) => c.startsWith('ping -D -s '))).toBe(true);
    const latency = await run(latencyProbe, 'darwin', [{ command: 'ping', answer: printed('ping-macos.txt') }], { includeGateway: true, latencyCount: 3, latencyIntervalMs: 5 }, '100::1');
    // ping-macos.txt's four replies: 2.871–4.006 ms.
    expect(latency.result.metrics['latency.gateway_rtt_ms_p50']).toBeGreaterThan(2.8);
    expect(latency.result.metrics['latency.gateway_rtt_ms_p50']).toBeLessThan(4.1);
    expect((latency.result.details.targets as { method: string }[])[0]?.method).toBe('icmp-ping');
  });
});

describe('network configuration on Windows', () => {
  it('the MTU comes from Get-NetIPInterface; without it, the reason says so', async () => {
    const { result } = await run(networkConfigProbe, 'win32', [{ command: 'powershell', argsInclude: 'Get-NetIPInterface', answer: printed('powershell-get-netipinterface.json') }]);
    // This machine's interface names are not the fixture's: the connected interface with the lowest metric (the VPN) is taken.
    expect(result.metrics['network.mtu']).toBe(1400);
    expect(result.details.mtuSource).toBe('Get-NetIPInterface (VPN - Contoso)');
    const none = await run(networkConfigProbe, 'win32', []);
    expect(none.result.metrics['network.mtu']).toBeDefined(); // this Linux machine's own interface still answers
    expect(none.result.details.mtuSource).toBeNull();
  });
});
