import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteFile, type DatabaseKey } from '../at-rest/sqlite-cipher';
import type { Database } from 'better-sqlite3';
import { migrations as allMigrations, latestSchemaVersion } from './migrations/index';
import type { Migration } from './migrations/migration';

export class NewerDatabaseError extends Error {
  constructor(
    readonly file: string,
    readonly fileVersion: number,
    readonly supportedVersion: number,
  ) {
    super(
      `The case database ${file} was written by a newer Groundwork (schema ${fileVersion}; this version understands up to ${supportedVersion}). ` +
        'Update Groundwork to open it. The file has not been changed.',
    );
    this.name = 'NewerDatabaseError';
  }
}

export interface OpenDatabaseOptions {
  /** The compiled better-sqlite3 addon to load; the Electron app passes its Electron-ABI build. */
  readonly nativeBinding?: string;
  readonly readonly?: boolean;
  /** The case database's key (SQLCipher v4, raw). Only migration tests open a plaintext file without one. */
  readonly key?: DatabaseKey;
  /** For migration tests: stop at this schema version. */
  readonly targetVersion?: number;
  readonly migrations?: readonly Migration[];
}

export const schemaVersionOf = (db: Database): number => db.pragma('user_version', { simple: true }) as number;

/**
 * Migrations are numbered 1, 2, 3 … with no gaps: a new one always takes the next number above the
 * highest shipped one, so a database's version names exactly the prefix of the list it has applied
 * (reserved ranges would let a database at 41 silently skip a migration added later as 15).
 */
export const checkMigrationList = (list: readonly Migration[]): void => {
  list.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration ${migration.name} is numbered ${migration.version}; the next number is ${index + 1}`);
    }
  });
};

/** Applies, each in its own transaction, the migrations above the file's version. */
export const migrate = (db: Database, list: readonly Migration[], targetVersion: number): void => {
  checkMigrationList(list);
  for (const migration of list) {
    if (migration.version > targetVersion || migration.version <= schemaVersionOf(db)) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
};

const sqliteMagic = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * The schema version of a database file without changing a byte of it, its -wal or its -shm.
 * Any SQLite connection to the file itself may fold a leftover WAL in or rewrite the -shm
 * (even read-only, on recovery), so: with no WAL or journal beside it, the plaintext header holds
 * the committed version (user_version, bytes 60-63, https://sqlite.org/fileformat.html); otherwise
 * (a leftover WAL, or a header this code cannot read) a copy of the main file and its WAL is
 * opened instead. better-sqlite3 takes no `immutable=1` URI, and that would ignore the WAL anyway.
 */
export const peekSchemaVersion = (file: string, connect: (target: string) => Database): number => {
  const sidecars = [`${file}-wal`, `${file}-journal`].filter((f) => fs.existsSync(f) && fs.statSync(f).size > 0);
  if (sidecars.length === 0) {
    const header = Buffer.alloc(100);
    const fd = fs.openSync(file, 'r');
    let read: number;
    try {
      read = fs.readSync(fd, header, 0, 100, 0);
    } finally {
      fs.closeSync(fd);
    }
    if (read === 0) return 0; // an empty file is a new database
    if (read === 100 && header.subarray(0, 16).equals(sqliteMagic)) return header.readUInt32BE(60);
  }
  // Beside the file, so the copy stays inside the (private) data directory; /tmp if that is read-only.
  let dir: string;
  try {
    dir = fs.mkdtempSync(path.join(path.dirname(file), '.version-check-'));
  } catch {
    // handled: the copy goes to the system temp directory instead; nothing is lost.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-version-check-'));
  }
  try {
    const copy = path.join(dir, 'check.sqlite');
    fs.copyFileSync(file, copy);
    if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
    if (fs.existsSync(`${file}-journal`)) fs.copyFileSync(`${file}-journal`, `${copy}-journal`);
    const db = connect(copy);
    try {
      return schemaVersionOf(db);
    } finally {
      db.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

/**
 * Opens (or creates) the case database: refuses a file from a newer schema before touching it,
 * then WAL, foreign keys, full fsync on commit (an acknowledged write survives power loss), migrations.
 */
export const openDatabase = (file: string, options: OpenDatabaseOptions = {}): Database => {
  const list = options.migrations ?? allMigrations;
  const supported = options.migrations ? list.reduce((m, x) => Math.max(m, x.version), 0) : latestSchemaVersion;
  const connect = (target: string, readonly: boolean): Database =>
    openSqliteFile(target, { nativeBinding: options.nativeBinding, readonly, key: options.key });
  // Checked on the side first: "The file has not been changed" must stay true, WAL and all.
  if (fs.existsSync(file)) {
    const peeked = peekSchemaVersion(file, (copy) => connect(copy, false));
    if (peeked > supported) throw new NewerDatabaseError(file, peeked, supported);
  }
  const db = connect(file, options.readonly ?? false);
  try {
    const fileVersion = schemaVersionOf(db);
    if (fileVersion > supported) throw new NewerDatabaseError(file, fileVersion, supported);
    if (options.readonly) return db;
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, list, options.targetVersion ?? supported);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
};
