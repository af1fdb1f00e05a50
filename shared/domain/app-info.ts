import { z } from 'zod';

export const appInfoSchema = z.object({
  version: z.string(),
  dataDir: z.string(),
  databaseFile: z.string(),
  schemaVersion: z.number().int(),
  deviceId: z.string(),
  transport: z.enum(['ipc', 'http-bridge', 'cli']),
});
export type AppInfo = z.infer<typeof appInfoSchema>;
