import type { Database } from 'better-sqlite3';

/** One step of the schema. Versions are stored in `PRAGMA user_version` and only ever grow. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: (db: Database) => void;
}
