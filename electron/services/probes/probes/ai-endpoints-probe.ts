import net from 'node:net';
import tls from 'node:tls';
import { round } from '../../../../shared/probes/stats';
import { plainNetworkError } from '../net-helpers';
import { allPlatforms, type ProbeOutcome, type ProbeContext, type ProbeDefinition } from '../probe-definition';
import { inspectChain, publicRootFingerprints } from '../tls-chain';
import { readProxyPlan, redactCredentials, redactProxy, routeFor, type ProxyPlan } from '../proxy-settings';

/** One way of reaching an endpoint: direct, or through a proxy (CONNECT tunnel for https). */
export interface EndpointAttempt {
  readonly route: 'direct' | 'proxy';
  /** The proxy, scheme://host:port only (credentials never shown). */
  readonly via: string | null;
  /** The endpoint's address direct; the proxy's address through a proxy (the proxy resolves the endpoint). */
  readonly address: string | null;
  readonly dnsMs: number | null;
  readonly connectMs: number | null;
  /** Time for the proxy to open the tunnel (CONNECT to its 200). */
  readonly tunnelMs: number | null;
  readonly tlsMs: number | null;
  readonly ttfbMs: number | null;
  readonly httpStatus: number | null;
  readonly tlsAuthorized: boolean | null;
  readonly tlsIntercepted: boolean | null;
  readonly chain: string[];
  readonly error: string | null;
}

export interface EndpointResult extends Omit<EndpointAttempt, 'route' | 'via'> {
  readonly url: string;
  /** How this machine's settings send it: direct, or through `proxy`. */
  readonly route: 'direct' | 'proxy';
  readonly proxy: string | null;
  /** What chose the route: HTTPS_PROXY, NO_PROXY, the OS settings and their bypass list... */
  readonly routeDecidedBy: string;
  readonly reachableDirect: boolean;
  /** Null when no proxy applies to this URL. */
  readonly reachableViaProxy: boolean | null;
  readonly direct: EndpointAttempt;
  readonly viaProxy: EndpointAttempt | null;
}

const stepTimeoutMs = 4000;

const withTimeout = <T>(ctx: ProbeContext, what: string, start: (resolve: (v: T) => void, reject: (e: Error) => void) => void): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} timed out after ${stepTimeoutMs / 1000} s`)), stepTimeoutMs);
    const onAbort = () => reject(ctx.signal.reason as Error);
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    start(
      (v) => {
        clearTimeout(timer);
        ctx.signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        ctx.signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });


type MutableAttempt = { -readonly [K in keyof EndpointAttempt]: EndpointAttempt[K] };

const connectTcp = (ctx: ProbeContext, host: string, port: number): Promise<net.Socket> => {
  const raw = ctx.track(new net.Socket());
  return withTimeout<net.Socket>(ctx, 'TCP connect', (ok, fail) => {
    raw.once('connect', () => ok(raw));
    raw.once('error', fail);
    raw.connect({ host, port });
  }).catch((error: unknown) => {
    raw.destroy();
    throw error;
  });
};

/** Reads an HTTP response head off a socket; bytes after it are put back for TLS. */
const readResponseHead = (ctx: ProbeContext, socket: net.Socket, what: string): Promise<string> =>
  withTimeout<string>(ctx, what, (ok, fail) => {
    let buffered = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      const end = buffered.indexOf('\r\n\r\n');
      if (end < 0) {
        if (buffered.length > 16_384) fail(new Error('the proxy sent an oversized answer'));
        return;
      }
      socket.off('data', onData);
      socket.pause();
      const rest = buffered.subarray(end + 4);
      if (rest.length > 0) socket.unshift(rest);
      ok(buffered.subarray(0, end).toString('latin1'));
    };
    socket.on('data', onData);
    socket.once('error', fail);
    socket.once('end', () => fail(new Error('the proxy closed the connection without answering')));
  });

/** A proxy's refusal in words an engineer acts on. */
const proxyRefusal = (status: number, line: string): string => {
  if (status === 407) return 'the proxy asks for credentials (407 Proxy Authentication Required)';
  if (status === 403) return `the proxy refused the destination (${line})`;
  if (status === 502 || status === 504) return `the proxy could not reach the endpoint (${line})`;
  return `the proxy refused the tunnel (${line || `status ${status}`})`;
};

/**
 * Opens a CONNECT tunnel by hand rather than through an http.Agent (https-proxy-agent): each step
 * is timed on its own and a proxy's 407 or 403 is reported as the proxy's answer, not as the
 * endpoint's HTTP status.
 */
const openTunnel = async (ctx: ProbeContext, proxyUrl: string, target: URL, result: MutableAttempt): Promise<net.Socket> => {
  const proxy = new URL(proxyUrl);
  if (proxy.protocol !== 'http:' && proxy.protocol !== 'https:') throw new Error(`a ${proxy.protocol.replace(':', '')} proxy is not checked (only http and https proxies)`);
  const proxyHost = proxy.hostname.replace(/^\[|\]$/g, '');
  const proxyPort = Number(proxy.port || (proxy.protocol === 'https:' ? 443 : 80));
  let t = performance.now();
  result.address = net.isIP(proxyHost) ? proxyHost : await withTimeout<string>(ctx, 'DNS of the proxy', (ok, fail) => void ctx.lookup(proxyHost).then(ok, fail));
  result.dnsMs = round(performance.now() - t, 3);
  t = performance.now();
  let socket: net.Socket = await connectTcp(ctx, result.address, proxyPort);
  if (proxy.protocol === 'https:') {
    const secured = ctx.track(tls.connect({ socket, servername: net.isIP(proxyHost) ? undefined : proxyHost }));
    await withTimeout<void>(ctx, 'TLS to the proxy', (ok, fail) => {
      secured.once('secureConnect', () => ok());
      secured.once('error', fail);
    });
    socket = secured;
  }
  result.connectMs = round(performance.now() - t, 3);
  const authority = `${target.hostname}:${target.port || (target.protocol === 'https:' ? 443 : 80)}`;
  const credentials = proxy.username ? `Proxy-Authorization: Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64')}\r\n` : '';
  t = performance.now();
  socket.write(`CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\nUser-Agent: Groundwork-probe\r\n${credentials}\r\n`);
  const head = await readResponseHead(ctx, socket, 'proxy tunnel');
  const statusLine = head.split('\r\n')[0] ?? '';
  const status = Number(/^HTTP\/\d(?:\.\d)? (\d{3})/.exec(statusLine)?.[1] ?? 0);
  if (status < 200 || status > 299) {
    socket.destroy();
    throw new Error(proxyRefusal(status, statusLine.replace(/^HTTP\/\S+\s*/, '')));
  }
  result.tunnelMs = round(performance.now() - t, 3);
  return socket;
};

/** DNS, TCP connect, (proxy tunnel,) TLS handshake and time to first byte for one URL, each timed on its own. */
export const checkEndpoint = async (ctx: ProbeContext, rawUrl: string, roots: Set<string>, proxyUrl: string | null = null): Promise<EndpointAttempt> => {
  const url = new URL(rawUrl);
  const secure = url.protocol === 'https:';
  const port = Number(url.port || (secure ? 443 : 80));
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const result: MutableAttempt = {
    route: proxyUrl ? 'proxy' : 'direct',
    via: proxyUrl ? redactProxy(proxyUrl) : null,
    address: null,
    dnsMs: null,
    connectMs: null,
    tunnelMs: null,
    tlsMs: null,
    ttfbMs: null,
    httpStatus: null,
    tlsAuthorized: null,
    tlsIntercepted: null,
    chain: [],
    error: null,
  };
  let socket: net.Socket | tls.TLSSocket | null = null;
  try {
    // A plain http:// URL through a proxy is an absolute-form request to the proxy, no tunnel.
    const absoluteForm = proxyUrl !== null && !secure;
    if (proxyUrl && secure) socket = await openTunnel(ctx, proxyUrl, url, result);
    else if (proxyUrl) {
      const proxy = new URL(proxyUrl);
      const proxyHost = proxy.hostname.replace(/^\[|\]$/g, '');
      let t = performance.now();
      result.address = net.isIP(proxyHost) ? proxyHost : await withTimeout<string>(ctx, 'DNS of the proxy', (ok, fail) => void ctx.lookup(proxyHost).then(ok, fail));
      result.dnsMs = round(performance.now() - t, 3);
      t = performance.now();
      socket = await connectTcp(ctx, result.address, Number(proxy.port || 80));
      result.connectMs = round(performance.now() - t, 3);
    } else {
      let t = performance.now();
      result.address = net.isIP(host) ? host : await withTimeout<string>(ctx, 'DNS', (ok, fail) => void ctx.lookup(host).then(ok, fail));
      result.dnsMs = round(performance.now() - t, 3);
      t = performance.now();
      socket = await connectTcp(ctx, result.address, port);
      result.connectMs = round(performance.now() - t, 3);
    }

    if (secure) {
      const t = performance.now();
      const secured = ctx.track(tls.connect({ socket, servername: net.isIP(host) ? undefined : host, rejectUnauthorized: false, ALPNProtocols: ['http/1.1'] }));
      socket = secured;
      await withTimeout<void>(ctx, 'TLS handshake', (ok, fail) => {
        secured.once('secureConnect', () => ok());
        secured.once('error', fail);
      });
      result.tlsMs = round(performance.now() - t, 3);
      result.tlsAuthorized = secured.authorized;
      const chain = inspectChain(secured.getPeerCertificate(true), roots);
      result.chain = chain.subjects;
      result.tlsIntercepted = !chain.endsInPublicRoot;
    }

    const stream = socket;
    const t = performance.now();
    const target = absoluteForm ? url.href : url.pathname || '/';
    const firstChunk = await withTimeout<Buffer>(ctx, 'first byte', (ok, fail) => {
      stream.once('data', (chunk: Buffer) => ok(chunk));
      stream.once('error', fail);
      stream.once('end', () => fail(new Error('the server closed the connection without answering')));
      stream.write(`HEAD ${target} HTTP/1.1\r\nHost: ${url.host}\r\nUser-Agent: Groundwork-probe\r\nAccept: */*\r\nConnection: close\r\n\r\n`);
    });
    result.ttfbMs = round(performance.now() - t, 3);
    const status = /^HTTP\/\d(?:\.\d)? (\d{3})/.exec(firstChunk.toString('latin1'));
    result.httpStatus = status ? Number(status[1]) : null;
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    result.error = plainNetworkError(error);
  } finally {
    socket?.destroy();
  }
  return result;
};

const maxOf = (values: (number | null)[]): number | null => {
  const v = values.filter((x): x is number => x !== null);
  return v.length === 0 ? null : Math.max(...v);
};

export interface AiEndpointsOptions {
  /** Trusted roots; tests pass their own (a public CA cannot be minted locally). */
  readonly roots?: () => Set<string>;
  /** The proxy settings in force; defaults to the environment's variables and the OS's settings. */
  readonly proxyPlan?: (ctx: ProbeContext) => Promise<ProxyPlan>;
}

const hostOf = (url: string): string => new URL(url).host;

const describeRoutes = (results: readonly EndpointResult[], plan: ProxyPlan): string[] => {
  const parts: string[] = [];
  const proxied = results.filter((r) => r.viaProxy !== null);
  if (proxied.length > 0) {
    const proxies = [...new Set(proxied.map((r) => `${r.proxy ?? ''} (${r.routeDecidedBy})`))].join(', ');
    parts.push(`${proxied.length} of ${results.length} go through the proxy ${proxies}: ${proxied.filter((r) => r.reachableViaProxy).length} answered through it, ${proxied.filter((r) => r.reachableDirect).length} direct.`);
    const onlyProxy = proxied.filter((r) => r.reachableViaProxy && !r.reachableDirect);
    if (onlyProxy.length > 0) parts.push(`Reachable only through the proxy: ${onlyProxy.map((r) => `${hostOf(r.url)} (direct: ${r.direct.error})`).join(', ')}.`);
    const onlyDirect = proxied.filter((r) => !r.reachableViaProxy && r.reachableDirect);
    if (onlyDirect.length > 0) parts.push(`The proxy failed where direct worked: ${onlyDirect.map((r) => `${hostOf(r.url)} (${r.viaProxy?.error})`).join(', ')}.`);
  } else {
    const why = plan.environment.length > 0 ? `the environment's NO_PROXY (${plan.environment.join(', ')})` : plan.os ? `the ${plan.osSource} (no proxy for these URLs)` : 'no proxy is configured';
    parts.push(`Checked direct: ${why}.`);
  }
  if (plan.os?.pacUrl) parts.push(`A PAC file is configured (${redactCredentials(plan.os.pacUrl)}); Groundwork does not run it, so apps that follow it may take another route.`);
  if (plan.os?.autoDiscovery) parts.push('Proxy auto-discovery (WPAD) is on; Groundwork does not run it.');
  return parts;
};

/** Why no endpoint was tried through a proxy, in the words of the setting that decided it. */
const noProxyReason = (plan: ProxyPlan): string => {
  if (plan.environment.some((n) => !/^no_proxy$/i.test(n))) return "the environment's NO_PROXY covers these endpoints, so they were checked direct";
  if (plan.os?.httpsProxy || plan.os?.httpProxy) return `the ${plan.osSource ?? 'OS settings'} bypass list covers these endpoints, so they were checked direct`;
  if (plan.os?.pacUrl) return `only a PAC file is configured (${redactCredentials(plan.os.pacUrl)}), which Groundwork does not run; the endpoints were checked direct`;
  return `no proxy is configured (${plan.osUnknown ?? `none in the environment or the ${plan.osSource ?? 'OS settings'}`})`;
};

export const makeAiEndpointsProbe = (options: AiEndpointsOptions = {}): ProbeDefinition => ({
  id: 'ai-endpoints',
  title: 'AI service reachability',
  measures: [
    'ai.endpoints_reachable',
    'ai.endpoints_total',
    'ai.endpoints_unreachable',
    'ai.endpoints_reachable_direct',
    'ai.endpoints_reachable_via_proxy',
    'ai.dns_ms_max',
    'ai.connect_ms_max',
    'ai.tls_ms_max',
    'ai.ttfb_ms_max',
    'ai.tls_intercepted',
  ],
  platforms: allPlatforms,
  timeoutMs: 9000,
  inDefaultSuite: true,
  run: async (ctx): Promise<ProbeOutcome> => {
    const trusted = (options.roots ?? publicRootFingerprints)();
    const plan = await (options.proxyPlan ?? readProxyPlan)(ctx);
    const urls = ctx.targets.aiEndpoints;
    let done = 0;
    const results = await Promise.all(
      urls.map(async (url): Promise<EndpointResult> => {
        const route = routeFor(plan, url);
        // Both ways, side by side: a site where only the proxy gets out (or only direct) is the finding.
        const [direct, viaProxy] = await Promise.all([checkEndpoint(ctx, url, trusted), route.proxy ? checkEndpoint(ctx, url, trusted, route.proxy) : Promise.resolve(null)]);
        const configured = viaProxy ?? direct;
        // Timings come from the route the machine uses; if that one failed, from the one that worked.
        const shown = configured.error === null || direct.error !== null ? configured : direct;
        const { route: _route, via: _via, ...figures } = shown;
        ctx.sample(`ttfb:${url}`, shown.ttfbMs);
        ctx.progress(++done / Math.max(1, urls.length), `${done} of ${urls.length} endpoints checked`);
        return {
          url,
          ...figures,
          // The error shown is the configured route's; the other route's is in direct/viaProxy.
          error: direct.error === null || viaProxy?.error === null ? null : configured.error,
          route: viaProxy ? 'proxy' : 'direct',
          proxy: route.proxy ? redactProxy(route.proxy) : null,
          routeDecidedBy: route.decidedBy,
          reachableDirect: direct.error === null,
          reachableViaProxy: viaProxy ? viaProxy.error === null : null,
          direct,
          viaProxy,
        };
      }),
    );
    const reachable = results.filter((r) => r.error === null);
    const intercepted = results.filter((r) => [r.direct, r.viaProxy].some((a) => a?.error === null && a.tlsIntercepted === true));
    const failures = results.filter((r) => r.error !== null);
    const proxied = results.filter((r) => r.viaProxy !== null);
    const parts = [`${reachable.length} of ${results.length} endpoints answered.`, ...describeRoutes(results, plan)];
    if (intercepted.length > 0) {
      parts.push(`TLS interception suspected on ${intercepted.map((r) => hostOf(r.url)).join(', ')}: the certificate chain does not end in a public root.`);
    }
    if (failures.length > 0) parts.push(`Unreachable: ${failures.map((r) => `${hostOf(r.url)} (${r.error})`).join(', ')}.`);
    const firstError = failures[0]?.error ?? 'no endpoints given';
    const tlsSeen = results.some((r) => [r.direct, r.viaProxy].some((a) => a?.tlsIntercepted !== null && a?.tlsIntercepted !== undefined));
    return {
      // None reachable is the finding, and it is not "ok" (an offline site read ok with 0 of 4).
      ...(reachable.length === 0 && results.length > 0 ? { status: 'failed' as const } : {}),
      metrics: {
        'ai.endpoints_reachable': reachable.length,
        'ai.endpoints_total': results.length,
        'ai.endpoints_unreachable': failures.length,
        'ai.endpoints_reachable_direct': results.filter((r) => r.reachableDirect).length,
        'ai.endpoints_reachable_via_proxy': proxied.length > 0 ? proxied.filter((r) => r.reachableViaProxy).length : null,
        'ai.dns_ms_max': maxOf(results.map((r) => r.dnsMs)),
        'ai.connect_ms_max': maxOf(results.map((r) => r.connectMs)),
        'ai.tls_ms_max': maxOf(results.map((r) => r.tlsMs)),
        'ai.ttfb_ms_max': maxOf(results.map((r) => r.ttfbMs)),
        'ai.tls_intercepted': tlsSeen ? intercepted.length > 0 : null,
      },
      farEnd: { kind: 'internet_host', target: [...new Set(urls.map(hostOf))].join(', ') || 'no endpoints given' },
      reason: reachable.length === 0 ? `no endpoint answered (first: ${firstError})` : 'no endpoint got this far',
      reasons: {
        'ai.tls_intercepted': 'no endpoint completed a TLS handshake',
        'ai.endpoints_reachable_via_proxy': noProxyReason(plan),
        ...(reachable.length === 0
          ? Object.fromEntries(['ai.dns_ms_max', 'ai.connect_ms_max', 'ai.tls_ms_max', 'ai.ttfb_ms_max'].map((n) => [n, `no endpoint answered (first: ${firstError})`]))
          : {}),
      },
      details: {
        endpoints: results,
        proxy: {
          environment: plan.environment,
          osSource: plan.osSource,
          osUnknown: plan.osUnknown,
          httpsProxy: plan.os?.httpsProxy ? redactProxy(plan.os.httpsProxy) : null,
          httpProxy: plan.os?.httpProxy ? redactProxy(plan.os.httpProxy) : null,
          bypass: plan.os?.bypass ?? [],
          bypassSimpleNames: plan.os?.bypassSimpleNames ?? null,
          pacUrl: plan.os?.pacUrl ? redactCredentials(plan.os.pacUrl) : null,
          pacEvaluated: false,
          autoDiscovery: plan.os?.autoDiscovery ?? null,
        },
      },
      message: parts.join(' '),
    };
  },
});

export const aiEndpointsProbe = makeAiEndpointsProbe();
