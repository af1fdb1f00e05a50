import net from 'node:net';
import { splitHostPort } from '../../../shared/probes/host-port';
import type { ProbeContext } from './probe-definition';

export interface HostPort {
  readonly host: string;
  readonly port: number;
}

/** `host`, `host:port`, `[v6]:port` or a bare IPv6 address; throws (RangeError) on a port outside 1–65535 or a host like `-c`. */
export const parseHostPort = (target: string, defaultPort: number): HostPort => splitHostPort(target, defaultPort);

export const formatHostPort = ({ host, port }: HostPort): string => (net.isIPv6(host) ? `[${host}]:${port}` : `${host}:${port}`);

/** Resolves a name once so timings measure the network, not the resolver. */
export const resolveAddress = async (ctx: ProbeContext, host: string): Promise<string> => (net.isIP(host) ? host : ctx.lookup(host));

export interface ConnectTiming {
  readonly ms: number;
  /** A refusal (RST) still measures a full round trip to the host. */
  readonly outcome: 'connected' | 'refused';
}

/**
 * Times one TCP handshake; null when nothing answered within the timeout. `onNoAnswer` hears why
 * there was none, in plain words (no route, timed out after N s), for the probe's message.
 */
export const timeTcpConnect = (ctx: ProbeContext, address: string, port: number, timeoutMs: number, onNoAnswer?: (why: string) => void): Promise<ConnectTiming | null> =>
  new Promise((resolve, reject) => {
    const socket = ctx.track(new net.Socket());
    const started = performance.now();
    const done = (value: ConnectTiming | null, error?: Error) => {
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(value);
    };
    const timer = setTimeout(() => {
      onNoAnswer?.(`no answer within ${timeoutMs / 1000} s`);
      done(null);
    }, timeoutMs);
    socket.once('connect', () => done({ ms: performance.now() - started, outcome: 'connected' }));
    socket.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED') done({ ms: performance.now() - started, outcome: 'refused' });
      else if (['EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'ECONNRESET', 'EADDRNOTAVAIL'].includes(error.code ?? '')) {
        onNoAnswer?.(plainNetworkError(error));
        done(null);
      }
      else done(null, error);
    });
    socket.once('close', () => {
      if (ctx.signal.aborted) done(null, ctx.signal.reason as Error);
    });
    socket.connect({ host: address, port });
  });

/** A network error in plain words for a probe's message. */
export const plainNetworkError = (error: unknown): string => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'DNS could not resolve the name';
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ECONNRESET') return 'connection reset (often a firewall)';
  if (code === 'EHOSTUNREACH') return 'no route to the host (nothing answered ARP/ND for it, or a router said unreachable)';
  if (code === 'ENETUNREACH') return 'no route to the network';
  if (code === 'EADDRNOTAVAIL') return 'no usable local address for that destination';
  if (code === 'ETIMEDOUT') return 'the connection timed out';
  return error instanceof Error ? error.message : String(error);
};
