import fs from 'node:fs';
import type { Database } from 'better-sqlite3';
import { databaseFileIn } from './data-dir';
import { openDatabase } from './db/open-database';
import { deviceId } from './db/device-clock';
import type { AppInfo } from '../../shared/domain/app-info';
import { createDeviceLogging, logDirIn, type Log, type Logging } from './log/logger';
import { deriveKeys } from './at-rest/derived-keys';
import { encryptPlaintextDatabase } from './at-rest/encrypt-database';
import { encryptedBlobStore, sealPlaintextAttachments, sealPlaintextBlobs, type BlobStore } from './at-rest/blob-store';
import { keyFileIn } from './at-rest/key-file';
import { keychainAccount, type KeyProtection, type KeySource } from './at-rest/key-sources';
import { ensurePrivateDir, makePrivate, makeTreePrivate } from './at-rest/private-files';
import { openSqliteFile } from './at-rest/sqlite-cipher';
import { unlockMasterKey } from './at-rest/unlock';
import { readKeyProtection, recordKeyProtection } from './at-rest/protection-record';
import { ProbeRunManager } from './probes/probe-run-manager';
import { pdfPrinting, type PdfPrinting } from './reports/pdf-printing';
import type { PdfPrinter } from './reports/chromium-pdf';
import { createSyncRuntime, type SyncRuntime } from './sync/sync-runtime';
import { appVersion } from '../../shared/app-version';
import type { FolderOpener } from './diagnostics/diagnostics';
import { asTokenStore, databaseSecret, keychainSecret, legacyTokenFilesIn, migrateLegacyTokenFiles, type TokenStore } from './sync/token-store';

export { appVersion } from '../../shared/app-version';

/** Everything a handler needs: the open database, where it lives, the log, and what protects the data. */
export interface AppServices {
  readonly db: Database;
  /** The structured log (pino API); log ids, never names or answers. Same as `logging.log`. */
  readonly log: Log;
  /** Where the log goes, the current operation id, recent errors (diagnostics). */
  readonly logging: Logging;
  readonly dataDir: string;
  readonly databaseFile: string;
  readonly transport: AppInfo['transport'];
  /** How the database key is held; a weak fallback carries its warning. */
  readonly keyProtection: KeyProtection;
  /** True when this open recorded a new protection (new key, migration, changed method): the CLI prints its warning then. */
  readonly keyProtectionIsNew: boolean;
  /** What unlocked the key: setting a passphrase in the app unwraps it again through this. */
  readonly keySource: KeySource;
  /** Evidence and attachments, encrypted with a key derived from the same master key. */
  readonly blobs: BlobStore;
  /** The hub token: in the OS keychain, or inside the encrypted database. */
  readonly tokenStore: TokenStore;
  /** Sync tuning (tests, benchmark) and the queue that keeps one sync at a time. */
  readonly sync: SyncRuntime;
  /** Probe runs in progress on this database, however many transports serve it. */
  readonly probeRuns: ProbeRunManager;
  /** PDF printing: Electron's printToPDF in the app, headless Chromium in the CLI and tests. */
  readonly pdf: PdfPrinting;
  /** Opens a folder in the file manager: Electron's shell in the app; null in the bridge and the CLI (the path is shown instead). */
  readonly openFolder: FolderOpener | null;
  /** Another connection to the same encrypted file (benchmarks' references, tests' checks). */
  openConnection(options?: { readonly readonly?: boolean }): Database;
  close(): void;
}

export interface OpenServicesOptions {
  readonly transport: AppInfo['transport'];
  /** Where the master key comes from: never implicit, so a missing keychain is never a silent plaintext. */
  readonly keySource: KeySource;
  readonly nativeBinding?: string;
  /** The log to use; omitted, rotating files in `<dataDir>/logs` (closed with the services). */
  readonly logging?: Logging;
  /** The app's printToPDF; omitted, headless Chromium started on the first PDF (closed with the services). */
  readonly pdfPrinter?: PdfPrinter;
  /** The app's shell.openPath (only electron/main may use Electron); omitted, folders are shown, not opened. */
  readonly openFolder?: FolderOpener;
}

/** A new database file is created 0600 before SQLite opens it; its -wal and -shm take the same mode. */
const privateDatabaseFiles = (file: string): void => {
  if (!fs.existsSync(file)) fs.closeSync(fs.openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) makePrivate(f);
};

interface OpenedStore {
  db: Database;
  keyProtection: KeyProtection;
  keyProtectionIsNew: boolean;
  blobs: BlobStore;
  tokenStore: TokenStore;
  openConnection: AppServices['openConnection'];
}

/** Key, crash-safe encryption of plaintext data from an earlier version, the database, the token. */
const openEncryptedStore = (dataDir: string, options: OpenServicesOptions): OpenedStore => {
  const databaseFile = databaseFileIn(dataDir);
  const { master, keyFile } = unlockMasterKey(keyFileIn(dataDir), databaseFile, options.keySource);
  const keys = deriveKeys(master);
  const wasPlaintext = encryptPlaintextDatabase(databaseFile, keys.database, options.nativeBinding);
  privateDatabaseFiles(databaseFile);
  const db = openDatabase(databaseFile, { nativeBinding: options.nativeBinding, key: keys.database });
  try {
    privateDatabaseFiles(databaseFile);
    const keyProtection: KeyProtection = { method: options.keySource.method, warning: options.keySource.warning };
    // Blobs from before encryption are sealed once; the record is written after, so a crash in between seals again.
    if (wasPlaintext || !readKeyProtection(db)) sealPlaintextBlobs(dataDir, keys.blobs);
    const keyProtectionIsNew = recordKeyProtection(db, keyProtection);
    db.transaction(() => deviceId(db))();
    const keeper = options.keySource.keeper;
    const tokenSecret = keeper ? keychainSecret(keeper, keychainAccount(keyFile.id, 'hub-token')) : databaseSecret(db, 'hub-token');
    migrateLegacyTokenFiles(legacyTokenFilesIn(dataDir), tokenSecret);
    const blobs = encryptedBlobStore(dataDir, keys.blobs);
    // Evidence written to attachments/ in plaintext (before it went through the blob store) moves in.
    sealPlaintextAttachments(dataDir, blobs);
    return {
      db,
      keyProtection,
      keyProtectionIsNew,
      blobs,
      tokenStore: asTokenStore(tokenSecret, keyProtection.warning),
      openConnection: (o = {}) => openSqliteFile(databaseFile, { nativeBinding: options.nativeBinding, key: keys.database, readonly: o.readonly ?? false }),
    };
  } catch (error) {
    db.close();
    throw error;
  }
};

export const openAppServices = (dataDir: string, options: OpenServicesOptions): AppServices => {
  ensurePrivateDir(dataDir);
  // Logs an earlier version wrote before the folder was private.
  makeTreePrivate(logDirIn(dataDir));
  const ownLogging = options.logging ? null : createDeviceLogging({ dir: logDirIn(dataDir) });
  const logging = options.logging ?? (ownLogging as Logging);
  let store: OpenedStore;
  try {
    store = openEncryptedStore(dataDir, options);
  } catch (error) {
    logging.log.error({ err: error }, 'cannot open the case database');
    ownLogging?.close();
    throw error;
  }
  const pdf = pdfPrinting(options.pdfPrinter);
  return {
    ...store,
    sync: createSyncRuntime(),
    probeRuns: new ProbeRunManager(store.db, appVersion, logging.log),
    pdf,
    openFolder: options.openFolder ?? null,
    log: logging.log,
    logging,
    dataDir,
    databaseFile: databaseFileIn(dataDir),
    transport: options.transport,
    keySource: options.keySource,
    close: () => {
      // Chromium's exit needs no answer from us; whoever must wait for it awaits services.pdf.close() first.
      pdf.close().catch((error: unknown) => logging.log.warn({ err: error }, 'headless Chromium did not close cleanly; it exits with this process'));
      store.db.close();
      ownLogging?.close();
    },
  };
};
