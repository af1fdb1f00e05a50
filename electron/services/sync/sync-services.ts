import type { AppServices } from '../app-services';
import { blobPath } from '../at-rest/blob-store';
import type { SyncReport } from '../../../shared/sync/sync-status';
import { startAutoSync } from './auto-sync';
import { runSync, type SyncDeps } from './sync-engine';
import { readSyncState } from './sync-state';

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

/**
 * Background sync for the app: every `intervalMs` while enrolled, sooner (with backoff and
 * jitter) after a failure so sync resumes soon after the hub is reachable again. electron/main
 * starts it after opening the services and calls the returned stop() before closing them.
 */
export const startBackgroundSync = (services: AppServices, intervalMs = 5 * 60_000): (() => void) =>
  startAutoSync(
    async () => {
      if (readSyncState(services.db)) await syncOnce(services);
    },
    { intervalMs, backoff: { maxAttempts: 1, baseDelayMs: 5_000, maxDelayMs: intervalMs } },
  );
