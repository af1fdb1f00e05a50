import { z } from 'zod';
import { customerSourceSchema } from '../questionnaire/questionnaire-schemas';
import { answerValueSchema } from './answer-values';
import { bankIdSchema, stakeholderSchema } from './bank-schema';
import { metricScopeSchema } from '../probes/measurement';
import { provenanceSchema } from './metric-readings';

/** Inputs and outputs of the interview calls that are not engine types. */

const caseIdSchema = z.uuid({ error: 'must be a case id (UUID)' });
export const caseRefSchema = z.object({ caseId: caseIdSchema });

export const answerInputSchema = z.object({
  caseId: caseIdSchema,
  questionId: bankIdSchema,
  value: answerValueSchema,
  /** A request: the value is stored as measured only when it is what a probe measured for the question. */
  measured: z.boolean().default(false),
  /** Why the engineer answered differently from the measured value (shown beside the answer). */
  overrideReason: z.string().trim().max(2000, 'Keep the reason under 2,000 characters').default(''),
});
export type AnswerInput = z.input<typeof answerInputSchema>;

/** The acknowledgement of a saved answer: once returned, the answer is on disk. */
export const answerAckSchema = z.object({
  caseId: z.string(),
  questionId: z.string(),
  value: answerValueSchema,
  measured: z.boolean(),
  /** The measurement the answer took (measured) or overrode (typed). */
  provenance: provenanceSchema.nullable().default(null),
  overrideReason: z.string().default(''),
  savedAt: z.string(),
});
export type AnswerAck = z.infer<typeof answerAckSchema>;

export const noteInputSchema = z.object({
  caseId: caseIdSchema,
  questionId: bankIdSchema,
  note: z.string().max(20_000, 'Notes are limited to 20,000 characters'),
});
export const noteAckSchema = z.object({ caseId: z.string(), questionId: z.string(), note: z.string(), savedAt: z.string() });

export const storedAnswerSchema = z.object({
  questionId: z.string(),
  /** False when only a note was written. */
  answered: z.boolean(),
  value: answerValueSchema,
  measured: z.boolean(),
  provenance: provenanceSchema.nullable().default(null),
  overrideReason: z.string().default(''),
  note: z.string(),
  updatedAt: z.string(),
  /** Set while the answer is the customer's own (pre-visit questionnaire) and not yet confirmed on site. */
  customerSource: customerSourceSchema.nullable().default(null),
});
export type StoredAnswer = z.infer<typeof storedAnswerSchema>;

export const positionSchema = z.object({ questionId: z.string(), stakeholder: stakeholderSchema.nullable() });
export type InterviewPosition = z.infer<typeof positionSchema>;

export const positionInputSchema = z.object({
  caseId: caseIdSchema,
  questionId: bankIdSchema,
  stakeholder: stakeholderSchema.nullable().default(null),
});

/** What a probe measured for a question the engineer has not answered. */
export const prefillSuggestionSchema = z.object({ questionId: z.string(), value: answerValueSchema, metric: z.string(), provenance: provenanceSchema.optional() });

/** A question a probe should have answered, tried, and could not measure. */
export const unmeasuredSuggestionSchema = z.object({ questionId: z.string(), metric: z.string(), scope: metricScopeSchema, reason: z.string() });

export const evidenceRecordSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  questionId: z.string().nullable(),
  sha256: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  caption: z.string(),
  createdAt: z.string(),
});
export type EvidenceRecord = z.infer<typeof evidenceRecordSchema>;

export const answersListSchema = z.object({
  bankId: z.string(),
  bankVersion: z.string(),
  answers: z.array(storedAnswerSchema),
  prefills: z.array(prefillSuggestionSchema),
  unmeasured: z.array(unmeasuredSuggestionSchema).default([]),
  evidence: z.array(evidenceRecordSchema),
  position: positionSchema.nullable(),
});
export type AnswersList = z.infer<typeof answersListSchema>;

/** Evidence files are limited so a base64 payload stays a sane IPC message. */
export const maxEvidenceBytes = 8 * 1024 * 1024;

export const evidenceInputSchema = z.object({
  caseId: caseIdSchema,
  questionId: bankIdSchema.nullable().default(null),
  fileName: z.string().trim().min(1, 'A file name is required').max(255),
  mediaType: z
    .string()
    .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i, 'must be a media type such as image/png')
    .max(120)
    .default('application/octet-stream'),
  caption: z.string().max(2000).default(''),
  dataBase64: z
    .string()
    .max(Math.ceil(maxEvidenceBytes / 3) * 4, `Evidence files are limited to ${maxEvidenceBytes / (1024 * 1024)} MiB`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
});
export type EvidenceInput = z.input<typeof evidenceInputSchema>;

export const evidenceContentSchema = z.object({ sha256: z.string(), mediaType: z.string(), dataBase64: z.string() });

export const exceptionInputSchema = z.object({
  caseId: caseIdSchema,
  findingId: bankIdSchema,
  compensatingControl: z.string().trim().min(1, 'Describe the compensating control').max(2000),
  reason: z.string().trim().min(1, 'Give the reason for the exception').max(2000),
  recordedBy: z.string().trim().max(200).default(''),
});
export type ExceptionInput = z.input<typeof exceptionInputSchema>;

export const bankSummarySchema = z.object({
  bankId: z.string(),
  version: z.string(),
  title: z.string(),
  source: z.enum(['builtin', 'hub', 'file']),
  active: z.boolean(),
  installedAt: z.string(),
  questionCount: z.number().int(),
});
export type BankSummary = z.infer<typeof bankSummarySchema>;
