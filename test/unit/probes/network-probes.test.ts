import dgram from 'node:dgram';
import dnsModule from 'node:dns';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { probeTargetsSchema, type ProbeTargetsInput } from '../../../shared/probes/probe-schemas';
import type { ProbeDefinition } from '../../../electron/services/probes/probe-definition';
import { runProbe } from '../../../electron/services/probes/run-probes';
import { makeAiEndpointsProbe } from '../../../electron/services/probes/probes/ai-endpoints-probe';
import { dnsProbe } from '../../../electron/services/probes/probes/dns-probe';
import { latencyProbe } from '../../../electron/services/probes/probes/latency-probe';
import { neighboursProbe } from '../../../electron/services/probes/probes/neighbours-probe';
import { ntpProbe } from '../../../electron/services/probes/probes/ntp-probe';
import { startReflector } from '../../../electron/services/probes/throughput/reflector-server';
import { publicRootFingerprints } from '../../../electron/services/probes/tls-chain';
import crypto from 'node:crypto';
import { makeCertificates, startDnsServer, startHttpsServer, startSntpServer } from './local-servers';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const run = (probe: ProbeDefinition, targets: ProbeTargetsInput, lookup?: (host: string) => Promise<string>) =>
  runProbe(probe, { targets: probeTargetsSchema.parse({ includeGateway: false, ...targets }), ...(lookup ? { lookup } : {}) });

/**
 * Names are resolved by a DNS server on loopback: no query may leave the machine. (dns.lookup of
 * `localhost` is answered from /etc/hosts.)
 */
const loopbackLookup = (server: string) => {
  const resolver = new dnsModule.promises.Resolver({ timeout: 1000, tries: 1 });
  resolver.setServers([server]);
  return async (host: string) => (await resolver.resolve4(host))[0] as string;
};

/** A loopback UDP port with nothing behind it: datagrams vanish (ICMP port unreachable). */
const deadUdpPort = async (): Promise<number> => {
  const s = dgram.createSocket('udp4');
  await new Promise<void>((r) => s.bind(0, '127.0.0.1', () => r()));
  const port = s.address().port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
};

const tcpListener = async (): Promise<number> => {
  const server = net.createServer((s) => s.destroy());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  cleanups.push(() => new Promise((r) => server.close(() => r())));
  return (server.address() as net.AddressInfo).port;
};

describe('latency probe', () => {
  it('times UDP echo to a reflector and TCP connects to a host; a silent target is 100 % loss, not an error', async () => {
    const reflector = await startReflector({ port: 0, host: '127.0.0.1' });
    cleanups.push(() => reflector.close());
    const port = await tcpListener();
    const dead = await deadUdpPort();
    const result = await run(latencyProbe, {
      reflector: `127.0.0.1:${reflector.port}`,
      hosts: [`127.0.0.1:${port}`],
      latencyCount: 10,
    });
    expect(result.status).toBe('ok');
    const targets = result.details.targets as { target: string; method: string; rttMsP50: number; lossPct: number; jitterMs: number }[];
    expect(targets.map((t) => t.method)).toEqual(['udp-echo', 'tcp-connect']);
    for (const t of targets) {
      expect(t.lossPct).toBe(0);
      expect(t.rttMsP50).toBeGreaterThan(0);
      expect(t.rttMsP50).toBeLessThan(20);
      expect(t.jitterMs).toBeGreaterThanOrEqual(0);
    }
    expect(result.samples.filter((s) => s.series === `rtt:127.0.0.1:${reflector.port}`)).toHaveLength(10);

    const silent = await run(latencyProbe, { reflector: `127.0.0.1:${dead}`, latencyCount: 5 });
    expect(silent.status).toBe('ok');
    expect(silent.metrics['latency.loss_pct']).toBe(100);
    // No answer is no value: it never reaches `metrics` as a number, and says why.
    expect(silent.metrics).not.toHaveProperty(['latency.rtt_ms_p50']);
    expect(silent.measurements?.['latency.rtt_ms_p50']).toMatchObject({ state: 'not_measurable', reason: expect.stringMatching(/no answer from 127\.0\.0\.1/) });
    // Measured against loopback: a figure about this laptop, not the LAN or the internet.
    expect(silent.measurements?.['latency.loss_pct']).toEqual({ state: 'measured', value: 100, scope: 'laptop', farEnd: { kind: 'loopback', target: `127.0.0.1:${dead}` } });
    expect(silent.message).toMatch(/No answer from 127\.0\.0\.1/);
    expect(silent.durationMs).toBeLessThan(3000);
  });

  it('with no targets and no gateway it says so', async () => {
    const result = await run(latencyProbe, {});
    expect(result.status).toBe('failed');
    expect(result.message).toMatch(/No latency targets/);
  });
});

describe('DNS probe', () => {
  it('times the OS resolver and a direct resolver, cold and warm', async () => {
    const dns = await startDnsServer({ localhost: '127.0.0.1' }, 5);
    cleanups.push(() => dns.close());
    const result = await run(dnsProbe, { dnsNames: ['localhost'], resolvers: [dns.server] });
    expect(result.status).toBe('ok');
    expect(dns.queries()).toBe(4);
    expect(result.metrics['dns.resolve_ms_p50']).toBeGreaterThanOrEqual(4);
    expect(result.metrics['dns.resolve_cold_ms']).toBeGreaterThanOrEqual(4);
    expect(result.metrics['dns.lookup_ms_p50']).toBeGreaterThanOrEqual(0);
    expect(result.metrics['dns.failure_pct']).toBe(0);
    expect(result.samples.filter((s) => s.series === `warm:${dns.server}`)).toHaveLength(3);
  });

  it('a resolver that does not answer is reported per name, not thrown', async () => {
    const dead = await deadUdpPort();
    const result = await run(dnsProbe, { dnsNames: ['localhost'], resolvers: [`127.0.0.1:${dead}`] });
    expect(result.status).toBe('ok');
    expect(result.metrics).not.toHaveProperty(['dns.resolve_ms_p50']);
    // The OS's own servers were not the ones asked, so the OS lookups still ran (and answered).
    expect(result.measurements?.['dns.resolve_ms_p50']).toMatchObject({ state: 'not_measurable', reason: expect.stringMatching(/^127\.0\.0\.1:\d+: DNS (silent: no answer within 3\.0 s|refused)/) });
    expect(result.message).toMatch(/localhost via 127\.0\.0\.1:\d+ \(DNS (silent|refused)/);
    expect(result.metrics['dns.lookup_ms_p50']).toBeGreaterThanOrEqual(0);
  });
});

describe('AI endpoint probe', () => {
  it('times DNS, connect, TLS and first byte; a private CA chain is flagged as interception', async () => {
    const certs = makeCertificates();
    const server = await startHttpsServer(certs, 30);
    cleanups.push(() => server.close());
    const closedPort = await tcpListener();
    const result = await run(makeAiEndpointsProbe(), { aiEndpoints: [server.url, `https://127.0.0.1:${closedPort}/`] });
    expect(result.status).toBe('ok');
    const [ok, broken] = result.details.endpoints as { tlsMs: number; ttfbMs: number; httpStatus: number; tlsIntercepted: boolean; tlsAuthorized: boolean; error: string | null; chain: string[] }[];
    expect(ok).toMatchObject({ httpStatus: 401, tlsIntercepted: true, tlsAuthorized: false, error: null });
    expect(ok?.chain).toEqual(['localhost', 'Groundwork Test Inspection CA, Test Proxy']);
    expect(ok?.ttfbMs).toBeGreaterThanOrEqual(25);
    expect(ok?.tlsMs).toBeGreaterThan(0);
    expect(broken?.error).toMatch(/reset|closed|first byte|TLS/i);
    expect(result.metrics).toMatchObject({ 'ai.endpoints_reachable': 1, 'ai.endpoints_total': 2, 'ai.tls_intercepted': true });
    expect(result.message).toMatch(/TLS interception suspected on 127\.0\.0\.1/);
  });

  it('a chain ending in a trusted root is not flagged', async () => {
    const certs = makeCertificates();
    const server = await startHttpsServer(certs);
    cleanups.push(() => server.close());
    const roots = new Set([...publicRootFingerprints(), new crypto.X509Certificate(certs.caPem).fingerprint256]);
    const result = await run(makeAiEndpointsProbe({ roots: () => roots }), { aiEndpoints: [server.url] });
    expect(result.metrics['ai.tls_intercepted']).toBe(false);
  });

  it('a name that does not resolve gives a plain reason', async () => {
    const dns = await startDnsServer({});
    cleanups.push(() => dns.close());
    const result = await run(makeAiEndpointsProbe(), { aiEndpoints: ['https://no-such-host.invalid/'] }, loopbackLookup(dns.server));
    expect(result.metrics['ai.endpoints_reachable']).toBe(0);
    expect(result.message).toMatch(/no-such-host\.invalid \(DNS could not resolve the name\)/);
  });
});

describe('NTP probe', () => {
  it('measures the offset against an SNTP server within a few ms', async () => {
    const sntp = await startSntpServer(-1500);
    cleanups.push(() => sntp.close());
    const result = await run(ntpProbe, { ntpServer: sntp.target });
    expect(result.status).toBe('ok');
    expect(result.metrics['ntp.offset_ms']).toBeGreaterThan(1495);
    expect(result.metrics['ntp.offset_ms']).toBeLessThan(1505);
    expect(result.metrics['ntp.stratum']).toBe(2);
    expect(result.message).toMatch(/ahead of/);
  });

  it('a silent server fails with a reason, within its time', async () => {
    const sntp = await startSntpServer(0, { silent: true });
    cleanups.push(() => sntp.close());
    const result = await run(ntpProbe, { ntpServer: sntp.target });
    expect(result.status).toBe('failed');
    expect(result.message).toMatch(/did not answer/);
  });
});

describe('neighbours probe', () => {
  it('reads the table and sweeps only the authorised scope, recording who authorised it', async () => {
    await tcpListener();
    const plain = await run(neighboursProbe, {});
    expect(plain.status).toBe('ok');
    expect(plain.metrics).not.toHaveProperty(['neighbours.sweep_responders']);
    expect(plain.measurements?.['neighbours.sweep_responders']).toMatchObject({ state: 'not_measurable', reason: 'no sweep was authorised, so none ran' });
    const port = await tcpListener();
    const swept = await run(neighboursProbe, { sweep: { authorisedBy: 'J. Smith, IT lead', scope: '127.0.0.1/32', reason: 'asset list', ports: [port] } });
    expect(swept.metrics['neighbours.sweep_responders']).toBe(1);
    expect(swept.details.sweep).toMatchObject({ authorisedBy: 'J. Smith, IT lead', scope: '127.0.0.1/32', responders: ['127.0.0.1'] });
  });

  it('refuses a sweep scope wider than /22 or without who authorised it', () => {
    expect(probeTargetsSchema.safeParse({ sweep: { authorisedBy: 'x', scope: '10.0.0.0/16' } }).success).toBe(false);
    expect(probeTargetsSchema.safeParse({ sweep: { authorisedBy: ' ', scope: '10.0.0.0/24' } }).success).toBe(false);
  });
});
