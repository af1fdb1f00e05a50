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

/** "Copy diagnostics": what a support engineer asks for first, with no customer data (no names, no answers). */
export const diagnosticsSchema = z.object({
  version: z.string(),
  /** OS, architecture and release. */
  platform: z.string(),
  /** Node (and Electron) versions. */
  runtime: z.string(),
  schemaVersion: z.number().int(),
  /** Where the log files are; null when this session writes none. */
  logFolder: z.string().nullable(),
  /** The last warnings and errors from the log, oldest first. */
  recentProblems: z.array(
    z.object({
      time: z.string(),
      level: z.enum(['warn', 'error']),
      message: z.string(),
      error: z.string().nullable(),
      operation: z.string().nullable(),
    }),
  ),
  /** All of it as plain text, ready for the clipboard. */
  text: z.string(),
});
export type Diagnostics = z.infer<typeof diagnosticsSchema>;

/** "Open the log folder": opened in the file manager (desktop app), or its path to show (browser, CLI). */
export const logFolderSchema = z.object({
  path: z.string().nullable(),
  opened: z.boolean(),
  /** Why it could not be opened (the OS's words); null when opened or when there is nothing to open with. */
  problem: z.string().nullable(),
});
export type LogFolder = z.infer<typeof logFolderSchema>;
