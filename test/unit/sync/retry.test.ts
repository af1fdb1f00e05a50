import { describe, expect, it } from 'vitest';
import { backoffDelay, withRetry } from '../../../electron/services/sync/retry';
import { HubHttpError, HubUnreachableError, isRetryableHubError } from '../../../electron/services/sync/hub-client';
import { startAutoSync } from '../../../electron/services/sync/auto-sync';

const policy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1_000 };

describe('retries with exponential backoff and jitter', () => {
  it('waits a random time up to base·2^attempt, capped', () => {
    expect(backoffDelay(0, policy, () => 1)).toBe(100);
    expect(backoffDelay(3, policy, () => 1)).toBe(800);
    expect(backoffDelay(9, policy, () => 1)).toBe(1_000);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(400);
  });

  it('retries retryable failures until success, within the attempt budget', async () => {
    const waits: number[] = [];
    let calls = 0;
    const value = await withRetry(
      async () => {
        calls += 1;
        if (calls < 3) throw new HubUnreachableError('http://h', 'ECONNREFUSED');
        return 'ok';
      },
      isRetryableHubError,
      policy,
      async (ms) => void waits.push(ms),
    );
    expect(value).toBe('ok');
    expect(calls).toBe(3);
    expect(waits).toHaveLength(2);
  });

  it('gives up after maxAttempts and at once on a refusal', async () => {
    let calls = 0;
    const unreachable = withRetry(async () => {
      calls += 1;
      throw new HubHttpError(503, 'x', 'busy');
    }, isRetryableHubError, policy, async () => undefined);
    await expect(unreachable).rejects.toMatchObject({ status: 503 });
    expect(calls).toBe(5);
    calls = 0;
    const refused = withRetry(async () => {
      calls += 1;
      throw new HubHttpError(401, 'unauthorized', 'no');
    }, isRetryableHubError, policy, async () => undefined);
    await expect(refused).rejects.toMatchObject({ status: 401 });
    expect(calls).toBe(1);
    expect(isRetryableHubError(new HubHttpError(429, 'x', 'slow down'))).toBe(true);
    expect(isRetryableHubError(new Error('bug'))).toBe(false);
  });

  it('auto sync names each later sync before it waits for it, and not one that starts at once', async () => {
    const events: string[] = [];
    const aheadMs: number[] = [];
    let stop = () => {};
    await new Promise<void>((resolve) => {
      stop = startAutoSync(
        async () => {
          events.push('run');
          if (events.filter((e) => e === 'run').length === 2) resolve();
          throw new Error('hub unreachable');
        },
        {
          intervalMs: 1_000,
          backoff: { maxAttempts: 1, baseDelayMs: 20, maxDelayMs: 20 },
          onScheduled: (at) => {
            events.push('scheduled');
            aheadMs.push(at.getTime() - Date.now());
          },
        },
      );
    });
    stop();
    // The first sync starts at once: nothing is named before it. The retry after its failure is
    // named before the wait, at most 20 ms ahead (full jitter shortens it, never lengthens it).
    expect(events.slice(0, 3)).toEqual(['run', 'scheduled', 'run']);
    expect(aheadMs[0]).toBeLessThanOrEqual(20);
  });

  it('auto sync runs at once, backs off after failures and stops when told', async () => {
    const times: number[] = [];
    const started = Date.now();
    let stop = () => {};
    await new Promise<void>((resolve) => {
      stop = startAutoSync(
        async () => {
          times.push(Date.now() - started);
          if (times.length >= 4) resolve();
          if (times.length < 3) throw new Error('hub unreachable');
        },
        { intervalMs: 30, backoff: { maxAttempts: 1, baseDelayMs: 5, maxDelayMs: 20 } },
      );
    });
    stop();
    const count = times.length;
    await new Promise((r) => setTimeout(r, 80));
    expect(times.length).toBe(count);
    expect(times[0]).toBeLessThan(50);
  });
});
