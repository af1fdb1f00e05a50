import http from 'node:http';
import http2 from 'node:http2';
import type net from 'node:net';
import { Duplex } from 'node:stream';
import { answerResponsivenessRequest, h2Window, type ResponsivenessRequest, type ResponsivenessResponse } from '../../../../shared/probes/responsiveness-server';

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
