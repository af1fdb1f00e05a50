import fs from 'node:fs';
import path from 'node:path';
import { HubStore } from './hub-store';
import { openPostgresDriver } from './postgres-driver';
import { openSqliteDriver } from './sqlite-driver';

export interface HubStoreOptions {
  /** Where the embedded SQLite store lives (ignored when databaseUrl is given). */
  readonly dataDir: string;
  /** A PostgreSQL connection string: DATABASE_URL. */
  readonly databaseUrl?: string | undefined;
  /** PostgreSQL connections that break between queries are reported here. */
  readonly onConnectionError?: (error: Error) => void;
}

export const hubDatabaseFile = (dataDir: string): string => path.join(dataDir, 'hub.sqlite');

/** SQLite in the data directory by default; PostgreSQL when a database URL is given. Migrated. */
export const openHubStore = async (options: HubStoreOptions): Promise<HubStore> => {
  let store: HubStore;
  if (options.databaseUrl) store = new HubStore(openPostgresDriver(options.databaseUrl, { onConnectionError: options.onConnectionError }));
  else {
    fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    store = new HubStore(openSqliteDriver(hubDatabaseFile(options.dataDir)));
  }
  try {
    await store.migrate();
    return store;
  } catch (error) {
    await store.close().catch(() => {
      // handled: the migration's error, thrown just below, is what the operator needs to read.
      return undefined;
    });
    throw error;
  }
};
