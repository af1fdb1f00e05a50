import fs from 'node:fs';
import path from 'node:path';
import { encryptInPlace, isPlaintextSqlite, openSqliteFile, type DatabaseKey } from './sqlite-cipher';
import { fsyncDir, fsyncFile, makePrivate } from './private-files';

const readHeader = (file: string): Buffer | null => {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const header = Buffer.alloc(16);
    const read = fs.readSync(fd, header, 0, 16, 0);
    return header.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
};

/** True when `file` is an existing, non-empty, unencrypted SQLite database. */
export const isPlaintextDatabase = (file: string): boolean => {
  const header = readHeader(file);
  return header !== null && isPlaintextSqlite(header);
};

export const encryptingCopyOf = (file: string): string => `${file}.encrypting`;

const removeLeftovers = (file: string): void => {
  // A copy being encrypted when the process died never became the database: start it again.
  for (const leftover of [encryptingCopyOf(file), `${encryptingCopyOf(file)}-journal`]) fs.rmSync(leftover, { force: true });
};

const shapeOf = (file: string, nativeBinding: string | undefined, key?: DatabaseKey): string => {
  const db = openSqliteFile(file, { nativeBinding, key, readonly: true, fileMustExist: true });
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`quick_check: ${String(check)}`);
    const version = db.pragma('user_version', { simple: true }) as number;
    const objects = db.prepare('SELECT type, name FROM sqlite_master ORDER BY type, name').all();
    return JSON.stringify({ version, objects });
  } finally {
    db.close();
  }
};

/**
 * Encrypts an existing plaintext case database, crash-safely: whenever the process dies, the
 * file at `file` is either the old plaintext database or the new encrypted one, whole.
 *  1. fold the WAL into the main file and leave WAL mode (SQLite's own checkpoint is crash-safe),
 *     so no plaintext -wal can ever sit beside the encrypted file;
 *  2. copy it beside (`.encrypting`), encrypt the copy in place (rekey), fsync it, check it opens
 *     with the key and has the same schema;
 *  3. rename it over the original (atomic) and fsync the directory.
 * Returns true when it encrypted something.
 */
export const encryptPlaintextDatabase = (file: string, key: DatabaseKey, nativeBinding?: string): boolean => {
  removeLeftovers(file);
  if (!isPlaintextDatabase(file)) return false;
  const plain = openSqliteFile(file, { nativeBinding, fileMustExist: true });
  try {
    plain.pragma('wal_checkpoint(TRUNCATE)');
    const mode = plain.pragma('journal_mode = DELETE', { simple: true });
    if (mode !== 'delete') {
      throw new Error('The case database is open in another Groundwork window or command; close it so the database can be encrypted. Nothing has been changed.');
    }
  } finally {
    plain.close();
  }
  const wal = `${file}-wal`;
  if (fs.existsSync(wal) && fs.statSync(wal).size > 0) throw new Error('The case database still has a write-ahead log after its checkpoint; nothing has been changed.');
  fs.rmSync(wal, { force: true });
  fs.rmSync(`${file}-shm`, { force: true });

  const copy = encryptingCopyOf(file);
  fs.copyFileSync(file, copy);
  makePrivate(copy);
  const target = openSqliteFile(copy, { nativeBinding, fileMustExist: true });
  try {
    encryptInPlace(target, key);
  } finally {
    target.close();
  }
  fsyncFile(copy);
  if (shapeOf(copy, nativeBinding, key) !== shapeOf(file, nativeBinding)) throw new Error('The encrypted copy of the case database does not match the original; the original has not been changed.');
  fs.renameSync(copy, file);
  fsyncDir(path.dirname(file));
  return true;
};
