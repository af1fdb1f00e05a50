import { z } from 'zod';
import { idSchema } from './cases';

/** A proposal moves draft → sent → accepted or declined; a sent one can go back to draft for changes. */
export const proposalStatuses = ['draft', 'sent', 'accepted', 'declined'] as const;
export const proposalStatusSchema = z.enum(proposalStatuses);
export type ProposalStatus = z.infer<typeof proposalStatusSchema>;

export const proposalStatusLabels: Record<ProposalStatus, string> = {
  draft: 'Draft',
  sent: 'Sent',
  accepted: 'Accepted',
  declined: 'Declined',
};

export const proposalTransitions: Record<ProposalStatus, readonly ProposalStatus[]> = {
  draft: ['sent'],
  sent: ['accepted', 'declined', 'draft'],
  accepted: [],
  declined: ['draft'],
};

export const proposalLineSchema = z.object({
  id: idSchema,
  position: z.number().int(),
  sku: z.string(),
  description: z.string(),
  unit: z.string(),
  quantity: z.number().int().nonnegative(),
  unitPriceMinor: z.number().int().nonnegative(),
  recurring: z.boolean(),
  /** Titles of the findings and recommendations that asked for this line. */
  reasons: z.array(z.string()),
});
export type ProposalLineRecord = z.infer<typeof proposalLineSchema>;

export const proposalRecordSchema = z.object({
  id: idSchema,
  caseId: idSchema,
  title: z.string(),
  status: proposalStatusSchema,
  currency: z.string(),
  discountBasisPoints: z.number().int().min(0).max(10_000),
  terms: z.string(),
  author: z.string(),
  statusChangedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lines: z.array(proposalLineSchema),
  /** After the discount, in minor units: what the customer pays once, and each month. */
  oneTimeMinor: z.number().int(),
  monthlyMinor: z.number().int(),
  /** Read-only here: proposals are the account manager's work. */
  readOnly: z.boolean(),
});
export type ProposalRecord = z.infer<typeof proposalRecordSchema>;

export const proposalCreateSchema = z.object({
  caseId: idSchema,
  title: z.string().trim().max(300).default(''),
});

export const proposalUpdateSchema = z.object({
  id: idSchema,
  title: z.string().trim().max(300).optional(),
  discountBasisPoints: z.number().int().min(0, 'Discount cannot be negative').max(10_000, 'Discount cannot be more than 100%').optional(),
  terms: z.string().max(10_000).optional(),
  status: proposalStatusSchema.optional(),
});

export const proposalLineUpdateSchema = z.object({
  id: idSchema,
  quantity: z.number().int().min(0).max(1_000_000).optional(),
  unitPriceMinor: z.number().int().min(0).max(1_000_000_000).optional(),
  description: z.string().trim().min(1, 'A line needs a description').max(2_000).optional(),
});

export const proposalLineRemoveSchema = z.object({ id: idSchema });

/** A discount applies to the subtotal, rounded half away from zero like the tax. */
export const discounted = (subtotalMinor: number, basisPoints: number): number => subtotalMinor - Math.round((subtotalMinor * basisPoints) / 10_000);
