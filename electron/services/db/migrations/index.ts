import type { Migration } from './migration';
import { coreTables } from './0001-core-tables';

/** Every migration, in order. Append only: a shipped migration is never edited. */
export const migrations: readonly Migration[] = [coreTables];

export const latestSchemaVersion = migrations.reduce((max, m) => Math.max(max, m.version), 0);
