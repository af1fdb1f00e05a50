import fs from 'node:fs';
import type { Database } from 'better-sqlite3';
import { databaseFileIn } from './data-dir';
import { openDatabase } from './db/open-database';
import { deviceId } from './db/device-clock';
import type { AppInfo } from '../../shared/domain/app-info';
import { createDeviceLogging, logDirIn, type Log, type Logging } from './log/logger';

export { appVersion } from '../../shared/app-version';

/** Everything a handler needs: the open database, where it lives, and the log. */
export interface AppServices {
  readonly db: Database;
  /** The structured log (pino API); log ids, never names or answers. Same as `logging.log`. */
  readonly log: Log;
  /** Where the log goes, the current operation id, recent errors (diagnostics). */
  readonly logging: Logging;
  readonly dataDir: string;
  readonly databaseFile: string;
  readonly transport: AppInfo['transport'];
  close(): void;
}

export interface OpenServicesOptions {
  readonly transport: AppInfo['transport'];
  readonly nativeBinding?: string;
  /** The log to use; omitted, rotating files in `<dataDir>/logs` (closed with the services). */
  readonly logging?: Logging;
}

export const openAppServices = (dataDir: string, options: OpenServicesOptions): AppServices => {
  fs.mkdirSync(dataDir, { recursive: true });
  const ownLogging = options.logging ? null : createDeviceLogging({ dir: logDirIn(dataDir) });
  const logging = options.logging ?? (ownLogging as Logging);
  const databaseFile = databaseFileIn(dataDir);
  let db: Database;
  try {
    db = openDatabase(databaseFile, { nativeBinding: options.nativeBinding });
    db.transaction(() => deviceId(db))();
  } catch (error) {
    logging.log.error({ err: error }, 'cannot open the case database');
    ownLogging?.close();
    throw error;
  }
  return {
    db,
    log: logging.log,
    logging,
    dataDir,
    databaseFile,
    transport: options.transport,
    close: () => {
      db.close();
      ownLogging?.close();
    },
  };
};
