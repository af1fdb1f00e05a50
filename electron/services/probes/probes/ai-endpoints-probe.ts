import net from 'node:net';
import tls from 'node:tls';
import { round } from '../../../../shared/probes/stats';
import { plainNetworkError } from '../net-helpers';
import { allPlatforms, type ProbeOutcome, type ProbeContext, type ProbeDefinition } from '../probe-definition';
import { inspectChain, publicRootFingerprints } from '../tls-chain';

export interface EndpointResult {
  readonly url: string;
  readonly address: string | null;
  readonly dnsMs: number | null;
  readonly connectMs: number | null;
  readonly tlsMs: number | null;
  readonly ttfbMs: number | null;
  readonly httpStatus: number | null;
  readonly tlsAuthorized: boolean | null;
  readonly tlsIntercepted: boolean | null;
  readonly chain: string[];
  readonly error: string | null;
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


/** DNS, TCP connect, TLS handshake and time to first byte for one URL, each timed on its own. */
export const checkEndpoint = async (ctx: ProbeContext, rawUrl: string, roots: Set<string>): Promise<EndpointResult> => {
  const url = new URL(rawUrl);
  const secure = url.protocol === 'https:';
  const port = Number(url.port || (secure ? 443 : 80));
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const result: { -readonly [K in keyof EndpointResult]: EndpointResult[K] } = {
    url: rawUrl,
    address: null,
    dnsMs: null,
    connectMs: null,
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
    let t = performance.now();
    if (net.isIP(host)) result.address = host;
    else {
      result.address = await withTimeout<string>(ctx, 'DNS', (ok, fail) => {
        ctx.lookup(host).then(ok, fail);
      });
    }
    result.dnsMs = round(performance.now() - t, 3);

    t = performance.now();
    const raw = ctx.track(new net.Socket());
    socket = raw;
    await withTimeout<void>(ctx, 'TCP connect', (ok, fail) => {
      raw.once('connect', () => ok());
      raw.once('error', fail);
      raw.connect({ host: result.address as string, port });
    });
    result.connectMs = round(performance.now() - t, 3);

    if (secure) {
      t = performance.now();
      const secured = ctx.track(tls.connect({ socket: raw, servername: net.isIP(host) ? undefined : host, rejectUnauthorized: false, ALPNProtocols: ['http/1.1'] }));
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
    t = performance.now();
    const firstChunk = await withTimeout<Buffer>(ctx, 'first byte', (ok, fail) => {
      stream.once('data', (chunk: Buffer) => ok(chunk));
      stream.once('error', fail);
      stream.once('end', () => fail(new Error('the server closed the connection without answering')));
      stream.write(`HEAD ${url.pathname || '/'} HTTP/1.1\r\nHost: ${url.host}\r\nUser-Agent: Groundwork-probe\r\nAccept: */*\r\nConnection: close\r\n\r\n`);
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

/** Builds the probe; tests pass their own trusted roots (a public CA cannot be minted locally). */
export const makeAiEndpointsProbe = (roots?: () => Set<string>): ProbeDefinition => ({
  id: 'ai-endpoints',
  title: 'AI service reachability',
  measures: ['ai.endpoints_reachable', 'ai.endpoints_total', 'ai.endpoints_unreachable', 'ai.dns_ms_max', 'ai.connect_ms_max', 'ai.tls_ms_max', 'ai.ttfb_ms_max', 'ai.tls_intercepted'],
  platforms: allPlatforms,
  timeoutMs: 9000,
  inDefaultSuite: true,
  run: async (ctx): Promise<ProbeOutcome> => {
    const trusted = (roots ?? publicRootFingerprints)();
    const urls = ctx.targets.aiEndpoints;
    let done = 0;
    const results = await Promise.all(
      urls.map(async (url) => {
        const r = await checkEndpoint(ctx, url, trusted);
        ctx.sample(`ttfb:${url}`, r.ttfbMs);
        ctx.progress(++done / Math.max(1, urls.length), `${done} of ${urls.length} endpoints checked`);
        return r;
      }),
    );
    const reachable = results.filter((r) => r.error === null);
    const intercepted = results.filter((r) => r.tlsIntercepted === true);
    const failures = results.filter((r) => r.error !== null);
    const parts = [`${reachable.length} of ${results.length} endpoints answered.`];
    if (intercepted.length > 0) {
      parts.push(`TLS interception suspected on ${intercepted.map((r) => new URL(r.url).host).join(', ')}: the certificate chain does not end in a public root.`);
    }
    if (failures.length > 0) parts.push(`Unreachable: ${failures.map((r) => `${new URL(r.url).host} (${r.error})`).join(', ')}.`);
    return {
      // None reachable is the finding, and it is not "ok" (an offline site read ok with 0 of 4).
      ...(reachable.length === 0 && results.length > 0 ? { status: 'failed' as const } : {}),
      metrics: {
        'ai.endpoints_reachable': reachable.length,
        'ai.endpoints_total': results.length,
        'ai.endpoints_unreachable': failures.length,
        'ai.dns_ms_max': maxOf(results.map((r) => r.dnsMs)),
        'ai.connect_ms_max': maxOf(results.map((r) => r.connectMs)),
        'ai.tls_ms_max': maxOf(results.map((r) => r.tlsMs)),
        'ai.ttfb_ms_max': maxOf(results.map((r) => r.ttfbMs)),
        'ai.tls_intercepted': results.some((r) => r.tlsIntercepted !== null) ? intercepted.length > 0 : null,
      },
      farEnd: { kind: 'internet_host', target: [...new Set(urls.map((u) => new URL(u).host))].join(', ') || 'no endpoints given' },
      reason: reachable.length === 0 ? `no endpoint answered (first: ${failures[0]?.error ?? 'no endpoints given'})` : 'no endpoint got this far',
      reasons: {
        'ai.tls_intercepted': 'no endpoint completed a TLS handshake',
        ...(reachable.length === 0
          ? Object.fromEntries(['ai.dns_ms_max', 'ai.connect_ms_max', 'ai.tls_ms_max', 'ai.ttfb_ms_max'].map((n) => [n, `no endpoint answered (first: ${failures[0]?.error ?? 'none given'})`]))
          : {}),
      },
      details: { endpoints: results },
      message: parts.join(' '),
    };
  },
});

export const aiEndpointsProbe = makeAiEndpointsProbe();
