import type { Database } from 'better-sqlite3';
import { checkAnswerValue, isScored, type AnswerValue } from '../../../shared/interview/answer-values';
import type { QuestionBank } from '../../../shared/interview/bank-schema';
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
 * Where an earlier answer goes in the new case's bank: the same id, or the ids the bank says it was
 * renamed or split into (with renamed option values). Only facts carry, and only values the new
 * question accepts; anything else is asked afresh.
 */
const carryTargets = (bank: QuestionBank, row: CarriedRow): Array<{ questionId: string; value: string }> => {
  const renamed = (bank.renamed ?? []).find((r) => r.from === row.question_id);
  const ids = renamed ? renamed.to : [row.question_id];
  const stored = JSON.parse(row.value ?? 'null') as AnswerValue;
  const values = renamed?.values ?? {};
  const renameOption = (option: string): string | string[] => values[option] ?? option;
  const mapped: AnswerValue = Array.isArray(stored)
    ? [...new Set(stored.flatMap(renameOption))]
    : typeof stored === 'string' && stored in values
      ? renameOption(stored)
      : stored;
  return ids.flatMap((id) => {
    const question = findQuestion(bank, id)?.question;
    if (!question || isScored(question) || mapped === null) return [];
    const checked = checkAnswerValue(question, mapped);
    return checked.ok ? [{ questionId: id, value: JSON.stringify(checked.value) }] : [];
  });
};

/**
 * Starts a new assessment from an earlier one: same customer, site, contacts and engineer, and
 * the facts (unscored answers: head counts, sites, descriptions) carried over and marked as carried,
 * so the engineer confirms them instead of asking again. Scored answers are asked afresh. The new case
 * is answered with the active bank version, which may be newer than the earlier case's: answers
 * follow the bank's `renamed` map.
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
      for (const carried of carryTargets(bank, row)) {
        writeSyncedRow(db, 'answers', answerIdFor(created.id, carried.questionId), {
          case_id: created.id,
          question_id: carried.questionId,
          value: carried.value,
          note: row.note,
          measured: 0,
          carried_from_case: previous.id,
          deleted: 0,
        });
      }
    }
    return getCase(db, created.id);
  })();

/** Ids of the answers of a case that were carried over and not yet confirmed. */
export const carriedQuestionIds = (db: Database, caseId: string): string[] =>
  db.prepare('SELECT question_id FROM answers WHERE case_id = ? AND deleted = 0 AND carried_from_case IS NOT NULL').pluck().all(caseId) as string[];
