import crypto from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { serviceFailure } from '../../../shared/i18n/service-failure';
import {
  answersFileSchema,
  answersPayloadSchema,
  type AnswersPayload,
  type CustomerSource,
  type ImportAnswersResult,
  type QuestionnaireChannel,
} from '../../../shared/questionnaire/questionnaire-schemas';
import { getCase } from '../cases/cases-repository';
import { writeSyncedRow } from '../db/synced-write';
import { bankForCase } from '../interview/bank-store';
import { answerIdFor, validateAnswer } from '../interview/answers-repository';
import { readQuestionnaireDocx } from './questionnaire-docx';
import { findQuestionnaire, questionsFor, type QuestionnaireRow } from './questionnaire-repository';

/** A return's row id, the same on every laptop: the answers' sha256 shaped as a UUID (version 4, variant 8). */
export const returnIdOf = (sha256: string): string =>
  `${sha256.slice(0, 8)}-${sha256.slice(8, 12)}-4${sha256.slice(13, 16)}-8${sha256.slice(17, 20)}-${sha256.slice(20, 32)}`;

/** Text from disk in whichever encoding Windows tools write: UTF-8 with or without a BOM, UTF-16 LE or BE. */
export const decodeAnswersFile = (bytes: Uint8Array): string => {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
};

/** `what` names the text: the answers file, the answers signed inside it, or the answers a hub link collected. */
const parseJson = (text: string, what: 'file' | 'payload' | 'hub'): unknown => {
  try {
    return JSON.parse(text);
  } catch (error) {
    // Not a failure of ours: the user gets the reason and nothing was changed.
    throw serviceFailure('validation', 'error.questionnaire.notJson', { what, reason: (error as Error).message });
  }
};

const firstIssue = (error: { issues: readonly { path: PropertyKey[]; message: string }[] }): string => {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join('.') || 'file'}: ${issue.message}` : 'unreadable';
};

interface ExistingAnswer {
  value: string | null;
  note: string;
  customer_source: string | null;
}

const refuseOtherCase = (db: Database, caseId: string, questionnaire: QuestionnaireRow, answers: AnswersPayload): void => {
  if (questionnaire.caseId === caseId && answers.caseId === caseId) return;
  const detail = getCase(db, caseId);
  const other = questionnaire.caseId !== caseId ? getCase(db, questionnaire.caseId) : null;
  throw serviceFailure('validation', 'error.questionnaire.answersOtherCase', {
    other: other ? (other.siteName ? 'site' : 'customer') : 'none',
    otherCustomer: other?.customerName ?? '',
    otherSite: other?.siteName ?? '',
    customer: detail.customerName,
  });
};

/** Checks an HTML form's answers file: ours, for this case, unaltered. */
const verifyAnswersFile = (db: Database, caseId: string, fileText: string) => {
  const text = fileText.replace(/^\uFEFF/, '');
  const file = answersFileSchema.safeParse(parseJson(text, 'file'));
  if (!file.success) throw serviceFailure('validation', 'error.questionnaire.notAnswersFile', { issue: firstIssue(file.error) });
  const payload = answersPayloadSchema.safeParse(parseJson(file.data.payload, 'payload'));
  if (!payload.success) throw serviceFailure('validation', 'error.questionnaire.answersFileDamaged', { issue: firstIssue(payload.error) });
  const questionnaire = findQuestionnaire(db, payload.data.questionnaireId);
  if (!questionnaire) throw serviceFailure('validation', 'error.questionnaire.answersFileUnknownQuestionnaire');
  refuseOtherCase(db, caseId, questionnaire, payload.data);
  const expected = crypto.createHmac('sha256', Buffer.from(questionnaire.signingKey, 'hex')).update(file.data.payload, 'utf8').digest();
  const given = Buffer.from(file.data.signature, 'hex');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
    throw serviceFailure('validation', 'error.questionnaire.answersFileAltered');
  }
  return { questionnaire, payload: payload.data, identity: crypto.createHash('sha256').update(file.data.payload, 'utf8').digest('hex') };
};

/**
 * Puts verified customer answers into a case as customer-provided answers. Everything is checked
 * before anything is written, and all of it is written in one transaction: another bank version, a
 * stakeholder the questionnaire was not sent to or an invalid answer changes nothing. The same
 * answers twice (same identity) change nothing the second time. The engineer's own answers are kept
 * unless `overwrite`.
 */
const applyCustomerAnswers = (
  db: Database,
  caseId: string,
  verified: { questionnaire: QuestionnaireRow; payload: AnswersPayload; identity: string },
  channel: QuestionnaireChannel,
  overwrite: boolean,
): ImportAnswersResult => {
  const { questionnaire, payload: answers, identity } = verified;
  refuseOtherCase(db, caseId, questionnaire, answers);
  const { bank } = bankForCase(db, caseId, { pin: true });
  if (answers.bank.id !== questionnaire.bankId || answers.bank.version !== questionnaire.bankVersion || bank.version !== questionnaire.bankVersion || bank.id !== questionnaire.bankId) {
    throw serviceFailure('validation', 'error.questionnaire.answersOtherBank', {
      answersBank: answers.bank.id,
      answersVersion: answers.bank.version,
      caseBank: bank.id,
      caseVersion: bank.version,
    });
  }
  if (!questionnaire.stakeholders.includes(answers.stakeholder)) {
    throw serviceFailure('validation', 'error.questionnaire.answersStakeholderNotSent', { stakeholder: answers.stakeholder });
  }
  const asked = new Set(questionsFor(bank, questionnaire, answers.stakeholder).map((q) => q.question.id));
  const seen = new Set<string>();
  const checked = answers.answers.map((a) => {
    if (!asked.has(a.questionId)) throw serviceFailure('validation', 'error.questionnaire.answersQuestionNotAsked', { questionId: a.questionId });
    if (seen.has(a.questionId)) throw serviceFailure('validation', 'error.questionnaire.answersQuestionTwice', { questionId: a.questionId });
    seen.add(a.questionId);
    return { ...a, value: validateAnswer(bank, a.questionId, a.value) };
  });

  const result: ImportAnswersResult = {
    questionnaireId: questionnaire.id,
    stakeholder: answers.stakeholder,
    respondent: answers.respondent.name,
    alreadyImported: false,
    imported: [],
    keptEngineerAnswers: [],
    unchanged: [],
  };
  // The same answers again change nothing, unless the engineer now asks for them over their own.
  const seenBefore = db.prepare('SELECT 1 FROM questionnaire_returns WHERE file_sha256 = ?').get(identity) !== undefined;
  if (seenBefore && !overwrite) return { ...result, alreadyImported: true };

  const importedAt = new Date().toISOString();
  const source: CustomerSource = {
    questionnaireId: questionnaire.id,
    channel,
    stakeholder: answers.stakeholder,
    respondent: answers.respondent.role ? `${answers.respondent.name} (${answers.respondent.role})` : answers.respondent.name,
    submittedAt: answers.submittedAt,
    importedAt,
  };
  const existingOf = db.prepare('SELECT value, note, customer_source FROM answers WHERE case_id = ? AND question_id = ? AND deleted = 0');
  for (const a of checked) {
    const existing = existingOf.get(caseId, a.questionId) as ExistingAnswer | undefined;
    const engineerAnswered = existing !== undefined && existing.value !== null && existing.customer_source === null;
    if (engineerAnswered && !overwrite) {
      result.keptEngineerAnswers.push(a.questionId);
      continue;
    }
    const value = JSON.stringify(a.value);
    const comment = a.note.trim() ? `${source.respondent}: ${a.note.trim()}` : '';
    const note = !comment || existing?.note.includes(comment) ? (existing?.note ?? '') : existing?.note ? `${existing.note}\n${comment}` : comment;
    if (existing?.value === value && (existing?.note ?? '') === note && existing.customer_source !== null) {
      result.unchanged.push(a.questionId);
      continue;
    }
    writeSyncedRow(db, 'answers', answerIdFor(caseId, a.questionId), {
      case_id: caseId,
      question_id: a.questionId,
      value,
      note,
      measured: 0,
      customer_source: JSON.stringify(source),
      carried_from_case: null,
      deleted: 0,
    });
    result.imported.push(a.questionId);
  }
  // Synced, one row per answers identity everywhere: a colleague sees what came back.
  const before = db.prepare('SELECT answer_count FROM questionnaire_returns WHERE file_sha256 = ?').get(identity) as { answer_count: number } | undefined;
  writeSyncedRow(db, 'questionnaire_returns', returnIdOf(identity), {
    file_sha256: identity,
    questionnaire_id: questionnaire.id,
    case_id: caseId,
    stakeholder: answers.stakeholder,
    respondent: source.respondent,
    submitted_at: answers.submittedAt,
    imported_at: importedAt,
    answer_count: (before?.answer_count ?? 0) + result.imported.length,
    deleted: 0,
  });
  return result;
};

/** Imports the answers file an HTML form saved. */
export const importQuestionnaireAnswers = (db: Database, caseId: string, fileText: string, overwrite: boolean): ImportAnswersResult =>
  db.transaction(() => {
    getCase(db, caseId);
    return applyCustomerAnswers(db, caseId, verifyAnswersFile(db, caseId, fileText), 'html-form', overwrite);
  })();

/** Imports a filled Word response form. */
export const importQuestionnaireDocx = (db: Database, caseId: string, bytes: Uint8Array, overwrite: boolean): ImportAnswersResult =>
  db.transaction(() => {
    getCase(db, caseId);
    const verified = readQuestionnaireDocx(
      bytes,
      (id) => findQuestionnaire(db, id),
      (questionnaire, stakeholder) => {
        const { bank } = bankForCase(db, questionnaire.caseId, { pin: false });
        return { bank, entries: questionsFor(bank, questionnaire, stakeholder) };
      },
    );
    return applyCustomerAnswers(db, caseId, verified, 'docx-form', overwrite);
  })();

/**
 * Imports the answers a hub link collected. The hub vouches for them (the one-time token reached
 * only that stakeholder's link, over the device's authenticated connection), so there is no
 * signature; everything else is checked as for a file: the questionnaire, case, bank, stakeholder,
 * question ids and values.
 */
export const importHubLinkAnswers = (
  db: Database,
  link: { questionnaireId: string; stakeholder: string },
  payloadText: string,
  overwrite: boolean,
): ImportAnswersResult =>
  db.transaction(() => {
    const payload = answersPayloadSchema.safeParse(parseJson(payloadText, 'hub'));
    if (!payload.success) throw serviceFailure('validation', 'error.questionnaire.hubAnswersUnreadable', { issue: firstIssue(payload.error) });
    if (payload.data.questionnaireId !== link.questionnaireId || payload.data.stakeholder !== link.stakeholder) {
      throw serviceFailure('validation', 'error.questionnaire.hubAnswersOtherLink');
    }
    const questionnaire = findQuestionnaire(db, payload.data.questionnaireId);
    if (!questionnaire) throw serviceFailure('validation', 'error.questionnaire.hubAnswersUnknownQuestionnaire');
    getCase(db, questionnaire.caseId);
    const identity = crypto.createHash('sha256').update(payloadText, 'utf8').digest('hex');
    return applyCustomerAnswers(db, questionnaire.caseId, { questionnaire, payload: payload.data, identity }, 'hub-link', overwrite);
  })();
