import { app } from 'electron';
import electronUpdater from 'electron-updater';
import type { AppServices } from '../services/app-services';
import { updateFeedSource } from '../services/updates/update-feed-source';

const checkEveryMs = 6 * 60 * 60_000;

/**
 * Checks the partner hub's update feed (hub/updates/update-feed.ts) at start and every six hours
 * while enrolled; a new version downloads in the background and installs when the app quits.
 * Packaged builds only: a checkout has no installer to replace.
 */
export const startAppUpdates = (services: AppServices): (() => void) => {
  if (!app.isPackaged) return () => undefined;
  const { autoUpdater } = electronUpdater;
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.on('error', (error) => services.log.warn({ err: error }, 'update check failed; the app keeps running its current version'));
  autoUpdater.on('update-downloaded', (info) => services.log.info({ version: info.version }, 'update downloaded; installs on quit'));
  let lastUrl: string | undefined;
  const check = async (): Promise<void> => {
    const source = await updateFeedSource(services);
    if (!source) return;
    if (source.url !== lastUrl) {
      autoUpdater.setFeedURL({ provider: 'generic', url: source.url });
      lastUrl = source.url;
    }
    autoUpdater.requestHeaders = { ...source.headers };
    await autoUpdater.checkForUpdates();
  };
  const run = () =>
    void check().catch((error: unknown) => services.log.warn({ err: error }, 'update check failed; the next one runs in six hours'));
  run();
  const timer = setInterval(run, checkEveryMs);
  return () => clearInterval(timer);
};
