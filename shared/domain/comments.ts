import { z } from 'zod';
import { idSchema } from './cases';

export const commentSchema = z.object({
  id: idSchema,
  caseId: idSchema,
  /** The finding it is about; null for a note on the whole case. */
  findingId: z.string().nullable(),
  author: z.string(),
  body: z.string(),
  createdAt: z.string(),
  mine: z.boolean(),
});
export type CaseComment = z.infer<typeof commentSchema>;

export const commentAddSchema = z.object({
  caseId: idSchema,
  findingId: z.string().trim().min(1).max(200).nullable().default(null),
  body: z.string().trim().min(1, 'A comment cannot be empty').max(5_000, 'A comment must be at most 5,000 characters'),
});
