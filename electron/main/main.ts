import path from 'node:path';
import fs from 'node:fs';
import { app, type BrowserWindow, dialog, protocol, safeStorage, session, shell } from 'electron';
import { appKeySource } from './app-key-source';
import { createDispatch } from '../services/api/dispatch';
import { createHandlers } from '../services/api/handlers';
import { openAppServices, type AppServices } from '../services/app-services';
import { resolveDataDir } from '../services/data-dir';
import { rendererCsp } from '../../shared/contract/content-security-policy';
import { appHost, appScheme, rendererFileFor } from '../services/shell-policy';
import { createAppWindow } from './window-factory';
import { registerIpcHandlers } from './ipc-handlers';
import { electronSqliteBinding } from './native-binding';
import { contentTypeOf } from '../services/content-types';
import { startBackgroundSync } from '../services/sync/sync-services';
import { electronPdfPrinter } from './pdf-printer';
import { runCollector } from '../cli/collector-main';
import { startAppUpdates } from './app-updates';

protocol.registerSchemesAsPrivileged([
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);


const dataDirFlag = (): string | undefined => {
  const index = process.argv.indexOf('--data-dir');
  if (index >= 0) return process.argv[index + 1];
  return process.argv.find((a) => a.startsWith('--data-dir='))?.slice('--data-dir='.length);
};

/** Serves the built renderer from app://groundwork/ with the CSP on every response. */
const serveRenderer = (rendererDir: string): void => {
  protocol.handle(appScheme, async (request) => {
    const file = rendererFileFor(request.url, rendererDir, path.join, path.sep);
    if (!file || new URL(request.url).host !== appHost || !fs.existsSync(file)) return new Response('Not found', { status: 404 });
    return new Response(await fs.promises.readFile(file), {
      headers: {
        'content-type': contentTypeOf(file),
        'content-security-policy': rendererCsp,
        'x-content-type-options': 'nosniff',
      },
    });
  });
};

const lockDownSession = (): void => {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
};

/** An earlier version kept the app's hub token in a safeStorage file: it moves into the services' token store. */
const moveSafeStorageToken = async (opened: AppServices, file: string): Promise<void> => {
  if (!fs.existsSync(file) || !safeStorage.isEncryptionAvailable()) return;
  await opened.tokenStore.write(safeStorage.decryptString(fs.readFileSync(file)));
  fs.rmSync(file, { force: true });
};

let services: AppServices | undefined;
let stopSync: (() => void) | undefined;
let stopUpdates: (() => void) | undefined;
let mainWindow: BrowserWindow | undefined;

const start = async (): Promise<void> => {
  await app.whenReady();
  const dataDir = resolveDataDir(dataDirFlag(), process.env, () => app.getPath('userData'));
  try {
    services = openAppServices(dataDir, {
      transport: 'ipc',
      keySource: await appKeySource(dataDir),
      nativeBinding: electronSqliteBinding(),
      pdfPrinter: electronPdfPrinter,
      // "Open the log folder": Electron's shell lives here only; the services get it as a plain function.
      openFolder: (folder) => shell.openPath(folder),
    });
  } catch (error) {
    dialog.showErrorBox('Groundwork cannot open its case history', error instanceof Error ? error.message : String(error));
    app.exit(1);
    return;
  }
  await moveSafeStorageToken(services, path.join(dataDir, 'hub-token.enc'));
  stopSync = startBackgroundSync(services);
  stopUpdates = startAppUpdates(services);
  lockDownSession();
  serveRenderer(path.join(app.getAppPath(), 'dist', 'renderer'));
  registerIpcHandlers(createDispatch(createHandlers(services), services.logging), (event) => event.sender.id === mainWindow?.webContents.id);
  mainWindow = createAppWindow(path.join(app.getAppPath(), 'dist', 'electron', 'preload.cjs'));
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
};

app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});
app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => {
  stopSync?.();
  stopUpdates?.();
  services?.close();
});

// `Groundwork collect …` (or `electron . collect …` from a checkout): the app's own executable is
// the collector too, headless, no window and no case database; it exits when the bundle is written.
const userArgs = process.argv.slice(app.isPackaged ? 1 : 2);
if (userArgs[0] === 'collect') {
  app.dock?.hide();
  void runCollector([process.execPath, 'collect', ...userArgs]).then(() => app.exit(0));
} else if (!app.requestSingleInstanceLock()) app.quit();
else void start();
