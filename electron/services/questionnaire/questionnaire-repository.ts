import crypto from 'node:crypto';
import { bankInAppLanguage } from '../interview/bank-in-app-language';
import type { Database } from 'better-sqlite3';
import type { QuestionBank, Stakeholder } from '../../../shared/interview/bank-schema';
import { bankQuestions, type BankQuestion } from '../../../shared/interview/parse-bank';
import type { Questionnaire, QuestionnaireCreateInput, SelfServiceQuestion } from '../../../shared/questionnaire/questionnaire-schemas';
import { questionnaireCreateSchema } from '../../../shared/questionnaire/questionnaire-schemas';
import { serviceFailure } from '../../../shared/i18n/service-failure';
import { getCase } from '../cases/cases-repository';
import { newId } from '../db/device-clock';
import { writeSyncedRow } from '../db/synced-write';
import { bankForCase } from '../interview/bank-store';
import { storedAnswers } from '../interview/answers-repository';
import { linksOf } from './questionnaire-link-rows';

export interface QuestionnaireRow {
  readonly id: string;
  readonly caseId: string;
  readonly stakeholders: readonly Stakeholder[];
  readonly questionIds: readonly string[];
  readonly coverMessage: string;
  readonly bankId: string;
  readonly bankVersion: string;
  readonly signingKey: string;
  readonly createdAt: string;
}

interface Row {
  id: string;
  case_id: string;
  stakeholders: string;
  question_ids: string;
  cover_message: string;
  bank_id: string;
  bank_version: string;
  signing_key: string;
  created_at: string;
}

const fromRow = (row: Row): QuestionnaireRow => ({
  id: row.id,
  caseId: row.case_id,
  stakeholders: JSON.parse(row.stakeholders) as Stakeholder[],
  questionIds: JSON.parse(row.question_ids) as string[],
  coverMessage: row.cover_message,
  bankId: row.bank_id,
  bankVersion: row.bank_version,
  signingKey: row.signing_key,
  createdAt: row.created_at,
});

/** The bank's questions a customer can answer alone, in bank order. */
export const selfServiceEntries = (bank: QuestionBank): BankQuestion[] => bankQuestions(bank).filter((q) => q.question.selfService !== undefined);

export const listSelfServiceQuestions = (db: Database, caseId: string): SelfServiceQuestion[] => {
  getCase(db, caseId);
  // The engineer picks from this list: its pillar and question texts in the app's language.
  const bank = bankInAppLanguage(db, bankForCase(db, caseId, { pin: false }).bank);
  const answered = new Set(storedAnswers(db, caseId).filter((a) => a.answered).map((a) => a.questionId));
  return selfServiceEntries(bank).map(({ question, pillarId }) => ({
    id: question.id,
    pillarTitle: bank.pillars.find((p) => p.id === pillarId)?.title ?? '',
    text: question.selfService?.text ?? question.text,
    stakeholders: question.stakeholders,
    answered: answered.has(question.id),
  }));
};

export const findQuestionnaire = (db: Database, id: string): QuestionnaireRow | null => {
  const row = db.prepare('SELECT * FROM questionnaires WHERE id = ?').get(id) as Row | undefined;
  return row ? fromRow(row) : null;
};

export const getQuestionnaire = (db: Database, id: string): QuestionnaireRow => {
  const found = findQuestionnaire(db, id);
  if (!found) throw serviceFailure('not_found', 'error.questionnaire.notFound');
  return found;
};

/** The questions of one stakeholder's form: the questionnaire's, asked of that stakeholder. */
export const questionsFor = (bank: QuestionBank, questionnaire: QuestionnaireRow, stakeholder: Stakeholder): BankQuestion[] => {
  const chosen = new Set(questionnaire.questionIds);
  return selfServiceEntries(bank).filter((q) => chosen.has(q.question.id) && q.question.stakeholders.includes(stakeholder));
};

/**
 * Creates a questionnaire. The case's bank is pinned now: the answers that come back must be
 * answers to the questions that were sent.
 */
export const createQuestionnaire = (db: Database, raw: QuestionnaireCreateInput): QuestionnaireRow =>
  db.transaction(() => {
    const input = questionnaireCreateSchema.parse(raw);
    getCase(db, input.caseId);
    const { bank } = bankForCase(db, input.caseId, { pin: true });
    const offered = selfServiceEntries(bank);
    const stakeholders = [...new Set(input.stakeholders)];
    const forThem = offered.filter((q) => q.question.stakeholders.some((s) => stakeholders.includes(s)));
    let questionIds: string[];
    if (input.questionIds) {
      const byId = new Map(offered.map((q) => [q.question.id, q]));
      const wrong = input.questionIds.find((id) => !byId.has(id));
      if (wrong) throw serviceFailure('validation', 'error.questionnaire.notSelfService', { questionId: wrong, bankId: bank.id, bankVersion: bank.version });
      const unasked = input.questionIds.find((id) => !byId.get(id)?.question.stakeholders.some((s) => stakeholders.includes(s)));
      if (unasked) throw serviceFailure('validation', 'error.questionnaire.notAskedOfChosen', { questionId: unasked });
      const chosen = new Set(input.questionIds);
      questionIds = forThem.filter((q) => chosen.has(q.question.id)).map((q) => q.question.id);
    } else {
      questionIds = forThem.map((q) => q.question.id);
    }
    if (questionIds.length === 0) throw serviceFailure('validation', 'error.questionnaire.noQuestionsForChosen');
    const row: Row = {
      id: newId(),
      case_id: input.caseId,
      stakeholders: JSON.stringify(stakeholders),
      question_ids: JSON.stringify(questionIds),
      cover_message: input.coverMessage,
      bank_id: bank.id,
      bank_version: bank.version,
      signing_key: crypto.randomBytes(32).toString('hex'),
      created_at: new Date().toISOString(),
    };
    // Synced: a colleague (and the engineer a case is handed to) sees what was sent, and can check its answers files.
    const { id, created_at: _createdAt, ...fields } = row;
    writeSyncedRow(db, 'questionnaires', id, { ...fields, deleted: 0 });
    return fromRow({ ...row, created_at: (db.prepare('SELECT created_at FROM questionnaires WHERE id = ?').get(id) as { created_at: string }).created_at });
  })();

interface ReturnRow {
  questionnaire_id: string;
  stakeholder: Stakeholder;
  respondent: string;
  submitted_at: string;
  imported_at: string;
  answer_count: number;
}

/** What was sent to whom, what came back, what is still open: the case's questionnaire status. */
export const listQuestionnaires = (db: Database, caseId: string): Questionnaire[] => {
  getCase(db, caseId);
  const rows = (db.prepare('SELECT * FROM questionnaires WHERE case_id = ? AND deleted = 0 ORDER BY created_at, id').all(caseId) as Row[]).map(fromRow);
  if (rows.length === 0) return [];
  // The engineer picks from this list: its pillar and question texts in the app's language.
  const bank = bankInAppLanguage(db, bankForCase(db, caseId, { pin: false }).bank);
  const answered = new Set(storedAnswers(db, caseId).filter((a) => a.answered).map((a) => a.questionId));
  const returns = db.prepare('SELECT * FROM questionnaire_returns WHERE questionnaire_id = ? AND deleted = 0 ORDER BY imported_at');
  return rows.map((q) => {
    const back = returns.all(q.id) as ReturnRow[];
    const links = linksOf(db, q.id);
    return {
      id: q.id,
      caseId: q.caseId,
      createdAt: q.createdAt,
      coverMessage: q.coverMessage,
      bank: { id: q.bankId, version: q.bankVersion },
      questionIds: [...q.questionIds],
      recipients: q.stakeholders.map((stakeholder) => {
        const theirs = questionsFor(bank, q, stakeholder);
        return {
          stakeholder,
          questionCount: theirs.length,
          returned: back
            .filter((r) => r.stakeholder === stakeholder)
            .map((r) => ({ respondent: r.respondent, submittedAt: r.submitted_at, importedAt: r.imported_at, answerCount: r.answer_count })),
          openCount: theirs.filter((e) => !answered.has(e.question.id)).length,
          links: links.filter((l) => l.stakeholder === stakeholder),
        };
      }),
    };
  });
};
