import path from 'node:path';
import { z } from 'zod';
import { readIfPresent, writePrivateFileAtomic } from './private-files';

/**
 * The data directory's master key never lies on disk in the clear: `groundwork.key` (0600) holds it
 * wrapped by whatever protects it (the OS keychain holds it outright; Electron safeStorage or a
 * passphrase wrap it), one entry per method, so the app and the CLI can each find it their way.
 */
const passphraseWrapping = z.object({
  kdf: z.literal('scrypt'),
  N: z.number().int().positive(),
  r: z.number().int().positive(),
  p: z.number().int().positive(),
  salt: z.string(),
  iv: z.string(),
  tag: z.string(),
  data: z.string(),
});

export const keyFileSchema = z.object({
  format: z.literal('groundwork-key-1'),
  /** Names this data directory's keychain entries, so two data directories never share one. */
  id: z.string().min(1),
  wrappings: z.object({
    'os-keychain': z.object({ account: z.string() }).optional(),
    'safe-storage': z.object({ backend: z.string(), data: z.string() }).optional(),
    passphrase: passphraseWrapping.optional(),
  }),
});
export type KeyFile = z.infer<typeof keyFileSchema>;
export type KeyMethod = keyof KeyFile['wrappings'];
export type PassphraseWrapping = z.infer<typeof passphraseWrapping>;

export const keyFileIn = (dataDir: string): string => path.join(dataDir, 'groundwork.key');

export const readKeyFile = (file: string): KeyFile | null => {
  const bytes = readIfPresent(file);
  if (!bytes) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new Error(`The key file ${file} is damaged (not JSON); without it the case history cannot be decrypted. It has not been changed.`);
  }
  const result = keyFileSchema.safeParse(parsed);
  if (!result.success) throw new Error(`The key file ${file} is not one this Groundwork understands. It has not been changed.`);
  return result.data;
};

export const writeKeyFile = (file: string, keyFile: KeyFile): void => writePrivateFileAtomic(file, `${JSON.stringify(keyFile, null, 2)}\n`);
