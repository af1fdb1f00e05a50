import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import type { Duplex } from 'node:stream';
import {
  draftParameters,
  isStable,
  parseResponsivenessConfig,
  responsivenessBand,
  responsivenessConfidence,
  responsivenessLatencyMs,
  rpmFromLatency,
  trimmedMean,
  type Confidence,
  type ProbeTimes,
  type ResponsivenessBand,
  type ResponsivenessParameters,
  type ResponsivenessUrls,
} from '../../../../shared/probes/responsiveness';
import type { Closable } from '../probe-definition';
import { h2Window, loadWindowFloor, loadWindowSizer, type LoadWindowSizer } from '../../../../shared/probes/responsiveness-server';

/**
 * The client side of the responsiveness test (draft-ietf-ippm-responsiveness): load-generating
 * HTTP/2 connections are added one per interval until goodput stops rising, while foreign probes
 * (a new connection: TCP handshake, TLS handshake if https, a small GET) and self probes (a small
 * GET on a loaded connection) are timed; the test ends when goodput and responsiveness are both
 * stable over the moving window, or at the time limit.
 */

export type RpmPhaseKind = 'download' | 'upload' | 'concurrent';

export interface RpmEnvironment {
  readonly signal: AbortSignal;
  /** Registers a socket so an abort closes it at once. */
  track<T extends Closable>(handle: T): T;
  /** Name → address (the probe engine's resolver). */
  lookup(host: string): Promise<string>;
  /** Extra trusted CA (a test server's self-signed certificate). */
  readonly ca?: string | Buffer;
}

export interface RpmPhaseResult {
  readonly kind: RpmPhaseKind;
  readonly rpm: number | null;
  readonly latencyMs: number | null;
  readonly band: ResponsivenessBand | null;
  readonly confidence: Confidence;
  readonly goodputStable: boolean;
  readonly responsivenessStable: boolean;
  readonly downloadMbps: number | null;
  readonly uploadMbps: number | null;
  /** Load-generating connections open at the end (per direction in use). */
  readonly connections: number;
  readonly seconds: number;
  /** Probes in the final (stable) window, and their trimmed means by component. */
  readonly foreignProbes: number;
  readonly selfProbes: number;
  readonly trimmedMs: { tcp: number | null; tls: number | null; http: number | null; self: number | null };
  /** Per interval: goodput (Mbit/s, both directions) and the interval's responsiveness latency. */
  readonly intervals: { mbps: number; latencyMs: number | null }[];
  readonly failedProbes: number;
  readonly lastProbeError: string | null;
}

const round = (n: number | null, digits = 2): number | null => (n === null || !Number.isFinite(n) ? null : Number(n.toFixed(digits)));

const abortError = (signal: AbortSignal): Error => (signal.reason instanceof Error ? signal.reason : new Error('cancelled'));

/** Waits for one of a socket's events, rejecting on error or abort. */
const waitFor = (emitter: NodeJS.EventEmitter, event: string, signal: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortError(signal));
    const cleanup = () => {
      emitter.off(event, onEvent);
      emitter.off('error', onError);
      signal.removeEventListener('abort', onAbort);
    };
    const onEvent = () => {
      cleanup();
      resolve();
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onAbort = () => {
      cleanup();
      reject(abortError(signal));
    };
    emitter.once(event, onEvent);
    emitter.once('error', onError);
    signal.addEventListener('abort', onAbort, { once: true });
  });

interface Target {
  readonly url: URL;
  readonly address: string;
  readonly port: number;
}

interface OpenedSession {
  readonly session: http2.ClientHttp2Session;
  readonly socket: net.Socket;
  readonly tcpMs: number;
  readonly tlsMs: number | null;
  /** Closes the session and every layer under it (TLS, TCP) at once. */
  close(): void;
}

/**
 * A new connection, timed step by step: TCP handshake, then TLS (https only), then an HTTP/2 session.
 * `connectionWindow`: what the server may have sent and we not yet read (a download load sizes its own).
 */
const openSession = async (env: RpmEnvironment, target: Target, signal: AbortSignal, connectionWindow = h2Window * 4): Promise<OpenedSession> => {
  const started = performance.now();
  const socket = env.track(net.connect({ host: target.address, port: target.port }));
  socket.setNoDelay(true);
  try {
    await waitFor(socket, 'connect', signal);
    const tcpMs = performance.now() - started;
    let stream: Duplex = socket;
    let tlsMs: number | null = null;
    if (target.url.protocol === 'https:') {
      const tlsStarted = performance.now();
      const secure = env.track(
        tls.connect({ socket, servername: net.isIP(target.url.hostname) ? undefined : target.url.hostname, ALPNProtocols: ['h2'], ...(env.ca ? { ca: env.ca } : {}) }),
      );
      await waitFor(secure, 'secureConnect', signal);
      tlsMs = performance.now() - tlsStarted;
      if (secure.alpnProtocol !== 'h2') throw new Error(`${target.url.host} did not offer HTTP/2 over TLS (ALPN ${String(secure.alpnProtocol)})`);
      stream = secure;
    }
    const session = http2.connect(target.url.origin, { createConnection: () => stream, settings: { initialWindowSize: h2Window } });
    // Errors surface on the requests that hit them; a session error alone must not crash the test.
    session.on('error', () => undefined);
    session.once('connect', () => {
      if (!session.destroyed) session.setLocalWindowSize(connectionWindow);
    });
    // GOAWAY first: a peer whose TCP connection merely vanishes may keep its HTTP/2 session open.
    const close = () => {
      if (!session.destroyed) session.close();
      session.destroy();
      stream.destroy();
      socket.destroy();
    };
    return { session, socket, tcpMs, tlsMs, close };
  } catch (error) {
    socket.destroy();
    throw error;
  }
};

/** One GET to completion on a session; ms from the request to the last byte. */
const timedGet = (session: http2.ClientHttp2Session, path: string, signal: AbortSignal, timeoutMs: number): Promise<number> =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    let req: http2.ClientHttp2Stream;
    try {
      req = session.request({ ':method': 'GET', ':path': path });
    } catch (error) {
      reject(error as Error);
      return;
    }
    const timer = setTimeout(() => {
      req.close(http2.constants.NGHTTP2_CANCEL);
      reject(new Error(`no answer within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const onAbort = () => req.close(http2.constants.NGHTTP2_CANCEL);
    signal.addEventListener('abort', onAbort, { once: true });
    let status = 0;
    req.on('response', (headers) => {
      status = Number(headers[':status']);
    });
    req.on('data', () => undefined);
    req.on('end', () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      if (status === 200) resolve(performance.now() - started);
      else reject(new Error(`the server answered ${status || 'nothing'} for ${path}`));
    });
    req.on('error', (error) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      reject(error);
    });
    // A stream closed without an end or an error (cancelled, session gone) settles too.
    req.on('close', () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      reject(new Error(signal.aborted ? 'cancelled' : `the stream for ${path} closed before its answer`));
    });
    req.end();
  });

const pathOf = (url: URL): string => `${url.pathname}${url.search}`;

/** GETs the configuration (/.well-known/nq or any URL serving the same JSON) over HTTP/2. */
export const fetchResponsivenessConfig = async (env: RpmEnvironment, configUrl: string, timeoutMs = 10_000): Promise<ResponsivenessUrls> => {
  const url = new URL(configUrl);
  const target = await targetOf(env, url.href, null);
  const opened = await openSession(env, target, env.signal);
  const { session } = opened;
  try {
    const body = await new Promise<string>((resolve, reject) => {
      const req = session.request({ ':method': 'GET', ':path': pathOf(url) });
      const timer = setTimeout(() => {
        req.close(http2.constants.NGHTTP2_CANCEL);
        reject(new Error(`the configuration did not arrive within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      let status = 0;
      let text = '';
      req.setEncoding('utf8');
      req.on('response', (headers) => {
        status = Number(headers[':status']);
      });
      req.on('data', (part: string) => {
        text += part;
        if (text.length > 64 * 1024) req.close(http2.constants.NGHTTP2_CANCEL);
      });
      req.on('end', () => {
        clearTimeout(timer);
        if (status === 200) resolve(text);
        else reject(new Error(`${url.href} answered ${status || 'nothing'}`));
      });
      req.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      req.end();
    });
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (error) {
      throw new Error(`${url.href} did not return JSON (${(error as Error).message})`, { cause: error });
    }
    const parsed = parseResponsivenessConfig(json);
    if (!parsed.ok) throw new Error(`${url.href}: ${parsed.reason}`);
    return parsed.urls;
  } finally {
    opened.close();
  }
};

/**
 * The hub's responsiveness config URL: its API (HTTP/1.1, no token) names the port of its
 * responsiveness listener, on the host this laptop reaches the hub by. Null, with the hub's own
 * words, when the hub does not run one.
 */
export const fetchHubResponsivenessConfigUrl = async (
  env: RpmEnvironment,
  hubUrl: string,
  timeoutMs = 10_000,
): Promise<{ readonly configUrl: string } | { readonly configUrl: null; readonly reason: string }> => {
  const url = new URL('/responsiveness', hubUrl);
  const target = await targetOf(env, url.href, null);
  const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const options = {
      host: target.address,
      port: target.port,
      path: pathOf(url),
      headers: { host: url.host, accept: 'application/json' },
      signal: env.signal,
      timeout: timeoutMs,
      ...(env.ca ? { ca: env.ca } : {}),
      ...(url.protocol === 'https:' && !net.isIP(url.hostname) ? { servername: url.hostname } : {}),
    };
    const req = (url.protocol === 'https:' ? https : http).get(options, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (part: string) => {
        text += part;
        if (text.length > 16 * 1024) req.destroy(new Error('the answer was too long'));
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('timeout', () => req.destroy(new Error(`the hub did not answer within ${timeoutMs / 1000} s`)));
    req.on('error', reject);
  });
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    throw new Error(`${url.href} answered ${status} without JSON (${(error as Error).message})`, { cause: error });
  }
  const answer = json as { configUrl?: unknown; error?: { message?: unknown } };
  if (status === 200 && typeof answer.configUrl === 'string' && /^https?:\/\//.test(answer.configUrl)) return { configUrl: answer.configUrl };
  if (status === 404) {
    return { configUrl: null, reason: typeof answer.error?.message === 'string' ? answer.error.message.slice(0, 200) : 'the hub does not serve the responsiveness test' };
  }
  throw new Error(`${url.href} answered ${status}`);
};

/** Where a URL's requests go: the config's test_endpoint when it names one, else the URL's host. */
const targetOf = async (env: RpmEnvironment, href: string, testEndpoint: string | null): Promise<Target> => {
  const url = new URL(href);
  const host = (testEndpoint ?? url.hostname).replace(/^\[|\]$/g, '');
  const address = net.isIP(host) ? host : await env.lookup(host);
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  return { url, address, port };
};

interface ProbeRecord {
  readonly at: number;
  readonly kind: 'foreign' | 'self';
  readonly tcp?: number;
  readonly tls?: number | null;
  readonly http: number;
}

/** Idle latency: a few foreign probes before any load (the figure the draft reports beside RPM). */
export const measureIdleLatency = async (env: RpmEnvironment, urls: ResponsivenessUrls, count = 5): Promise<{ latencyMs: number | null; probes: number }> => {
  const target = await targetOf(env, urls.small, urls.testEndpoint);
  const totals: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const opened = await openSession(env, target, env.signal);
    try {
      const httpMs = await timedGet(opened.session, pathOf(target.url), env.signal, 5000);
      const parts = [opened.tcpMs, httpMs, ...(opened.tlsMs === null ? [] : [opened.tlsMs])];
      totals.push(parts.reduce((a, b) => a + b, 0) / parts.length);
    } finally {
      opened.close();
    }
  }
  return { latencyMs: round(trimmedMean(totals), 3), probes: totals.length };
};

interface LoadConnection {
  readonly direction: 'download' | 'upload';
  readonly opened: OpenedSession;
  bytes: number;
  broken: boolean;
  /** A download's connection window (see loadWindowFor). */
  readonly window: LoadWindowSizer | null;
}

const uploadChunk = Buffer.alloc(64 * 1024, 0x75);

/** Starts a load-generating connection: an endless GET of the large object, or an endless POST. */
const startLoad = async (env: RpmEnvironment, urls: ResponsivenessUrls, direction: 'download' | 'upload', signal: AbortSignal): Promise<LoadConnection> => {
  const target = await targetOf(env, direction === 'download' ? urls.large : urls.upload, urls.testEndpoint);
  const opened = await openSession(env, target, signal, direction === 'download' ? loadWindowFloor : undefined);
  const window =
    direction === 'download'
      ? loadWindowSizer((bytes) => {
          if (!opened.session.destroyed) opened.session.setLocalWindowSize(bytes);
        }, performance.now())
      : null;
  const load: LoadConnection = { direction, opened, bytes: 0, broken: false, window };
  const path = pathOf(target.url);
  const begin = () => {
    if (signal.aborted || opened.session.destroyed || opened.session.closed) return;
    if (direction === 'download') {
      const req = opened.session.request({ ':method': 'GET', ':path': path });
      req.on('data', (data: Buffer) => {
        load.bytes += data.length;
      });
      // The large object ended (or the server capped it): ask again on the same connection.
      req.on('end', begin);
      req.on('error', () => {
        load.broken = true;
      });
      req.end();
      return;
    }
    const req = opened.session.request({ ':method': 'POST', ':path': path, 'content-type': 'application/octet-stream' });
    req.on('error', () => {
      load.broken = true;
    });
    req.on('response', () => undefined);
    req.on('data', () => undefined);
    const pump = () => {
      while (!req.destroyed && !signal.aborted) {
        load.bytes += uploadChunk.length;
        if (!req.write(uploadChunk)) return;
      }
    };
    req.on('drain', pump);
    pump();
  };
  begin();
  return load;
};

export interface RpmPhaseOptions {
  readonly params?: Partial<ResponsivenessParameters>;
  /** Foreign and self probes each this often, ms (10 a second each: well under the draft's 100 a second). */
  readonly probeEveryMs?: number;
  readonly onInterval?: (interval: number, mbps: number, connections: number) => void;
}

/** One run of the working-conditions algorithm: download, upload, or both at once. */
export const runResponsivenessPhase = async (env: RpmEnvironment, urls: ResponsivenessUrls, kind: RpmPhaseKind, options: RpmPhaseOptions = {}): Promise<RpmPhaseResult> => {
  const params: ResponsivenessParameters = { ...draftParameters, ...options.params };
  const probeEveryMs = options.probeEveryMs ?? 100;
  const phase = new AbortController();
  const onOuterAbort = () => phase.abort(env.signal.reason);
  env.signal.addEventListener('abort', onOuterAbort, { once: true });
  const signal = phase.signal;
  const directions: ('download' | 'upload')[] = kind === 'concurrent' ? ['download', 'upload'] : [kind];
  const loads: LoadConnection[] = [];
  const probes: ProbeRecord[] = [];
  let failedProbes = 0;
  let lastProbeError: string | null = null;
  let intervalIndex = 0;
  const started = performance.now();
  const smallTarget = await targetOf(env, urls.small, urls.testEndpoint);
  const smallPath = pathOf(smallTarget.url);
  const probeTimeoutMs = params.maxDurationMs;

  const foreignProbe = async () => {
    let opened: OpenedSession | null = null;
    try {
      opened = await openSession(env, smallTarget, signal);
      const httpMs = await timedGet(opened.session, smallPath, signal, probeTimeoutMs);
      probes.push({ at: intervalIndex, kind: 'foreign', tcp: opened.tcpMs, tls: opened.tlsMs, http: httpMs });
    } catch (error) {
      // A lost probe is counted and named in the result; the test goes on with the others.
      if (!signal.aborted) {
        failedProbes += 1;
        lastProbeError = (error as Error).message;
      }
    } finally {
      opened?.close();
    }
  };
  let selfTurn = 0;
  const selfProbe = async () => {
    const usable = loads.filter((l) => !l.broken && !l.opened.session.destroyed);
    if (usable.length === 0) return;
    const load = usable[selfTurn++ % usable.length] as LoadConnection;
    try {
      const httpMs = await timedGet(load.opened.session, smallPath, signal, probeTimeoutMs);
      probes.push({ at: intervalIndex, kind: 'self', http: httpMs });
    } catch (error) {
      // As for foreign probes: counted, named, and the test goes on.
      if (!signal.aborted) {
        failedProbes += 1;
        lastProbeError = (error as Error).message;
      }
    }
  };

  const goodput: number[] = [];
  const perDirection: Record<'download' | 'upload', number[]> = { download: [], upload: [] };
  const latencyPerInterval: (number | null)[] = [];
  let goodputStable = false;
  let responsivenessStable = false;
  const timesOf = (from: number): ProbeTimes => {
    const inWindow = probes.filter((p) => p.at >= from);
    const foreign = inWindow.filter((p) => p.kind === 'foreign');
    return {
      tcp: foreign.map((p) => p.tcp as number),
      tls: foreign.filter((p) => typeof p.tls === 'number').map((p) => p.tls as number),
      http: foreign.map((p) => p.http),
      self: inWindow.filter((p) => p.kind === 'self').map((p) => p.http),
    };
  };

  // The path's loaded round trip: the median of the latest foreign probes' TCP handshakes.
  const networkRttMs = (): number | null => {
    const recent = probes.filter((p) => p.kind === 'foreign').slice(-8).map((p) => p.tcp as number).sort((a, b) => a - b);
    return recent.length === 0 ? null : (recent[Math.floor(recent.length / 2)] as number);
  };
  const probeTimer = setInterval(() => {
    void foreignProbe();
    void selfProbe();
    const rtt = networkRttMs();
    if (rtt === null) return;
    const now = performance.now();
    for (const load of loads) load.window?.update(load.bytes, rtt, now);
  }, probeEveryMs);
  try {
    for (const direction of directions) loads.push(await startLoad(env, urls, direction, signal));
    let lastBytes = { download: 0, upload: 0 };
    while (performance.now() - started < params.maxDurationMs) {
      await new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          clearTimeout(timer);
          reject(abortError(signal));
        };
        const timer = setTimeout(() => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        }, params.intervalMs);
        signal.addEventListener('abort', onAbort, { once: true });
      });
      const bytes = { download: 0, upload: 0 };
      for (const load of loads) bytes[load.direction] += load.bytes;
      const seconds = params.intervalMs / 1000;
      let total = 0;
      for (const direction of directions) {
        const mbps = ((bytes[direction] - lastBytes[direction]) * 8) / 1e6 / seconds;
        perDirection[direction].push(mbps);
        total += mbps;
      }
      lastBytes = bytes;
      goodput.push(total);
      // The interval's own responsiveness: probes that finished in it.
      const current = probes.filter((p) => p.at === intervalIndex);
      const t: ProbeTimes = {
        tcp: current.filter((p) => p.kind === 'foreign').map((p) => p.tcp as number),
        tls: current.filter((p) => p.kind === 'foreign' && typeof p.tls === 'number').map((p) => p.tls as number),
        http: current.filter((p) => p.kind === 'foreign').map((p) => p.http),
        self: current.filter((p) => p.kind === 'self').map((p) => p.http),
      };
      latencyPerInterval.push(responsivenessLatencyMs(t, params.trimmedMeanKeep));
      intervalIndex += 1;
      const stableDirections = directions.filter((d) => isStable(perDirection[d], params));
      goodputStable = stableDirections.length === directions.length;
      responsivenessStable = isStable(latencyPerInterval, params);
      options.onInterval?.(intervalIndex, total, loads.length);
      if (goodputStable && responsivenessStable) break;
      // Ramp: one more connection in each direction whose goodput is still changing.
      for (const direction of directions) {
        if (stableDirections.includes(direction)) continue;
        if (loads.filter((l) => l.direction === direction).length >= params.maxConnections) continue;
        loads.push(await startLoad(env, urls, direction, signal));
      }
    }
  } finally {
    clearInterval(probeTimer);
    env.signal.removeEventListener('abort', onOuterAbort);
    phase.abort(new Error('phase over'));
    for (const load of loads) load.opened.close();
  }
  if (env.signal.aborted) throw abortError(env.signal);

  // The figure is taken over the final moving window (the stable one, or the last one before the limit).
  const windowStart = Math.max(0, intervalIndex - params.movingAverageIntervals);
  const times = timesOf(windowStart);
  const latencyMs = responsivenessLatencyMs(times, params.trimmedMeanKeep);
  const rpm = rpmFromLatency(latencyMs);
  const tail = (values: number[]) => (values.length === 0 ? null : values.slice(-params.movingAverageIntervals).reduce((a, b) => a + b, 0) / Math.min(values.length, params.movingAverageIntervals));
  const foreignProbes = times.http.length;
  const selfProbes = times.self.length;
  return {
    kind,
    rpm: rpm === null ? null : Math.round(rpm),
    latencyMs: round(latencyMs, 3),
    band: rpm === null ? null : responsivenessBand(rpm),
    confidence: responsivenessConfidence({ goodputStable, responsivenessStable, foreignProbes, selfProbes }),
    goodputStable,
    responsivenessStable,
    downloadMbps: directions.includes('download') ? round(tail(perDirection.download)) : null,
    uploadMbps: directions.includes('upload') ? round(tail(perDirection.upload)) : null,
    connections: Math.max(...directions.map((d) => loads.filter((l) => l.direction === d).length)),
    seconds: round((performance.now() - started) / 1000, 1) ?? 0,
    foreignProbes,
    selfProbes,
    trimmedMs: {
      tcp: round(trimmedMean(times.tcp, params.trimmedMeanKeep), 3),
      tls: round(trimmedMean(times.tls, params.trimmedMeanKeep), 3),
      http: round(trimmedMean(times.http, params.trimmedMeanKeep), 3),
      self: round(trimmedMean(times.self, params.trimmedMeanKeep), 3),
    },
    intervals: goodput.map((mbps, i) => ({ mbps: round(mbps) ?? 0, latencyMs: round(latencyPerInterval[i] ?? null, 3) })),
    failedProbes,
    lastProbeError,
  };
};
