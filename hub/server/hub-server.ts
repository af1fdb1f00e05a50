import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  enrollRequestSchema,
  maxBlobBytes,
  pullQuerySchema,
  referenceTables,
  seesAllPartnerCases,
  pushRequestSchema,
  sha256HexSchema,
} from '../../shared/sync/protocol';
import type { DeviceRecord, HubStore } from '../store/hub-store';
import { defaultMaxClockSkewMs } from '../../shared/sync/hlc';
import { applyPushCounted, authenticate, enrollDevice, HubFailure, pullChanges, refuseFutureClocks, refuseInvalidFields, sha256Hex } from '../sync/hub-service';
import { HubMetrics } from './metrics';
import { defaultFailureLimit, failureLimiter, useDepthCheckedJson, type FailureLimit } from './request-limits';
import type { HubLog } from './hub-log';
import { isStoreUnavailable, StoreHealth, storeRetryAfterSeconds } from '../store/store-health';
import { isOperationId, operationIdHeader } from '../../shared/contract/operation-id';
import { errorBody, frameworkRefusal } from '../../shared/contract/http-error';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { appPlatforms, platformOfChannelFile, releaseFileOf, renderUpdateFeed } from '../updates/update-feed';
import { responsivenessPaths } from '../../shared/probes/responsiveness';
import { registerQuestionnaireDeviceRoutes, registerQuestionnairePublicRoutes } from './questionnaire-routes';

export interface HubServerOptions {
  readonly store: HubStore;
  readonly https?: { readonly cert: Buffer; readonly key: Buffer } | undefined;
  /** The hub's log (createHubLog); omitted, the server logs nothing (in-process tests). */
  readonly log?: HubLog;
  /** Largest JSON body (a push batch), bytes. */
  readonly jsonBodyLimit?: number;
  readonly blobBodyLimit?: number;
  /** When set, /metrics needs `Authorization: Bearer <this>` (GROUNDWORK_HUB_METRICS_TOKEN). */
  readonly metricsToken?: string | undefined;
  /** How far ahead of the hub's clock a pushed HLC may be (default 5 minutes). */
  readonly maxClockSkewMs?: number;
  /** How often the held-row gauges are recounted from the store (default 10 minutes); scrapes never wait for it. */
  readonly metricsRecountMs?: number;
  /** Where published installers live (<data dir>/releases); without it the hub serves feeds whose files are elsewhere (--url). */
  readonly releasesDir?: string | undefined;
  /** Wrong enrollment codes / wrong tokens allowed per client address and window before 429. */
  readonly failureLimit?: FailureLimit;
  /** The responsiveness test's listener (responsiveness-listener.ts), when the hub runs one. */
  readonly responsiveness?: { readonly port: number; readonly scheme: 'http' | 'https' } | undefined;
}

/** The host a client used to reach us, without its port ("[::1]:8787" → "[::1]"). */
const hostOf = (hostHeader: string | undefined): string => {
  const host = (hostHeader ?? 'localhost').trim();
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1) || 'localhost';
  return host.split(':')[0] || 'localhost';
};

/** Enrollment bodies are a code and two names: anything bigger is refused before it is read. */
export const enrollBodyLimit = 8 * 1024;

const loopbackAddresses = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

declare module 'fastify' {
  interface FastifyRequest {
    device?: DeviceRecord;
  }
}

const parse = <S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> => {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
  throw new HubFailure(400, 'validation', `Invalid ${what}: ${where}${first?.message ?? 'invalid'}`.slice(0, 300));
};

const deviceOf = (request: FastifyRequest): DeviceRecord => {
  if (!request.device) throw new HubFailure(401, 'unauthorized', 'This device is not enrolled with this hub, or its access has ended.');
  return request.device;
};

/** The hub's HTTP API: /v1/ for devices, /healthz and /metrics for operators. */
export const buildHubServer = (options: HubServerOptions): FastifyInstance => {
  const { store } = options;
  const app = Fastify({
    ...(options.log ? { loggerInstance: options.log } : { logger: false }),
    // One id per request, the device's operation id when it sent one, so a sync is traceable end to end.
    genReqId: (req) => {
      const given = req.headers[operationIdHeader];
      return isOperationId(given) ? given : crypto.randomUUID();
    },
    exposeHeadRoutes: false,
    bodyLimit: options.jsonBodyLimit ?? 16 * 1024 * 1024,
    ...(options.https ? { https: { cert: options.https.cert, key: options.https.key } } : {}),
  }) as unknown as FastifyInstance;

  const health = new StoreHealth();
  const metrics = new HubMetrics({
    countHeld: () => store.counts(),
    ...(options.metricsRecountMs !== undefined ? { recountEveryMs: options.metricsRecountMs } : {}),
    onRecountFailed: (error) => app.log.warn({ err: error }, 'metrics recount failed; the gauges keep their last figures'),
  });

  useDepthCheckedJson(app);
  // Only counters per address live here; it limits nothing on its own (global: false).
  void app.register(rateLimit, { global: false });

  app.addHook('onResponse', async (request, reply) => {
    // Any store-backed answer below 500 means the store is back.
    if (reply.statusCode < 500 && request.routeOptions.url?.startsWith('/v1/') && health.markUp()) {
      request.log.info('store is reachable again');
      metrics.setStoreUp(true);
    }
    // The route pattern, never the raw URL: a blob hash per label would grow the series without bound.
    const labels = { route: request.routeOptions.url ?? 'unmatched', method: request.method, status: String(reply.statusCode) };
    metrics.requests.inc(labels);
    metrics.requestDuration.observe(labels, reply.elapsedTime / 1000);
  });

  // Every error in the one body the loopback bridge sends too (shared/contract/http-error).
  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, _request, reply: FastifyReply) => {
    if (error instanceof HubFailure) return reply.code(error.status).headers(error.headers).send(errorBody(error.code, error.message));
    if (isStoreUnavailable(error)) {
      if (health.markDown(error)) _request.log.error({ err: error }, 'store unavailable; answering 503 until it is back');
      else _request.log.warn({ code: (error as { code?: string }).code }, 'store still unavailable');
      metrics.storeErrors.inc();
      metrics.setStoreUp(false);
      return reply
        .code(503)
        .header('retry-after', String(storeRetryAfterSeconds))
        .send(errorBody('store_unavailable', "The hub's database is unavailable at the moment; changes stay queued on the device and go through when it is back."));
    }
    const refusal = frameworkRefusal(error.statusCode);
    if (refusal) return reply.code(refusal.status).send(errorBody(refusal.code, refusal.message));
    _request.log.error({ err: error }, 'request failed');
    return reply.code(500).send(errorBody('internal', 'The hub hit an internal error; the details are in its log.'));
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send(errorBody('not_found', 'No such endpoint.')));

  // Asks the store each time, so a load balancer sees the outage and the recovery as they happen.
  app.get('/healthz', async (request, reply) => {
    try {
      await store.ping();
      if (health.markUp()) request.log.info('store is reachable again');
      metrics.setStoreUp(true);
      return { ok: true, store: store.dialect };
    } catch (error) {
      if (!isStoreUnavailable(error)) throw error;
      if (health.markDown(error)) request.log.error({ err: error }, 'store unavailable');
      metrics.setStoreUp(false);
      const { since, reason } = health.snapshot();
      return reply.code(503).header('retry-after', String(storeRetryAfterSeconds)).send({ ok: false, store: store.dialect, storeDown: true, since, reason });
    }
  });
  // Where a laptop measures the segment to this hub: the draft's config on the responsiveness
  // listener's port, on the host name the laptop reached the hub by. No token: it names a port only.
  app.get('/responsiveness', async (request, reply) => {
    if (!options.responsiveness) {
      return reply.code(404).send(errorBody('not_found', 'This hub does not serve the responsiveness test (start it with --responsiveness-port).'));
    }
    const { scheme, port } = options.responsiveness;
    return { configUrl: `${scheme}://${hostOf(request.headers.host)}:${port}${responsivenessPaths.config}` };
  });
  app.get('/metrics', async (request, reply) => {
    // Totals span every partner: with no metrics token set they are for this machine only.
    if (options.metricsToken ? request.headers.authorization !== `Bearer ${options.metricsToken}` : !loopbackAddresses.has(request.socket.remoteAddress ?? '')) {
      throw new HubFailure(401, 'unauthorized', 'The metrics need the metrics token (GROUNDWORK_HUB_METRICS_TOKEN); without one they are served to this machine only.');
    }
    const text = await metrics.render();
    reply.header('content-type', metrics.contentType);
    return text;
  });

  app.register(async (api) => {
    const limit = options.failureLimit ?? defaultFailureLimit;
    const wrongCodes = failureLimiter(api, 'enroll', limit);
    const wrongTokens = failureLimiter(api, 'auth', limit);

    api.post('/v1/enroll', { bodyLimit: enrollBodyLimit }, async (request) => {
      await wrongCodes.check(request);
      const input = parse(enrollRequestSchema, request.body, 'enrollment');
      try {
        const enrolled = await enrollDevice(store, input);
        metrics.addHeld('devices', 1);
        return enrolled;
      } catch (error) {
        if (error instanceof HubFailure && error.status === 401) return wrongCodes.failed(request, error);
        throw error;
      }
    });

    // The customer's questionnaire page: no account, the one-time token in the link.
    registerQuestionnairePublicRoutes(api, store, limit);

    // Everything else under /v1/ needs a device token.
    api.register(async (authed) => {
      // A valid token is never limited (honest devices behind one NAT with a guesser stay working);
      // wrong ones past the limit get 429 from then on.
      authed.addHook('onRequest', async (request) => {
        try {
          request.device = await authenticate(store, request.headers.authorization);
        } catch (error) {
          metrics.authFailures.inc();
          if (error instanceof HubFailure && error.status === 401) return wrongTokens.failed(request, error);
          throw error;
        }
        // "Last seen" for `devices list`, written at most once a minute per device.
        const now = new Date();
        const seen = request.device.lastSeenAt ? Date.parse(request.device.lastSeenAt) : 0;
        if (now.getTime() - seen > 60_000) await store.touchDevice(request.device.id, now.toISOString());
      });

      authed.get('/v1/me', async (request) => {
        const device = deviceOf(request);
        await store.touchDevice(device.id, new Date().toISOString());
        return { deviceId: device.id, name: device.name, role: device.role, partner: { id: device.partnerId, name: device.partnerName } };
      });

      // The app's update feed (electron-updater generic provider), the device's partner's release only.
      authed.get('/v1/updates/:file', async (request, reply) => {
        const device = deviceOf(request);
        const platform = platformOfChannelFile((request.params as { file: string }).file);
        if (!platform) throw new HubFailure(404, 'not_found', 'No such update file.');
        const release = await store.appRelease(device.partnerId, platform);
        if (!release) throw new HubFailure(404, 'not_found', 'Your partner has not published a release for this platform.');
        reply.header('content-type', 'text/yaml; charset=utf-8').header('cache-control', 'no-store');
        return renderUpdateFeed(release, release.url ?? `files/${encodeURIComponent(release.fileName)}`);
      });
      authed.get('/v1/updates/files/:name', async (request, reply) => {
        const device = deviceOf(request);
        const name = (request.params as { name: string }).name;
        for (const platform of appPlatforms) {
          const release = await store.appRelease(device.partnerId, platform);
          if (!release || release.url || release.fileName !== name || !options.releasesDir) continue;
          const file = releaseFileOf(options.releasesDir, device.partnerId, release.fileName);
          if (!fs.existsSync(file)) break;
          reply.header('content-type', 'application/octet-stream').header('content-length', String(release.size));
          return reply.send(fs.createReadStream(file));
        }
        throw new HubFailure(404, 'not_found', 'No such release file.');
      });

      authed.post('/v1/push', async (request) => {
        const device = deviceOf(request);
        const push = parse(pushRequestSchema, request.body, 'push');
        refuseFutureClocks(push, Date.now(), options.maxClockSkewMs ?? defaultMaxClockSkewMs);
        refuseInvalidFields(push);
        const { response: result, newRecords, loggedMutations } = await applyPushCounted(store, device, push);
        metrics.pushMutations.observe(push.mutations.length);
        const bytes = Number(request.headers['content-length']);
        if (Number.isFinite(bytes)) metrics.pushBytes.observe(bytes);
        metrics.applied.inc(result.applied);
        metrics.duplicates.inc(result.duplicates);
        metrics.refused.inc(result.refused.length);
        metrics.addHeld('records', newRecords);
        metrics.addHeld('mutations', loggedMutations);
        return result;
      });

      authed.get('/v1/pull', async (request) => {
        const page = await pullChanges(store, deviceOf(request), parse(pullQuerySchema, request.query, 'pull query'));
        metrics.rowsPulled.inc(page.rows.length);
        metrics.pullRows.observe(page.rows.length);
        return page;
      });

      registerQuestionnaireDeviceRoutes(authed, store, deviceOf);

      const hashParam = (request: FastifyRequest): string => parse(sha256HexSchema, (request.params as { sha256?: string }).sha256, 'blob hash');
      const mayRead = (device: DeviceRecord, sha256: string): Promise<boolean> =>
        store.mayReadBlob({ id: device.id, partnerId: device.partnerId, everyCase: seesAllPartnerCases(device.role) }, sha256, referenceTables);

      // Raw bytes are read on this route only: nowhere else does a body of megabytes get buffered.
      authed.register(async (blobs) => {
        const blobLimit = options.blobBodyLimit ?? maxBlobBytes;
        blobs.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: blobLimit }, (_req, body, done) => done(null, body));
        blobs.put('/v1/blobs/:sha256', { bodyLimit: blobLimit }, async (request, reply) => {
          const device = deviceOf(request);
          const sha256 = hashParam(request);
          if (!Buffer.isBuffer(request.body)) throw new HubFailure(400, 'validation', 'Send the blob as application/octet-stream.');
          if (sha256Hex(request.body) !== sha256) throw new HubFailure(400, 'hash_mismatch', 'The blob does not match its sha256.');
          const knew = await mayRead(device, sha256);
          const created = await store.putBlob(device.partnerId, sha256, request.body);
          await store.recordBlobUploader(device.partnerId, sha256, device.id);
          if (created) {
            metrics.blobsStored.inc();
            metrics.addHeld('blobs', 1);
          }
          // "New to you", not "new to the hub": whether another engineer sent the same bytes stays unsaid.
          return reply.code(knew ? 200 : 201).send({ sha256, size: request.body.length, created: !knew });
        });
      });

      // A blob the device may not read looks absent (404), so a hash tells nothing about another engineer's files.
      authed.head('/v1/blobs/:sha256', async (request, reply) => {
        if (!(await mayRead(deviceOf(request), hashParam(request)))) return reply.code(404).send();
        const size = await store.blobSize(deviceOf(request).partnerId, hashParam(request));
        if (size === null) return reply.code(404).send();
        return reply.header('content-length', String(size)).code(200).send();
      });

      authed.get('/v1/blobs/:sha256', async (request, reply) => {
        if (!(await mayRead(deviceOf(request), hashParam(request)))) throw new HubFailure(404, 'not_found', 'No such blob.');
        const data = await store.getBlob(deviceOf(request).partnerId, hashParam(request));
        if (!data) throw new HubFailure(404, 'not_found', 'No such blob.');
        return reply.header('content-type', 'application/octet-stream').send(data);
      });
    });
  });

  return app;
};
