import crypto from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { ApiFailure } from '../../../shared/contract/result';
import type { AnswerValue } from '../../../shared/interview/answer-values';
import { stakeholderLabels, type Question, type Stakeholder } from '../../../shared/interview/bank-schema';
import { fontStacks } from '../../../shared/reports/branding';
import { formRuntimeSource } from '../../../shared/questionnaire/form-runtime';
import { answersFileFormat } from '../../../shared/questionnaire/questionnaire-schemas';
import { getCase } from '../cases/cases-repository';
import { bankForCase } from '../interview/bank-store';
import { recordedAnswers } from '../interview/answers-repository';
import { brandingForCase } from '../reports/branding-repository';
import { buildQuestionnaireDocx } from './questionnaire-docx';
import { getQuestionnaire, questionsFor } from './questionnaire-repository';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** JSON inside a <script type="application/json"> block: "<" escaped so no text can close the block. */
const jsonBlock = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

const cspHash = (source: string): string => `'sha256-${crypto.createHash('sha256').update(source, 'utf8').digest('base64')}'`;

const fileSafe = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\w.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'customer';

/** One question's inputs, named `q:<id>`; every element has an id so progress can be restored. */
const inputsFor = (question: Question): string => {
  const id = escapeHtml(question.id);
  const choice = (type: 'radio' | 'checkbox', value: string, label: string, index: number) =>
    `<label class="choice"><input type="${type}" name="q:${id}" id="q-${id}-${index}" value="${escapeHtml(value)}"> <span>${escapeHtml(label)}</span></label>`;
  switch (question.type) {
    case 'single':
      return question.options.map((o, i) => choice('radio', o.id, o.label, i)).join('');
    case 'multi':
      return question.options.map((o, i) => choice('checkbox', o.id, o.label, i)).join('');
    case 'yes_no_unknown':
      return choice('radio', 'yes', 'Yes', 0) + choice('radio', 'no', 'No', 1);
    case 'scale': {
      const steps: string[] = [];
      for (let v = question.min; v <= question.max; v += 1) {
        const label = v === question.min ? `${v} — ${question.minLabel}` : v === question.max ? `${v} — ${question.maxLabel}` : String(v);
        steps.push(choice('radio', String(v), label, v - question.min));
      }
      return steps.join('');
    }
    case 'number':
      return `<input type="number" step="any" name="q:${id}" id="q-${id}-value" aria-labelledby="t-${id}"${question.minValue !== undefined ? ` min="${question.minValue}"` : ''}${question.maxValue !== undefined ? ` max="${question.maxValue}"` : ''}> ${escapeHtml(question.unit)}`;
    case 'text':
      return `<textarea name="q:${id}" id="q-${id}-value" rows="4" maxlength="${question.maxLength}" aria-labelledby="t-${id}"></textarea>`;
  }
};

const questionBlock = (question: Question, index: number): string => {
  const id = escapeHtml(question.id);
  const text = question.selfService?.text ?? question.text;
  const help = question.selfService?.help ?? '';
  return `<fieldset class="question" data-question-id="${id}" data-type="${question.type}">
<legend id="t-${id}"><span class="number">${index + 1}.</span> ${escapeHtml(text)}</legend>
${help ? `<p class="help">${escapeHtml(help)}</p>` : ''}
<div class="choices">${inputsFor(question)}</div>
<label class="choice unknown"><input type="checkbox" id="unknown-${id}"> <span>I don't know</span></label>
<details><summary>Add a comment</summary><textarea id="note-${id}" rows="2" aria-label="Comment on question ${index + 1}"></textarea></details>
</fieldset>`;
};

const styles = (primary: string, accent: string, font: string) => `
body { font-family: ${font}; color: #1b1b1b; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
header { border-bottom: 4px solid ${primary}; margin-bottom: 1.5rem; padding-bottom: 1rem; }
header img { max-height: 64px; max-width: 240px; }
h1 { color: ${primary}; font-size: 1.6rem; margin: .5rem 0; }
.cover { white-space: pre-wrap; background: #f4f6f8; border-left: 4px solid ${accent}; padding: .75rem 1rem; }
fieldset { border: 1px solid #c9ced4; border-radius: 6px; margin: 1rem 0; padding: .75rem 1rem; }
legend { font-weight: 600; padding: 0 .25rem; }
.help { color: #4a4f55; margin: .25rem 0 .5rem; }
.choice { display: block; margin: .2rem 0; }
.unknown { color: #4a4f55; }
textarea, input[type=number], input[type=text] { font: inherit; width: 100%; box-sizing: border-box; padding: .4rem; border: 1px solid #8a9097; border-radius: 4px; }
input[type=number] { width: 12rem; }
button { font: inherit; background: ${primary}; color: #fff; border: 0; border-radius: 4px; padding: .6rem 1.2rem; cursor: pointer; }
#gw-status { margin-top: 1rem; font-weight: 600; }
footer { margin-top: 2rem; color: #4a4f55; font-size: .9rem; border-top: 1px solid #c9ced4; padding-top: .5rem; }
[hidden] { display: none !important; }
`;

/** What both forms of one stakeholder are made from, after checking the questionnaire still fits the case. */
const formContext = (db: Database, questionnaireId: string, stakeholder: Stakeholder) => {
  const questionnaire = getQuestionnaire(db, questionnaireId);
  if (!questionnaire.stakeholders.includes(stakeholder)) {
    throw new ApiFailure('validation', `This questionnaire was not made for ${stakeholderLabels[stakeholder]}.`);
  }
  const detail = getCase(db, questionnaire.caseId);
  const { bank } = bankForCase(db, questionnaire.caseId, { pin: false });
  if (bank.id !== questionnaire.bankId || bank.version !== questionnaire.bankVersion) {
    throw new ApiFailure('conflict', 'The case now uses another question bank than this questionnaire: create a new questionnaire.');
  }
  const entries = questionsFor(bank, questionnaire, stakeholder);
  const branding = brandingForCase(db, questionnaire.caseId);
  return { questionnaire, detail, bank, entries, branding };
};

/**
 * One stakeholder's form as a single HTML file: no network (CSP `default-src 'none'`, the script
 * and styles pinned by hash, the logo inline), the partner's branding, conditional questions as in
 * the bank, save-and-resume in the browser and a finish that downloads a signed answers file.
 */
export const buildQuestionnaireForm = (db: Database, questionnaireId: string, stakeholder: Stakeholder): { fileName: string; html: string } => {
  const { questionnaire, detail, bank, entries, branding } = formContext(db, questionnaireId, stakeholder);
  // Conditions may read answers outside this form: they are frozen at what the case knows now.
  const inForm = new Set(entries.map((e) => e.question.id));
  const known: Record<string, AnswerValue> = {};
  for (const a of recordedAnswers(db, questionnaire.caseId)) if (!inForm.has(a.questionId)) known[a.questionId] = a.value;
  const fileName = `answers-${fileSafe(detail.customerName)}-${stakeholder}.json`;
  const data = {
    format: answersFileFormat,
    questionnaireId: questionnaire.id,
    caseId: questionnaire.caseId,
    bank: { id: bank.id, version: bank.version },
    stakeholder,
    key: questionnaire.signingKey,
    storageKey: `groundwork-questionnaire:${questionnaire.id}:${stakeholder}`,
    fileName,
    returnTo: branding.contact || branding.partnerName,
    known,
    questions: entries.map((e) => ({ id: e.question.id, ...(e.question.showIf ? { showIf: e.question.showIf } : {}) })),
  };
  const css = styles(branding.primaryColor, branding.accentColor, fontStacks[branding.font]);
  const csp = `default-src 'none'; script-src ${cspHash(formRuntimeSource)}; style-src ${cspHash(css)}; img-src data:; form-action 'none'; base-uri 'none'`;
  const title = `${branding.partnerName}: questions for ${detail.customerName}`;
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${css}</style>
</head>
<body>
<header>
${branding.logoDataUri.startsWith('data:image/') ? `<img src="${escapeHtml(branding.logoDataUri)}" alt="${escapeHtml(branding.partnerName)}">` : ''}
<h1 dir="auto">Before our visit: questions for ${escapeHtml(stakeholderLabels[stakeholder])}</h1>
<p dir="auto"><strong>${escapeHtml(detail.customerName)}</strong>${detail.siteName ? ` · ${escapeHtml(detail.siteName)}` : ''}</p>
</header>
${questionnaire.coverMessage ? `<p class="cover" dir="auto">${escapeHtml(questionnaire.coverMessage)}</p>` : ''}
<p>Answer what you know; "I don't know" is a fine answer. Your answers stay in this browser until you press <strong>Finish</strong>, which saves a file to send back to us. Nothing is sent over the internet.</p>
<form id="gw-form" novalidate>
<fieldset class="respondent"><legend>About you</legend>
<label for="respondent-name">Your name</label><input type="text" id="respondent-name" maxlength="200" autocomplete="name">
<label for="respondent-role">Your role</label><input type="text" id="respondent-role" maxlength="200" autocomplete="organization-title">
</fieldset>
${entries.map((e, i) => questionBlock(e.question, i)).join('\n')}
<button type="button" id="gw-finish">Finish and save my answers</button>
<p id="gw-status" role="status" aria-live="polite"></p>
</form>
<footer dir="auto">${escapeHtml(branding.partnerName)}${branding.contact ? ` · ${escapeHtml(branding.contact)}` : ''}</footer>
<script type="application/json" id="gw-questionnaire">${jsonBlock(data)}</script>
<script>${formRuntimeSource}</script>
</body>
</html>
`;
  return { fileName: `questionnaire-${fileSafe(detail.customerName)}-${stakeholder}.html`, html };
};

/** The same questions as an editable Word form with a content control per answer. */
export const buildQuestionnaireDocxForm = async (db: Database, questionnaireId: string, stakeholder: Stakeholder): Promise<{ fileName: string; base64: string }> => {
  const { questionnaire, detail, entries, branding } = formContext(db, questionnaireId, stakeholder);
  const bytes = await buildQuestionnaireDocx({ questionnaire, stakeholder, entries, customerName: detail.customerName, partnerName: branding.partnerName, contact: branding.contact });
  return { fileName: `questionnaire-${fileSafe(detail.customerName)}-${stakeholder}.docx`, base64: Buffer.from(bytes).toString('base64') };
};
