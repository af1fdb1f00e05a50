import crypto from 'node:crypto';
import fs from 'node:fs';
import { isPlaintextDatabase } from './encrypt-database';
import { readKeyFile, writeKeyFile, type KeyFile } from './key-file';
import { KeyUnavailableError, type KeySource } from './key-sources';

export interface UnlockedKey {
  readonly master: Buffer;
  readonly keyFile: KeyFile;
}

const isEncryptedDatabase = (databaseFile: string): boolean =>
  fs.existsSync(databaseFile) && fs.statSync(databaseFile).size > 0 && !isPlaintextDatabase(databaseFile);

/**
 * The data directory's master key through `source`: unwrapped from the key file, or made (32
 * random bytes), protected by the source and written to the key file (fsynced) before anything is
 * encrypted with it, so no encrypted byte ever exists without a stored key.
 */
export const unlockMasterKey = (keyFilePath: string, databaseFile: string, source: KeySource): UnlockedKey => {
  const existing = readKeyFile(keyFilePath);
  if (existing) return { master: source.unwrap(existing, keyFilePath), keyFile: existing };
  if (isEncryptedDatabase(databaseFile)) {
    throw new KeyUnavailableError(
      `The case database ${databaseFile} is encrypted but its key file ${keyFilePath} is missing, so it cannot be opened. Restore the key file from a backup. Nothing has been changed.`,
    );
  }
  const master = crypto.randomBytes(32);
  const id = crypto.randomUUID();
  const keyFile: KeyFile = { format: 'groundwork-key-1', id, wrappings: source.wrap(master, id) };
  writeKeyFile(keyFilePath, keyFile);
  return { master, keyFile };
};
