import { z } from 'zod';
import { caseOwnershipSchema, caseStatusSchema, caseSummarySchema, idSchema } from '../domain/cases';
import { readinessLevelSchema } from '../interview/bank-schema';

export const historySorts = ['created_desc', 'created_asc', 'customer_asc', 'updated_desc', 'index_asc', 'index_desc', 'relevance'] as const;
export const historySortSchema = z.enum(historySorts);
export type HistorySort = z.infer<typeof historySortSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const historyQuerySchema = z.object({
  text: z.string().max(500).default(''),
  engineer: z.string().max(200).default(''),
  from: isoDate.optional(),
  to: isoDate.optional(),
  levels: z.array(readinessLevelSchema).max(4).default([]),
  statuses: z.array(caseStatusSchema).max(3).default([]),
  pillarBelow: z
    .object({ pillarId: z.string().min(1).max(80).regex(/^[a-z0-9_-]+$/, 'a pillar id'), score: z.number().min(0).max(100) })
    .optional(),
  customerId: idSchema.optional(),
  /** Cases made on this laptop, other engineers' (pulled from the hub), or both. */
  ownership: caseOwnershipSchema.default('all'),
  includeArchived: z.boolean().default(true),
  sort: historySortSchema.default('created_desc'),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type HistoryQuery = z.input<typeof historyQuerySchema>;

export const historyRowSchema = caseSummarySchema.extend({
  level: readinessLevelSchema.nullable(),
  readinessIndex: z.number().nullable(),
  confidence: z.number().nullable(),
  previousCaseId: idSchema.nullable(),
});
export type HistoryRow = z.infer<typeof historyRowSchema>;

export const historyPageSchema = z.object({
  total: z.number().int(),
  offset: z.number().int(),
  rows: z.array(historyRowSchema),
});
export type HistoryPage = z.infer<typeof historyPageSchema>;

export const timelineSchema = z.object({
  customerId: idSchema,
  customerName: z.string(),
  assessments: z.array(historyRowSchema),
});
export type CustomerTimeline = z.infer<typeof timelineSchema>;
