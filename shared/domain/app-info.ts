import { z } from 'zod';
import { appLocaleSchema } from '../i18n/locales';

export const appInfoSchema = z.object({
  version: z.string(),
  dataDir: z.string(),
  databaseFile: z.string(),
  schemaVersion: z.number().int(),
  deviceId: z.string(),
  transport: z.enum(['ipc', 'http-bridge', 'cli']),
  /** How the case history's encryption key is held; a weak fallback carries a warning for the user. */
  keyProtection: z.object({
    method: z.enum(['os-keychain', 'safe-storage', 'passphrase']),
    warning: z.string().nullable(),
  }),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** Set or change the passphrase that protects the case history's key (where no OS keychain holds it). */
export const passphraseChangeSchema = z
  .object({
    /** The passphrase in force now; required when one protects the key already. */
    current: z.string().max(1_000).optional(),
    next: z.string().min(12, 'Use at least 12 characters (a few words is easiest to remember)').max(1_000),
    confirm: z.string().max(1_000),
  })
  .strict()
  .refine((input) => input.next === input.confirm, { message: 'The two new passphrases differ', path: ['confirm'] });
export type PassphraseChange = z.infer<typeof passphraseChangeSchema>;

/** The app's language: the engineer's, per installation; each case's report language is the customer's and separate. */
export const appLanguageSchema = z.object({ language: appLocaleSchema }).strict();
export type AppLanguage = z.infer<typeof appLanguageSchema>;
