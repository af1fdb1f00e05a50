import type { Database } from 'better-sqlite3';
import type { CaseComment } from '../../../shared/domain/comments';
import { getCase } from '../cases/cases-repository';
import { deviceId, newId } from '../db/device-clock';
import { writeSyncedRow } from '../db/synced-write';
import { readSyncState } from '../sync/sync-state';

interface CommentRow {
  id: string;
  case_id: string;
  finding_id: string | null;
  author: string;
  body: string;
  created_at: string;
  origin_device: string;
}

const toComment = (row: CommentRow, me: string): CaseComment => ({
  id: row.id,
  caseId: row.case_id,
  findingId: row.finding_id,
  author: row.author,
  body: row.body,
  createdAt: row.created_at,
  mine: row.origin_device === me,
});

export const listComments = (db: Database, caseId: string): CaseComment[] => {
  getCase(db, caseId);
  const me = deviceId(db);
  return (db.prepare('SELECT * FROM case_comments WHERE case_id = ? AND deleted = 0 ORDER BY created_at, id').all(caseId) as CommentRow[]).map((r) => toComment(r, me));
};

/**
 * Anyone in the partner may comment on any case, complete or not, theirs or not: a comment is its
 * own record, never a change to the engineer's work. The author is this laptop's name at the hub.
 */
export const addComment = (db: Database, input: { caseId: string; findingId: string | null; body: string }): CaseComment =>
  db.transaction(() => {
    getCase(db, input.caseId);
    const id = newId();
    const author = readSyncState(db)?.device_name ?? 'This laptop';
    writeSyncedRow(db, 'case_comments', id, { case_id: input.caseId, finding_id: input.findingId, author, body: input.body });
    return toComment(db.prepare('SELECT * FROM case_comments WHERE id = ?').get(id) as CommentRow, deviceId(db));
  })();
