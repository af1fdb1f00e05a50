import type { Database } from 'better-sqlite3';
import { isScored } from '../../../shared/interview/answer-values';
import { findQuestion } from '../../../shared/interview/parse-bank';
import type { CaseDetail } from '../../../shared/domain/cases';
import { getCase, createCase } from '../cases/cases-repository';
import { writeSyncedRow } from '../db/synced-write';
import { answerIdFor } from '../interview/answers-repository';
import { bankForCase } from '../interview/bank-store';

interface CarriedRow {
  question_id: string;
  value: string | null;
  note: string;
}

/**
 * Starts a new assessment from an earlier one: same customer, site, contacts and engineer, and
 * the facts (unscored answers: head counts, sites, descriptions) carried over and marked as carried,
 * so the engineer confirms them instead of asking again. Scored answers are asked afresh.
 */
export const reassessCase = (db: Database, previousCaseId: string, engineer?: string): CaseDetail =>
  db.transaction(() => {
    const previous = getCase(db, previousCaseId);
    const created = createCase(db, {
      customerName: previous.customerName,
      siteName: previous.siteName,
      siteAddress: previous.siteAddress,
      engineer: engineer ?? previous.engineer,
      title: `Re-assessment${previous.title ? ` of ${previous.title}` : ''}`.slice(0, 500),
      contacts: previous.contacts.map(({ name, role, email, phone }) => ({ name, role, email, phone })),
    });
    writeSyncedRow(db, 'cases', created.id, { previous_case_id: previous.id });
    const { bank } = bankForCase(db, created.id, { pin: true });
    const rows = db
      .prepare('SELECT question_id, value, note FROM answers WHERE case_id = ? AND deleted = 0 AND value IS NOT NULL')
      .all(previous.id) as CarriedRow[];
    for (const row of rows) {
      const question = findQuestion(bank, row.question_id)?.question;
      if (!question || isScored(question)) continue;
      writeSyncedRow(db, 'answers', answerIdFor(created.id, row.question_id), {
        case_id: created.id,
        question_id: row.question_id,
        value: row.value,
        note: row.note,
        measured: 0,
        carried_from_case: previous.id,
        deleted: 0,
      });
    }
    return getCase(db, created.id);
  })();

/** Ids of the answers of a case that were carried over and not yet confirmed. */
export const carriedQuestionIds = (db: Database, caseId: string): string[] =>
  db.prepare('SELECT question_id FROM answers WHERE case_id = ? AND deleted = 0 AND carried_from_case IS NOT NULL').pluck().all(caseId) as string[];
