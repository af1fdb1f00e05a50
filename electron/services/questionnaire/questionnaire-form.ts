import crypto from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { AnswerValue } from '../../../shared/interview/answer-values';
import type { Stakeholder } from '../../../shared/interview/bank-schema';
import { serviceFailure } from '../../../shared/i18n/service-failure';
import { formQuestionOf, questionsReadBy, renderFormHtml, type FormSpec } from '../../../shared/questionnaire/form-html';
import { getCase } from '../cases/cases-repository';
import { bankForCase } from '../interview/bank-store';
import { recordedAnswers } from '../interview/answers-repository';
import { brandingForCase } from '../reports/branding-repository';
import { buildQuestionnaireDocx } from './questionnaire-docx';
import { getQuestionnaire, questionsFor } from './questionnaire-repository';

const sha256Base64 = (text: string): string => crypto.createHash('sha256').update(text, 'utf8').digest('base64');

const fileSafe = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\w.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'customer';

/** What both forms of one stakeholder are made from, after checking the questionnaire still fits the case. */
const formContext = (db: Database, questionnaireId: string, stakeholder: Stakeholder) => {
  const questionnaire = getQuestionnaire(db, questionnaireId);
  if (!questionnaire.stakeholders.includes(stakeholder)) {
    throw serviceFailure('validation', 'error.questionnaire.notMadeFor', { stakeholder });
  }
  const detail = getCase(db, questionnaire.caseId);
  const { bank } = bankForCase(db, questionnaire.caseId, { pin: false });
  if (bank.id !== questionnaire.bankId || bank.version !== questionnaire.bankVersion) {
    throw serviceFailure('conflict', 'error.questionnaire.bankChanged');
  }
  const entries = questionsFor(bank, questionnaire, stakeholder);
  const branding = brandingForCase(db, questionnaire.caseId);
  return { questionnaire, detail, bank, entries, branding };
};

/** One stakeholder's form as data: what the HTML file is made from, and what a hub link publishes. */
export const formSpecFor = (db: Database, questionnaireId: string, stakeholder: Stakeholder): FormSpec => {
  const { questionnaire, detail, bank, entries, branding } = formContext(db, questionnaireId, stakeholder);
  // Conditions may read answers outside this form: those (and only those) are frozen at what the case knows now.
  const inForm = new Set(entries.map((e) => e.question.id));
  const read = new Set<string>();
  for (const e of entries) questionsReadBy(e.question.showIf, read);
  const known: Record<string, AnswerValue> = {};
  for (const a of recordedAnswers(db, questionnaire.caseId)) if (!inForm.has(a.questionId) && read.has(a.questionId)) known[a.questionId] = a.value;
  return {
    questionnaireId: questionnaire.id,
    caseId: questionnaire.caseId,
    bank: { id: bank.id, version: bank.version },
    stakeholder,
    customerName: detail.customerName,
    siteName: detail.siteName ?? '',
    coverMessage: questionnaire.coverMessage,
    branding: {
      partnerName: branding.partnerName,
      contact: branding.contact,
      primaryColor: branding.primaryColor,
      accentColor: branding.accentColor,
      font: branding.font,
      logoDataUri: branding.logoDataUri.startsWith('data:image/') ? branding.logoDataUri : '',
    },
    known,
    questions: entries.map((e) => formQuestionOf(e.question)),
  };
};

/**
 * One stakeholder's form as a single HTML file: no network, the partner's branding, conditional
 * questions as in the bank, save-and-resume in the browser and a finish that downloads an answers
 * file signed with the questionnaire's key (shared/questionnaire/form-html.ts builds the page).
 */
export const buildQuestionnaireForm = (db: Database, questionnaireId: string, stakeholder: Stakeholder): { fileName: string; html: string } => {
  const spec = formSpecFor(db, questionnaireId, stakeholder);
  const { signingKey } = getQuestionnaire(db, questionnaireId);
  const customer = fileSafe(spec.customerName);
  const { html } = renderFormHtml(spec, { kind: 'file', key: signingKey, fileName: `answers-${customer}-${stakeholder}.json` }, sha256Base64);
  return { fileName: `questionnaire-${customer}-${stakeholder}.html`, html };
};

/** The same questions as an editable Word form with a content control per answer. */
export const buildQuestionnaireDocxForm = async (db: Database, questionnaireId: string, stakeholder: Stakeholder): Promise<{ fileName: string; base64: string }> => {
  const { questionnaire, detail, entries, branding } = formContext(db, questionnaireId, stakeholder);
  const bytes = await buildQuestionnaireDocx({ questionnaire, stakeholder, entries, customerName: detail.customerName, partnerName: branding.partnerName, contact: branding.contact });
  return { fileName: `questionnaire-${fileSafe(detail.customerName)}-${stakeholder}.docx`, base64: Buffer.from(bytes).toString('base64') };
};
