import type { Database } from 'better-sqlite3';
import type { ApiFailure } from '../../../shared/contract/result';
import type { SyncableTable } from '../../../shared/sync/mutation';
import { serviceFailure } from '../../../shared/i18n/service-failure';

/** Tables that are the engineer's work on a case: only the owner's laptop writes them, and not once complete. */
const engineerTables: ReadonlySet<SyncableTable> = new Set(['cases', 'contacts', 'probe_runs', 'probe_results', 'interviews', 'answers', 'finding_exceptions', 'evidence_attachments', 'questionnaires', 'questionnaire_returns']);

/** What a completed case still accepts on its own row: its status (reopen), filing it away, the branding its reports use. */
const lifecycleFields = new Set(['status', 'completed_at', 'completed_by', 'archived', 'branding_profile_id']);

interface CaseState {
  id: string;
  status: string;
  owner_device: string | null;
  owner_name: string;
  engineer: string;
}

const caseIdOf = (db: Database, table: SyncableTable, id: string, fields: Record<string, unknown>): string | null => {
  if (table === 'cases') return id;
  if (table === 'probe_results') {
    const runId = typeof fields.run_id === 'string' ? fields.run_id : ((db.prepare('SELECT run_id FROM probe_results WHERE id = ?').get(id) as { run_id: string } | undefined)?.run_id ?? null);
    if (!runId) return null;
    return (db.prepare('SELECT case_id FROM probe_runs WHERE id = ?').get(runId) as { case_id: string } | undefined)?.case_id ?? null;
  }
  if (typeof fields.case_id === 'string') return fields.case_id;
  return (db.prepare(`SELECT case_id FROM ${table} WHERE id = ?`).get(id) as { case_id: string } | undefined)?.case_id ?? null;
};

/** This laptop's id at the hub, once enrolled. */
export const hubDeviceIdOf = (db: Database): string | null =>
  (db.prepare('SELECT hub_device_id FROM sync_state WHERE singleton = 1').get() as { hub_device_id: string } | undefined)?.hub_device_id ?? null;

/** A case another laptop owns: pulled from the hub, read-only here. */
export const isForeignCase = (ownerDevice: string | null, me: string | null): boolean => ownerDevice !== null && ownerDevice !== me;

export const foreignCaseFailure = (c: { owner_name: string; engineer: string }): ApiFailure =>
  c.engineer
    ? serviceFailure('forbidden', 'error.caseForeign', { engineer: c.engineer, owner: c.owner_name, where: c.owner_name ? 'laptop' : 'none' })
    : serviceFailure('forbidden', 'error.caseForeignUnnamed', { owner: c.owner_name, where: c.owner_name ? 'laptop' : 'none' });

export const completedCaseFailure = (): ApiFailure => serviceFailure('conflict', 'error.caseComplete');

/**
 * Every synced write of an engineer's table passes here (from writeSyncedRow), so no channel can
 * change another laptop's case or a completed one. Returns the case the write belongs to.
 */
export const guardCaseWrite = (db: Database, table: SyncableTable, id: string, fields: Record<string, unknown>): CaseState | null => {
  if (!engineerTables.has(table)) return null;
  const caseId = caseIdOf(db, table, id, fields);
  if (!caseId) return null;
  const state = db.prepare('SELECT id, status, owner_device, owner_name, engineer FROM cases WHERE id = ?').get(caseId) as CaseState | undefined;
  if (!state) return null;
  if (isForeignCase(state.owner_device, hubDeviceIdOf(db))) throw foreignCaseFailure(state);
  const onlyLifecycle = table === 'cases' && Object.keys(fields).every((name) => lifecycleFields.has(name));
  if (state.status === 'complete' && !onlyLifecycle) throw completedCaseFailure();
  return state;
};
