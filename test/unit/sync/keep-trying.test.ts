import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../shared/contract/result';
import { keepTrying } from '../../../electron/services/sync/keep-trying';

describe('keepTrying', () => {
  it('backs off exponentially up to the cap and stops at the first success', async () => {
    let calls = 0;
    const delays: number[] = [];
    const result = await keepTrying(
      async () => {
        calls += 1;
        if (calls < 5) throw new ApiFailure('internal', 'hub unreachable');
        return 'done';
      },
      { onRetry: ({ delayMs }) => delays.push(delayMs) },
      new AbortController().signal,
      { maxAttempts: Infinity, baseDelayMs: 2, maxDelayMs: 10 },
      () => 1, // the top of the jitter range: 2·2^n capped at 10
    );
    expect(result).toBe('done');
    // 2·2^0 = 2, 2·2^1 = 4, 2·2^2 = 8, 2·2^3 = 16 → capped to 10
    expect(delays).toEqual([2, 4, 8, 10]);
  });

  it('never waits less than a tenth of the step, even at the bottom of the jitter', async () => {
    const delays: number[] = [];
    let calls = 0;
    await keepTrying(
      async () => {
        calls += 1;
        if (calls < 3) throw new ApiFailure('internal', 'down');
      },
      { onRetry: ({ delayMs }) => delays.push(delayMs) },
      new AbortController().signal,
      { maxAttempts: Infinity, baseDelayMs: 100, maxDelayMs: 1_000 },
      () => 0,
    );
    // steps 100 and 200: a tenth is 10 and 20
    expect(delays).toEqual([10, 20]);
  });

  it('gives up at once on what waiting cannot fix, and when stopped', async () => {
    const refused = keepTrying(async () => {
      throw new ApiFailure('unauthorized', 'token revoked');
    }, { onRetry: () => undefined }, new AbortController().signal);
    await expect(refused).rejects.toMatchObject({ code: 'unauthorized' });

    const stop = new AbortController();
    const stopped = keepTrying(async () => {
      throw new ApiFailure('internal', 'hub unreachable');
    }, { onRetry: () => stop.abort() }, stop.signal, { maxAttempts: Infinity, baseDelayMs: 60_000, maxDelayMs: 60_000 });
    await expect(stopped).rejects.toThrow('hub unreachable');
  }, 3_000); // stopping must not wait out the minute's delay

  it('stops while waiting between tries, without running another', async () => {
    const stop = new AbortController();
    let calls = 0;
    const stopped = keepTrying(async () => {
      calls += 1;
      throw new ApiFailure('internal', 'hub unreachable');
    }, { onRetry: () => setTimeout(() => stop.abort(), 20) }, stop.signal, { maxAttempts: Infinity, baseDelayMs: 60_000, maxDelayMs: 60_000 });
    await expect(stopped).rejects.toThrow('hub unreachable');
    expect(calls).toBe(1);
  }, 3_000);
});
