import net from 'node:net';
import { fileURLToPath } from 'node:url';

/**
 * A real HTTP CONNECT proxy, small enough to read: it resolves names from its own table (the
 * way a site's proxy resolves names the laptop cannot), can demand Basic credentials (407), and
 * records every tunnel it opened. Runs in the test's process, or on its own inside a network
 * namespace: `node --import tsx test/support/connect-proxy.ts <listen-host> <port> [name=address ...]`.
 */
export interface ConnectProxyOptions {
  readonly host: string;
  readonly port?: number;
  /** name → address, used instead of DNS for CONNECT targets. */
  readonly names?: Readonly<Record<string, string>>;
  /** `user:password` the proxy demands in Proxy-Authorization. */
  readonly credentials?: string;
  readonly onTunnel?: (authority: string) => void;
}

export interface ConnectProxy {
  readonly url: string;
  readonly port: number;
  /** `host:port` of every tunnel the proxy opened, in order. */
  tunnels(): string[];
  /** Requests it refused with 407. */
  refusals(): number;
  close(): Promise<void>;
}

export const startConnectProxy = async (options: ConnectProxyOptions): Promise<ConnectProxy> => {
  const tunnels: string[] = [];
  let refusals = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    let buffered = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      const end = buffered.indexOf('\r\n\r\n');
      if (end < 0) return;
      client.off('data', onData);
      const lines = buffered.subarray(0, end).toString('latin1').split('\r\n');
      const rest = buffered.subarray(end + 4);
      const [method, authority] = (lines[0] ?? '').split(' ');
      if (method !== 'CONNECT' || !authority) {
        client.end('HTTP/1.1 501 Not Implemented\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      if (options.credentials) {
        const given = lines.find((l) => /^proxy-authorization:/i.test(l))?.replace(/^[^:]+:\s*/, '') ?? '';
        if (given !== `Basic ${Buffer.from(options.credentials).toString('base64')}`) {
          refusals += 1;
          client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\nContent-Length: 0\r\n\r\n');
          return;
        }
      }
      const colon = authority.lastIndexOf(':');
      const name = authority.slice(0, colon).replace(/^\[|\]$/g, '');
      const port = Number(authority.slice(colon + 1));
      const upstream = net.connect({ host: options.names?.[name] ?? name, port });
      sockets.add(upstream);
      upstream.on('close', () => sockets.delete(upstream));
      upstream.once('connect', () => {
        tunnels.push(authority);
        options.onTunnel?.(authority);
        client.write('HTTP/1.1 200 Connection established\r\n\r\n');
        if (rest.length > 0) upstream.write(rest);
        client.pipe(upstream);
        upstream.pipe(client);
      });
      upstream.once('error', () => {
        if (upstream.connecting || !tunnels.includes(authority)) client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
        else client.destroy();
      });
    };
    client.on('data', onData);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host, () => resolve()));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://${net.isIPv6(options.host) ? `[${options.host}]` : options.host}:${port}`,
    port,
    tunnels: () => [...tunnels],
    refusals: () => refusals,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [host = '127.0.0.1', port = '0', ...pairs] = process.argv.slice(2);
  const names = Object.fromEntries(pairs.map((p) => p.split('=') as [string, string]));
  const proxy = await startConnectProxy({ host, port: Number(port), names, onTunnel: (a) => process.stdout.write(`tunnel ${a}\n`) });
  // The parent waits for this line before starting the collector.
  process.stdout.write(`listening ${proxy.url}\n`);
}
