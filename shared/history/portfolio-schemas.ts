import { z } from 'zod';
import { caseOwnershipSchema, caseStatusSchema, idSchema } from '../domain/cases';
import { proposalStatuses, proposalStatusSchema } from '../domain/proposals';
import { readinessLevelSchema } from '../interview/bank-schema';

/** The portfolio's columns a person can sort by. */
export const portfolioSorts = ['customer', 'engineer', 'level', 'confidence', 'openCritical', 'proposalStatus', 'proposalValue', 'lastActivity'] as const;
export const portfolioSortSchema = z.enum(portfolioSorts);
export type PortfolioSort = z.infer<typeof portfolioSortSchema>;

export const sortDirections = ['asc', 'desc'] as const;
export type SortDirection = (typeof sortDirections)[number];

/** A proposal filter: its latest proposal's status, or no proposal at all. */
export const portfolioProposalFilters = ['none', ...proposalStatuses] as const;
export const portfolioProposalFilterSchema = z.enum(portfolioProposalFilters);
export type PortfolioProposalFilter = z.infer<typeof portfolioProposalFilterSchema>;

const filterFields = {
  /** Part of the customer's or site's name, or of the assessment's title. */
  text: z.string().max(500).default(''),
  engineer: z.string().max(200).default(''),
  ownership: caseOwnershipSchema.default('all'),
  levels: z.array(readinessLevelSchema).max(4).default([]),
  proposals: z.array(portfolioProposalFilterSchema).max(portfolioProposalFilters.length).default([]),
  /** Only engagements with a critical finding no exception covers. */
  openCriticalOnly: z.boolean().default(false),
  sort: portfolioSortSchema.default('lastActivity'),
  direction: z.enum(sortDirections).default('desc'),
};

// Strict: a misspelt filter is refused rather than silently widening the list.
export const portfolioFilterSchema = z.object(filterFields).strict();
export type PortfolioFilter = z.input<typeof portfolioFilterSchema>;

export const portfolioQuerySchema = z
  .object({
    ...filterFields,
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(50),
  })
  .strict();
export type PortfolioQuery = z.input<typeof portfolioQuerySchema>;

export const portfolioProposalSchema = z.object({
  status: proposalStatusSchema,
  currency: z.string(),
  /** After the discount, in minor units. */
  oneTimeMinor: z.number().int(),
  monthlyMinor: z.number().int(),
  /** Proposals on the case; the row shows the latest. */
  count: z.number().int().min(1),
});
export type PortfolioProposal = z.infer<typeof portfolioProposalSchema>;

export const portfolioRowSchema = z.object({
  caseId: idSchema,
  customerId: idSchema,
  customerName: z.string(),
  siteName: z.string(),
  title: z.string(),
  engineer: z.string(),
  /** Another engineer's laptop owns it. */
  partner: z.boolean(),
  ownerName: z.string(),
  status: caseStatusSchema,
  archived: z.boolean(),
  level: readinessLevelSchema.nullable(),
  readinessIndex: z.number().nullable(),
  /** 0–1. */
  confidence: z.number().min(0).max(1).nullable(),
  openCritical: z.number().int().min(0),
  proposal: portfolioProposalSchema.nullable(),
  /** ISO time of the latest change to the case, its answers, measurements, exceptions, proposals, comments or lifecycle. */
  lastActivity: z.string(),
});
export type PortfolioRow = z.infer<typeof portfolioRowSchema>;

export const portfolioPageSchema = z.object({
  total: z.number().int(),
  offset: z.number().int(),
  rows: z.array(portfolioRowSchema),
  /** Every engineer named on a case, for the filter. */
  engineers: z.array(z.string()),
});
export type PortfolioPage = z.infer<typeof portfolioPageSchema>;

export const customersByLevelQuerySchema = z.object({ ownership: caseOwnershipSchema.default('all') }).strict();

export const customersByLevelSchema = z.object({
  /** Customers (one per name, as on the timeline) with at least one engagement. */
  customers: z.number().int(),
  /** Customers none of whose assessments has a level yet. */
  unscored: z.number().int(),
  /** One entry per readiness level, best first: customers whose latest scored assessment is at it. */
  levels: z.array(z.object({ level: readinessLevelSchema, customers: z.number().int() })),
});
export type CustomersByLevel = z.infer<typeof customersByLevelSchema>;

export const portfolioCsvSchema = z.object({
  fileName: z.string(),
  mime: z.literal('text/csv'),
  text: z.string(),
  rows: z.number().int(),
});
export type PortfolioCsv = z.infer<typeof portfolioCsvSchema>;
