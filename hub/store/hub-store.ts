import type { HubRole } from '../../shared/sync/protocol';
import type { FieldChange, StoredRecord } from '../sync/merge';
import type { FieldConflict } from '../../shared/sync/conflicts';
import { checkHubMigrationList, hubMigrations, latestHubSchemaVersion, type HubMigration } from './hub-migrations';
import type { Querier, SqlDriver, SqlParam } from './sql-driver';

export interface Partner {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
}

export interface DeviceRecord {
  readonly id: string;
  readonly partnerId: string;
  readonly partnerName: string;
  readonly name: string;
  readonly role: HubRole;
  readonly localDeviceId: string;
  readonly tokenExpiresAt: string;
  readonly createdAt: string;
  readonly lastSeenAt: string | null;
  readonly revokedAt: string | null;
  readonly lastSeq: number;
}

export interface NewDevice {
  readonly id: string;
  readonly name: string;
  readonly localDeviceId: string;
  readonly tokenHash: string;
  readonly tokenExpiresAt: string;
}

export interface LoggedMutation {
  readonly partnerId: string;
  readonly deviceId: string;
  readonly seq: number;
  readonly mutationId: string;
  readonly table: string;
  readonly rowId: string;
  readonly op: string;
  readonly fields: Record<string, unknown>;
  readonly hlc: string;
  readonly outcome: 'applied' | 'refused';
}

/** The app release a partner's devices are offered on one platform (the update feed's content). */
export interface AppRelease {
  readonly partnerId: string;
  readonly platform: 'win' | 'mac' | 'linux';
  readonly version: string;
  readonly fileName: string;
  /** Where the installer is downloaded from when the hub does not hold it itself. */
  readonly url: string | null;
  /** base64 SHA-512 of the installer, as electron-updater checks it. */
  readonly sha512: string;
  readonly size: number;
  readonly releaseNotes: string;
  readonly releasedAt: string;
}

export interface NewQuestionnaireLink {
  readonly id: string;
  readonly partnerId: string;
  readonly deviceId: string;
  readonly tokenHash: string;
  readonly questionnaireId: string;
  readonly caseId: string;
  readonly stakeholder: string;
  /** The checked form spec, JSON. */
  readonly form: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

export interface QuestionnaireLinkRecord extends Omit<NewQuestionnaireLink, 'tokenHash'> {
  readonly revokedAt: string | null;
  readonly submittedAt: string | null;
}

export interface SubmittedAnswers {
  readonly id: string;
  readonly questionnaireId: string;
  readonly caseId: string;
  readonly stakeholder: string;
  readonly submittedAt: string;
  /** The customer's answers payload text, as the page sent it. */
  readonly payload: string;
}

interface LinkRow {
  id: string;
  partner_id: string;
  device_id: string;
  questionnaire_id: string;
  case_id: string;
  stakeholder: string;
  form: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  submitted_at: string | null;
}

const linkColumns = 'id, partner_id, device_id, questionnaire_id, case_id, stakeholder, form, created_at, expires_at, revoked_at, submitted_at';

const toLink = (r: LinkRow): QuestionnaireLinkRecord => ({
  id: r.id,
  partnerId: r.partner_id,
  deviceId: r.device_id,
  questionnaireId: r.questionnaire_id,
  caseId: r.case_id,
  stakeholder: r.stakeholder,
  form: r.form,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
  submittedAt: r.submitted_at,
});

export class NewerHubSchemaError extends Error {
  constructor(readonly found: number) {
    super(`The hub database has schema ${found}; this hub understands up to ${latestHubSchemaVersion}. Update the hub.`);
    this.name = 'NewerHubSchemaError';
  }
}

/** The statements a push runs inside its transaction. */
export interface PushTx {
  /** Serialises pushes per partner so change numbers commit in order (row lock on PostgreSQL). */
  lockPartner(partnerId: string): Promise<number>;
  setPartnerLastChange(partnerId: string, lastChange: number): Promise<void>;
  deviceLastSeq(deviceId: string): Promise<number>;
  setDeviceLastSeq(deviceId: string, seq: number): Promise<void>;
  /** The mutation id logged under this device's seq, if any. */
  loggedMutationId(deviceId: string, seq: number): Promise<string | null>;
  /** False when this mutation id was already logged (the same change sent under another seq). */
  logMutation(m: LoggedMutation): Promise<boolean>;
  getRecord(partnerId: string, table: string, rowId: string): Promise<StoredRecord | null>;
  /**
   * Writes the row; `echoDevice`: the device that already holds it exactly as written (its pulls
   * skip it). Never taken from `record`, so a row copied from the store does not keep a stale one.
   */
  putRecord(record: StoredRecord, echoDevice?: string | null): Promise<void>;
  /** Every row of one case (and, for a case, its customer and site rows). */
  caseRecords(partnerId: string, caseId: string): Promise<StoredRecord[]>;
  /** Those of these rows of one table that exist: a batch's reads in one statement per table. */
  getRecords(partnerId: string, table: string, rowIds: readonly string[]): Promise<StoredRecord[]>;
  /** Which of these mutation ids are already logged for the partner. */
  loggedMutationIds(partnerId: string, mutationIds: readonly string[]): Promise<Set<string>>;
  /** Logs mutations none of which is logged yet (checked with loggedMutationIds under the partner lock). */
  logMutations(list: readonly LoggedMutation[]): Promise<void>;
  /** Writes rows with distinct keys, many per statement; each keeps its own `echoDevice` (a push sets it per row). */
  putRecords(list: readonly StoredRecord[]): Promise<void>;
}

/** Rows per multi-row statement: well inside both SQLite's and PostgreSQL's parameter limits. */
const rowsPerStatement = 100;
const chunksOf = <T>(list: readonly T[], size: number): T[][] => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));
const placeholders = (rows: number, columns: number): string =>
  Array.from({ length: rows }, () => `(${Array.from({ length: columns }, () => '?').join(', ')})`).join(', ');

const recordColumns =
  'partner_id, table_name, row_id, fields, field_hlcs, hlc, deleted, owner_device, origin_device, change_seq, case_id, customer_ref, site_ref, previous_owner, field_changes, conflicts, echo_device';
const recordColumnCount = 17;
const recordUpsert = `ON CONFLICT (partner_id, table_name, row_id) DO UPDATE SET fields = excluded.fields, field_hlcs = excluded.field_hlcs,
               hlc = excluded.hlc, deleted = excluded.deleted, owner_device = excluded.owner_device, origin_device = excluded.origin_device,
               change_seq = excluded.change_seq, case_id = excluded.case_id, customer_ref = excluded.customer_ref, site_ref = excluded.site_ref,
               previous_owner = excluded.previous_owner, field_changes = excluded.field_changes, conflicts = excluded.conflicts,
               echo_device = excluded.echo_device`;
const recordParams = (r: StoredRecord, echoDevice: string | null): SqlParam[] => [
  r.partnerId,
  r.table,
  r.rowId,
  JSON.stringify(r.fields),
  JSON.stringify(r.fieldHlcs),
  r.hlc,
  r.deleted ? 1 : 0,
  r.ownerDevice,
  r.originDevice,
  r.changeSeq,
  r.caseId ?? null,
  r.table === 'cases' && typeof r.fields.customer_id === 'string' ? r.fields.customer_id : null,
  r.table === 'cases' && typeof r.fields.site_id === 'string' ? r.fields.site_id : null,
  r.previousOwner ?? null,
  JSON.stringify(r.fieldChanges ?? {}),
  JSON.stringify(r.conflicts ?? []),
  echoDevice,
];
const mutationColumns = 'partner_id, device_id, seq, mutation_id, table_name, row_id, op, fields, hlc, outcome, received_at';
const mutationParams = (m: LoggedMutation, receivedAt: string): SqlParam[] => [
  m.partnerId,
  m.deviceId,
  m.seq,
  m.mutationId,
  m.table,
  m.rowId,
  m.op,
  JSON.stringify(m.fields),
  m.hlc,
  m.outcome,
  receivedAt,
];

interface RecordRow {
  partner_id: string;
  table_name: string;
  row_id: string;
  fields: string;
  field_hlcs: string;
  hlc: string;
  deleted: number;
  owner_device: string;
  origin_device: string;
  change_seq: number;
  owner_name?: string | null;
  case_id?: string | null;
  previous_owner?: string | null;
  field_changes?: string | null;
  conflicts?: string | null;
  echo_device?: string | null;
}

const toRecord = (row: RecordRow): StoredRecord => ({
  partnerId: row.partner_id,
  table: row.table_name,
  rowId: row.row_id,
  fields: JSON.parse(row.fields) as Record<string, unknown>,
  fieldHlcs: JSON.parse(row.field_hlcs) as Record<string, string>,
  hlc: row.hlc,
  deleted: Number(row.deleted) === 1,
  ownerDevice: row.owner_device,
  originDevice: row.origin_device,
  changeSeq: Number(row.change_seq),
  caseId: row.case_id ?? null,
  previousOwner: row.previous_owner ?? null,
  fieldChanges: JSON.parse(row.field_changes ?? '{}') as Record<string, FieldChange>,
  conflicts: JSON.parse(row.conflicts ?? '[]') as FieldConflict[],
  echoDevice: row.echo_device ?? null,
});

/** What a pull sends of a row: its per-field clocks and change history stay on the hub, so they are not parsed. */
export type PulledRecord = Pick<StoredRecord, 'table' | 'rowId' | 'fields' | 'hlc' | 'deleted' | 'ownerDevice' | 'originDevice' | 'changeSeq' | 'conflicts'> & {
  readonly ownerDeviceName: string;
};

const toPulledRecord = (row: RecordRow): PulledRecord => ({
  table: row.table_name,
  rowId: row.row_id,
  fields: JSON.parse(row.fields) as Record<string, unknown>,
  hlc: row.hlc,
  deleted: Number(row.deleted) === 1,
  ownerDevice: row.owner_device,
  originDevice: row.origin_device,
  changeSeq: Number(row.change_seq),
  conflicts: row.conflicts && row.conflicts !== '[]' ? (JSON.parse(row.conflicts) as FieldConflict[]) : [],
  ownerDeviceName: row.owner_name ?? '',
});

interface DeviceRow {
  id: string;
  partner_id: string;
  partner_name: string;
  name: string;
  role: HubRole;
  local_device_id: string;
  token_expires_at: string;
  created_at: string;
  last_seen_at: string | null;
  revoked_at: string | null;
  last_seq: number;
}

const toDevice = (row: DeviceRow): DeviceRecord => ({
  id: row.id,
  partnerId: row.partner_id,
  partnerName: row.partner_name,
  name: row.name,
  role: row.role,
  localDeviceId: row.local_device_id,
  tokenExpiresAt: row.token_expires_at,
  createdAt: row.created_at,
  lastSeenAt: row.last_seen_at,
  revokedAt: row.revoked_at,
  lastSeq: Number(row.last_seq),
});

const deviceSelect = `SELECT d.id, d.partner_id, p.name AS partner_name, d.name, d.role, d.local_device_id, d.token_expires_at,
  d.created_at, d.last_seen_at, d.revoked_at, d.last_seq FROM devices d JOIN partners p ON p.id = d.partner_id`;

/**
 * Everything the hub keeps, over either SQL adapter. Every method that reads partner data takes
 * the partner id from the caller's token, never from the request.
 */
export class HubStore {
  constructor(readonly driver: SqlDriver) {}

  /** The tail of each partner's queue of pushes in this process. */
  private readonly partnerPushes = new Map<string, Promise<void>>();

  /**
   * Runs one partner's pushes one at a time in this process. They serialise on the partner's row
   * anyway; waiting here holds no pooled PostgreSQL connection, where 20 devices pushing at once
   * would otherwise hold them all and the rest wait out the pool's connect timeout (a 503).
   */
  onePushAtATime<T>(partnerId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.partnerPushes.get(partnerId) ?? Promise.resolve();
    const next = previous.then(work);
    const settled = next.then(
      () => undefined,
      () => {
        // handled: the push's own caller receives this failure; the queue only waits for it to settle.
        return undefined;
      },
    );
    this.partnerPushes.set(partnerId, settled);
    void settled.then(() => {
      if (this.partnerPushes.get(partnerId) === settled) this.partnerPushes.delete(partnerId);
    });
    return next;
  }

  /** One round trip to the store, for /healthz. */
  async ping(): Promise<void> {
    await this.driver.query('SELECT 1');
  }

  get dialect(): SqlDriver['dialect'] {
    return this.driver.dialect;
  }

  async schemaVersion(): Promise<number> {
    await this.driver.script('CREATE TABLE IF NOT EXISTS hub_schema (version INTEGER NOT NULL)');
    const rows = await this.driver.query<{ v: number | null }>('SELECT MAX(version) AS v FROM hub_schema');
    return Number(rows[0]?.v ?? 0);
  }

  /** Applies the missing migrations, each in its own transaction; refuses a newer database. */
  async migrate(list: readonly HubMigration[] = hubMigrations, target = Number.MAX_SAFE_INTEGER): Promise<number> {
    checkHubMigrationList(list);
    const supported = list.length;
    const found = await this.schemaVersion();
    if (found > supported) throw new NewerHubSchemaError(found);
    for (const migration of list) {
      if (migration.version > target) break;
      await this.driver.transaction(async (q) => {
        // Several hub instances may start together on PostgreSQL: one migrates, the others wait.
        if (this.dialect === 'postgres') await q.query('SELECT pg_advisory_xact_lock(4711)');
        const rows = await q.query<{ v: number | null }>('SELECT MAX(version) AS v FROM hub_schema');
        if (Number(rows[0]?.v ?? 0) >= migration.version) return;
        await q.script(migration.sql[this.dialect]);
        await q.query('INSERT INTO hub_schema (version) VALUES (?)', [migration.version]);
      });
    }
    return this.schemaVersion();
  }

  close(): Promise<void> {
    return this.driver.close();
  }

  // App releases (update feed) -----------------------------------------------------------------

  async putAppRelease(r: AppRelease): Promise<void> {
    await this.driver.query(
      `INSERT INTO app_releases (partner_id, platform, version, file_name, url, sha512, size, release_notes, released_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (partner_id, platform) DO UPDATE SET version = excluded.version, file_name = excluded.file_name, url = excluded.url,
         sha512 = excluded.sha512, size = excluded.size, release_notes = excluded.release_notes, released_at = excluded.released_at`,
      [r.partnerId, r.platform, r.version, r.fileName, r.url, r.sha512, r.size, r.releaseNotes, r.releasedAt],
    );
  }

  async appRelease(partnerId: string, platform: AppRelease['platform']): Promise<AppRelease | null> {
    const rows = await this.driver.query<{
      version: string;
      file_name: string;
      url: string | null;
      sha512: string;
      size: number | string;
      release_notes: string;
      released_at: string;
    }>('SELECT version, file_name, url, sha512, size, release_notes, released_at FROM app_releases WHERE partner_id = ? AND platform = ?', [partnerId, platform]);
    const row = rows[0];
    if (!row) return null;
    return {
      partnerId,
      platform,
      version: row.version,
      fileName: row.file_name,
      url: row.url,
      sha512: row.sha512,
      size: Number(row.size),
      releaseNotes: row.release_notes,
      releasedAt: row.released_at,
    };
  }

  // Partners and enrollment -------------------------------------------------------------------

  async createPartner(partner: Partner): Promise<void> {
    await this.driver.query('INSERT INTO partners (id, name, created_at) VALUES (?, ?, ?)', [partner.id, partner.name, partner.createdAt]);
  }

  async findPartnerByName(name: string): Promise<Partner | null> {
    const rows = await this.driver.query<{ id: string; name: string; created_at: string }>(
      'SELECT id, name, created_at FROM partners WHERE name = ?',
      [name],
    );
    const row = rows[0];
    return row ? { id: row.id, name: row.name, createdAt: row.created_at } : null;
  }

  async listPartners(): Promise<Partner[]> {
    const rows = await this.driver.query<{ id: string; name: string; created_at: string }>('SELECT id, name, created_at FROM partners ORDER BY name');
    return rows.map((row) => ({ id: row.id, name: row.name, createdAt: row.created_at }));
  }

  async insertEnrollCode(code: { codeHash: string; partnerId: string; role: HubRole; createdAt: string; expiresAt: string }): Promise<void> {
    await this.driver.query('INSERT INTO enroll_codes (code_hash, partner_id, role, created_at, expires_at) VALUES (?, ?, ?, ?, ?)', [
      code.codeHash,
      code.partnerId,
      code.role,
      code.createdAt,
      code.expiresAt,
    ]);
  }

  /** Spends a one-time code and records the device, atomically; null if the code is unknown, used or expired. */
  async redeemEnrollCode(codeHash: string, now: string, device: NewDevice): Promise<DeviceRecord | null> {
    return this.driver.transaction(async (q) => {
      const spent = await q.query<{ partner_id: string; role: HubRole }>(
        'UPDATE enroll_codes SET used_at = ?, used_by_device = ? WHERE code_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING partner_id, role',
        [now, device.id, codeHash, now],
      );
      const code = spent[0];
      if (!code) return null;
      await q.query(
        `INSERT INTO devices (id, partner_id, name, role, local_device_id, token_hash, token_expires_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [device.id, code.partner_id, device.name, code.role, device.localDeviceId, device.tokenHash, device.tokenExpiresAt, now],
      );
      const rows = await q.query<DeviceRow>(`${deviceSelect} WHERE d.id = ?`, [device.id]);
      return toDevice(rows[0] as DeviceRow);
    });
  }

  async findDeviceByTokenHash(tokenHash: string): Promise<DeviceRecord | null> {
    const rows = await this.driver.query<DeviceRow>(`${deviceSelect} WHERE d.token_hash = ?`, [tokenHash]);
    return rows[0] ? toDevice(rows[0]) : null;
  }

  async touchDevice(deviceId: string, now: string): Promise<void> {
    await this.driver.query('UPDATE devices SET last_seen_at = ? WHERE id = ?', [now, deviceId]);
  }

  async listDevices(partnerId: string | null): Promise<DeviceRecord[]> {
    return (
      await this.driver.query<DeviceRow>(`${deviceSelect} WHERE (CAST(? AS TEXT) IS NULL OR d.partner_id = ?) ORDER BY p.name, d.created_at`, [
        partnerId,
        partnerId,
      ])
    ).map(toDevice);
  }

  async revokeDevice(deviceId: string, now: string): Promise<boolean> {
    const rows = await this.driver.query<{ id: string }>('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL RETURNING id', [
      now,
      deviceId,
    ]);
    return rows.length === 1;
  }

  // Push ----------------------------------------------------------------------------------------

  pushTransaction<T>(work: (tx: PushTx) => Promise<T>): Promise<T> {
    const forUpdate = this.dialect === 'postgres' ? ' FOR UPDATE' : '';
    return this.driver.transaction((q: Querier) =>
      work({
        lockPartner: async (partnerId) => {
          const rows = await q.query<{ last_change: number }>(`SELECT last_change FROM partners WHERE id = ?${forUpdate}`, [partnerId]);
          return Number(rows[0]?.last_change ?? 0);
        },
        setPartnerLastChange: async (partnerId, lastChange) => {
          await q.query('UPDATE partners SET last_change = ? WHERE id = ?', [lastChange, partnerId]);
        },
        deviceLastSeq: async (deviceId) => {
          const rows = await q.query<{ last_seq: number }>(`SELECT last_seq FROM devices WHERE id = ?${forUpdate}`, [deviceId]);
          return Number(rows[0]?.last_seq ?? 0);
        },
        setDeviceLastSeq: async (deviceId, seq) => {
          await q.query('UPDATE devices SET last_seq = ? WHERE id = ?', [seq, deviceId]);
        },
        loggedMutationId: async (deviceId, seq) => {
          const rows = await q.query<{ mutation_id: string }>('SELECT mutation_id FROM mutations WHERE device_id = ? AND seq = ?', [deviceId, seq]);
          return rows[0]?.mutation_id ?? null;
        },
        logMutation: async (m) => {
          const rows = await q.query(
            `INSERT INTO mutations (${mutationColumns}) VALUES (${placeholders(1, 11).slice(1, -1)}) ON CONFLICT (partner_id, mutation_id) DO NOTHING RETURNING seq`,
            mutationParams(m, new Date().toISOString()),
          );
          return rows.length === 1;
        },
        loggedMutationIds: async (partnerId, mutationIds) => {
          const found = new Set<string>();
          for (const chunk of chunksOf(mutationIds, 500)) {
            const rows = await q.query<{ mutation_id: string }>(
              `SELECT mutation_id FROM mutations WHERE partner_id = ? AND mutation_id IN (${chunk.map(() => '?').join(', ')})`,
              [partnerId, ...chunk],
            );
            for (const row of rows) found.add(row.mutation_id);
          }
          return found;
        },
        logMutations: async (list) => {
          const receivedAt = new Date().toISOString();
          for (const chunk of chunksOf(list, rowsPerStatement)) {
            const rows = await q.query(
              `INSERT INTO mutations (${mutationColumns}) VALUES ${placeholders(chunk.length, 11)} ON CONFLICT (partner_id, mutation_id) DO NOTHING RETURNING seq`,
              chunk.flatMap((m) => mutationParams(m, receivedAt)),
            );
            // Checked under the partner lock just before: a difference is a bug, and the batch is undone.
            if (rows.length !== chunk.length) throw new Error(`logged ${rows.length} of ${chunk.length} mutations that were not logged yet`);
          }
        },
        getRecords: async (partnerId, table, rowIds) => {
          const found: StoredRecord[] = [];
          for (const chunk of chunksOf(rowIds, 500)) {
            const rows = await q.query<RecordRow>(
              `SELECT * FROM records WHERE partner_id = ? AND table_name = ? AND row_id IN (${chunk.map(() => '?').join(', ')})`,
              [partnerId, table, ...chunk],
            );
            found.push(...rows.map(toRecord));
          }
          return found;
        },
        putRecords: async (list) => {
          for (const chunk of chunksOf(list, rowsPerStatement)) {
            // A push's rows carry their echo device (the push decides it per row, see applyPush).
            await q.query(
              `INSERT INTO records (${recordColumns}) VALUES ${placeholders(chunk.length, recordColumnCount)} ${recordUpsert}`,
              chunk.flatMap((r) => recordParams(r, r.echoDevice ?? null)),
            );
          }
        },
        getRecord: async (partnerId, table, rowId) => {
          const rows = await q.query<RecordRow>('SELECT * FROM records WHERE partner_id = ? AND table_name = ? AND row_id = ?', [
            partnerId,
            table,
            rowId,
          ]);
          return rows[0] ? toRecord(rows[0]) : null;
        },
        caseRecords: async (partnerId, caseId) => {
          const rows = await q.query<RecordRow>(
            `SELECT * FROM records WHERE partner_id = ? AND (case_id = ?
               OR row_id IN (SELECT customer_ref FROM records WHERE partner_id = ? AND table_name = 'cases' AND row_id = ?)
               OR row_id IN (SELECT site_ref FROM records WHERE partner_id = ? AND table_name = 'cases' AND row_id = ?))
             ORDER BY change_seq`,
            [partnerId, caseId, partnerId, caseId, partnerId, caseId],
          );
          return rows.map(toRecord);
        },
        putRecord: async (r, echoDevice = null) => {
          await q.query(`INSERT INTO records (${recordColumns}) VALUES ${placeholders(1, recordColumnCount)} ${recordUpsert}`, recordParams(r, echoDevice));
        },
      }),
    );
  }

  // Pull ----------------------------------------------------------------------------------------

  /**
   * Rows of one partner changed after `cursor`, in change order. `ownerDevice` null: every row;
   * otherwise only that device's rows plus the shared reference tables. Never a row the pulling
   * device already holds as it is (its own latest change, see echo_device).
   */
  async changedRecords(
    partnerId: string,
    cursor: number,
    limit: number,
    ownerDevice: string | null,
    referenceTables: readonly string[],
    puller: string | null = ownerDevice,
  ): Promise<PulledRecord[]> {
    const marks = referenceTables.map(() => '?').join(', ');
    // An engineer also gets what others add to its cases (proposals, comments, a handover's
    // event) and the customer and site rows its cases name.
    const mine = `SELECT row_id FROM records WHERE partner_id = ? AND table_name = 'cases' AND owner_device = ?`;
    const rows = await this.driver.query<RecordRow>(
      `SELECT r.*, d.name AS owner_name FROM records r LEFT JOIN devices d ON d.id = r.owner_device
       WHERE r.partner_id = ? AND r.change_seq > ?
         AND (r.echo_device IS NULL OR r.echo_device <> CAST(? AS TEXT) OR CAST(? AS TEXT) IS NULL)
         AND (CAST(? AS TEXT) IS NULL OR r.owner_device = ? OR r.previous_owner = ? OR r.table_name IN (${marks})
              OR r.case_id IN (${mine})
              OR (r.table_name IN ('customers', 'sites') AND EXISTS (
                SELECT 1 FROM records c WHERE c.partner_id = r.partner_id AND c.table_name = 'cases' AND c.owner_device = ?
                  AND (c.customer_ref = r.row_id OR c.site_ref = r.row_id))))
       ORDER BY r.change_seq LIMIT ?`,
      [partnerId, cursor, puller, puller, ownerDevice, ownerDevice, ownerDevice, ...referenceTables, partnerId, ownerDevice, ownerDevice, limit],
    );
    return rows.map(toPulledRecord);
  }

  async partnerLastChange(partnerId: string): Promise<number> {
    const rows = await this.driver.query<{ last_change: number }>('SELECT last_change FROM partners WHERE id = ?', [partnerId]);
    return Number(rows[0]?.last_change ?? 0);
  }

  // Blobs ---------------------------------------------------------------------------------------

  async putBlob(partnerId: string, sha256: string, data: Buffer): Promise<boolean> {
    const rows = await this.driver.query(
      'INSERT INTO blobs (partner_id, sha256, size, data, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (partner_id, sha256) DO NOTHING RETURNING sha256',
      [partnerId, sha256, data.length, data, new Date().toISOString()],
    );
    return rows.length === 1;
  }

  async blobSize(partnerId: string, sha256: string): Promise<number | null> {
    const rows = await this.driver.query<{ size: number }>('SELECT size FROM blobs WHERE partner_id = ? AND sha256 = ?', [partnerId, sha256]);
    return rows[0] ? Number(rows[0].size) : null;
  }

  /** Remembers that this device sent these bytes (it holds them, so it may read them back). */
  async recordBlobUploader(partnerId: string, sha256: string, deviceId: string): Promise<void> {
    await this.driver.query(
      'INSERT INTO blob_uploaders (partner_id, sha256, device_id, uploaded_at) VALUES (?, ?, ?, ?) ON CONFLICT (partner_id, sha256, device_id) DO NOTHING',
      [partnerId, sha256, deviceId, new Date().toISOString()],
    );
  }

  /**
   * Blob reads follow row reads: the device sent it itself, or a row naming it is one the device
   * may read (shared reference data, its own rows and its cases' rows, every case for managers).
   * The hash is checked lowercase hex by the route, so it carries no LIKE wildcards. A scan of the
   * partner's rows per check: fine for evidence opened one at a time, noted for a ref index later.
   */
  async mayReadBlob(device: { id: string; partnerId: string; everyCase: boolean }, sha256: string, referenceTables: readonly string[]): Promise<boolean> {
    const uploaded = await this.driver.query('SELECT 1 AS ok FROM blob_uploaders WHERE partner_id = ? AND sha256 = ? AND device_id = ?', [
      device.partnerId,
      sha256,
      device.id,
    ]);
    if (uploaded.length > 0) return true;
    const marks = referenceTables.map(() => '?').join(', ');
    const rows = await this.driver.query(
      `SELECT 1 AS ok FROM records r WHERE r.partner_id = ? AND r.fields LIKE ?
         AND (? = 1 OR r.table_name IN (${marks}) OR r.owner_device = ?
              OR r.case_id IN (SELECT row_id FROM records c WHERE c.partner_id = ? AND c.table_name = 'cases' AND c.owner_device = ?))
       LIMIT 1`,
      [device.partnerId, `%"${sha256}"%`, device.everyCase ? 1 : 0, ...referenceTables, device.id, device.partnerId, device.id],
    );
    return rows.length > 0;
  }

  async getBlob(partnerId: string, sha256: string): Promise<Buffer | null> {
    const rows = await this.driver.query<{ data: Buffer | Uint8Array }>('SELECT data FROM blobs WHERE partner_id = ? AND sha256 = ?', [partnerId, sha256]);
    return rows[0] ? Buffer.from(rows[0].data) : null;
  }

  // Questionnaire links -------------------------------------------------------------------------

  async insertQuestionnaireLink(link: NewQuestionnaireLink): Promise<void> {
    await this.driver.query(
      `INSERT INTO questionnaire_links (id, partner_id, device_id, token_hash, questionnaire_id, case_id, stakeholder, form, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [link.id, link.partnerId, link.deviceId, link.tokenHash, link.questionnaireId, link.caseId, link.stakeholder, link.form, link.createdAt, link.expiresAt],
    );
  }

  /** The link a token opens, whatever its state (the caller says why it cannot be used). */
  async questionnaireLinkByToken(tokenHash: string): Promise<QuestionnaireLinkRecord | null> {
    const rows = await this.driver.query<LinkRow>(`SELECT ${linkColumns} FROM questionnaire_links WHERE token_hash = ?`, [tokenHash]);
    return rows[0] ? toLink(rows[0]) : null;
  }

  /**
   * Stores the customer's answers and spends the token, atomically: only the first of two
   * concurrent submissions wins, and never after expiry or revocation.
   */
  async submitQuestionnaireAnswers(tokenHash: string, answers: string, now: string): Promise<boolean> {
    const rows = await this.driver.query<{ id: string }>(
      `UPDATE questionnaire_links SET submitted_at = ?, answers = ?
       WHERE token_hash = ? AND submitted_at IS NULL AND revoked_at IS NULL AND expires_at > ? RETURNING id`,
      [now, answers, tokenHash, now],
    );
    return rows.length === 1;
  }

  /** Withdraws a link of this partner's device; false when it is not theirs or already withdrawn. */
  async revokeQuestionnaireLink(partnerId: string, deviceId: string, id: string, now: string): Promise<boolean> {
    const rows = await this.driver.query<{ id: string }>(
      'UPDATE questionnaire_links SET revoked_at = ? WHERE id = ? AND partner_id = ? AND device_id = ? AND revoked_at IS NULL RETURNING id',
      [now, id, partnerId, deviceId],
    );
    return rows.length === 1;
  }

  /** Answers submitted to this device's links and not yet collected. */
  async submittedQuestionnaireAnswers(partnerId: string, deviceId: string): Promise<SubmittedAnswers[]> {
    const rows = await this.driver.query<{ id: string; questionnaire_id: string; case_id: string; stakeholder: string; submitted_at: string; answers: string }>(
      `SELECT id, questionnaire_id, case_id, stakeholder, submitted_at, answers FROM questionnaire_links
       WHERE partner_id = ? AND device_id = ? AND submitted_at IS NOT NULL AND collected_at IS NULL ORDER BY submitted_at, id`,
      [partnerId, deviceId],
    );
    return rows.map((r) => ({ id: r.id, questionnaireId: r.questionnaire_id, caseId: r.case_id, stakeholder: r.stakeholder, submittedAt: r.submitted_at, payload: r.answers }));
  }

  /** The laptop has the answers: the hub forgets them and the form (it keeps that the link was used). */
  async collectQuestionnaireAnswers(partnerId: string, deviceId: string, ids: readonly string[], now: string): Promise<number> {
    let n = 0;
    for (const id of ids) {
      const rows = await this.driver.query<{ id: string }>(
        `UPDATE questionnaire_links SET collected_at = ?, answers = NULL, form = '{}'
         WHERE id = ? AND partner_id = ? AND device_id = ? AND submitted_at IS NOT NULL AND collected_at IS NULL RETURNING id`,
        [now, id, partnerId, deviceId],
      );
      n += rows.length;
    }
    return n;
  }

  // Inspection (admin commands, metrics and tests) --------------------------------------------

  async mutationLog(partnerId: string): Promise<LoggedMutation[]> {
    const rows = await this.driver.query<Record<string, unknown>>(
      'SELECT partner_id, device_id, seq, mutation_id, table_name, row_id, op, fields, hlc, outcome FROM mutations WHERE partner_id = ? ORDER BY device_id, seq',
      [partnerId],
    );
    return rows.map((r) => ({
      partnerId: String(r.partner_id),
      deviceId: String(r.device_id),
      seq: Number(r.seq),
      mutationId: String(r.mutation_id),
      table: String(r.table_name),
      rowId: String(r.row_id),
      op: String(r.op),
      fields: JSON.parse(String(r.fields)) as Record<string, unknown>,
      hlc: String(r.hlc),
      outcome: r.outcome as LoggedMutation['outcome'],
    }));
  }

  async records(partnerId: string): Promise<StoredRecord[]> {
    const rows = await this.driver.query<RecordRow>('SELECT * FROM records WHERE partner_id = ? ORDER BY change_seq', [partnerId]);
    return rows.map(toRecord);
  }

  /** Every table's size in one statement: admin commands, tests, and the metrics' starting figures. */
  async counts(): Promise<{ partners: number; devices: number; records: number; mutations: number; blobs: number }> {
    const tables = ['partners', 'devices', 'records', 'mutations', 'blobs'] as const;
    const rows = await this.driver.query<Record<(typeof tables)[number], number | string>>(
      `SELECT ${tables.map((t) => `(SELECT COUNT(*) FROM ${t}) AS ${t}`).join(', ')}`,
    );
    const row = rows[0];
    return {
      partners: Number(row?.partners ?? 0),
      devices: Number(row?.devices ?? 0),
      records: Number(row?.records ?? 0),
      mutations: Number(row?.mutations ?? 0),
      blobs: Number(row?.blobs ?? 0),
    };
  }
}
