import { z } from 'zod';

/** Free text typed by an engineer: stored exactly as given, trimmed only at the edges. */
const requiredText = (label: string, max: number) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`);

const optionalText = (label: string, max: number) =>
  z.string().trim().max(max, `${label} must be at most ${max} characters`).default('');

export const idSchema = z.uuid({ error: 'must be an id (UUID)' });

export const caseStatuses = ['draft', 'in_progress', 'complete'] as const;
export const caseStatusSchema = z.enum(caseStatuses);
export type CaseStatus = z.infer<typeof caseStatusSchema>;

export const caseStatusLabels: Record<CaseStatus, string> = {
  draft: 'Draft',
  in_progress: 'In progress',
  complete: 'Complete',
};

/** Engagements only move forward; reopening a completed one goes back to in progress. */
export const allowedStatusTransitions: Record<CaseStatus, readonly CaseStatus[]> = {
  draft: ['in_progress'],
  in_progress: ['complete'],
  complete: ['in_progress'],
};

export const canMoveStatus = (from: CaseStatus, to: CaseStatus): boolean =>
  from === to || allowedStatusTransitions[from].includes(to);

export const contactInputSchema = z.object({
  name: requiredText('Contact name', 200),
  role: optionalText('Role', 200),
  email: z
    .string()
    .trim()
    .max(320)
    .refine((v) => v === '' || /^[^\s@]+@[^\s@]+$/.test(v), 'Email must look like name@example.com')
    .default(''),
  phone: optionalText('Phone', 60),
});
export type ContactInput = z.input<typeof contactInputSchema>;

export const caseCreateSchema = z.object({
  customerName: requiredText('Customer name', 20_000),
  siteName: optionalText('Site name', 2_000),
  siteAddress: optionalText('Site address', 2_000),
  engineer: optionalText('Engineer', 200),
  title: optionalText('Title', 500),
  contacts: z.array(contactInputSchema).max(50, 'At most 50 contacts').default([]),
});
export type CaseCreateInput = z.input<typeof caseCreateSchema>;

export const caseUpdateSchema = z.object({
  id: idSchema,
  customerName: requiredText('Customer name', 20_000).optional(),
  siteName: z.string().trim().max(2_000).optional(),
  siteAddress: z.string().trim().max(2_000).optional(),
  engineer: z.string().trim().max(200).optional(),
  title: z.string().trim().max(500).optional(),
  status: caseStatusSchema.optional(),
  contacts: z.array(contactInputSchema).max(50, 'At most 50 contacts').optional(),
});
export type CaseUpdateInput = z.input<typeof caseUpdateSchema>;

export const caseOwnerships = ['all', 'mine', 'partner'] as const;
export const caseOwnershipSchema = z.enum(caseOwnerships);
export type CaseOwnership = z.infer<typeof caseOwnershipSchema>;

export const caseListQuerySchema = z.object({
  includeArchived: z.boolean().default(false),
  search: z.string().max(500).default(''),
  /** Cases made on this laptop, other engineers' (pulled from the hub), or both. */
  ownership: caseOwnershipSchema.default('all'),
  /** At most this many, newest first; every match when left out. */
  limit: z.number().int().min(1).max(1_000_000).optional(),
});

export const caseCompleteSchema = z.object({
  id: idSchema,
  /** Who marks it complete; the case's engineer when left out. */
  by: z.string().trim().max(200).optional(),
});

export const caseReopenSchema = z.object({
  id: idSchema,
  reason: requiredText('A reason for reopening', 2_000),
  by: z.string().trim().max(200).optional(),
});

export const caseEventKinds = ['started', 'completed', 'reopened', 'reassigned', 'reassessed'] as const;
export const caseEventKindLabels: Record<(typeof caseEventKinds)[number], string> = {
  started: 'Work started',
  completed: 'Marked complete',
  reopened: 'Reopened',
  reassigned: 'Handed over',
  reassessed: 'Re-assessed',
};
export const caseEventSchema = z.object({
  id: idSchema,
  kind: z.enum(caseEventKinds),
  actor: z.string(),
  detail: z.string(),
  at: z.string(),
});
export type CaseEvent = z.infer<typeof caseEventSchema>;

export const contactSchema = z.object({
  id: idSchema,
  name: z.string(),
  role: z.string(),
  email: z.string(),
  phone: z.string(),
});
export type Contact = z.infer<typeof contactSchema>;

export const caseSummarySchema = z.object({
  id: idSchema,
  title: z.string(),
  customerId: idSchema,
  customerName: z.string(),
  siteId: idSchema.nullable(),
  siteName: z.string(),
  engineer: z.string(),
  status: caseStatusSchema,
  archived: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Another engineer's laptop owns this case (pulled from the hub): read-only here. */
  partner: z.boolean(),
  /** The owning laptop's name at the hub ('' for a case made here and not yet synced). */
  ownerName: z.string(),
  completedAt: z.string().nullable(),
  completedBy: z.string(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const caseDetailSchema = caseSummarySchema.extend({
  siteAddress: z.string(),
  contacts: z.array(contactSchema),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;
