import { z } from 'zod';

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
