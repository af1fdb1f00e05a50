import type { AppServices } from '../app-services';
import { blobPath } from '../at-rest/blob-store';
import { startAutoSync } from './auto-sync';
import { runSync, syncStatus, type SyncDeps } from './sync-engine';
import { readSyncState, saveBackgroundPaused } from './sync-state';
import { serviceFailure } from '../../../shared/i18n/service-failure';
import type { SyncReport, SyncStatus } from '../../../shared/sync/sync-status';

/** Tests and the benchmark tune retries and batch sizes per services instance (kept in `services.sync`). */
export const tuneSync = (services: AppServices, deps: Partial<SyncDeps>): void => {
  services.sync.tuning = deps;
};

/** GROUNDWORK_SYNC_BATCH_SIZE: mutations per push request, for slow links (and the crash tests). */
const batchSizeFromEnv = (): Partial<SyncDeps> => {
  const n = Number(process.env.GROUNDWORK_SYNC_BATCH_SIZE);
  return Number.isInteger(n) && n > 0 ? { batchSize: n } : {};
};

export const syncDepsFor = (services: AppServices): SyncDeps => ({
  db: services.db,
  log: services.log,
  tokenStore: services.tokenStore,
  blobSource: (sha256) => services.blobs.read(sha256),
  blobLocation: (sha256) => blobPath(services.dataDir, sha256),
  blobs: services.blobs,
  background: services.sync.background,
  ...batchSizeFromEnv(),
  ...services.sync.tuning,
});

/** One sync at a time per services: "Sync now" and the background timer queue behind each other. */
export const syncOnce = (services: AppServices): Promise<SyncReport> => {
  const next = services.sync.queue
    .catch(() => {
      // handled: that sync's failure went to its own caller (and the sync state); this one just waits its turn.
      return undefined;
    })
    .then(() => runSync(syncDepsFor(services)));
  services.sync.queue = next;
  return next;
};

/** How often background sync runs, and how soon it retries. */
export interface BackgroundSyncTiming {
  /** Between successful syncs (default 5 minutes). */
  readonly intervalMs?: number;
  /** The first retry after a failure (default 5 s); it doubles, with jitter, up to the interval. */
  readonly firstRetryMs?: number;
}

/**
 * Background sync for the app: every `intervalMs` while enrolled, sooner (with backoff and
 * jitter) after a failure so sync resumes soon after the hub is reachable again. The next try's
 * time is kept in `services.sync.background` for the status; the user can pause it (kept with the
 * enrollment, so a restart stays paused) and resume it. electron/main and `groundwork web` start
 * it after opening the services and call the returned stop() before closing them.
 */
export const startBackgroundSync = (services: AppServices, timing: BackgroundSyncTiming = {}): (() => void) => {
  const { intervalMs = 5 * 60_000, firstRetryMs = 5_000 } = timing;
  const background = services.sync.background;
  let stopTimer: (() => void) | null = null;
  const pause = (): void => {
    stopTimer?.();
    stopTimer = null;
    background.nextAttemptAt = null;
  };
  const resume = (): void => {
    pause();
    stopTimer = startAutoSync(
      async () => {
        background.nextAttemptAt = null;
        if (readSyncState(services.db)) await syncOnce(services);
      },
      {
        intervalMs,
        backoff: { maxAttempts: 1, baseDelayMs: firstRetryMs, maxDelayMs: intervalMs },
        onScheduled: (at) => {
          background.nextAttemptAt = at.toISOString();
        },
        // handled: runSync put the failure in words in the sync status, which Settings shows with the next try.
        onError: (error) => services.log.warn({ err: error }, 'background sync failed; it tries again after a backoff'),
      },
    );
  };
  background.control = { pause, resume };
  if (readSyncState(services.db)?.background_paused !== 1) resume();
  return () => {
    pause();
    background.control = null;
  };
};

/**
 * The user pauses or resumes background sync: kept with the enrollment, and the running timer (if
 * this process has one) stops or syncs at once. "Sync now" works either way.
 */
export const setBackgroundSync = (services: AppServices, paused: boolean): SyncStatus => {
  if (!saveBackgroundPaused(services.db, paused)) {
    throw serviceFailure('validation', 'error.sync.backgroundNotEnrolled');
  }
  const control = services.sync.background.control;
  if (paused) control?.pause();
  else control?.resume();
  const deps = syncDepsFor(services);
  return syncStatus(deps.db, deps.tokenStore, deps.maxClockSkewMs, deps.background);
};
