import dnsModule from 'node:dns';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { probeTargetsSchema, type ProbeTargetsInput } from '../../../shared/probes/probe-schemas';
import { parseScutilProxy, parseWindowsInternetSettings } from '../../../electron/services/probes/parsers/proxy-output';
import type { ProxyPlan } from '../../../electron/services/probes/proxy-settings';
import { routeFor } from '../../../electron/services/probes/proxy-settings';
import { makeAiEndpointsProbe, type EndpointResult } from '../../../electron/services/probes/probes/ai-endpoints-probe';
import { runProbe } from '../../../electron/services/probes/run-probes';
import { startConnectProxy } from '../../support/connect-proxy';
import { fixture } from './fixture';
import { makeCertificates, startDnsServer, startHttpsServer } from './local-servers';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Sets proxy variables for one test and puts the environment back after it. */
const withEnv = (values: Record<string, string>) => {
  const names = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy', 'NO_PROXY', 'no_proxy'];
  const saved = Object.fromEntries(names.map((n) => [n, process.env[n]]));
  for (const n of names) delete process.env[n];
  Object.assign(process.env, values);
  cleanups.push(() => {
    for (const n of names) {
      if (saved[n] === undefined) delete process.env[n];
      else process.env[n] = saved[n];
    }
  });
};

/**
 * The endpoint's name exists only in the proxy's table: the laptop's resolver (a DNS server on
 * loopback with no records) cannot resolve it, so direct fails and only the proxy gets through,
 * as on a site whose only way out is its proxy.
 */
const proxiedSite = async (proxyOptions: { credentials?: string } = {}) => {
  const certs = makeCertificates();
  const server = await startHttpsServer(certs);
  cleanups.push(() => server.close());
  const port = new URL(server.url).port;
  const proxy = await startConnectProxy({ host: '127.0.0.1', names: { 'api.ai-vendor.test': '127.0.0.1' }, ...proxyOptions });
  cleanups.push(() => proxy.close());
  const dns = await startDnsServer({});
  cleanups.push(() => dns.close());
  const resolver = new dnsModule.promises.Resolver({ timeout: 1000, tries: 1 });
  resolver.setServers([dns.server]);
  const lookup = async (host: string) => (await resolver.resolve4(host))[0] as string;
  return { url: `https://api.ai-vendor.test:${port}/v1/models`, proxy, lookup };
};

const run = (targets: ProbeTargetsInput, lookup: (h: string) => Promise<string>, proxyPlan?: () => Promise<ProxyPlan>) =>
  runProbe(makeAiEndpointsProbe(proxyPlan ? { proxyPlan } : {}), { targets: probeTargetsSchema.parse({ includeGateway: false, ...targets }), lookup });

const endpointsOf = (details: Record<string, unknown>) => details.endpoints as EndpointResult[];

describe('AI endpoints through a proxy (a real CONNECT proxy on loopback)', () => {
  it('HTTPS_PROXY: reachable only through the proxy, direct and proxied reported side by side', async () => {
    const site = await proxiedSite();
    withEnv({ HTTPS_PROXY: site.proxy.url });
    const result = await run({ aiEndpoints: [site.url] }, site.lookup);
    expect(result.status).toBe('ok');
    const [endpoint] = endpointsOf(result.details);
    expect(endpoint).toMatchObject({ route: 'proxy', proxy: site.proxy.url, routeDecidedBy: 'HTTPS_PROXY', reachableDirect: false, reachableViaProxy: true, httpStatus: 401, error: null });
    expect(endpoint?.direct.error).toBe('DNS could not resolve the name');
    expect(endpoint?.viaProxy?.tunnelMs).toBeGreaterThan(0);
    expect(endpoint?.viaProxy?.tlsMs).toBeGreaterThan(0);
    expect(site.proxy.tunnels()).toEqual([`api.ai-vendor.test:${new URL(site.url).port}`]);
    expect(result.metrics).toMatchObject({ 'ai.endpoints_reachable': 1, 'ai.endpoints_reachable_direct': 0, 'ai.endpoints_reachable_via_proxy': 1 });
    expect(result.message).toMatch(/Reachable only through the proxy: api\.ai-vendor\.test:\d+ \(direct: DNS could not resolve the name\)/);
  });

  it('a proxy demanding credentials: 407 is the proxy speaking; credentials in the URL get through and are never shown', async () => {
    const site = await proxiedSite({ credentials: 'fieldkit:s3cret' });
    withEnv({ HTTPS_PROXY: site.proxy.url });
    const refused = await run({ aiEndpoints: [site.url] }, site.lookup);
    expect(refused.status).toBe('failed');
    expect(endpointsOf(refused.details)[0]?.viaProxy?.error).toBe('the proxy asks for credentials (407 Proxy Authentication Required)');
    expect(endpointsOf(refused.details)[0]?.httpStatus).toBeNull();
    expect(site.proxy.refusals()).toBe(1);

    withEnv({ HTTPS_PROXY: `http://fieldkit:s3cret@127.0.0.1:${site.proxy.port}` });
    const allowed = await run({ aiEndpoints: [site.url] }, site.lookup);
    expect(allowed.metrics['ai.endpoints_reachable_via_proxy']).toBe(1);
    expect(JSON.stringify(allowed)).not.toMatch(/s3cret|fieldkit/);
  });

  it('NO_PROXY covering the host: checked direct only, and with nothing reachable the status is failed', async () => {
    const site = await proxiedSite();
    withEnv({ HTTPS_PROXY: site.proxy.url, NO_PROXY: '.ai-vendor.test' });
    const result = await run({ aiEndpoints: [site.url] }, site.lookup);
    expect(result.status).toBe('failed');
    expect(endpointsOf(result.details)[0]).toMatchObject({ route: 'direct', routeDecidedBy: 'NO_PROXY', viaProxy: null, reachableViaProxy: null });
    expect(site.proxy.tunnels()).toEqual([]);
    expect(result.measurements?.['ai.endpoints_reachable_via_proxy']).toMatchObject({ reason: "the environment's NO_PROXY covers these endpoints, so they were checked direct" });
    expect(result.metrics['ai.endpoints_reachable']).toBe(0);
  });

  it('a dead proxy and no direct route: failed, and each route says why', async () => {
    const site = await proxiedSite();
    const closed = net.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const deadPort = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    withEnv({ HTTPS_PROXY: `http://127.0.0.1:${deadPort}` });
    const result = await run({ aiEndpoints: [site.url] }, site.lookup);
    expect(result.status).toBe('failed');
    const [endpoint] = endpointsOf(result.details);
    expect(endpoint?.viaProxy?.error).toBe('connection refused');
    expect(endpoint?.direct.error).toBe('DNS could not resolve the name');
    expect(result.message).toMatch(/Unreachable: api\.ai-vendor\.test:\d+ \(connection refused\)/);
  });

  it('the OS settings (macOS scutil output) route through their proxy and report the PAC file', async () => {
    const site = await proxiedSite();
    withEnv({});
    const scutil = fixture('proxy-macos-scutil.txt').replaceAll('proxy.contoso.com', '127.0.0.1').replaceAll(/HTTPSPort : \d+/g, `HTTPSPort : ${site.proxy.port}`);
    const os = parseScutilProxy(scutil);
    const result = await run({ aiEndpoints: [site.url] }, site.lookup, async () => ({ environment: [], osSource: 'macOS network settings (scutil --proxy)', os, osUnknown: null }));
    expect(endpointsOf(result.details)[0]).toMatchObject({ route: 'proxy', routeDecidedBy: 'macOS network settings (scutil --proxy)', reachableViaProxy: true });
    expect(result.details.proxy).toMatchObject({ pacUrl: 'http://wpad.contoso.com/wpad.dat', pacEvaluated: false });
    expect(result.message).toMatch(/A PAC file is configured \(http:\/\/wpad\.contoso\.com\/wpad\.dat\); Groundwork does not run it/);
  });
});

describe('OS proxy settings parsers (reg and scutil print these names untranslated in every display language)', () => {
  it('Windows Internet Settings: one proxy for all schemes, the bypass list with <local>, the PAC URL; subkeys ignored', () => {
    const s = parseWindowsInternetSettings(fixture('proxy-windows-reg-query.txt'));
    expect(s).toEqual({
      httpsProxy: 'http://proxy.contoso.com:8080',
      httpProxy: 'http://proxy.contoso.com:8080',
      bypass: ['*.contoso.com', '10.*', '192.168.*'],
      bypassSimpleNames: true,
      pacUrl: 'http://wpad.contoso.com/proxy.pac',
      autoDiscovery: null,
    });
  });
  it('Windows: per-scheme ProxyServer, and ProxyEnable 0 means no fixed proxy (the PAC URL still reported)', () => {
    const s = parseWindowsInternetSettings(fixture('proxy-windows-reg-query-per-scheme.txt'));
    expect(s).toMatchObject({ httpsProxy: 'http://secure-gw.fabrikam.local:8443', httpProxy: 'http://gw.fabrikam.local:3128' });
    const off = parseWindowsInternetSettings(fixture('proxy-windows-reg-query.txt').replace(/ProxyEnable(\s+)REG_DWORD(\s+)0x1/, 'ProxyEnable$1REG_DWORD$20x0'));
    expect(off).toMatchObject({ httpsProxy: null, httpProxy: null, bypass: [], pacUrl: 'http://wpad.contoso.com/proxy.pac' });
  });
  it('macOS scutil --proxy: HTTP and HTTPS proxies, exceptions, simple names, PAC and WPAD', () => {
    expect(parseScutilProxy(fixture('proxy-macos-scutil.txt'))).toEqual({
      httpsProxy: 'http://proxy.contoso.com:8443',
      httpProxy: 'http://proxy.contoso.com:8080',
      bypass: ['*.local', '169.254/16', 'intranet.contoso.com'],
      bypassSimpleNames: true,
      pacUrl: 'http://wpad.contoso.com/wpad.dat',
      autoDiscovery: false,
    });
    expect(parseScutilProxy(fixture('proxy-macos-scutil-none.txt'))).toMatchObject({ httpsProxy: null, httpProxy: null, pacUrl: null, autoDiscovery: false });
  });
  it('bypass lists decide the route: globs, prefixes, dotless names', () => {
    const os = parseWindowsInternetSettings(fixture('proxy-windows-reg-query.txt'));
    const plan: ProxyPlan = { environment: [], osSource: 'Windows Internet Settings (per user)', os, osUnknown: null };
    expect(routeFor(plan, 'https://api.openai.com/v1/models').proxy).toBe('http://proxy.contoso.com:8080');
    expect(routeFor(plan, 'https://git.contoso.com/').proxy).toBeNull();
    expect(routeFor(plan, 'https://10.1.2.3/').proxy).toBeNull();
    expect(routeFor(plan, 'https://intranet/').decidedBy).toBe('Windows Internet Settings (per user) bypass list');
    const mac: ProxyPlan = { environment: [], osSource: 'macOS', os: parseScutilProxy(fixture('proxy-macos-scutil.txt')), osUnknown: null };
    expect(routeFor(mac, 'https://169.254.3.4/').proxy).toBeNull();
    expect(routeFor(mac, 'https://169.253.3.4/').proxy).toBe('http://proxy.contoso.com:8443');
  });
});
