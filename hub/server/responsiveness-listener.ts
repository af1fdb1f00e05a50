import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { answerResponsivenessRequest, h2Window, type ResponsivenessRequest, type ResponsivenessResponse } from '../../shared/probes/responsiveness-server';

/**
 * The hub's end of the responsiveness test (draft-ietf-ippm-responsiveness), on its own port: a
 * laptop measures the segment from the customer's site to the partner's hub with the same client it
 * runs against the LAN reflector. It needs HTTP/2 (self probes share the loaded connections), which
 * the API's Fastify server does not speak, hence a second listener. Cleartext answers HTTP/2 with
 * prior knowledge (what Groundwork's client sends); behind TLS, ALPN offers HTTP/2 and HTTP/1.1.
 * Each download ends after 60 s and at most `maxSessions` connections are served at once, so the
 * endpoint cannot be turned into a way to pin the hub's uplink.
 */

export interface ResponsivenessListenerOptions {
  readonly host: string;
  readonly port: number;
  readonly https?: { readonly cert: Buffer; readonly key: Buffer } | undefined;
  readonly log: Logger;
  readonly maxSessions?: number;
}

export interface ResponsivenessListener {
  readonly port: number;
  readonly scheme: 'http' | 'https';
  close(): Promise<void>;
}

export const startResponsivenessListener = async (options: ResponsivenessListenerOptions): Promise<ResponsivenessListener> => {
  const scheme = options.https ? 'https' : 'http';
  const answer = (req: http2.Http2ServerRequest, res: http2.Http2ServerResponse) =>
    answerResponsivenessRequest(req as unknown as ResponsivenessRequest, res as unknown as ResponsivenessResponse, { scheme, now: Date.now });
  const settings = { initialWindowSize: h2Window };
  const server = options.https
    ? http2.createSecureServer({ cert: options.https.cert, key: options.https.key, allowHTTP1: true, settings }, answer)
    : http2.createServer({ settings }, answer);
  const maxSessions = options.maxSessions ?? 64;
  const sessions = new Set<http2.ServerHttp2Session>();
  server.on('session', (session) => {
    if (sessions.size >= maxSessions) {
      options.log.warn({ maxSessions }, 'responsiveness: connection refused, the hub serves this many test connections at once');
      session.destroy();
      return;
    }
    sessions.add(session);
    session.once('close', () => sessions.delete(session));
    // A client that vanishes mid-test is an ordinary end of a load connection, not a hub fault.
    session.on('error', (error) => options.log.debug({ err: error }, 'responsiveness: a test connection ended with an error'));
    session.once('localSettings', () => {
      if (!session.destroyed) session.setLocalWindowSize(h2Window * 4);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => options.log.error({ err: error }, 'responsiveness listener error'));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    scheme,
    close: () =>
      new Promise<void>((resolve) => {
        for (const session of sessions) session.destroy();
        server.close(() => resolve());
      }),
  };
};
