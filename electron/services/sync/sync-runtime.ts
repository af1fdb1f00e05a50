import type { SyncDeps } from './sync-engine';

/** What sync keeps between runs of one services instance: set in the open, carried in the services object. */
export interface SyncRuntime {
  /** Retries and batch sizes a test or the benchmark set; they win over GROUNDWORK_SYNC_BATCH_SIZE. */
  tuning: Partial<SyncDeps>;
  /** The sync in progress (or the last one): "Sync now" and the background timer queue behind it. */
  queue: Promise<unknown>;
}

export const createSyncRuntime = (): SyncRuntime => ({ tuning: {}, queue: Promise.resolve() });
