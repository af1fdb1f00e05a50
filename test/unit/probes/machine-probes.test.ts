import { describe, expect, it } from 'vitest';
import { probeTargetsSchema } from '../../../shared/probes/probe-schemas';
import { runProbe } from '../../../electron/services/probes/run-probes';
import { hardwareProbe } from '../../../electron/services/probes/probes/hardware-probe';
import { networkConfigProbe } from '../../../electron/services/probes/probes/network-config-probe';
import { pathMtuProbe } from '../../../electron/services/probes/probes/path-mtu-probe';
import { wifiProbe } from '../../../electron/services/probes/probes/wifi-probe';
import { osSupported } from '../../../electron/services/probes/os-support';
import { hostsOfCidr } from '../../../electron/services/probes/cidr';

// Nothing here sends a packet: MTU targets stay on loopback, the gateway is never contacted.
const targets = probeTargetsSchema.parse({ includeGateway: false, mtuTargets: ['127.0.0.1'] });

describe('probes of this machine', () => {
  it('hardware and OS: every declared metric is reported, with sane values', async () => {
    const result = await runProbe(hardwareProbe, { targets });
    expect(result.status).toBe('ok');
    // Every declared metric has a measurement: a real value about this laptop, or the reason there is none.
    for (const name of hardwareProbe.measures) {
      const m = result.measurements?.[name];
      expect(m, name).toBeDefined();
      if (m?.state === 'measured') expect(m.farEnd?.kind, name).toBe('this_device');
      else expect(m?.reason, name).toMatch(/\w{4}/);
      expect(m?.scope, name).toBe('laptop');
    }
    // No placeholder leaves the probe: nothing null, nothing ≤ 0 where only a positive value is real.
    for (const [name, value] of Object.entries(result.metrics)) {
      expect(value, name).not.toBeNull();
      if (['hardware.cpu_speed_ghz', 'hardware.memory_gb', 'hardware.cpu_cores'].includes(name)) expect(value as number, name).toBeGreaterThan(0);
    }
    expect(result.metrics['hardware.cpu_cores']).toBeGreaterThan(0);
    expect(result.metrics['hardware.memory_gb']).toBeGreaterThan(0);
    expect(typeof result.metrics['hardware.os']).toBe('string');
  });

  it('network configuration: interfaces, DNS servers, proxy (credentials redacted)', async () => {
    const before = process.env.HTTPS_PROXY;
    process.env.HTTPS_PROXY = 'http://user:secret@proxy.example:3128';
    try {
      const result = await runProbe(networkConfigProbe, { targets });
      expect(result.status).toBe('ok');
      expect(result.metrics['network.proxy_configured']).toBe(true);
      expect(JSON.stringify(result.details)).not.toContain('secret');
      expect((result.details.proxies as Record<string, string>).HTTPS_PROXY).toBe('http://proxy.example:3128');
      expect(typeof result.metrics['network.has_gateway']).toBe('boolean');
    } finally {
      if (before === undefined) delete process.env.HTTPS_PROXY;
      else process.env.HTTPS_PROXY = before;
    }
  });

  it('Wi-Fi on a machine without a wireless interface says so', async () => {
    const result = await runProbe(wifiProbe, { targets });
    expect(['ok', 'unsupported']).toContain(result.status);
    if (result.status === 'ok' && result.metrics['wifi.connected'] === false) expect(result.message).toMatch(/Wi-Fi/);
  });

  it('path MTU: without the ping tool the probe is unsupported and says which tool; with it, loopback passes 1500', async () => {
    const result = await runProbe(pathMtuProbe, { targets });
    if (result.status === 'unsupported') expect(result.message).toMatch(/ping tool is not installed/);
    else expect(result.metrics['mtu.path_mtu_bytes']).toBe(1500);
  });

  it('OS support table and CIDR expansion', () => {
    expect(osSupported('Microsoft Windows 10 Pro 10.0.19045', 'win32', '10.0.19045', new Date('2026-01-01'))).toBe(false);
    expect(osSupported('Microsoft Windows 11 Pro', 'win32', '10.0.22631')).toBe(true);
    expect(osSupported('macOS 15.1', 'darwin', '15.1')).toBe(true);
    expect(osSupported('macOS 12.7', 'darwin', '12.7')).toBe(false);
    expect(osSupported('Plan 9', 'linux', '4')).toBeNull();
    expect(hostsOfCidr('192.168.1.0/30')).toEqual(['192.168.1.1', '192.168.1.2']);
    expect(hostsOfCidr('10.0.0.5/32')).toEqual(['10.0.0.5']);
    expect(hostsOfCidr('10.0.0.0/22')).toHaveLength(1022);
  });
});
