import type { z } from 'zod';
import { formatIssuePath } from '../../shared/contract/result';
import type { AppText } from '../i18n/app-intl';

/** The field a path names, as the form messages' select knows it ("contacts[2].name" → contactName). */
const fieldKeyOf = (path: string): string => {
  if (/^contacts\[\d+\]\.name$/.test(path)) return 'contactName';
  if (/^contacts\[\d+\]\.email$/.test(path)) return 'contactEmail';
  const contactField = /^contacts\[\d+\]\.(\w+)$/.exec(path);
  return contactField?.[1] ?? path;
};

/**
 * A schema check's failure in the app's language. The schemas (shared/domain) say it in English
 * for the services and the CLI; the forms say the same thing through the catalogue, chosen by the
 * kind of check and the field. A check no form message covers keeps the schema's own words.
 */
export const issueText = (issue: z.core.$ZodIssue, t: AppText['t']): string => {
  const path = formatIssuePath(issue.path);
  const field = fieldKeyOf(path);
  if (issue.code === 'invalid_type' || (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1)) return t('form.required', { field });
  if (issue.code === 'too_small' && issue.origin === 'string' && path === 'next') return t('form.passphraseShort', { min: Number(issue.minimum) });
  if (issue.code === 'too_big' && issue.origin === 'string') return t('form.tooLong', { field, max: Number(issue.maximum) });
  if (issue.code === 'too_big' && issue.origin === 'array' && path === 'contacts') return t('form.tooManyContacts', { max: Number(issue.maximum) });
  if (issue.code === 'custom' && field === 'contactEmail') return t('form.email');
  if (issue.code === 'custom' && path === 'confirm') return t('form.passphrasesDiffer');
  return issue.message;
};

/** Field path → first message, from the same zod schema the services validate with, in the app's language. */
export const fieldErrors = (schema: z.ZodType, value: unknown, t: AppText['t']): Record<string, string> => {
  const result = schema.safeParse(value);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = formatIssuePath(issue.path);
    errors[path] ??= issueText(issue, t);
  }
  return errors;
};
