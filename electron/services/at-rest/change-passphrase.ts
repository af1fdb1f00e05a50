import type { Database } from 'better-sqlite3';
import { serviceFailure } from '../../../shared/i18n/service-failure';
import type { PassphraseChange } from '../../../shared/domain/app-info';
import { keyFileIn, readKeyFile, writeKeyFile, type KeyFile } from './key-file';
import { passphraseKeySource, WrongPassphraseError, type KeyProtection, type KeySource } from './key-sources';
import { readKeyProtection, recordKeyProtection } from './protection-record';

export interface PassphraseStore {
  readonly dataDir: string;
  readonly db: Database;
  /** What opened this data directory: it unwraps the key when no passphrase protects it yet. */
  readonly keySource: KeySource;
}

/**
 * Wraps the master key under a new passphrase. Only the key file changes (the database and blobs
 * stay encrypted with the same master key), written atomically and read back before it counts:
 * a wrong current passphrase, or any failure, leaves every file as it was. Moving off a weak
 * safe-storage backend drops that wrapping, so the copy of the key Electron's built-in password
 * protects is gone; the OS keychain holds no such copy where this is offered.
 */
export const setPassphrase = (store: PassphraseStore, input: PassphraseChange): KeyProtection => {
  const file = keyFileIn(store.dataDir);
  const keyFile = readKeyFile(file);
  if (!keyFile) throw serviceFailure('conflict', 'error.passphrase.noKeyFile');
  if (keyFile.wrappings['os-keychain'] && !keyFile.wrappings.passphrase) {
    throw serviceFailure('conflict', 'error.passphrase.keychainHolds');
  }
  let master: Buffer;
  if (keyFile.wrappings.passphrase) {
    if (!input.current) throw serviceFailure('validation', 'error.passphrase.currentNeeded');
    try {
      master = passphraseKeySource(input.current, { warning: null }).unwrap(keyFile, file);
    } catch (error) {
      if (error instanceof WrongPassphraseError) throw serviceFailure('validation', 'error.passphrase.currentWrong');
      throw error;
    }
  } else {
    master = store.keySource.unwrap(keyFile, file);
  }
  const next = passphraseKeySource(input.next, { warning: null });
  const { 'safe-storage': _weak, passphrase: _old, ...kept } = keyFile.wrappings;
  const updated: KeyFile = { ...keyFile, wrappings: { ...kept, ...next.wrap(master, keyFile.id) } };
  writeKeyFile(file, updated);
  // Read back through the new passphrase: the change counts only once it opens the same key.
  const reread = readKeyFile(file);
  if (!reread || !next.unwrap(reread, file).equals(master)) {
    writeKeyFile(file, keyFile);
    throw serviceFailure('internal', 'error.passphrase.notStored');
  }
  const protection: KeyProtection = { method: 'passphrase', warning: null };
  recordKeyProtection(store.db, protection);
  return protection;
};

/** The protection on record (it changes while the app runs when a passphrase is set). */
export const currentProtection = (db: Database, opened: KeyProtection): KeyProtection => {
  const recorded = readKeyProtection(db);
  return recorded ? { method: recorded.method, warning: recorded.warning } : opened;
};
