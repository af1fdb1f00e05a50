import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { BlobStore } from '../at-rest/blob-store';
import { HubClient, isRetryableHubError } from './hub-client';
import { defaultRetryPolicy, withRetry, type RetryPolicy } from './retry';
import { readSyncState } from './sync-state';
import type { TokenStore } from './token-store';

export interface BlobFetchDeps {
  readonly db: Database;
  readonly blobs: BlobStore;
  readonly tokenStore: TokenStore;
  readonly retry?: RetryPolicy;
  readonly timeoutMs?: number;
}

/**
 * Brings one evidence file from the hub into the (encrypted) blob store, checked against its hash. False when
 * this laptop is not enrolled or the hub does not have it; a broken link throws (the caller says so).
 */
export const fetchBlobFromHub = async (deps: BlobFetchDeps, sha256: string): Promise<boolean> => {
  if (deps.blobs.has(sha256)) return true;
  const state = readSyncState(deps.db);
  const token = state ? await deps.tokenStore.read() : null;
  if (!state || !token) return false;
  const client = new HubClient(state.hub_url, token, { timeoutMs: deps.timeoutMs });
  const bytes = await withRetry(() => client.getBlob(sha256), isRetryableHubError, deps.retry ?? defaultRetryPolicy);
  if (!bytes) return false;
  if (createHash('sha256').update(bytes).digest('hex') !== sha256) throw new Error('The hub sent an attachment that does not match its fingerprint; it was not kept.');
  deps.blobs.write(bytes);
  return true;
};

/**
 * Evidence of the cases this laptop owns (its own, or inherited from a replaced laptop or a
 * handover) is fetched at once, so the engineer has it offline; other engineers' evidence is
 * fetched when opened.
 */
export const fetchOwnedEvidence = async (deps: BlobFetchDeps): Promise<number> => {
  const me = readSyncState(deps.db)?.hub_device_id;
  if (!me) return 0;
  const hashes = (
    deps.db
      .prepare(
        `SELECT DISTINCT e.sha256 FROM evidence_attachments e JOIN cases c ON c.id = e.case_id
         WHERE e.deleted = 0 AND c.owner_device = ?`,
      )
      .all(me) as { sha256: string }[]
  ).map((r) => r.sha256);
  let fetched = 0;
  for (const sha256 of hashes) {
    if (deps.blobs.has(sha256)) continue;
    if (await fetchBlobFromHub(deps, sha256)) fetched += 1;
  }
  return fetched;
};
