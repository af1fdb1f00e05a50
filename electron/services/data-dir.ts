import os from 'node:os';
import path from 'node:path';

export const productName = 'Groundwork';

/**
 * Where Electron's `app.getPath('userData')` puts a product's data on each platform; the CLI
 * uses the same place so both see one case history.
 */
export const platformUserDataDir = (
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string => {
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), productName);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', productName);
  return path.posix.join(env.XDG_CONFIG_HOME ?? path.posix.join(home, '.config'), productName);
};

/** `--data-dir` wins, then GROUNDWORK_DATA_DIR, then the platform's user-data folder. */
export const resolveDataDir = (
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  fallback: () => string = () => platformUserDataDir(),
): string => path.resolve(flag ?? env.GROUNDWORK_DATA_DIR ?? fallback());

export const databaseFileIn = (dataDir: string): string => path.join(dataDir, 'groundwork.sqlite');
