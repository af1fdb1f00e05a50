import { z } from 'zod';
import { defineCall } from '../define-call';
import { bankSchema } from '../../interview/bank-schema';
import { findingSchema, scoreResultSchema, exceptionRecordSchema } from '../../interview/score-types';
import {
  answerAckSchema,
  answerInputSchema,
  answersListSchema,
  bankSummarySchema,
  caseRefSchema,
  evidenceContentSchema,
  evidenceInputSchema,
  evidenceRecordSchema,
  exceptionInputSchema,
  noteAckSchema,
  noteInputSchema,
  positionInputSchema,
} from '../../interview/api-schemas';
import { bankIdSchema } from '../../interview/bank-schema';

export const interviewCalls = {
  'interview:bank': defineCall({
    method: 'getInterviewBank',
    summary: "The question bank a case is answered with (its pinned version, else the active one); with inAppLanguage its texts in the app's language",
    input: caseRefSchema.extend({ inAppLanguage: z.boolean().optional() }),
    output: z.object({ bank: bankSchema, pinned: z.boolean() }),
  }),
  'interview:active-bank': defineCall({
    method: 'getActiveQuestionBank',
    summary: "The question bank new cases are answered with; with inAppLanguage its texts in the app's language",
    input: z.object({ inAppLanguage: z.boolean().optional() }).strict(),
    output: bankSchema,
  }),
  'interview:banks': defineCall({
    method: 'listQuestionBanks',
    summary: 'Question bank versions installed on this device',
    input: z.object({}).strict(),
    output: z.array(bankSummarySchema),
  }),
  'interview:answer': defineCall({
    method: 'answerQuestion',
    summary: 'Save one answer (autosave); the acknowledgement means it is on disk',
    input: answerInputSchema,
    output: answerAckSchema,
  }),
  'interview:answers': defineCall({
    method: 'listAnswers',
    summary: "A case's answers, notes, measured prefills, evidence and resume position",
    input: caseRefSchema,
    output: answersListSchema,
  }),
  'interview:note': defineCall({
    method: 'setAnswerNote',
    summary: 'Save the note on one question',
    input: noteInputSchema,
    output: noteAckSchema,
  }),
  'interview:position': defineCall({
    method: 'setInterviewPosition',
    summary: 'Remember where the engineer is, to resume there',
    input: positionInputSchema,
    output: z.object({ saved: z.literal(true) }),
  }),
  'interview:add-exception': defineCall({
    method: 'addFindingException',
    summary: 'Record a compensating control against a finding (it stays shown; its gate no longer caps)',
    input: exceptionInputSchema,
    output: exceptionRecordSchema,
  }),
  'interview:remove-exception': defineCall({
    method: 'removeFindingException',
    summary: 'Withdraw an exception',
    input: caseRefSchema.extend({ findingId: bankIdSchema }),
    output: z.object({ removed: z.boolean() }),
  }),
  'interview:add-evidence': defineCall({
    method: 'addEvidence',
    summary: 'Attach a file or image to a case (stored content-addressed by sha256)',
    input: evidenceInputSchema,
    output: evidenceRecordSchema,
  }),
  'interview:evidence-content': defineCall({
    method: 'getEvidenceContent',
    summary: 'The bytes of one attachment, base64',
    input: caseRefSchema.extend({ sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 in hex') }),
    output: evidenceContentSchema,
  }),
  'interview:score': defineCall({
    method: 'getCaseScore',
    summary: 'Pillar scores, index, level, confidence, gates, exceptions and findings of a case',
    input: caseRefSchema,
    output: scoreResultSchema,
  }),
  'interview:findings': defineCall({
    method: 'listFindings',
    summary: 'The findings and recommendations of a case, most severe first',
    input: caseRefSchema,
    output: z.array(findingSchema),
  }),
} as const;
