import { z } from 'zod';
import { idSchema } from '../domain/cases';
import { answerValueSchema } from '../interview/answer-values';
import { stakeholderSchema } from '../interview/bank-schema';

/**
 * Before the visit: a questionnaire the customer's people fill in themselves. The engineer picks
 * stakeholders and the bank's self-service questions; each stakeholder gets a form; what comes back
 * is an answers file signed with the questionnaire's own key, imported as customer-provided answers.
 */

export const questionnaireChannels = ['html-form', 'docx-form', 'hub-link'] as const;
export const questionnaireChannelSchema = z.enum(questionnaireChannels);
export type QuestionnaireChannel = z.infer<typeof questionnaireChannelSchema>;
export const questionnaireChannelLabels: Record<QuestionnaireChannel, string> = { 'html-form': 'HTML form', 'docx-form': 'Word form', 'hub-link': 'link from the partner hub' };

export const linkStates = ['open', 'answered', 'expired', 'withdrawn'] as const;
export const linkStateLabels: Record<(typeof linkStates)[number], string> = { open: 'Open', answered: 'Answered', expired: 'Expired', withdrawn: 'Withdrawn' };

/** A hub link sent to one stakeholder, and what came of it. */
export const questionnaireLinkSchema = z.object({
  id: idSchema,
  stakeholder: stakeholderSchema,
  url: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  state: z.enum(linkStates),
  /** When the answers reached this laptop (the next sync after the customer sent them). */
  collectedAt: z.string().nullable(),
  /** Questions the engineer had already answered: the customer's answers to them were not applied. */
  keptEngineerAnswers: z.array(z.string()),
  /** Why the collected answers could not be imported (the answers are kept on this laptop). */
  importError: z.string().nullable(),
});
export type QuestionnaireLink = z.infer<typeof questionnaireLinkSchema>;

export const publishLinksSchema = z.object({
  questionnaireId: idSchema,
  /** Omitted: one link for every stakeholder of the questionnaire. */
  stakeholders: z.array(stakeholderSchema).min(1).max(5).optional(),
  expiresInDays: z.number().int().min(1).max(90).default(14),
});

export const questionnaireCreateSchema = z.object({
  caseId: idSchema,
  stakeholders: z.array(stakeholderSchema).min(1, 'pick at least one stakeholder').max(5),
  /** The bank's self-service questions to ask; omitted: every self-service question for those stakeholders. */
  questionIds: z.array(z.string().min(1).max(80)).min(1).max(300).optional(),
  coverMessage: z.string().trim().max(5_000).default(''),
});
export type QuestionnaireCreateInput = z.input<typeof questionnaireCreateSchema>;

/** One stakeholder's part: how many questions, what came back. */
export const questionnaireRecipientSchema = z.object({
  stakeholder: stakeholderSchema,
  questionCount: z.number().int().min(0),
  returned: z.array(
    z.object({
      respondent: z.string(),
      submittedAt: z.string(),
      importedAt: z.string(),
      answerCount: z.number().int().min(0),
    }),
  ),
  /** Questions of this stakeholder the case still has no answer to (from anyone). */
  openCount: z.number().int().min(0),
  /** Hub links sent to this stakeholder, newest first. */
  links: z.array(questionnaireLinkSchema).default([]),
});

export const questionnaireSchema = z.object({
  id: idSchema,
  caseId: idSchema,
  createdAt: z.string(),
  coverMessage: z.string(),
  bank: z.object({ id: z.string(), version: z.string() }),
  questionIds: z.array(z.string()),
  recipients: z.array(questionnaireRecipientSchema),
});
export type Questionnaire = z.infer<typeof questionnaireSchema>;

export const selfServiceQuestionSchema = z.object({
  id: z.string(),
  pillarTitle: z.string(),
  text: z.string(),
  stakeholders: z.array(stakeholderSchema),
  answered: z.boolean(),
});
export type SelfServiceQuestion = z.infer<typeof selfServiceQuestionSchema>;

export const questionnaireFormSchema = z.object({ fileName: z.string(), html: z.string() });
export const questionnaireDocxSchema = z.object({ fileName: z.string(), base64: z.string() });

export const importDocxSchema = z.object({
  caseId: idSchema,
  /** The filled Word form, base64 (a form with photos stays well under the cap). */
  docxBase64: z.string().min(1, 'the file is empty').max(48 * 1024 * 1024),
  overwrite: z.boolean().default(false),
});

/** The signed part of an answers file. */
export const answersPayloadSchema = z
  .object({
    questionnaireId: idSchema,
    caseId: idSchema,
    bank: z.object({ id: z.string().max(80), version: z.string().max(40) }).strict(),
    stakeholder: stakeholderSchema,
    respondent: z.object({ name: z.string().trim().min(1, 'the respondent has no name').max(200), role: z.string().trim().max(200).default('') }).strict(),
    submittedAt: z.iso.datetime({ offset: true }),
    answers: z
      .array(z.object({ questionId: z.string().min(1).max(80), value: answerValueSchema, note: z.string().max(100_000).default('') }).strict())
      .max(300),
  })
  .strict();
export type AnswersPayload = z.infer<typeof answersPayloadSchema>;

export const answersFileFormat = 'groundwork-questionnaire-answers';

/**
 * The file the form downloads. The payload is kept as the exact JSON text that was signed, so the
 * signature is checked over those bytes with no canonical re-encoding on either side.
 */
export const answersFileSchema = z
  .object({
    format: z.literal(answersFileFormat, { error: 'not a Groundwork questionnaire answers file' }),
    formatVersion: z.literal(1, { error: 'an answers file of a format version this Groundwork does not read' }),
    payload: z.string().max(40 * 1024 * 1024),
    signature: z.string().regex(/^[0-9a-f]{64}$/, 'the signature is not a SHA-256 HMAC'),
  })
  .strict();
export type AnswersFile = z.infer<typeof answersFileSchema>;

export const importAnswersSchema = z.object({
  caseId: idSchema,
  /** The answers file's text, as read from disk (UTF-8, with or without a BOM). */
  fileText: z.string().min(1, 'the file is empty').max(48 * 1024 * 1024),
  /** Replace answers the engineer already gave; off by default so nothing is overwritten unasked. */
  overwrite: z.boolean().default(false),
});

export const importAnswersResultSchema = z.object({
  questionnaireId: idSchema,
  stakeholder: stakeholderSchema,
  respondent: z.string(),
  alreadyImported: z.boolean(),
  imported: z.array(z.string()),
  /** Questions the engineer had answered: kept, listed so they can choose to overwrite. */
  keptEngineerAnswers: z.array(z.string()),
  unchanged: z.array(z.string()),
});
export type ImportAnswersResult = z.infer<typeof importAnswersResultSchema>;

/** Where a customer-provided answer came from; cleared when the engineer confirms or corrects it. */
export const customerSourceSchema = z.object({
  questionnaireId: idSchema,
  channel: questionnaireChannelSchema,
  stakeholder: stakeholderSchema,
  respondent: z.string(),
  submittedAt: z.string(),
  importedAt: z.string(),
});
export type CustomerSource = z.infer<typeof customerSourceSchema>;
