import { z } from 'zod';
import { answerValueSchema } from '../interview/answer-values';
import { conditionSchema, stakeholderLabels, stakeholderSchema, type Condition, type Question } from '../interview/bank-schema';
import { fontStacks, reportFontSchema } from '../reports/branding';
import { idSchema } from '../domain/cases';
import { answersFileFormat } from './questionnaire-schemas';
import { formRuntimeSource } from './form-runtime';

/**
 * One stakeholder's form, as data: what the laptop renders into the offline HTML file and what it
 * publishes to the partner hub, which renders the same page for the customer's browser. Only what
 * a customer reads travels (question wording, options, conditions), never scoring or findings; the
 * hub checks it with this schema before it stores it, so its page is built from checked text only.
 */

const line = (max: number) => z.string().max(max);
const formOptionSchema = z.object({ id: z.string().min(1).max(60), label: line(300) }).strict();
const formQuestionBase = { id: z.string().min(1).max(80), text: line(1_000), help: line(2_000), showIf: conditionSchema.optional() };

export const formQuestionSchema = z.discriminatedUnion('type', [
  z.object({ ...formQuestionBase, type: z.literal('single'), options: z.array(formOptionSchema).min(1).max(20) }).strict(),
  z.object({ ...formQuestionBase, type: z.literal('multi'), options: z.array(formOptionSchema).min(1).max(20) }).strict(),
  z.object({ ...formQuestionBase, type: z.literal('yes_no_unknown') }).strict(),
  z
    .object({ ...formQuestionBase, type: z.literal('scale'), min: z.number().int().min(-100).max(100), max: z.number().int().min(-100).max(100), minLabel: line(120), maxLabel: line(120) })
    .strict()
    .refine((q) => q.max >= q.min && q.max - q.min <= 20, 'a scale of at most 20 steps'),
  z.object({ ...formQuestionBase, type: z.literal('number'), unit: line(30), minValue: z.number().finite().optional(), maxValue: z.number().finite().optional() }).strict(),
  z.object({ ...formQuestionBase, type: z.literal('text'), maxLength: z.number().int().min(1).max(20_000) }).strict(),
]);
export type FormQuestion = z.infer<typeof formQuestionSchema>;

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #1f4e79');

export const formSpecSchema = z
  .object({
    questionnaireId: idSchema,
    caseId: idSchema,
    bank: z.object({ id: z.string().min(1).max(80), version: z.string().min(1).max(40) }).strict(),
    stakeholder: stakeholderSchema,
    customerName: line(2_000),
    siteName: line(2_000),
    coverMessage: line(5_000),
    branding: z
      .object({
        partnerName: line(2_000),
        contact: line(2_000),
        primaryColor: colour,
        accentColor: colour,
        font: reportFontSchema,
        // The logo is the checked data: URI the branding screen stored (PNG or sanitised SVG); an
        // <img> never runs an SVG's script, and the page's CSP allows data: images only.
        logoDataUri: z.union([z.literal(''), z.string().max(1_500_000).regex(/^data:image\/(png|svg\+xml);base64,[A-Za-z0-9+/]+=*$/, 'a PNG or SVG data: URI')]),
      })
      .strict(),
    /** Answers the case already has that conditions in this form read (frozen when the form is made). */
    known: z.record(z.string().max(80), answerValueSchema).refine((r) => Object.keys(r).length <= 500, 'at most 500 known answers'),
    questions: z.array(formQuestionSchema).min(1).max(300),
  })
  .strict();
export type FormSpec = z.infer<typeof formSpecSchema>;

/** The questions a condition reads: the only answers of the case a form needs to carry. */
export const questionsReadBy = (condition: Condition | undefined, into: Set<string> = new Set()): Set<string> => {
  if (!condition) return into;
  if ('all' in condition) condition.all.forEach((c) => questionsReadBy(c, into));
  else if ('any' in condition) condition.any.forEach((c) => questionsReadBy(c, into));
  else if ('not' in condition) questionsReadBy(condition.not, into);
  else if (condition.question !== undefined) into.add(condition.question);
  return into;
};

/** A bank question as the customer's form shows it: the self-service wording, no scoring. */
export const formQuestionOf = (question: Question): FormQuestion => {
  const base = { id: question.id, text: question.selfService?.text ?? question.text, help: question.selfService?.help ?? '', ...(question.showIf ? { showIf: question.showIf } : {}) };
  switch (question.type) {
    case 'single':
    case 'multi':
      return { ...base, type: question.type, options: question.options.map((o) => ({ id: o.id, label: o.label })) };
    case 'yes_no_unknown':
      return { ...base, type: 'yes_no_unknown' };
    case 'scale':
      return { ...base, type: 'scale', min: question.min, max: question.max, minLabel: question.minLabel, maxLabel: question.maxLabel };
    case 'number':
      return {
        ...base,
        type: 'number',
        unit: question.unit,
        ...(question.minValue !== undefined ? { minValue: question.minValue } : {}),
        ...(question.maxValue !== undefined ? { maxValue: question.maxValue } : {}),
      };
    case 'text':
      return { ...base, type: 'text', maxLength: question.maxLength };
  }
};

/**
 * How the finished answers leave the page: a signed file the customer sends back (the offline
 * form), or a POST to the hub page's own address (the hub link; the one-time token is the proof).
 */
export type FormDelivery = { readonly kind: 'file'; readonly key: string; readonly fileName: string } | { readonly kind: 'hub'; readonly submitPath: string };

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** JSON inside a <script type="application/json"> block: "<" escaped so no text can close the block. */
const jsonBlock = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/** One question's inputs, named `q:<id>`; every element has an id so progress can be restored. */
const inputsFor = (question: FormQuestion): string => {
  const id = escapeHtml(question.id);
  const choice = (type: 'radio' | 'checkbox', value: string, label: string, index: number) =>
    `<label class="choice"><input type="${type}" name="q:${id}" id="q-${id}-${index}" value="${escapeHtml(value)}"> <span dir="auto">${escapeHtml(label)}</span></label>`;
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

const questionBlock = (question: FormQuestion, index: number): string => {
  const id = escapeHtml(question.id);
  return `<fieldset class="question" data-question-id="${id}" data-type="${question.type}">
<legend id="t-${id}" dir="auto"><span class="number">${index + 1}.</span> ${escapeHtml(question.text)}</legend>
${question.help ? `<p class="help" dir="auto">${escapeHtml(question.help)}</p>` : ''}
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
button:disabled { background: #8a9097; cursor: default; }
#gw-status { margin-top: 1rem; font-weight: 600; }
footer { margin-top: 2rem; color: #4a4f55; font-size: .9rem; border-top: 1px solid #c9ced4; padding-top: .5rem; }
[hidden] { display: none !important; }
`;

/** base64 SHA-256 of a text, for a CSP hash source (the caller has the crypto: this module is pure). */
export type Sha256Base64 = (text: string) => string;

/**
 * The page: no network but what the delivery needs (CSP `default-src 'none'`, the script and styles
 * pinned by hash, the logo inline; the hub page may POST to itself), the partner's branding,
 * conditional questions as in the bank, save-and-resume in the browser. Returns the CSP as well so
 * the hub can send it as a header too.
 */
export const renderFormHtml = (spec: FormSpec, delivery: FormDelivery, sha256Base64: Sha256Base64): { html: string; csp: string } => {
  const { branding } = spec;
  const toHub = delivery.kind === 'hub';
  const data = {
    format: answersFileFormat,
    questionnaireId: spec.questionnaireId,
    caseId: spec.caseId,
    bank: spec.bank,
    stakeholder: spec.stakeholder,
    ...(delivery.kind === 'file' ? { key: delivery.key, fileName: delivery.fileName } : { submitPath: delivery.submitPath }),
    storageKey: `groundwork-questionnaire:${spec.questionnaireId}:${spec.stakeholder}`,
    returnTo: branding.contact || branding.partnerName,
    known: spec.known,
    questions: spec.questions.map((q) => ({ id: q.id, ...(q.showIf ? { showIf: q.showIf } : {}) })),
  };
  const css = styles(branding.primaryColor, branding.accentColor, fontStacks[branding.font]);
  const hash = (text: string) => `'sha256-${sha256Base64(text)}'`;
  const csp = `default-src 'none'; script-src ${hash(formRuntimeSource)}; style-src ${hash(css)}; img-src data:; connect-src ${toHub ? "'self'" : "'none'"}; form-action 'none'; base-uri 'none'`;
  const stakeholder = stakeholderLabels[spec.stakeholder];
  const title = `${branding.partnerName}: questions for ${spec.customerName}`;
  const intro = toHub
    ? `Answer what you know; "I don't know" is a fine answer. Your answers stay in this browser until you press <strong>Send my answers</strong>, which sends them to ${escapeHtml(branding.partnerName)}. The link works once.`
    : `Answer what you know; "I don't know" is a fine answer. Your answers stay in this browser until you press <strong>Finish</strong>, which saves a file to send back to us. Nothing is sent over the internet.`;
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${css}</style>
</head>
<body>
<header>
${branding.logoDataUri.startsWith('data:image/') ? `<img src="${escapeHtml(branding.logoDataUri)}" alt="${escapeHtml(branding.partnerName)}">` : ''}
<h1 dir="auto">Before our visit: questions for ${escapeHtml(stakeholder)}</h1>
<p dir="auto"><strong>${escapeHtml(spec.customerName)}</strong>${spec.siteName ? ` · ${escapeHtml(spec.siteName)}` : ''}</p>
</header>
${spec.coverMessage ? `<p class="cover" dir="auto">${escapeHtml(spec.coverMessage)}</p>` : ''}
<p>${intro}</p>
<form id="gw-form" novalidate>
<fieldset class="respondent"><legend>About you</legend>
<label for="respondent-name">Your name</label><input type="text" id="respondent-name" maxlength="200" autocomplete="name">
<label for="respondent-role">Your role</label><input type="text" id="respondent-role" maxlength="200" autocomplete="organization-title">
</fieldset>
${spec.questions.map((q, i) => questionBlock(q, i)).join('\n')}
<button type="button" id="gw-finish">${toHub ? 'Send my answers' : 'Finish and save my answers'}</button>
<p id="gw-status" role="status" aria-live="polite"></p>
</form>
<footer dir="auto">${escapeHtml(branding.partnerName)}${branding.contact ? ` · ${escapeHtml(branding.contact)}` : ''}</footer>
<script type="application/json" id="gw-questionnaire">${jsonBlock(data)}</script>
<script>${formRuntimeSource}</script>
</body>
</html>
`;
  return { html, csp };
};

/** A plain page of the hub's (link expired, withdrawn, already used, unknown): one hashed style, no script. */
export const noticePageCss = `body { font-family: 'DejaVu Sans', Arial, sans-serif; color: #1b1b1b; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5; }
h1 { font-size: 1.5rem; }`;

export const renderNoticePage = (title: string, paragraphs: readonly string[], sha256Base64: Sha256Base64): { html: string; csp: string } => {
  const csp = `default-src 'none'; style-src 'sha256-${sha256Base64(noticePageCss)}'; form-action 'none'; base-uri 'none'`;
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${noticePageCss}</style>
</head>
<body>
<h1 dir="auto">${escapeHtml(title)}</h1>
${paragraphs.map((p) => `<p dir="auto">${escapeHtml(p)}</p>`).join('\n')}
</body>
</html>
`;
  return { html, csp };
};
