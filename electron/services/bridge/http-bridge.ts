import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { ApiErrorCode, ApiResult } from '../../../shared/contract/result';
import type { Dispatch } from '../api/dispatch';
import { rendererCsp } from '../../../shared/contract/content-security-policy';
import { contentTypeOf } from '../content-types';
import { operationIdHeader } from '../../../shared/contract/operation-id';
import { createDeviceLogging, type Log } from '../log/logger';

/** Enough for the largest payload the contract allows (a 20 MB collector bundle), and no more. */
export const maxBodyBytes = 32 * 1024 * 1024;

const statusFor: Record<ApiErrorCode, number> = {
  validation: 400,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  unauthorized: 401,
  unknown_call: 404,
  payload_too_large: 413,
  internal: 500,
};


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

const sendJson = (res: http.ServerResponse, status: number, body: unknown): void => {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
};

const failure = (res: http.ServerResponse, code: ApiErrorCode, message: string): void =>
  sendJson(res, statusFor[code], { ok: false, error: { code, message } } satisfies ApiResult<never>);

const tokensMatch = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
};

const readBody = (req: http.IncomingMessage): Promise<Buffer | 'too_large'> =>
  new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBodyBytes) {
      req.resume();
      resolve('too_large');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        req.removeAllListeners('data');
        req.resume();
        resolve('too_large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

const serveStatic = (res: http.ServerResponse, staticDir: string, urlPath: string): void => {
  const relative = decodeURIComponent(urlPath.split('?')[0] ?? '/').replace(/^\/+/, '') || 'index.html';
  const root = path.resolve(staticDir);
  let file = path.resolve(root, relative);
  if (!file.startsWith(root + path.sep)) {
    res.writeHead(404).end();
    return;
  }
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
  const body = fs.readFileSync(file);
  res.writeHead(200, {
    'content-type': contentTypeOf(file),
    'content-security-policy': rendererCsp,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  });
  res.end(body);
};

/**
 * The second door to the real services for a browser (e2e tests, `npm run web`): bound to
 * 127.0.0.1, a random token per run, the Host header checked against DNS rebinding, bodies capped.
 */
export const startHttpBridge = async (options: HttpBridgeOptions): Promise<HttpBridge> => {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  let allowedHosts: Set<string> = new Set();
  const log = options.log ?? createDeviceLogging({ level: 'warn', echo: process.stderr }).log;

  const server = http.createServer(async (req, res) => {
    try {
      if (!allowedHosts.has(req.headers.host ?? '')) {
        failure(res, 'forbidden', 'This bridge only answers requests addressed to 127.0.0.1 or localhost.');
        return;
      }
      const urlPath = req.url ?? '/';
      if (!urlPath.startsWith('/api/')) {
        if (req.method !== 'GET' && req.method !== 'HEAD') {
          failure(res, 'not_found', 'Not found');
          return;
        }
        if (options.staticDir) serveStatic(res, options.staticDir, urlPath);
        else failure(res, 'not_found', 'Not found');
        return;
      }
      const auth = req.headers.authorization ?? '';
      const given = auth.startsWith('Bearer ') ? auth.slice('Bearer '.length) : '';
      if (!tokensMatch(given, token)) {
        failure(res, 'unauthorized', 'Missing or wrong bridge token.');
        return;
      }
      if (req.method !== 'POST') {
        failure(res, 'not_found', 'API calls are POST requests.');
        return;
      }
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        failure(res, 'validation', 'API calls carry a JSON body (content-type: application/json).');
        return;
      }
      const body = await readBody(req);
      if (body === 'too_large') {
        failure(res, 'payload_too_large', `Request bodies are limited to ${maxBodyBytes} bytes.`);
        return;
      }
      let input: unknown;
      try {
        input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
      } catch (error) {
        log.debug({ err: error }, 'bridge: request body is not JSON');
        failure(res, 'validation', 'The request body is not valid JSON.');
        return;
      }
      const channel = decodeURIComponent(urlPath.slice('/api/'.length).split('?')[0] ?? '');
      const result = await options.dispatch(channel, input, req.headers[operationIdHeader]);
      sendJson(res, result.ok ? 200 : statusFor[result.error.code], result);
    } catch (error) {
      log.error({ err: error }, 'bridge: request failed');
      if (!res.headersSent) failure(res, 'internal', 'The bridge failed to answer.');
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    token,
    openUrl: `${url}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
