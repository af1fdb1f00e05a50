import type { SyncStatus } from '../../../shared/sync/sync-status';

/**
 * How soon to ask again: every 2 s while a background sync runs, just after the next one is due,
 * and at least every half minute, so "last sync", the next try and the pending count stay current.
 */
export const statusRefreshMs = (status: SyncStatus | undefined, now: number): number => {
  if (status?.backgroundSync !== 'on') return 30_000;
  if (status.nextAttemptAt === null) return 2_000;
  return Math.min(30_000, Math.max(2_000, Date.parse(status.nextAttemptAt) - now + 1_000));
};
