import { z } from 'zod';
import { proposalTermsSchema, sizingSchema } from './report-source';

/** What the engineer enters for a case's proposal: the customer's size and the commercial terms. */
export const proposalSettingsSchema = z.object({
  caseId: z.uuid(),
  sizing: sizingSchema,
  terms: proposalTermsSchema,
});
export type ProposalSettings = z.infer<typeof proposalSettingsSchema>;
