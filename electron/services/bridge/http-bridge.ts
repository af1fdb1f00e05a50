import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyReply } from 'fastify';
import type { ApiErrorCode } from '../../../shared/contract/result';
import { errorBody, frameworkRefusal, httpStatusOf } from '../../../shared/contract/http-error';
import type { Dispatch } from '../api/dispatch';
import { rendererCsp } from '../../../shared/contract/content-security-policy';
import { contentTypeOf } from '../content-types';
import { operationIdHeader } from '../../../shared/contract/operation-id';
import { createDeviceLogging, type Log } from '../log/logger';

/** Enough for the largest payload the contract allows (a 20 MB collector bundle), and no more. */
export const maxBodyBytes = 32 * 1024 * 1024;

export interface HttpBridge {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  /** The address to open in a browser: the token travels in the fragment, never to the server log. */
  readonly openUrl: string;
  close(): Promise<void>;
}

export interface HttpBridgeOptions {
  readonly dispatch: Dispatch;
  /** The built renderer (vite build output); omitted, only the API is served. */
  readonly staticDir?: string;
  readonly port?: number;
  readonly token?: string;
  /** The services' log (`services.log`); omitted, warnings and errors go to stderr. */
  readonly log?: Log;
}

/** Thrown inside the bridge for a refusal the caller sees as-is, in the contract's envelope. */
class BridgeRefusal extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const tokensMatch = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
};

const staticHeaders = {
  'content-security-policy': rendererCsp,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

const serveStatic = (reply: FastifyReply, staticDir: string, urlPath: string): FastifyReply => {
  const relative = decodeURIComponent(urlPath.split('?')[0] ?? '/').replace(/^\/+/, '') || 'index.html';
  const root = path.resolve(staticDir);
  let file = path.resolve(root, relative);
  if (!file.startsWith(root + path.sep)) return reply.code(404).send();
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
  return reply.code(200).headers(staticHeaders).type(contentTypeOf(file)).send(fs.readFileSync(file));
};

/**
 * The second door to the real services for a browser (e2e tests, `npm run web`), on Fastify like
 * the hub: bound to 127.0.0.1, a random token per run, the Host header checked against DNS
 * rebinding, bodies capped, every error in the contract's envelope (shared/contract/http-error).
 */
export const startHttpBridge = async (options: HttpBridgeOptions): Promise<HttpBridge> => {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  let allowedHosts: Set<string> = new Set();
  const log = options.log ?? createDeviceLogging({ level: 'warn', echo: process.stderr }).log;
  const app = Fastify({ logger: false, bodyLimit: maxBodyBytes, forceCloseConnections: true, exposeHeadRoutes: true });

  // Refusals come before the body is read: a caller without the token never gets 32 MiB parsed.
  app.addHook('onRequest', async (request, reply) => {
    reply.header('cache-control', 'no-store').header('x-content-type-options', 'nosniff');
    if (!allowedHosts.has(request.headers.host ?? '')) throw new BridgeRefusal('forbidden', 'This bridge only answers requests addressed to 127.0.0.1 or localhost.');
    if (!request.url.startsWith('/api/')) return;
    const auth = request.headers.authorization ?? '';
    if (!tokensMatch(auth.startsWith('Bearer ') ? auth.slice('Bearer '.length) : '', token)) throw new BridgeRefusal('unauthorized', 'Missing or wrong bridge token.');
    if (request.method !== 'POST') throw new BridgeRefusal('not_found', 'API calls are POST requests.');
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      throw new BridgeRefusal('validation', 'API calls carry a JSON body (content-type: application/json).');
    }
  });

  // An empty body is an empty input; anything else must be JSON.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body: Buffer, done) => {
    if (body.length === 0) {
      done(null, {});
      return;
    }
    try {
      done(null, JSON.parse(body.toString('utf8')));
    } catch (error) {
      log.debug({ err: error }, 'bridge: request body is not JSON');
      done(new BridgeRefusal('validation', 'The request body is not valid JSON.'), undefined);
    }
  });

  app.setErrorHandler((error: Error & { statusCode?: number }, _request, reply) => {
    if (error instanceof BridgeRefusal) return reply.code(httpStatusOf[error.code]).send(errorBody(error.code, error.message));
    const refusal = frameworkRefusal(error.statusCode, maxBodyBytes);
    if (refusal) return reply.code(refusal.status).send(errorBody(refusal.code, refusal.message));
    log.error({ err: error }, 'bridge: request failed');
    return reply.code(500).send(errorBody('internal', 'The bridge failed to answer.'));
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send(errorBody('not_found', 'Not found')));

  app.post('/api/*', async (request, reply) => {
    const channel = decodeURIComponent(request.url.slice('/api/'.length).split('?')[0] ?? '');
    const result = await options.dispatch(channel, request.body ?? {}, request.headers[operationIdHeader]);
    return reply.code(result.ok ? 200 : httpStatusOf[result.error.code]).send(result);
  });
  const { staticDir } = options;
  if (staticDir) app.get('/*', async (request, reply) => serveStatic(reply, staticDir, request.url));

  await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    token,
    openUrl: `${url}/#token=${token}`,
    close: () => app.close(),
  };
};
