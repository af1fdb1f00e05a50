import type { Database, Statement } from 'better-sqlite3';

type Value = string | number | null;

/**
 * Case data pulled from the hub, in the order rows may reference each other: a parent is written
 * before its children in the same pass, and a child whose parent has not arrived yet waits for a
 * later page (it stays pending in sync_remote_rows).
 */
export const caseDataTables = [
  'customers',
  'sites',
  'cases',
  'contacts',
  'interviews',
  'probe_runs',
  'probe_results',
  'answers',
  'finding_exceptions',
  'evidence_attachments',
  'case_events',
  'proposals',
  'proposal_lines',
  'case_comments',
  'questionnaires',
  'questionnaire_returns',
  'report_exports',
] as const;

/** Tables only the owner's laptop writes (see case-write-guard). */
const engineerTableSet = new Set(['contacts', 'interviews', 'probe_runs', 'probe_results', 'answers', 'finding_exceptions', 'evidence_attachments', 'case_events', 'questionnaires', 'questionnaire_returns']);

/** Columns the hub never sets: the row's identity and bookkeeping are ours. */
const localOnly = new Set(['id', 'updated_at', 'origin_device', 'created_at', 'deleted', 'owner_device', 'owner_name']);

const toValue = (value: unknown): Value => {
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === undefined) return null;
  return JSON.stringify(value);
};

interface PendingRow {
  table_name: string;
  row_id: string;
  fields: string;
  hlc: string;
  deleted: number;
  owner_device: string;
  owner_device_name: string;
  origin_device: string;
  change_seq: number;
}

/**
 * A case handed to another laptop: what this laptop wrote that the hub never took (refused after
 * the handover) is dropped here too, so this copy shows what the new owner has. The hub's refusal
 * stays in sync_refused, where the sync status reports it.
 */
const dropUnsentWork = (prepared: (sql: string) => Statement, caseId: string): void => {
  const notAtHub = (table: string) => `NOT EXISTS (SELECT 1 FROM sync_remote_rows r WHERE r.table_name = '${table}' AND r.row_id = ${table}.id)`;
  for (const table of ['contacts', 'answers', 'finding_exceptions', 'evidence_attachments', 'probe_runs']) {
    prepared(`UPDATE ${table} SET deleted = 1 WHERE case_id = ? AND deleted = 0 AND ${notAtHub(table)}`).run(caseId);
  }
};

export interface MaterialiseReport {
  readonly written: number;
  readonly waiting: number;
}

const wallClockIso = (hlc: string): string => {
  const ms = Number(hlc.slice(0, 13));
  return Number.isFinite(ms) ? new Date(ms).toISOString() : new Date().toISOString();
};

/**
 * Writes every pulled case row not yet in the local tables (or newer than the local copy) into
 * them, so partner cases are read by the same code as local ones. The hub holds each row merged
 * per field, so a newer hub row replaces the local one whole. The case row also takes its owner
 * (hub device and name) every time, so a handover shows at once. Call inside the pull's transaction.
 */
export const materialisePulled = (db: Database): MaterialiseReport => {
  const columns = new Map<string, Set<string>>();
  const columnsOf = (table: string): Set<string> => {
    let set = columns.get(table);
    if (!set) {
      set = new Set((db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name));
      columns.set(table, set);
    }
    return set;
  };
  // One statement per distinct SQL text: preparing costs more than running a row's insert.
  const statements = new Map<string, Statement>();
  const prepared = (sql: string): Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const savepoint = db.prepare('SAVEPOINT materialise_row');
  const release = db.prepare('RELEASE materialise_row');
  const rollback = db.prepare('ROLLBACK TO materialise_row');
  const ownerBefore = db.prepare('SELECT owner_device FROM cases WHERE id = ?').pluck();
  const setOwner = db.prepare('UPDATE cases SET owner_device = ?, owner_name = ? WHERE id = ?');
  const done = db.prepare('UPDATE sync_remote_rows SET materialised_seq = ? WHERE table_name = ? AND row_id = ?');
  let written = 0;
  let waiting = 0;
  const me = (db.prepare('SELECT hub_device_id FROM sync_state WHERE singleton = 1').get() as { hub_device_id: string } | undefined)?.hub_device_id ?? null;
  let foreignCases = new Set<string>();
  const runCase = db.prepare('SELECT case_id FROM probe_runs WHERE id = ?');
  const caseOf = (table: string, id: string, fields: Record<string, unknown>): string => {
    if (table === 'cases') return id;
    if (table === 'probe_results') return (runCase.get(fields.run_id) as { case_id: string } | undefined)?.case_id ?? '';
    return typeof fields.case_id === 'string' ? fields.case_id : '';
  };
  for (const table of caseDataTables) {
    if (table === 'contacts') {
      // Cases (and their owners) are written by now: their children follow the owner's copy.
      foreignCases = new Set(
        (db.prepare('SELECT id FROM cases WHERE owner_device IS NOT NULL AND owner_device IS NOT ?').all(me) as { id: string }[]).map((r) => r.id),
      );
    }
    const cols = columnsOf(table);
    const pending = db
      .prepare('SELECT * FROM sync_remote_rows WHERE table_name = ? AND change_seq > materialised_seq AND refused_reason IS NULL ORDER BY change_seq')
      .all(table) as PendingRow[];
    if (pending.length === 0) continue;
    const localHlc = db.prepare(`SELECT updated_at FROM ${table} WHERE id = ?`);
    for (const row of pending) {
      const local = localHlc.get(row.row_id) as { updated_at: string } | undefined;
      const fields = JSON.parse(row.fields) as Record<string, unknown>;
      const values: Record<string, Value> = {};
      for (const [name, value] of Object.entries(fields)) if (cols.has(name) && !localOnly.has(name)) values[name] = toValue(value);
      // Another laptop's case: the hub's copy is the truth, even over a local edit the hub refused.
      const hubWins = local !== undefined && local.updated_at !== row.hlc && engineerTableSet.has(table) && foreignCases.has(caseOf(table, row.row_id, fields));
      // Equal clocks: the hub's row is our own last write merged with other devices' fields (the
      // push went first), so it is taken whole; a later local edit has a later clock and stays.
      const newer = !local || local.updated_at <= row.hlc || hubWins;
      savepoint.run();
      try {
        if (newer) {
          values.deleted = row.deleted;
          values.updated_at = row.hlc;
          values.origin_device = row.origin_device;
          const names = Object.keys(values);
          if (local) {
            prepared(`UPDATE ${table} SET ${names.map((n) => `${n} = @${n}`).join(', ')} WHERE id = @id`).run({ ...values, id: row.row_id });
          } else {
            const all = ['id', 'created_at', ...names];
            prepared(`INSERT INTO ${table} (${all.join(', ')}) VALUES (${all.map((n) => `@${n}`).join(', ')})`).run({
              ...values,
              id: row.row_id,
              created_at: typeof fields.created_at === 'string' ? fields.created_at : wallClockIso(row.hlc),
            });
          }
        }
        if (table === 'cases') {
          const before = ownerBefore.get(row.row_id) as string | null | undefined;
          setOwner.run(row.owner_device, row.owner_device_name, row.row_id);
          if (me !== null && (before === me || before === null) && row.owner_device !== me) dropUnsentWork(prepared, row.row_id);
        }
        release.run();
        done.run(row.change_seq, row.table_name, row.row_id);
        if (newer) written += 1;
      } catch (error) {
        // A row whose parent has not arrived (or that a constraint refuses for now) stays pending:
        // the next page, or the next sync, tries it again. It is never lost, only delayed.
        rollback.run();
        release.run();
        if (!(error instanceof Error) || !/constraint/i.test(error.message)) throw error;
        waiting += 1;
      }
    }
  }
  return { written, waiting };
};
