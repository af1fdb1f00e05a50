import { z } from 'zod';
import { defineCall } from '../define-call';
import { caseDetailSchema, idSchema } from '../../domain/cases';
import { historyPageSchema, historyQuerySchema, timelineSchema } from '../../history/history-schemas';
import { comparisonSchema } from '../../history/compare';
import {
  customersByLevelQuerySchema,
  customersByLevelSchema,
  portfolioCsvSchema,
  portfolioFilterSchema,
  portfolioPageSchema,
  portfolioQuerySchema,
} from '../../history/portfolio-schemas';

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
  'history:portfolio': defineCall({
    method: 'getPortfolio',
    summary: 'A page of every engagement with engineer, level, confidence, open critical findings, proposal and last activity; sorted and filtered',
    input: portfolioQuerySchema,
    output: portfolioPageSchema,
  }),
  'history:portfolio-levels': defineCall({
    method: 'getCustomersByLevel',
    summary: "The partner's customers by readiness level, each at its latest scored assessment",
    input: customersByLevelQuerySchema,
    output: customersByLevelSchema,
  }),
  'history:portfolio-csv': defineCall({
    method: 'exportPortfolioCsv',
    summary: 'The portfolio with its filters and sort as CSV (formula-safe, in the app language)',
    input: portfolioFilterSchema,
    output: portfolioCsvSchema,
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
