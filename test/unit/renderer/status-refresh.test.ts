import { describe, expect, it } from 'vitest';
import { statusRefreshMs } from '../../../renderer/features/sync/status-refresh';
import type { SyncStatus } from '../../../shared/sync/sync-status';

const now = Date.parse('2026-12-04T12:00:00Z');
const status = (backgroundSync: SyncStatus['backgroundSync'], nextAttemptAt: string | null): SyncStatus =>
  ({ backgroundSync, nextAttemptAt }) as SyncStatus;

describe('how soon Settings asks for the sync status again', () => {
  it('follows the background sync: running, due soon, due later, paused or off', () => {
    expect(statusRefreshMs(undefined, now)).toBe(30_000);
    expect(statusRefreshMs(status('on', null), now)).toBe(2_000); // a sync is running: its outcome soon
    // Due in 5 s: ask 1 s after it is due (5,000 + 1,000).
    expect(statusRefreshMs(status('on', '2026-12-04T12:00:05Z'), now)).toBe(6_000);
    // Due in 4 minutes: the half-minute ceiling.
    expect(statusRefreshMs(status('on', '2026-12-04T12:04:00Z'), now)).toBe(30_000);
    // Already due (the clock moved on): the 2 s floor, never 0 or negative.
    expect(statusRefreshMs(status('on', '2026-12-04T11:59:00Z'), now)).toBe(2_000);
    expect(statusRefreshMs(status('paused', null), now)).toBe(30_000);
    expect(statusRefreshMs(status('off', null), now)).toBe(30_000);
  });
});
