import type { SyncDeps } from './sync-engine';

/** What sync keeps between runs of one services instance: set in the open, carried in the services object. */
export interface SyncRuntime {
  /** Retries and batch sizes a test or the benchmark set; they win over GROUNDWORK_SYNC_BATCH_SIZE. */
  tuning: Partial<SyncDeps>;
  /** The sync in progress (or the last one): "Sync now" and the background timer queue behind it. */
  queue: Promise<unknown>;
  /** The app's background sync, where one runs (the app and `groundwork web`; not the other CLI commands). */
  background: BackgroundSync;
}

export interface BackgroundSync {
  /** When the timer syncs next (ISO time); null while a sync runs, while paused, or where none runs. */
  nextAttemptAt: string | null;
  /** Stops or restarts the timer when the user pauses or resumes it; null where no background sync runs. */
  control: { readonly pause: () => void; readonly resume: () => void } | null;
}

export const createSyncRuntime = (): SyncRuntime => ({ tuning: {}, queue: Promise.resolve(), background: { nextAttemptAt: null, control: null } });
