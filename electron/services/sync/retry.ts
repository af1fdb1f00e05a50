/** How hard to keep trying one request before reporting the failure. */
export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 6, baseDelayMs: 250, maxDelayMs: 15_000 };

/** Exponential backoff with full jitter: a random wait up to base·2^attempt, capped, so devices spread out. */
export const backoffDelay = (attempt: number, policy: RetryPolicy, random: () => number = Math.random): number =>
  Math.round(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt));

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` until it succeeds, fails with an error `isRetryable` rejects, or the attempts
 * run out; the last error is rethrown as it was.
 */
export const withRetry = async <T>(
  attempt: () => Promise<T>,
  isRetryable: (error: unknown) => boolean,
  policy: RetryPolicy = defaultRetryPolicy,
  wait: (ms: number) => Promise<void> = sleep,
): Promise<T> => {
  for (let n = 0; ; n += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (n + 1 >= policy.maxAttempts || !isRetryable(error)) throw error;
      await wait(backoffDelay(n, policy));
    }
  }
};
