import type { z } from 'zod';
import { formatIssuePath } from '../../shared/contract/result';

/** Field path → first message, from the same zod schema the services validate with. */
export const fieldErrors = (schema: z.ZodType, value: unknown): Record<string, string> => {
  const result = schema.safeParse(value);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = formatIssuePath(issue.path);
    errors[path] ??= issue.message;
  }
  return errors;
};
