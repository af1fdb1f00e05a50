import http from 'node:http';
import http2 from 'node:http2';
import type net from 'node:net';
import { Duplex } from 'node:stream';
import { responsivenessPaths } from '../../../../shared/probes/responsiveness';
import { answerResponsivenessRequest, h2Window, loadWindowSizer, type ResponsivenessRequest, type ResponsivenessResponse } from '../../../../shared/probes/responsiveness-server';

/**
 * The reflector's responsiveness endpoints (shared/probes/responsiveness-server.ts) over HTTP/2
 * (cleartext, prior knowledge — what the self probes need to share a loaded connection) and
 * HTTP/1.1 (what a plain client such as curl speaks), on sockets the reflector hands over.
 */

/** The endpoints as the reflector serves them (cleartext, so the config's URLs say http). */
export const handleResponsivenessRequest = (req: http.IncomingMessage | http2.Http2ServerRequest, res: http.ServerResponse | http2.Http2ServerResponse): void =>
  answerResponsivenessRequest(req as unknown as ResponsivenessRequest, res as unknown as ResponsivenessResponse, { scheme: 'http', now: Date.now });

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

/**
 * The path's round trip as this server sees it: how long each new HTTP/2 session's peer takes to
 * acknowledge our SETTINGS (a fresh connection, so across any loaded queue but behind no load of
 * its own); the median of the latest few. The responsiveness test's foreign probes keep it current.
 */
const roundTrips = () => {
  const latest: number[] = [];
  return {
    add: (ms: number) => {
      latest.push(ms);
      if (latest.length > 8) latest.shift();
    },
    median: (): number | null => (latest.length === 0 ? null : ([...latest].sort((a, b) => a - b)[Math.floor(latest.length / 2)] as number)),
  };
};

/**
 * An HTTP/2 upload's connection window, sized to the path (loadWindowFor) as the body arrives: the
 * client then keeps about a round trip's worth in its send buffer, not its kernel's ~1 MB.
 */
const sizeUploadWindow = (req: http2.Http2ServerRequest, rtt: ReturnType<typeof roundTrips>): void => {
  const session = req.stream.session;
  if (!session) return;
  const sizer = loadWindowSizer((bytes) => {
    if (!session.destroyed) session.setLocalWindowSize(bytes);
  }, performance.now());
  let bytes = 0;
  req.on('data', (data: Buffer) => {
    bytes += data.length;
    const ms = rtt.median();
    if (ms !== null) sizer.update(bytes, ms, performance.now());
  });
};

/** HTTP/1.1 and HTTP/2 servers that never listen themselves: the reflector passes them connections. */
export const createResponsivenessHttp = (): ResponsivenessHttp => {
  const rtt = roundTrips();
  const h1 = http.createServer({ keepAliveTimeout: 10_000 }, handleResponsivenessRequest);
  const h2 = http2.createServer({ settings: { initialWindowSize: h2Window } }, (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === responsivenessPaths.upload && (req.method === 'POST' || req.method === 'PUT')) sizeUploadWindow(req, rtt);
    handleResponsivenessRequest(req, res);
  });
  h2.on('session', (session) => {
    session.on('error', () => undefined);
    // The connection-level window stays at its 64 KiB default: only an upload needs more, and sizes its own.
    const sentAt = performance.now();
    session.once('localSettings', () => rtt.add(performance.now() - sentAt));
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
