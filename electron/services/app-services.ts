import fs from 'node:fs';
import type { Database } from 'better-sqlite3';
import { databaseFileIn } from './data-dir';
import { openDatabase } from './db/open-database';
import { deviceId } from './db/device-clock';
import type { AppInfo } from '../../shared/domain/app-info';

export const appVersion = '0.1.0';

/** Everything a handler needs: the open database and where it lives. */
export interface AppServices {
  readonly db: Database;
  readonly dataDir: string;
  readonly databaseFile: string;
  readonly transport: AppInfo['transport'];
  close(): void;
}

export interface OpenServicesOptions {
  readonly transport: AppInfo['transport'];
  readonly nativeBinding?: string;
}

export const openAppServices = (dataDir: string, options: OpenServicesOptions): AppServices => {
  fs.mkdirSync(dataDir, { recursive: true });
  const databaseFile = databaseFileIn(dataDir);
  const db = openDatabase(databaseFile, { nativeBinding: options.nativeBinding });
  db.transaction(() => deviceId(db))();
  return {
    db,
    dataDir,
    databaseFile,
    transport: options.transport,
    close: () => db.close(),
  };
};
