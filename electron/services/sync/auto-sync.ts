import { backoffDelay, type RetryPolicy } from './retry';

export interface AutoSyncOptions {
  /** Between successful syncs. */
  readonly intervalMs: number;
  /** Backoff after failures (unreachable hub): grows to maxDelayMs, with jitter. */
  readonly backoff: RetryPolicy;
  /** Called when a sync fails; the failure is already recorded in the sync status. */
  readonly onError?: (error: unknown) => void;
  /** Called with the time of the next sync each time one is scheduled for later, so the app can show it. */
  readonly onScheduled?: (at: Date) => void;
}

/**
 * Syncs now and then again every interval; while the hub is unreachable, retries sooner at
 * first and backs off, so sync resumes soon after the connection returns. Returns stop().
 */
export const startAutoSync = (sync: () => Promise<unknown>, options: AutoSyncOptions): (() => void) => {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let failures = 0;
  const schedule = (ms: number): void => {
    if (stopped) return;
    timer = setTimeout(() => void tick(), ms);
    // A sync starting now is not a "next" one: the status says it is running instead.
    if (ms > 0) options.onScheduled?.(new Date(Date.now() + ms));
  };
  const tick = async (): Promise<void> => {
    try {
      await sync();
      failures = 0;
      schedule(options.intervalMs);
    } catch (error) {
      options.onError?.(error);
      failures += 1;
      schedule(Math.max(1, Math.min(options.intervalMs, backoffDelay(failures, options.backoff))));
    }
  };
  schedule(0);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
};
