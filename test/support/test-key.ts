import type { Database } from 'better-sqlite3';
import { givenPassphraseKeySource } from '../../electron/services/at-rest/choose-key-source';
import { deriveKeys, type DerivedKeys } from '../../electron/services/at-rest/derived-keys';
import { keyFileIn, readKeyFile } from '../../electron/services/at-rest/key-file';
import { openSqliteFile } from '../../electron/services/at-rest/sqlite-cipher';
import { databaseFileIn } from '../../electron/services/data-dir';

/**
 * Every test opens its case databases encrypted, in passphrase mode: the same passphrase in
 * process (this key source) and in every child CLI, bridge or hub-side helper (the env var the
 * setup file sets), so a data directory made one way opens the other. One object per test file:
 * its scrypt result is remembered per salt, so reopening a data directory costs no extra 0.1 s.
 */
export const testPassphrase = 'groundwork test passphrase: correct horse battery staple';

export const testKeySource = givenPassphraseKeySource(testPassphrase, 'GROUNDWORK_PASSPHRASE');

/** The data directory's database keys, unwrapped with the test passphrase (for tests that look at the files directly). */
export const testKeysOf = (dataDir: string): DerivedKeys => {
  const file = keyFileIn(dataDir);
  const keyFile = readKeyFile(file);
  if (!keyFile) throw new Error(`No key file in ${dataDir}`);
  return deriveKeys(testKeySource.unwrap(keyFile, file));
};

/** A direct connection to a data directory's encrypted case database, as a test's independent check. */
export const openTestDatabaseFile = (dataDir: string, options: { readonly?: boolean } = {}): Database =>
  openSqliteFile(databaseFileIn(dataDir), { key: testKeysOf(dataDir).database, readonly: options.readonly ?? false, fileMustExist: true });
