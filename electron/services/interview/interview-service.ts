import type { QuestionBank } from '../../../shared/interview/bank-schema';
import type { Database } from 'better-sqlite3';
import type { AnswersList } from '../../../shared/interview/api-schemas';
import { prefillOf, resolveInterview } from '../../../shared/interview/effective-answers';
import { bankQuestions } from '../../../shared/interview/parse-bank';
import { computeScore } from '../../../shared/interview/scoring';
import type { ScoreResult } from '../../../shared/interview/score-types';
import { getCase } from '../cases/cases-repository';
import { positionOf, recordedAnswers, storedAnswers } from './answers-repository';
import { bankForCase } from './bank-store';
import { caseMetrics } from './case-metrics';
import { listEvidence } from './evidence-store';
import { listExceptions } from './exceptions-repository';

/** The readiness picture of a case, from its pinned bank, answers, probe metrics and exceptions. */
/** The case's score; with `bank`, scored against that copy of the case's bank (the report passes it in the report's language). */
export const scoreCase = (db: Database, caseId: string, withBank?: QuestionBank): ScoreResult => {
  getCase(db, caseId);
  const bank = withBank ?? bankForCase(db, caseId, { pin: false }).bank;
  return computeScore(bank, {
    answers: recordedAnswers(db, caseId),
    metrics: caseMetrics(db, caseId),
    exceptions: listExceptions(db, caseId),
    evidencedQuestions: evidencedQuestionIds(db, caseId),
  });
};

/** Questions with at least one live evidence attachment (a "don't know" beside proof is not raised as unverified). */
const evidencedQuestionIds = (db: Database, caseId: string): string[] =>
  db.prepare('SELECT DISTINCT question_id FROM evidence_attachments WHERE case_id = ? AND deleted = 0 AND question_id IS NOT NULL').pluck().all(caseId) as string[];

/** Everything the interview screen needs to resume: answers, notes, measured values, evidence, position. */
export const interviewState = (db: Database, caseId: string): AnswersList => {
  getCase(db, caseId);
  const { bank } = bankForCase(db, caseId, { pin: false });
  const answers = storedAnswers(db, caseId);
  const metrics = caseMetrics(db, caseId);
  const answered = new Set(answers.filter((a) => a.answered).map((a) => a.questionId));
  const { visible, unmeasured } = resolveInterview(bank, recordedAnswers(db, caseId), metrics);
  const prefills = bankQuestions(bank).flatMap(({ question }) => {
    if (answered.has(question.id) || !visible.has(question.id) || !question.prefill) return [];
    const found = prefillOf(question, metrics);
    return found === undefined ? [] : [{ questionId: question.id, value: found.value, metric: question.prefill.metric, provenance: found.provenance }];
  });
  return {
    bankId: bank.id,
    bankVersion: bank.version,
    answers,
    prefills,
    unmeasured: [...unmeasured].map(([questionId, u]) => ({ questionId, metric: u.metric, scope: u.reading.scope, reason: u.reading.reason ?? 'no reason given' })),
    evidence: listEvidence(db, caseId),
    position: positionOf(db, caseId),
  };
};
