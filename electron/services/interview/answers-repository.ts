import type { Database } from 'better-sqlite3';
import { v5 as uuidv5 } from 'uuid';
import { serviceFailure } from '../../../shared/i18n/service-failure';
import { checkAnswerValue, type AnswerValue } from '../../../shared/interview/answer-values';
import { stakeholderLabels, type QuestionBank, type Stakeholder } from '../../../shared/interview/bank-schema';
import { findQuestion } from '../../../shared/interview/parse-bank';
import { prefillOf, type RecordedAnswer } from '../../../shared/interview/effective-answers';
import { provenanceSchema, type Provenance } from '../../../shared/interview/metric-readings';
import type { AnswerAck, InterviewPosition, StoredAnswer } from '../../../shared/interview/api-schemas';
import { customerSourceSchema } from '../../../shared/questionnaire/questionnaire-schemas';
import { getCase } from '../cases/cases-repository';
import { writeSyncedRow } from '../db/synced-write';
import { bankForCase } from './bank-store';
import { caseMetrics } from './case-metrics';

/** One answer row per case and question, with an id every device derives alike. */
export const answerIdFor = (caseId: string, questionId: string): string => uuidv5(`answer:${questionId}`, caseId);

const questionOf = (bank: QuestionBank, questionId: string) => {
  const found = findQuestion(bank, questionId);
  if (!found) throw serviceFailure('validation', 'error.interview.noQuestion', { questionId, bankId: bank.id, version: bank.version });
  return found.question;
};

/** Checks an answer against the case's bank exactly as the app and the CLI both need it. */
export const validateAnswer = (bank: QuestionBank, questionId: string, value: AnswerValue): AnswerValue => {
  const checked = checkAnswerValue(questionOf(bank, questionId), value);
  if (!checked.ok) throw serviceFailure('validation', 'error.interview.invalidAnswer', { questionId, detail: checked.message }, [{ path: 'value', message: checked.message }]);
  return checked.value;
};

const savePosition = (db: Database, caseId: string, questionId: string, stakeholder: Stakeholder | null | undefined): void => {
  db.prepare(
    `INSERT INTO interview_positions (case_id, question_id, stakeholder, updated_at) VALUES (@caseId, @questionId, @stakeholder, @now)
     ON CONFLICT (case_id) DO UPDATE SET question_id = excluded.question_id,
       stakeholder = CASE WHEN @keepStakeholder = 1 THEN interview_positions.stakeholder ELSE excluded.stakeholder END,
       updated_at = excluded.updated_at`,
  ).run({
    caseId,
    questionId,
    stakeholder: stakeholder ?? null,
    keepStakeholder: stakeholder === undefined ? 1 : 0,
    now: new Date().toISOString(),
  });
};

export interface AnswerWrite {
  readonly caseId: string;
  readonly questionId: string;
  readonly value: AnswerValue;
  /** The caller's view; the row says measured only when the value is what the probes measured. */
  readonly measured: boolean;
  readonly overrideReason?: string;
}

/**
 * Measured or typed, decided here and not by the caller: a value equal to what a probe measured
 * for the question keeps that measurement's provenance; a different value keeps it as the
 * measurement it overrode, with the engineer's reason.
 */
const provenanceFor = (db: Database, bank: QuestionBank, caseId: string, questionId: string, value: AnswerValue) => {
  const prefilled = prefillOf(questionOf(bank, questionId), caseMetrics(db, caseId));
  if (!prefilled) return { measured: false, provenance: null };
  return { measured: JSON.stringify(prefilled.value) === JSON.stringify(value), provenance: prefilled.provenance };
};

/**
 * Saves one answer: validation, the row and its outbox mutation in one transaction, committed
 * (with synchronous=FULL) before the acknowledgement is returned.
 */
export const recordAnswer = (db: Database, input: AnswerWrite): AnswerAck =>
  db.transaction(() => {
    getCase(db, input.caseId);
    const { bank } = bankForCase(db, input.caseId, { pin: true });
    const value = validateAnswer(bank, input.questionId, input.value);
    const { measured, provenance } = provenanceFor(db, bank, input.caseId, input.questionId, value);
    const overrideReason = !measured && provenance ? (input.overrideReason ?? '').trim().slice(0, 2000) : '';
    const savedAt = writeSyncedRow(db, 'answers', answerIdFor(input.caseId, input.questionId), {
      case_id: input.caseId,
      question_id: input.questionId,
      value: JSON.stringify(value),
      measured: measured ? 1 : 0,
      provenance: provenance ? JSON.stringify(provenance) : null,
      override_reason: overrideReason,
      // An answer given here confirms (or replaces) one carried over from a previous assessment,
      // or one the customer gave in a pre-visit questionnaire.
      carried_from_case: null,
      customer_source: null,
      deleted: 0,
    });
    savePosition(db, input.caseId, input.questionId, undefined);
    return { caseId: input.caseId, questionId: input.questionId, value, measured, provenance, overrideReason, savedAt };
  })();

export const setNote = (db: Database, caseId: string, questionId: string, note: string) =>
  db.transaction(() => {
    getCase(db, caseId);
    const { bank } = bankForCase(db, caseId, { pin: true });
    questionOf(bank, questionId);
    const savedAt = writeSyncedRow(db, 'answers', answerIdFor(caseId, questionId), { case_id: caseId, question_id: questionId, note, deleted: 0 });
    return { caseId, questionId, note, savedAt };
  })();

export const setPosition = (db: Database, caseId: string, questionId: string, stakeholder: Stakeholder | null): void => {
  getCase(db, caseId);
  savePosition(db, caseId, questionId, stakeholder);
};

export const positionOf = (db: Database, caseId: string): InterviewPosition | null => {
  const row = db.prepare('SELECT question_id, stakeholder FROM interview_positions WHERE case_id = ?').get(caseId) as
    | { question_id: string; stakeholder: Stakeholder | null }
    | undefined;
  return row ? { questionId: row.question_id, stakeholder: row.stakeholder } : null;
};

interface AnswerRow {
  question_id: string;
  value: string | null;
  measured: number;
  provenance: string | null;
  override_reason: string;
  note: string;
  updated_at: string;
  customer_source: string | null;
}

/** A provenance that no longer parses (a hand-edited row) reads as none rather than failing the interview. */
const parseProvenance = (text: string | null): Provenance | null => {
  if (!text) return null;
  try {
    const parsed = provenanceSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw error;
  }
};

export const storedAnswers = (db: Database, caseId: string): StoredAnswer[] =>
  (
    db
      .prepare('SELECT question_id, value, measured, provenance, override_reason, note, updated_at, customer_source FROM answers WHERE case_id = ? AND deleted = 0 ORDER BY question_id')
      .all(caseId) as AnswerRow[]
  ).map((row) => ({
    questionId: row.question_id,
    answered: row.value !== null,
    value: row.value === null ? null : (JSON.parse(row.value) as AnswerValue),
    measured: row.measured === 1,
    provenance: parseProvenance(row.provenance),
    overrideReason: row.override_reason,
    note: row.note,
    updatedAt: row.updated_at,
    customerSource: row.customer_source === null ? null : customerSourceSchema.parse(JSON.parse(row.customer_source)),
  }));

/** The engine's view: answered questions only (a note alone is not an answer). */
export const recordedAnswers = (db: Database, caseId: string): RecordedAnswer[] =>
  storedAnswers(db, caseId)
    .filter((a) => a.answered)
    .map((a) => ({
      questionId: a.questionId,
      value: a.value,
      measured: a.measured,
      note: a.note,
      ...(a.provenance ? { provenance: a.provenance } : {}),
      ...(a.overrideReason ? { overrideReason: a.overrideReason } : {}),
      ...(a.customerSource ? { customer: `${a.customerSource.respondent}, ${stakeholderLabels[a.customerSource.stakeholder]}` } : {}),
    }));
