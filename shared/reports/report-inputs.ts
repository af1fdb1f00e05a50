import { z } from 'zod';
import { proposalRecordSchema } from '../domain/proposals';
import { brandingProfileSchema } from './branding';
import { priceBookItemSchema } from './price-book';
import { reportSourceSchema } from './report-source';
import { reportLocaleSchema } from '../i18n/locales';

/** The stored form of a report's inputs (kept with every export so it can be rendered again). */
export const reportInputsSchema = z.object({
  source: reportSourceSchema,
  branding: brandingProfileSchema,
  priceBook: z.array(priceBookItemSchema),
  /** What made the export ("Groundwork 0.1.0"), shown in its footer; absent in inputs stored before it was kept. */
  generator: z.string().max(100).optional(),
  /** The report's language; absent (English) in inputs stored before reports had one. */
  language: reportLocaleSchema.optional(),
  /** The saved proposal a proposal document prints; absent: the proposal is built from the findings. */
  proposalRecord: proposalRecordSchema.optional(),
});
