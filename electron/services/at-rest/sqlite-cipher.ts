import type { Database } from 'better-sqlite3';
import CipherSqlite from 'better-sqlite3-multiple-ciphers';

/*
 * Why better-sqlite3-multiple-ciphers: it is better-sqlite3 with SQLite3 Multiple Ciphers compiled
 * in, the same API (the @types/better-sqlite3 types fit it), kept in step with better-sqlite3's
 * releases, and built by the same prebuild/node-gyp path, so the Electron build in .native/ works
 * as before. Building better-sqlite3 against a SQLCipher amalgamation ourselves was weighed and not
 * taken: we would own a patched native build, its OpenSSL dependency on every platform and every
 * upstream update. We use its SQLCipher v4 scheme (AES-256-CBC + HMAC-SHA512 per page) rather
 * than the default ChaCha20 one, so a case database can be opened with stock SQLCipher tools
 * (for recovery) given its raw key.
 */

export type DatabaseKey = Buffer;

export class WrongDatabaseKeyError extends Error {
  constructor(readonly file: string) {
    super(`The case database ${file} cannot be decrypted with this key (wrong passphrase or keychain entry, or not a Groundwork database). The file has not been changed.`);
    this.name = 'WrongDatabaseKeyError';
  }
}

export interface OpenSqliteOptions {
  /** The compiled addon to load; the Electron app passes its Electron-ABI build. */
  readonly nativeBinding?: string;
  readonly readonly?: boolean;
  readonly fileMustExist?: boolean;
  /** 32 bytes: the file is SQLCipher-v4 encrypted with it as a raw key. Without it: a plaintext file. */
  readonly key?: DatabaseKey;
}

/** The first 16 bytes of every plaintext SQLite file; an encrypted file starts with its random salt. */
const plainHeader = Buffer.from('SQLite format 3\0', 'latin1');

export const isPlaintextSqlite = (header: Buffer): boolean => header.length >= 16 && header.subarray(0, 16).equals(plainHeader);

const applyKey = (db: Database, key: DatabaseKey): void => {
  if (key.length !== 32) throw new Error('A database key is 32 bytes');
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  // A raw key (x'…'): it is already 256 random bits, so SQLCipher's PBKDF2 stretch is skipped.
  db.pragma(`key = "x'${key.toString('hex')}'"`);
  // A build without the cipher ignores these pragmas and would write plaintext: refuse it.
  if (db.pragma('cipher', { simple: true }) !== 'sqlcipher') {
    throw new Error('This SQLite build has no encryption; refusing to open the case database unencrypted.');
  }
};

/** Opens a SQLite file through the cipher build, keyed when a key is given; checks the key reads the file. */
export const openSqliteFile = (file: string, options: OpenSqliteOptions = {}): Database => {
  const db = new CipherSqlite(file, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    readonly: options.readonly ?? false,
    fileMustExist: options.fileMustExist ?? false,
  }) as unknown as Database;
  try {
    if (options.key) applyKey(db, options.key);
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_NOTADB') throw new WrongDatabaseKeyError(file);
      throw error;
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
};

/** Encrypts an open plaintext connection's file in place (rollback-journal mode only). */
export const encryptInPlace = (db: Database, key: DatabaseKey): void => {
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`rekey = "x'${key.toString('hex')}'"`);
};
