import os from 'node:os';
import type { Database } from 'better-sqlite3';
import { serviceFailure } from '../../../shared/i18n/service-failure';
import { defaultMaxClockSkewMs } from '../../../shared/sync/hlc';
import { blobRefsOf, enrollCodeSchema, maxPushBatch } from '../../../shared/sync/protocol';
import { clockOffsetText, clockWarningText, hubUrlWarningText, type SyncReport, type SyncStatus } from '../../../shared/sync/sync-status';
import { englishOf, serviceEnglish, serviceText } from '../../../shared/i18n/service-failure';
import { deviceId } from '../db/device-clock';
import { holdMutation, pendingMutationCount, pendingMutations, requeueMutation, waitingMutations, waitingReasons } from '../db/outbox';
import { applyPulledRows } from './apply-pulled';
import { collectLinkAnswers } from '../questionnaire/questionnaire-links';
import { fetchOwnedEvidence } from './fetch-evidence';
import type { BlobStore } from '../at-rest/blob-store';
import { HubClient, HubHttpError, isRetryableHubError } from './hub-client';
import { defaultRetryPolicy, withRetry, type RetryPolicy } from './retry';
import { syncFailure } from './sync-errors';
import { lastErrorSaid, noteAttempt, noteFailure, noteProblem, noteSuccess, readSyncState, refusedCount, saveEnrollment, type SyncStateRow } from './sync-state';
import type { BackgroundSync } from './sync-runtime';
import type { TokenStore } from './token-store';
import type { Log } from '../log/logger';

/** Reads a local attachment's plaintext by hash; null when the laptop does not have it. */
export type BlobSource = (sha256: string) => Buffer | null;

export interface SyncDeps {
  readonly db: Database;
  readonly log: Log;
  readonly tokenStore: TokenStore;
  readonly blobSource: BlobSource;
  /** Where this laptop keeps an attachment's file (said when one is missing). */
  readonly blobLocation?: (sha256: string) => string;
  /** Where evidence files go; with it, the evidence of cases this laptop owns is fetched after a pull. */
  readonly blobs?: BlobStore;
  readonly retry?: RetryPolicy;
  /** Mutations per push request. */
  readonly batchSize?: number;
  /** Rows per pull page. */
  readonly pageSize?: number;
  readonly timeoutMs?: number;
  /** Push only (the benchmark times push and pull apart). */
  readonly skipPull?: boolean;
  /** How far ahead of this laptop's clock a pulled clock may be (default: 5 minutes). */
  readonly maxClockSkewMs?: number;
  /** The app's background sync, for the status's next try; none in the CLI. */
  readonly background?: BackgroundSync;
}


/** How a change behind a waiting one on the same record says why it waits too. */
const sameRowPrefix = 'Waits for an earlier change to the same record: ';

/** One sentence per missing attachment that holds a change back (the same-record changes behind it are not repeated). */
const missingAttachmentsOf = (db: Database): string[] => [...new Set(waitingReasons(db, 200).filter((r) => !r.startsWith(sameRowPrefix)))].slice(0, 10);

const backgroundStatusOf = (
  state: SyncStateRow | undefined,
  background: BackgroundSync | undefined,
): Pick<SyncStatus, 'backgroundSync' | 'nextAttemptAt'> => {
  if (state?.background_paused === 1) return { backgroundSync: 'paused', nextAttemptAt: null };
  if (!state || !background?.control) return { backgroundSync: 'off', nextAttemptAt: null };
  return { backgroundSync: 'on', nextAttemptAt: background.nextAttemptAt };
};

export const syncStatus = (
  db: Database,
  tokenStore: TokenStore,
  maxClockSkewMs: number = defaultMaxClockSkewMs,
  background?: BackgroundSync,
): SyncStatus => {
  const state = readSyncState(db);
  const offset = state?.hub_clock_offset_ms ?? null;
  const said = { clockOffset: clockOffsetText(offset), clockWarning: clockWarningText(offset, maxClockSkewMs), hubUrlWarning: hubUrlWarningText(state?.hub_url ?? null) };
  return {
    ...backgroundStatusOf(state, background),
    enrolled: state !== undefined,
    hubUrl: state?.hub_url ?? null,
    partnerName: state?.partner_name ?? null,
    role: state?.role ?? null,
    deviceName: state?.device_name ?? null,
    lastSyncAt: state?.last_sync_at ?? null,
    lastAttemptAt: state?.last_attempt_at ?? null,
    pendingCount: pendingMutationCount(db),
    refusedCount: refusedCount(db),
    lastError: state?.last_error ?? null,
    tokenWarning: state ? tokenStore.warning : null,
    hubClockOffsetMs: state?.hub_clock_offset_ms ?? null,
    clockOffset: englishOf(said.clockOffset),
    clockWarning: englishOf(said.clockWarning),
    hubUrlWarning: englishOf(said.hubUrlWarning),
    missingAttachments: missingAttachmentsOf(db),
    said: { ...said, lastError: state?.last_error ? lastErrorSaid(state) : null },
  };
};

export const enrollWithHub = async (
  deps: SyncDeps,
  input: { hubUrl: string; code: string; deviceName: string },
): Promise<SyncStatus> => {
  const code = enrollCodeSchema.safeParse(input.code);
  if (!code.success) throw serviceFailure('validation', 'error.sync.enrollCodeFormat');
  const client = new HubClient(input.hubUrl, null, { timeoutMs: deps.timeoutMs });
  const deviceName = input.deviceName || os.hostname();
  let response;
  try {
    response = await withRetry(
      () => client.enroll({ code: code.data, deviceName, localDeviceId: deps.db.transaction(() => deviceId(deps.db))() }),
      isRetryableHubError,
      deps.retry ?? { ...defaultRetryPolicy, maxAttempts: 3 },
    );
  } catch (error) {
    if (error instanceof HubHttpError && error.status === 401) {
      throw serviceFailure('unauthorized', 'error.sync.enrollCodeRefused');
    }
    throw syncFailure('internal', error);
  }
  await deps.tokenStore.write(response.token);
  saveEnrollment(deps.db, {
    hubUrl: input.hubUrl,
    hubDeviceId: response.deviceId,
    partnerId: response.partner.id,
    partnerName: response.partner.name,
    role: response.role,
    deviceName,
  });
  return syncStatus(deps.db, deps.tokenStore, deps.maxClockSkewMs, deps.background);
};

interface Counters {
  pushed: number;
  pulled: number;
  blobsUploaded: number;
  refused: number;
}

type Pending = ReturnType<typeof pendingMutations>[number];

/** The sentence a change shows while its attachment is missing: which file, and where it was expected. */
const missingAttachmentReason = (deps: SyncDeps, m: { table: string; fields: Record<string, unknown> }, sha256: string): string => {
  const field = Object.keys(m.fields).find((name) => m.fields[name] === sha256) ?? 'sha256';
  const fileName = typeof m.fields.file_name === 'string' && m.fields.file_name.trim() !== '' ? m.fields.file_name : null;
  const what = fileName ? `The attachment “${fileName}”` : `The ${field.replace(/_?sha256$/, '').replace(/_/g, ' ') || 'attachment'} file`;
  const where = deps.blobLocation ? ` It was expected at ${deps.blobLocation(sha256)}.` : '';
  return `${what} (${sha256.slice(0, 12)}…) is missing from this laptop, so the change that adds it waits; the other changes were sent.${where} It is sent once the file is back.`;
};

/**
 * Blobs first: a mutation never reaches the hub before the attachment it names. A change whose
 * attachment is neither at the hub nor on this laptop waits on its own (with the later changes
 * to the same record, which build on it); every other change in the batch goes on.
 */
const readyToSend = async (deps: SyncDeps, client: HubClient, batch: readonly Pending[], retry: RetryPolicy, counters: Counters): Promise<Pending[]> => {
  const waitingRows = new Map(waitingMutations(deps.db).map((w) => [`${w.table_name}/${w.row_id}`, w.waiting_reason.replace(sameRowPrefix, '')]));
  const available = new Map<string, boolean>();
  const ensureBlob = async (sha256: string): Promise<boolean> => {
    if (await withRetry(() => client.hasBlob(sha256), isRetryableHubError, retry)) return true;
    const bytes = deps.blobSource(sha256);
    if (!bytes) return false;
    await withRetry(() => client.putBlob(sha256, bytes), isRetryableHubError, retry);
    counters.blobsUploaded += 1;
    return true;
  };
  const ready: Pending[] = [];
  for (const m of batch) {
    const key = `${m.table}/${m.rowId}`;
    const before = waitingRows.get(key);
    if (before !== undefined) {
      holdMutation(deps.db, m.seq, `${sameRowPrefix}${before}`);
      continue;
    }
    let missing: string | null = null;
    for (const sha256 of new Set(blobRefsOf(m.fields, m.table))) {
      if (!available.has(sha256)) available.set(sha256, await ensureBlob(sha256));
      if (available.get(sha256) === false) {
        missing = sha256;
        break;
      }
    }
    if (missing === null) {
      ready.push(m);
      continue;
    }
    const reason = missingAttachmentReason(deps, m, missing);
    // The hash and the table only: a file name may be the customer's.
    deps.log.warn({ table: m.table, seq: m.seq, sha256: missing.slice(0, 12) }, 'sync: a change waits for a missing attachment; later changes go on');
    holdMutation(deps.db, m.seq, reason);
    waitingRows.set(key, reason);
  }
  return ready;
};

/**
 * Waiting changes whose attachment is back (on this laptop or already at the hub) rejoin the
 * queue, oldest first; a later change to the same record stays behind one still waiting.
 */
const releaseWaiting = async (deps: SyncDeps, client: HubClient, retry: RetryPolicy): Promise<void> => {
  const stillWaiting = new Set<string>();
  for (const w of waitingMutations(deps.db)) {
    const key = `${w.table_name}/${w.row_id}`;
    let ready = !stillWaiting.has(key);
    for (const sha256 of ready ? blobRefsOf(JSON.parse(w.fields) as Record<string, unknown>, w.table_name) : []) {
      if (deps.blobSource(sha256) !== null) continue;
      if (await withRetry(() => client.hasBlob(sha256), isRetryableHubError, retry)) continue;
      ready = false;
      break;
    }
    if (ready) requeueMutation(deps.db, w.seq);
    else stillWaiting.add(key);
  }
};

const push = async (deps: SyncDeps, client: HubClient, retry: RetryPolicy, counters: Counters): Promise<void> => {
  const { db } = deps;
  const batchSize = Math.min(deps.batchSize ?? 200, maxPushBatch);
  const markSent = db.prepare('UPDATE outbox SET sent_at = ? WHERE seq <= ? AND sent_at IS NULL AND waiting_reason IS NULL');
  const keepRefused = db.prepare('INSERT OR IGNORE INTO sync_refused (outbox_seq, reason, refused_at) VALUES (?, ?, ?)');
  await releaseWaiting(deps, client, retry);
  // Bounded: each round marks at least one row sent or waiting, or throws.
  const rounds = pendingMutationCount(db) + 1;
  for (let round = 0; round < rounds; round += 1) {
    const batch = pendingMutations(db, batchSize);
    if (batch.length === 0) return;
    const ready = await readyToSend(deps, client, batch, retry, counters);
    if (ready.length === 0) continue;
    const answer = await withRetry(() => client.push({ mutations: ready }), isRetryableHubError, retry);
    const lastSeq = (ready.at(-1) as Pending).seq;
    if (answer.acknowledgedThrough < lastSeq) throw serviceFailure('internal', 'error.sync.notAllAcknowledged');
    const now = new Date().toISOString();
    db.transaction(() => {
      for (const r of answer.refused) keepRefused.run(r.seq, r.reason, now);
      counters.pushed += markSent.run(now, lastSeq).changes;
    })();
    counters.refused += answer.refused.length;
  }
};

const pull = async (deps: SyncDeps, client: HubClient, retry: RetryPolicy, counters: Counters): Promise<void> => {
  const { db } = deps;
  const pageSize = deps.pageSize ?? 500;
  const setCursor = db.prepare('UPDATE sync_state SET pull_cursor = ? WHERE singleton = 1');
  const fetchPage = (cursor: number) => withRetry(() => client.pull(cursor, pageSize), isRetryableHubError, retry);
  let cursor = readSyncState(db)?.pull_cursor ?? 0;
  let next = fetchPage(cursor);
  for (let page = 0; page < 100_000; page += 1) {
    const answer = await next;
    const nextCursor = Math.max(cursor, answer.cursor);
    // The next page is on its way while this one is written (the hub works while we do).
    if (answer.hasMore) {
      next = fetchPage(nextCursor);
      next.catch((error: unknown) => {
        // handled: awaited at the top of the next round, which throws it; this only stops an
        // unhandled rejection if this page's write throws first.
        deps.log.debug({ err: error }, 'prefetched pull page failed');
      });
    }
    // The rows and the cursor move together: an interrupted pull resumes exactly where it stopped.
    const clock = { nowMs: Date.now(), maxSkewMs: deps.maxClockSkewMs ?? defaultMaxClockSkewMs };
    // Committed without waiting for the disk: the hub holds these rows, and a power cut rolls the
    // WAL back to an earlier page, cursor and rows together, to be pulled again. The next local
    // write (full sync again) makes them durable; nothing runs in between, the call is synchronous.
    db.pragma('synchronous = NORMAL');
    try {
      db.transaction(() => {
        applyPulledRows(db, answer.rows, deps.log, clock);
        setCursor.run(nextCursor);
      })();
    } finally {
      db.pragma('synchronous = FULL');
    }
    cursor = nextCursor;
    counters.pulled += answer.rows.length;
    if (!answer.hasMore) return;
  }
};

/**
 * One sync: push the outbox (blobs first), pull what changed, collect customers' answers to
 * questionnaire links. Each acknowledged batch is
 * marked sent at once, so a crash anywhere resumes with what is left; a failure is recorded in
 * plain words and reported, never swallowed.
 */
export const runSync = async (deps: SyncDeps): Promise<SyncReport> => {
  const { db } = deps;
  const state = readSyncState(db);
  if (!state) throw serviceFailure('conflict', 'error.sync.notEnrolled');
  const token = await deps.tokenStore.read();
  if (!token) {
    const failure = serviceFailure('unauthorized', 'error.sync.tokenMissing');
    noteFailure(db, failure);
    throw failure;
  }
  noteAttempt(db);
  const client = new HubClient(state.hub_url, token, { timeoutMs: deps.timeoutMs });
  const retry = deps.retry ?? defaultRetryPolicy;
  const counters: Counters = { pushed: 0, pulled: 0, blobsUploaded: 0, refused: 0 };
  const noteClock = (): void => {
    if (client.hubClockOffsetMs === null) return; // no answer this time: the last measure stands
    db.prepare('UPDATE sync_state SET hub_clock_offset_ms = ? WHERE singleton = 1').run(client.hubClockOffsetMs);
  };
  try {
    await push(deps, client, retry, counters);
    if (!deps.skipPull) await pull(deps, client, retry, counters);
    if (!deps.skipPull) await collectLinkAnswers({ db, client, retry, log: deps.log });
    if (!deps.skipPull && deps.blobs) await fetchOwnedEvidence({ db, blobs: deps.blobs, tokenStore: deps.tokenStore, retry, timeoutMs: deps.timeoutMs });
  } catch (error) {
    noteClock();
    const failure = syncFailure(error instanceof HubHttpError && error.status === 401 ? 'unauthorized' : 'internal', error);
    noteFailure(db, failure);
    throw failure;
  }
  noteClock();
  noteSuccess(db);
  const problems: string[] = [];
  const refused = counters.refused > 0 ? serviceText('status.refusedChanges', { count: counters.refused }) : null;
  if (refused) problems.push(serviceEnglish(refused.messageId, refused.values));
  const waiting = missingAttachmentsOf(db);
  if (waiting.length > 0) problems.push(waiting[0] as string);
  // The missing attachment's words are still English only (they name a file and a folder), so with one the whole line stays English.
  if (problems.length > 0) noteProblem(db, problems.join(' '), waiting.length === 0 ? refused : null);
  return { ...counters, status: syncStatus(db, deps.tokenStore, deps.maxClockSkewMs, deps.background) };
};
