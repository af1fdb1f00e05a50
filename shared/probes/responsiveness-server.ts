import { responsivenessConfigFor, responsivenessPaths } from './responsiveness';

/**
 * The responsiveness test's server side (draft-ietf-ippm-responsiveness): the /.well-known/nq
 * configuration, a large download, an upload sink and a one-byte object. The reflector (on the
 * customer's LAN) and the hub (the partner's end of the path) both serve it; each binds it to its
 * own Node HTTP/1.1 and HTTP/2 servers, so it is written against the little of their request and
 * response objects it uses, with no Node API of its own.
 */

export interface ResponsivenessRequest {
  readonly url?: string | undefined;
  readonly method?: string | undefined;
  readonly headers: Record<string, string | string[] | undefined>;
  on(event: 'data', listener: (data: Uint8Array) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  resume(): unknown;
}

export interface ResponsivenessResponse {
  writeHead(status: number, headers: Record<string, string>): unknown;
  write(data: Uint8Array): boolean;
  end(data?: string): unknown;
  destroy(): void;
  readonly destroyed: boolean;
  on(event: 'close' | 'drain', listener: () => void): unknown;
}

/** Big HTTP/2 flow-control windows: the 64 KiB default would cap a download at 64 KiB per round trip. */
export const h2Window = 16 * 1024 * 1024;

/** A load connection's window starts here (the HTTP/2 default) and is never cut below it. */
export const loadWindowFloor = 64 * 1024;

/**
 * The receiving end's window for one load-generating connection, sized as TCP sizes a receive
 * window: a few times what arrived over one round trip of the network (`networkRttMs`, measured on
 * fresh connections, so across the loaded queues but not behind the sender's own buffer). A window
 * that limits the rate about doubles each round trip until the path is the limit, so the
 * bottleneck's queue still fills; but the sender can no longer keep much more than that in its
 * socket buffer.
 * Left at 64 MiB, a sender's kernel held ~1 MB per connection and a self probe waited ~0.9 s
 * behind it whatever the bottleneck's queue (issue 15).
 */
export const loadWindowFor = (bytesPerMs: number, networkRttMs: number): number =>
  Math.round(Math.min(h2Window * 4, Math.max(loadWindowFloor, 3 * bytesPerMs * networkRttMs)));

/** A connection's window as its load runs: call `update` with the bytes read so far; it resizes once per round trip. */
export interface LoadWindowSizer {
  update(bytes: number, networkRttMs: number, now: number): void;
}

export const loadWindowSizer = (setWindow: (bytes: number) => void, now: number): LoadWindowSizer => {
  let sizedAt = now;
  let sizedAtBytes = 0;
  let window = loadWindowFloor;
  return {
    update: (bytes, networkRttMs, at) => {
      const elapsed = at - sizedAt;
      if (elapsed < Math.max(100, networkRttMs)) return;
      const next = loadWindowFor((bytes - sizedAtBytes) / elapsed, networkRttMs);
      sizedAt = at;
      sizedAtBytes = bytes;
      if (next === window) return;
      window = next;
      setWindow(next);
    },
  };
};

const chunk = new Uint8Array(256 * 1024).fill(0x61);
/** The draft asks for a large object that outlasts the test; 8 GiB is what servers commonly declare. */
const largeBytes = 8 * 1024 ** 3;
/** No download runs longer than this, whoever asks (a forgotten client cannot pin the server's uplink). */
export const maxDownloadMs = 60_000;

const noStore = { 'cache-control': 'no-store', 'content-type': 'application/octet-stream' };

const serveLarge = (req: ResponsivenessRequest, res: ResponsivenessResponse, now: () => number): void => {
  res.writeHead(200, { ...noStore, 'content-length': String(largeBytes) });
  let sent = 0;
  const deadline = now() + maxDownloadMs;
  // The deadline is checked as the client drains what was sent: a client that stops reading costs
  // only its socket, which the server's own idle timeout closes.
  const pump = (): void => {
    while (!res.destroyed && sent < largeBytes) {
      if (now() > deadline) return res.destroy();
      const part = Math.min(chunk.length, largeBytes - sent);
      sent += part;
      if (!res.write(part === chunk.length ? chunk : chunk.subarray(0, part))) return;
    }
    if (sent >= largeBytes) res.end();
  };
  res.on('drain', pump);
  req.resume();
  pump();
};

const serveUpload = (req: ResponsivenessRequest, res: ResponsivenessResponse): void => {
  let bytes = 0;
  req.on('data', (data) => {
    bytes += data.length;
  });
  req.on('end', () => {
    if (res.destroyed) return;
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ bytes }));
  });
};

export interface ResponsivenessServerOptions {
  /** The scheme clients reach this server with ('https' behind TLS): the config's URLs use it. */
  readonly scheme: 'http' | 'https';
  readonly now: () => number;
}

const firstHeader = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/** Answers one request on the draft's endpoints; anything else is a 404. */
export const answerResponsivenessRequest = (req: ResponsivenessRequest, res: ResponsivenessResponse, options: ResponsivenessServerOptions): void => {
  const path = (req.url ?? '/').split('?')[0];
  const host = firstHeader(req.headers[':authority']) ?? firstHeader(req.headers.host) ?? 'localhost';
  if (path === responsivenessPaths.config && (req.method === 'GET' || req.method === 'HEAD')) {
    const body = JSON.stringify(responsivenessConfigFor(`${options.scheme}://${host}`, responsivenessPaths));
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  if (path === responsivenessPaths.small && req.method === 'GET') {
    res.writeHead(200, { ...noStore, 'content-length': '1' });
    res.end('x');
    return;
  }
  if (path === responsivenessPaths.large && req.method === 'GET') return serveLarge(req, res, options.now);
  if (path === responsivenessPaths.upload && (req.method === 'POST' || req.method === 'PUT')) return serveUpload(req, res);
  req.resume();
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('not a responsiveness endpoint\n');
};
