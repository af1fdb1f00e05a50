import BetterSqlite3 from 'better-sqlite3';
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

/**
 * Opens (or creates) the case database: refuses a file from a newer schema before touching it,
 * then WAL, foreign keys, full fsync on commit (an acknowledged write survives power loss), migrations.
 */
export const openDatabase = (file: string, options: OpenDatabaseOptions = {}): Database => {
  const list = options.migrations ?? allMigrations;
  const supported = options.migrations ? list.reduce((m, x) => Math.max(m, x.version), 0) : latestSchemaVersion;
  const db = new BetterSqlite3(file, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    readonly: options.readonly ?? false,
  });
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
