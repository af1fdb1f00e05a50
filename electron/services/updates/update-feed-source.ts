import type { AppServices } from '../app-services';
import { readSyncState } from '../sync/sync-state';

/** Where the app looks for new versions: its partner hub's feed, with the device token. */
export interface UpdateFeedSource {
  /** electron-updater generic provider URL (the channel file, e.g. latest.yml, is read below it). */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * The update feed of the hub this device is enrolled with, or null when it is not enrolled (or
 * has no token): an unenrolled app checks nothing anywhere, there is no public download site.
 */
export const updateFeedSource = async (services: AppServices): Promise<UpdateFeedSource | null> => {
  const state = readSyncState(services.db);
  if (!state) return null;
  const token = await services.tokenStore.read();
  if (!token) return null;
  return { url: `${state.hub_url.replace(/\/+$/, '')}/v1/updates/`, headers: { authorization: `Bearer ${token}` } };
};
