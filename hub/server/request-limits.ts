import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HubFailure } from '../sync/hub-service';

/** Deeper JSON than any Groundwork message needs; 100,000 levels once took the hub to a 500. */
export const maxJsonDepth = 64;

/** True when brackets nest deeper than `max` outside strings: checked before JSON.parse sees it. */
export const jsonDepthExceeds = (text: string, max: number): boolean => {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return false;
};

/**
 * JSON bodies go through Fastify's own parser (with its prototype-poisoning checks) after a depth
 * check, so a hostile nesting is a 400, never a stack overflow.
 */
export const useDepthCheckedJson = (app: FastifyInstance): void => {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (jsonDepthExceeds(body as string, maxJsonDepth)) {
      done(new HubFailure(400, 'validation', `The JSON is nested deeper than ${maxJsonDepth} levels.`), undefined);
      return;
    }
    parseJson(request, body as string, done);
  });
};

export interface FailureLimit {
  /** Failed attempts allowed per client address per window before 429. */
  readonly max: number;
  readonly windowMs: number;
}

export const defaultFailureLimit: FailureLimit = { max: 20, windowMs: 60_000 };

type Limiter = (request: FastifyRequest, options?: { increment: boolean }) => Promise<{ isAllowed: boolean; isExceeded?: boolean; ttlInSeconds?: number }>;

/**
 * Counts only failures (wrong enrollment codes, wrong tokens) per client address with
 * @fastify/rate-limit's store: honest devices, however busy, are never limited, while guessing
 * gets 429 with Retry-After once `max` failures are spent in a window.
 */
export const failureLimiter = (app: FastifyInstance, name: string, limit: FailureLimit) => {
  const limiter = (app as unknown as { createRateLimit: (o: object) => Limiter }).createRateLimit({
    max: limit.max,
    timeWindow: limit.windowMs,
    keyGenerator: (request: FastifyRequest) => `${name}:${request.ip}`,
  });
  const refuse = (seconds: number): HubFailure =>
    new HubFailure(429, 'too_many_attempts', `Too many failed attempts from this address. Try again in ${seconds} seconds.`, {
      'retry-after': String(seconds),
    });
  return {
    /** Before the attempt: refuses at once while the address is over its limit. */
    async check(request: FastifyRequest): Promise<void> {
      const state = await limiter(request, { increment: false });
      if (!state.isAllowed && state.isExceeded) throw refuse(Math.max(1, state.ttlInSeconds ?? 1));
    },
    /** After a failed attempt: counts it; the one over the limit and all after it in the window get 429. */
    async failed(request: FastifyRequest, failure: unknown): Promise<never> {
      const state = await limiter(request);
      if (!state.isAllowed && state.isExceeded) throw refuse(Math.max(1, state.ttlInSeconds ?? 1));
      throw failure;
    },
  };
};
