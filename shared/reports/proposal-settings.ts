import { z } from 'zod';
import { proposalTermsSchema, sizingSchema } from './report-source';
import { reportLocaleSchema } from '../i18n/locales';

/** What the engineer enters for a case's proposal: the customer's size and the commercial terms. */
export const proposalSettingsSchema = z.object({
  caseId: z.uuid(),
  sizing: sizingSchema,
  terms: proposalTermsSchema,
  /** The language the case's reports are written in: the customer's, whatever the app's language. */
  reportLanguage: reportLocaleSchema.default('en'),
});
export type ProposalSettings = z.infer<typeof proposalSettingsSchema>;
