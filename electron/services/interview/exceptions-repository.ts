import type { Database } from 'better-sqlite3';
import { v5 as uuidv5 } from 'uuid';
import type { ExceptionRecord } from '../../../shared/interview/score-types';
import { serviceFailure } from '../../../shared/i18n/service-failure';
import { getCase } from '../cases/cases-repository';
import { tombstoneSyncedRow, writeSyncedRow } from '../db/synced-write';
import { bankForCase } from './bank-store';

interface ExceptionRow {
  id: string;
  finding_id: string;
  compensating_control: string;
  reason: string;
  recorded_by: string;
  created_at: string;
}

const toRecord = (row: ExceptionRow): ExceptionRecord => ({
  id: row.id,
  findingId: row.finding_id,
  compensatingControl: row.compensating_control,
  reason: row.reason,
  recordedBy: row.recorded_by,
  recordedAt: row.created_at,
});

const exceptionIdFor = (caseId: string, findingId: string): string => uuidv5(`exception:${findingId}`, caseId);

export const listExceptions = (db: Database, caseId: string): ExceptionRecord[] =>
  (
    db
      .prepare('SELECT id, finding_id, compensating_control, reason, recorded_by, created_at FROM finding_exceptions WHERE case_id = ? AND deleted = 0 ORDER BY finding_id')
      .all(caseId) as ExceptionRow[]
  ).map(toRecord);

export interface ExceptionWrite {
  readonly caseId: string;
  readonly findingId: string;
  readonly compensatingControl: string;
  readonly reason: string;
  readonly recordedBy: string;
}

/**
 * Records (or replaces) the exception on one finding of a case. The finding must exist in the
 * case's bank, but need not fire yet: an exception can be agreed up front.
 */
export const addException = (db: Database, input: ExceptionWrite): ExceptionRecord =>
  db.transaction(() => {
    getCase(db, input.caseId);
    const { bank } = bankForCase(db, input.caseId, { pin: true });
    if (!bank.rules.some((rule) => rule.id === input.findingId)) {
      throw serviceFailure('validation', 'error.interview.noFinding', { findingId: input.findingId, bankId: bank.id, version: bank.version });
    }
    const id = exceptionIdFor(input.caseId, input.findingId);
    writeSyncedRow(db, 'finding_exceptions', id, {
      case_id: input.caseId,
      finding_id: input.findingId,
      compensating_control: input.compensatingControl,
      reason: input.reason,
      recorded_by: input.recordedBy,
      deleted: 0,
    });
    const row = db.prepare('SELECT id, finding_id, compensating_control, reason, recorded_by, created_at FROM finding_exceptions WHERE id = ?').get(id) as ExceptionRow;
    return toRecord(row);
  })();

export const removeException = (db: Database, caseId: string, findingId: string): boolean =>
  db.transaction(() => {
    const id = exceptionIdFor(caseId, findingId);
    const live = db.prepare('SELECT 1 FROM finding_exceptions WHERE id = ? AND deleted = 0').get(id);
    if (!live) return false;
    tombstoneSyncedRow(db, 'finding_exceptions', id);
    return true;
  })();
