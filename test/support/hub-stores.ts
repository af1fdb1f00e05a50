import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { HubStore } from '../../hub/store/hub-store';
import { openHubStore } from '../../hub/store/open-hub-store';
import { openPostgresDriver } from '../../hub/store/postgres-driver';
import { openSqliteDriver } from '../../hub/store/sqlite-driver';
import { startPostgres, type TestPostgres } from './postgres';

export type StoreKind = 'sqlite' | 'postgres';
export const storeKinds: readonly StoreKind[] = ['sqlite', 'postgres'];

/**
 * One PostgreSQL cluster per test file (started lazily, stopped after the file); each call gives
 * a fresh empty store of the asked kind: where it lives, and an opener for it.
 */
export const useHubStores = (): {
  location(kind: StoreKind): Promise<{ dataDir: string; databaseUrl: string | undefined }>;
  open(kind: StoreKind, migrate?: boolean): Promise<HubStore>;
} => {
  let cluster: TestPostgres | undefined;
  const opened: HubStore[] = [];
  const dirs: string[] = [];
  afterAll(async () => {
    for (const store of opened.splice(0)) await store.close().catch(() => undefined);
    cluster?.stop();
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  const location = async (kind: StoreKind) => {
    // Not tempDir(): hub processes outlive a single test, so these go when the file ends.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-hub-'));
    dirs.push(dataDir);
    if (kind === 'sqlite') return { dataDir, databaseUrl: undefined };
    cluster ??= await startPostgres();
    return { dataDir, databaseUrl: await cluster.newDatabase() };
  };
  return {
    location,
    open: async (kind, migrate = true) => {
      const where = await location(kind);
      let store: HubStore;
      if (migrate) store = await openHubStore(where);
      else store = new HubStore(where.databaseUrl ? openPostgresDriver(where.databaseUrl) : openSqliteDriver(path.join(where.dataDir, 'hub.sqlite')));
      opened.push(store);
      return store;
    },
  };
};
