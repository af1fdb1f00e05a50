import crypto from 'node:crypto';
import { checkRemoteHlc, defaultMaxClockSkewMs } from '../../shared/sync/hlc';
import {
  referenceTables,
  seesAllPartnerCases,
  type EnrollRequest,
  type EnrollResponse,
  type HubRole,
  type PullQuery,
  type PullResponse,
  type PushRequest,
  type PushResponse,
} from '../../shared/sync/protocol';
import type { DeviceRecord, HubStore, LoggedMutation, Partner, PushTx } from '../store/hub-store';
import { mergeMutation, type StoredRecord } from './merge';
import { refusalOf, writeRules } from '../../shared/sync/write-rights';
import { fieldProblemOf } from '../../shared/sync/table-fields';

export const sha256Hex = (data: string | Buffer): string => crypto.createHash('sha256').update(data).digest('hex');

/** A failure the hub answers with a status code and a sentence that reveals nothing private. */
export class HubFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra response headers, e.g. Retry-After on a 429. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'HubFailure';
  }
}

const codeAlphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** GW-XXXX-XXXX-XXXX-XXXX: 80 random bits, no look-alike characters, easy to read out. */
export const newEnrollCode = (): string => {
  const bytes = crypto.randomBytes(16);
  const chars = [...bytes].map((b) => codeAlphabet[b % 32]).join('');
  return `GW-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}-${chars.slice(12, 16)}`;
};

export const newToken = (): string => `gwt_${crypto.randomBytes(32).toString('base64url')}`;

const durationUnits: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `7d`, `24h`, `30m` → milliseconds. */
export const parseDuration = (text: string): number => {
  const match = /^(\d{1,5})([mhd])$/.exec(text.trim());
  if (!match) throw new Error(`Not a duration: "${text}" (use e.g. 30m, 24h or 7d)`);
  return Number(match[1]) * (durationUnits[match[2] as string] as number);
};

export const tokenLifetimeMs = 365 * 86_400_000;

export const createPartner = async (store: HubStore, name: string): Promise<Partner> => {
  const trimmed = name.trim();
  if (!trimmed) throw new Error('The partner needs a name');
  if (await store.findPartnerByName(trimmed)) throw new Error(`A partner named "${trimmed}" already exists`);
  const partner = { id: crypto.randomUUID(), name: trimmed, createdAt: new Date().toISOString() };
  await store.createPartner(partner);
  return partner;
};

export const createEnrollCode = async (
  store: HubStore,
  partnerName: string,
  role: HubRole,
  expiresInMs: number,
): Promise<{ code: string; expiresAt: string }> => {
  const partner = await store.findPartnerByName(partnerName.trim());
  if (!partner) throw new Error(`No partner named "${partnerName}" (create it with: groundwork-hub partner create --name NAME)`);
  const code = newEnrollCode();
  const now = Date.now();
  const expiresAt = new Date(now + expiresInMs).toISOString();
  await store.insertEnrollCode({ codeHash: sha256Hex(code), partnerId: partner.id, role, createdAt: new Date(now).toISOString(), expiresAt });
  return { code, expiresAt };
};

export const enrollDevice = async (store: HubStore, request: EnrollRequest): Promise<EnrollResponse> => {
  const token = newToken();
  const now = new Date();
  const tokenExpiresAt = new Date(now.getTime() + tokenLifetimeMs).toISOString();
  const device = await store.redeemEnrollCode(sha256Hex(request.code), now.toISOString(), {
    id: crypto.randomUUID(),
    name: request.deviceName,
    localDeviceId: request.localDeviceId,
    tokenHash: sha256Hex(token),
    tokenExpiresAt,
  });
  // Unknown, used and expired codes look the same from outside.
  if (!device) throw new HubFailure(401, 'invalid_code', 'This enrollment code is not valid. Ask your partner admin for a new one.');
  return { deviceId: device.id, token, partner: { id: device.partnerId, name: device.partnerName }, role: device.role, tokenExpiresAt };
};

/** The device behind a bearer token, or a 401 that says the same thing for every reason. */
export const authenticate = async (store: HubStore, authorization: string | undefined): Promise<DeviceRecord> => {
  const refused = new HubFailure(401, 'unauthorized', 'This device is not enrolled with this hub, or its access has ended.');
  const match = /^Bearer (gwt_[A-Za-z0-9_-]{20,100})$/.exec(authorization ?? '');
  if (!match) throw refused;
  const device = await store.findDeviceByTokenHash(sha256Hex(match[1] as string));
  if (!device || device.revokedAt !== null || device.tokenExpiresAt <= new Date().toISOString()) throw refused;
  return device;
};

/**
 * A clock beyond the bound would win every conflict and drag every device's clock along when
 * pulled, so the whole batch is refused before anything is applied: the device keeps the changes
 * queued, and they go through once its clock is right (or real time catches up).
 */
export const refuseFutureClocks = (request: PushRequest, nowMs: number, maxSkewMs: number = defaultMaxClockSkewMs): void => {
  for (const mutation of request.mutations) {
    const checked = checkRemoteHlc(mutation.hlc, nowMs, maxSkewMs);
    if (!checked.ok) {
      throw new HubFailure(
        422,
        'clock_skew',
        `The hub refused change ${mutation.seq}: ${checked.reason.replace('this one', "the hub's")}. Check this device's date and time; nothing in this batch was applied.`,
      );
    }
  }
};

/**
 * Every pushed field must be a field of its table with the column's type and checks
 * (shared/sync/table-fields.ts). One bad field refuses the whole batch before anything is
 * applied, with a message naming the change, table and field, so nothing is half-applied.
 */
export const refuseInvalidFields = (request: PushRequest): void => {
  for (const mutation of request.mutations) {
    const problem = fieldProblemOf(mutation.table, mutation.fields);
    if (problem) {
      throw new HubFailure(
        422,
        'invalid_fields',
        `The hub refused change ${mutation.seq}: ${mutation.table}.${problem.field} ${problem.problem}. Nothing in this batch was applied.`.slice(0, 500),
      );
    }
  }
};

/**
 * Applies a batch exactly once: mutations at or below the device's last applied seq are
 * duplicates (a retry after a lost response); the rest are logged, merged and the device's
 * seq advanced, all in one transaction, so a crash leaves either all of it or none.
 */
/** The case a pushed row belongs to: its own id, its case_id, or (a probe result) its run's case. */
type RecordOf = (table: string, rowId: string) => Promise<StoredRecord | null>;

const caseIdOfMutation = async (recordOf: RecordOf, mutation: PushRequest['mutations'][number]): Promise<string | null> => {
  if (mutation.table === 'cases') return mutation.rowId;
  if (typeof mutation.fields.case_id === 'string') return mutation.fields.case_id;
  if (mutation.table === 'probe_results' && typeof mutation.fields.run_id === 'string') {
    return (await recordOf('probe_runs', mutation.fields.run_id))?.caseId ?? null;
  }
  if (mutation.table === 'proposal_lines' && typeof mutation.fields.proposal_id === 'string') {
    return (await recordOf('proposals', mutation.fields.proposal_id))?.caseId ?? null;
  }
  return null;
};

/**
 * The rows a batch reads, read from the store up front in one statement per table and then kept
 * as this batch leaves them; the batch's writes go out together at the end. A case's contacts and
 * answers ask for the case they belong to, which the batch has just written. Only within one
 * transaction (the partner is locked), so what is kept is what the store holds.
 */
const batchRecords = (tx: PushTx, partnerId: string) => {
  const kept = new Map<string, StoredRecord | null>();
  const dirty = new Map<string, StoredRecord>();
  const keyOf = (table: string, rowId: string) => `${table}\u0000${rowId}`;
  const recordOf: RecordOf = async (table, rowId) => {
    const key = keyOf(table, rowId);
    const known = kept.get(key);
    if (known !== undefined) return known;
    const record = await tx.getRecord(partnerId, table, rowId);
    kept.set(key, record);
    return record;
  };
  return {
    recordOf,
    /** Reads these rows in one statement per table; absent ones are remembered as absent. */
    prefetch: async (wanted: ReadonlyArray<readonly [table: string, rowId: string]>): Promise<void> => {
      const byTable = new Map<string, Set<string>>();
      for (const [table, rowId] of wanted) {
        if (kept.has(keyOf(table, rowId))) continue;
        byTable.set(table, (byTable.get(table) ?? new Set()).add(rowId));
      }
      for (const [table, ids] of byTable) {
        for (const id of ids) kept.set(keyOf(table, id), null);
        for (const record of await tx.getRecords(partnerId, table, [...ids])) kept.set(keyOf(table, record.rowId), record);
      }
    },
    wrote: (record: StoredRecord): void => {
      const key = keyOf(record.table, record.rowId);
      dirty.set(key, record);
      kept.set(key, {
        ...record,
        caseId: record.caseId ?? null,
        previousOwner: record.previousOwner ?? null,
        fieldChanges: record.fieldChanges ?? {},
        conflicts: record.conflicts ?? [],
      });
    },
    /** Each written row once, as the batch left it. */
    flush: (): Promise<void> => tx.putRecords([...dirty.values()]),
  };
};

/** The rows a batch will ask for: its own rows, new children's parents, and the runs and proposals that name a case. */
const rowsBatchReads = (mutations: PushRequest['mutations']): Array<readonly [string, string]> =>
  mutations.flatMap((m) => {
    const wanted: Array<readonly [string, string]> = [[m.table, m.rowId]];
    const rule = writeRules[m.table];
    const parentId = rule.kind === 'owner' && rule.parent ? m.fields[rule.parent.field] : undefined;
    if (rule.kind === 'owner' && rule.parent && typeof parentId === 'string') wanted.push([rule.parent.table, parentId]);
    if (m.table === 'probe_results' && typeof m.fields.run_id === 'string') wanted.push(['probe_runs', m.fields.run_id]);
    if (m.table === 'proposal_lines' && typeof m.fields.proposal_id === 'string') wanted.push(['proposals', m.fields.proposal_id]);
    return wanted;
  });

/** A push's answer and what it added to the store (the metrics' held-row gauges move by these). */
export interface PushOutcome {
  readonly response: PushResponse;
  readonly newRecords: number;
  readonly loggedMutations: number;
}

export const applyPush = async (store: HubStore, device: DeviceRecord, request: PushRequest): Promise<PushResponse> =>
  (await applyPushCounted(store, device, request)).response;

export const applyPushCounted = async (store: HubStore, device: DeviceRecord, request: PushRequest): Promise<PushOutcome> =>
  store.onePushAtATime(device.partnerId, () => pushBatch(store, device, request));

const pushBatch = (store: HubStore, device: DeviceRecord, request: PushRequest): Promise<PushOutcome> =>
  store.pushTransaction(async (tx) => {
    let newRecords = 0;
    let loggedMutations = 0;
    const { recordOf, prefetch, wrote, flush } = batchRecords(tx, device.partnerId);
    let lastChange = await tx.lockPartner(device.partnerId);
    let lastSeq = await tx.deviceLastSeq(device.id);
    const fresh = request.mutations.filter((m) => m.seq > lastSeq);
    await prefetch(rowsBatchReads(fresh));
    // The same change sent before under another number is a duplicate: known in one statement.
    const alreadyLogged = await tx.loggedMutationIds(device.partnerId, fresh.map((m) => m.mutationId));
    const toLog: LoggedMutation[] = [];
    let applied = 0;
    let duplicates = 0;
    const refused: PushResponse['refused'] = [];
    for (const mutation of request.mutations) {
      if (mutation.seq <= lastSeq) {
        // A true repeat carries the same id. A different change under a used number (a laptop
        // restored from a backup) must not be acknowledged as if it had arrived.
        const logged = await tx.loggedMutationId(device.id, mutation.seq);
        if (logged !== null && logged !== mutation.mutationId) {
          throw new HubFailure(
            409,
            'sequence_reused',
            'This device sent a new change under a number it had already used (was it restored from a backup?). Enroll it again to send its remaining changes.',
          );
        }
        duplicates += 1;
        continue;
      }
      lastSeq = mutation.seq;
      const existing = await recordOf(mutation.table, mutation.rowId);
      const caseId = existing?.caseId ?? (await caseIdOfMutation(recordOf, mutation));
      const rule = writeRules[mutation.table];
      // A new child row's parent (its case, its probe run) must be this device's own.
      let parentOwner: string | null | undefined;
      if (!existing && rule.kind === 'owner' && rule.parent) {
        const parentId = mutation.fields[rule.parent.field];
        if (typeof parentId === 'string') parentOwner = (await recordOf(rule.parent.table, parentId))?.ownerDevice ?? null;
      }
      const refusal = refusalOf(rule, mutation.table, { role: device.role, deviceId: device.id, rowOwner: existing?.ownerDevice ?? null, parentOwner });
      const allowed = refusal === null;
      if (alreadyLogged.has(mutation.mutationId)) {
        duplicates += 1;
        continue;
      }
      alreadyLogged.add(mutation.mutationId);
      toLog.push({
        partnerId: device.partnerId,
        deviceId: device.id,
        seq: mutation.seq,
        mutationId: mutation.mutationId,
        table: mutation.table,
        rowId: mutation.rowId,
        op: mutation.op,
        fields: mutation.fields,
        hlc: mutation.hlc,
        outcome: allowed ? 'applied' : 'refused',
      });
      loggedMutations += 1;
      if (refusal !== null) {
        refused.push({ seq: mutation.seq, reason: refusal });
        continue;
      }
      // The origin is the token's device, whatever the payload claims.
      const merged = mergeMutation(existing, { ...mutation, originDevice: device.id }, device.partnerId, device.id, {
        nextSeq: lastChange + 1,
        deviceName: device.name,
      });
      if (merged.changed) {
        if (!existing) newRecords += 1;
        lastChange += 1;
        // The pusher already holds the row as it now is when it had the row's state before (it made
        // it, or had pulled that change) and its whole write was taken: its pulls need not bring it back.
        const hadRow =
          existing === null || existing.echoDevice === device.id || (mutation.baseSeq !== undefined && mutation.baseSeq >= existing.changeSeq);
        wrote({ ...merged.record, caseId, changeSeq: lastChange, echoDevice: hadRow && merged.tookWhole ? device.id : null });
      }
      applied += 1;
    }
    await tx.logMutations(toLog);
    await flush();
    await tx.setPartnerLastChange(device.partnerId, lastChange);
    await tx.setDeviceLastSeq(device.id, lastSeq);
    return { response: { acknowledgedThrough: lastSeq, applied, duplicates, refused }, newRecords, loggedMutations };
  });

export const pullChanges = async (store: HubStore, device: DeviceRecord, query: PullQuery): Promise<PullResponse> => {
  const everything = seesAllPartnerCases(device.role);
  if (query.scope === 'partner' && !everything) {
    throw new HubFailure(403, 'forbidden', "Only an account manager or admin may read other engineers' cases.");
  }
  // Read before the rows: every change up to this number is committed, so an empty page may skip to it.
  const lastChange = await store.partnerLastChange(device.partnerId);
  const rows = await store.changedRecords(device.partnerId, query.cursor, query.limit + 1, everything ? null : device.id, referenceTables, device.id);
  const page = rows.slice(0, query.limit);
  const hasMore = rows.length > query.limit;
  const last = page.at(-1);
  // An empty page moves the cursor to the partner's latest change, so filtered-out rows are not re-read.
  const cursor = last ? last.changeSeq : Math.max(query.cursor, lastChange);
  return {
    rows: page.map((r) => ({
      table: r.table,
      rowId: r.rowId,
      fields: r.fields,
      hlc: r.hlc,
      deleted: r.deleted,
      ownerDevice: r.ownerDevice,
      ownerDeviceName: r.ownerDeviceName,
      originDevice: r.originDevice,
      changeSeq: r.changeSeq,
      conflicts: [...(r.conflicts ?? [])],
    })),
    cursor,
    hasMore,
  };
};
