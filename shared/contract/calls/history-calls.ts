import { z } from 'zod';
import { defineCall } from '../define-call';
import { caseDetailSchema, idSchema } from '../../domain/cases';
import { historyPageSchema, historyQuerySchema, timelineSchema } from '../../history/history-schemas';
import { comparisonSchema } from '../../history/compare';

export const historyCalls = {
  'history:search': defineCall({
    method: 'searchHistory',
    summary: 'A page of past engagements: full-text search, filters and sort',
    input: historyQuerySchema,
    output: historyPageSchema,
  }),
  'history:timeline': defineCall({
    method: 'getCustomerTimeline',
    summary: 'Every assessment of one customer, oldest first, with its level',
    input: z.object({ customerId: idSchema }),
    output: timelineSchema,
  }),
  'history:compare': defineCall({
    method: 'compareAssessments',
    summary: 'Pillar, finding and measurement changes between two assessments of one customer',
    input: z.object({ firstCaseId: idSchema, secondCaseId: idSchema }),
    output: comparisonSchema,
  }),
  'cases:reassess': defineCall({
    method: 'reassessCase',
    summary: 'Start a new assessment from an earlier one, carrying its customer, site and facts',
    input: z.object({ previousCaseId: idSchema, engineer: z.string().trim().max(200).optional() }),
    output: caseDetailSchema,
  }),
  'cases:carried': defineCall({
    method: 'listCarriedAnswers',
    summary: 'Questions whose answers were carried from the previous assessment and not yet confirmed',
    input: z.object({ caseId: idSchema }),
    output: z.array(z.string()),
  }),
} as const;
