import { z } from 'zod';
import { brandingProfileSchema } from './branding';
import { priceBookItemSchema } from './price-book';
import { reportSourceSchema } from './report-source';

/** The stored form of a report's inputs (kept with every export so it can be rendered again). */
export const reportInputsSchema = z.object({
  source: reportSourceSchema,
  branding: brandingProfileSchema,
  priceBook: z.array(priceBookItemSchema),
});
