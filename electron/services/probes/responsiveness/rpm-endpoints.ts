import http from 'node:http';
import http2 from 'node:http2';
import type net from 'node:net';
import { Duplex } from 'node:stream';
import { responsivenessConfigFor, responsivenessPaths } from '../../../../shared/probes/responsiveness';

/**
 * The responsiveness test's server side (draft-ietf-ippm-responsiveness): the /.well-known/nq
 * configuration, a large download, an upload sink and a one-byte object, over HTTP/2 (cleartext,
 * prior knowledge — what the self probes need to share a loaded connection) and HTTP/1.1 (what a
 * plain client such as curl speaks), on sockets the reflector hands over.
 */

const chunk = Buffer.alloc(256 * 1024, 0x61);
/** The draft asks for a large object that outlasts the test; 8 GiB is what servers commonly declare. */
const largeBytes = 8 * 1024 ** 3;
/** No download runs longer than this, whoever asks (a forgotten client cannot pin the reflector). */
const maxDownloadMs = 60_000;
/** Big HTTP/2 flow-control windows: the 64 KiB default would cap a download at 64 KiB per round trip. */
export const h2Window = 16 * 1024 * 1024;

type Request = http.IncomingMessage | http2.Http2ServerRequest;
/** What both HTTP versions' responses offer, as used here (their own types do not unify). */
interface Response {
  writeHead(status: number, headers: Record<string, string>): unknown;
  write(data: Buffer): boolean;
  end(data?: string): unknown;
  destroy(): void;
  readonly destroyed: boolean;
  on(event: 'close' | 'drain', listener: () => void): unknown;
}

const noStore = { 'cache-control': 'no-store', 'content-type': 'application/octet-stream' };

const serveLarge = (req: Request, res: Response): void => {
  res.writeHead(200, { ...noStore, 'content-length': String(largeBytes) });
  let sent = 0;
  const deadline = setTimeout(() => res.destroy(), maxDownloadMs);
  const stop = () => clearTimeout(deadline);
  res.on('close', stop);
  const pump = () => {
    while (!res.destroyed && sent < largeBytes) {
      const part = Math.min(chunk.length, largeBytes - sent);
      sent += part;
      if (!res.write(part === chunk.length ? chunk : chunk.subarray(0, part))) return;
    }
    if (sent >= largeBytes) {
      stop();
      res.end();
    }
  };
  res.on('drain', pump);
  req.resume();
  pump();
};

const serveUpload = (req: Request, res: Response): void => {
  let bytes = 0;
  req.on('data', (data: Buffer) => {
    bytes += data.length;
  });
  req.on('end', () => {
    if (res.destroyed) return;
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ bytes }));
  });
};

/** Answers one request; `origin` is how the client reached us (for the config's URLs). */
export const handleResponsivenessRequest = (req: Request, response: http.ServerResponse | http2.Http2ServerResponse): void => {
  const res = response as unknown as Response;
  const path = (req.url ?? '/').split('?')[0];
  const host = (req.headers[':authority'] as string | undefined) ?? req.headers.host ?? 'localhost';
  if (path === responsivenessPaths.config && (req.method === 'GET' || req.method === 'HEAD')) {
    const body = JSON.stringify(responsivenessConfigFor(`http://${host}`, responsivenessPaths));
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store', 'content-length': String(Buffer.byteLength(body)) });
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  if (path === responsivenessPaths.small && req.method === 'GET') {
    res.writeHead(200, { ...noStore, 'content-length': '1' });
    res.end('x');
    return;
  }
  if (path === responsivenessPaths.large && req.method === 'GET') return serveLarge(req, res);
  if (path === responsivenessPaths.upload && (req.method === 'POST' || req.method === 'PUT')) return serveUpload(req, res);
  req.resume();
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('not a responsiveness endpoint\n');
};

export interface ResponsivenessHttp {
  /** Serves an accepted socket whose first bytes (already read) were `head`. */
  serve(socket: net.Socket, head: Buffer): void;
  close(): void;
}

/** The HTTP/2 connection preface a prior-knowledge client opens with. */
const h2Preface = 'PRI * HTTP/2.0';

/** True when a connection's first line is an HTTP request line (or the HTTP/2 preface). */
export const looksLikeHttp = (firstLine: string): boolean => firstLine.startsWith(h2Preface) || /^(GET|HEAD|POST|PUT) \S+ HTTP\/1\.[01]\r?$/.test(firstLine);

/**
 * The socket as a plain stream that first yields the bytes already read. HTTP/2 sessions read a
 * net.Socket's handle directly (bytes given back with unshift would be lost); a stream that is not
 * a socket is read through its events instead.
 */
const relayWithHead = (socket: net.Socket, head: Buffer): Duplex => {
  const relay = new Duplex({
    read: () => socket.resume(),
    write: (data: Buffer, _encoding, done) => {
      if (socket.write(data)) done();
      else socket.once('drain', () => done());
    },
    final: (done) => {
      socket.end();
      done();
    },
    destroy: (error, done) => {
      socket.destroy();
      done(error);
    },
  });
  relay.push(head);
  socket.on('data', (data: Buffer) => {
    if (!relay.push(data)) socket.pause();
  });
  socket.on('end', () => relay.push(null));
  socket.on('close', () => relay.destroy());
  socket.on('error', (error) => relay.destroy(error));
  return relay;
};

/** HTTP/1.1 and HTTP/2 servers that never listen themselves: the reflector passes them connections. */
export const createResponsivenessHttp = (): ResponsivenessHttp => {
  const h1 = http.createServer({ keepAliveTimeout: 10_000 }, handleResponsivenessRequest);
  const h2 = http2.createServer({ settings: { initialWindowSize: h2Window } }, handleResponsivenessRequest);
  h2.on('session', (session) => {
    session.on('error', () => undefined);
    // The connection-level window is separate from the per-stream one set above.
    session.once('localSettings', () => {
      if (!session.destroyed) session.setLocalWindowSize(h2Window * 4);
    });
  });
  const sessions = new Set<net.Socket>();
  return {
    serve: (socket, head) => {
      sessions.add(socket);
      socket.once('close', () => sessions.delete(socket));
      socket.pause();
      if (head.toString('latin1').startsWith(h2Preface)) {
        h2.emit('connection', relayWithHead(socket, head));
        return;
      }
      socket.unshift(head);
      h1.emit('connection', socket);
      socket.resume();
    },
    close: () => {
      for (const socket of sessions) socket.destroy();
    },
  };
};
