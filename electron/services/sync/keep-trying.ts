import { ApiFailure } from '../../../shared/contract/result';
import { backoffDelay, type RetryPolicy } from './retry';

/** `groundwork sync --wait`: up to a minute apart, starting at 1 s. (The app's background sync has its own timing: `startBackgroundSync`.) */
export const keepTryingPolicy: RetryPolicy = { maxAttempts: Number.POSITIVE_INFINITY, baseDelayMs: 1_000, maxDelayMs: 60_000 };

export interface KeepTryingEvents {
  /** A sync failed in a way worth retrying; the next one starts at `nextAt`. */
  onRetry(info: { readonly attempt: number; readonly reason: string; readonly nextAt: Date; readonly delayMs: number }): void;
}

/**
 * A failure that waiting can fix: the hub unreachable or answering 5xx (sync reports those as
 * `internal`). A refused token, a device not enrolled or bad input will not get better by waiting.
 */
export const isWorthRetrying = (error: unknown): boolean => error instanceof ApiFailure && error.code === 'internal';

/**
 * Runs `sync` until it succeeds, a failure is not worth retrying, or `signal` aborts. Between
 * tries: capped exponential backoff with full jitter (devices coming back from one outage spread
 * out). The last error is rethrown when stopped.
 */
export const keepTrying = async <T>(
  sync: () => Promise<T>,
  events: KeepTryingEvents,
  signal: AbortSignal,
  policy: RetryPolicy = keepTryingPolicy,
  random: () => number = Math.random,
): Promise<T> => {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await sync();
    } catch (error) {
      if (!isWorthRetrying(error) || signal.aborted) throw error;
      // At least a tenth of the step, so full jitter never turns into a tight loop.
      const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
      const delayMs = Math.max(Math.round(step / 10), backoffDelay(attempt, policy, random));
      events.onRetry({ attempt: attempt + 1, reason: (error as Error).message, nextAt: new Date(Date.now() + delayMs), delayMs });
      // Stopped while telling about the retry (or just before): an 'abort' listener added now would
      // never fire, and the wait would run its full delay, up to a minute.
      if (signal.aborted) throw error;
      const stopped = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), delayMs);
        signal.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve(true);
        }, { once: true });
      });
      if (stopped) throw error;
    }
  }
};
