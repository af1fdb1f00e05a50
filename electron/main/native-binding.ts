import path from 'node:path';
import fs from 'node:fs';
import { app } from 'electron';

/**
 * better-sqlite3-multiple-ciphers (the cipher build the case database needs) compiled for Electron's ABI. From a checkout, `npm start` builds it into
 * .native/ (node_modules keeps Node's build for tests and the CLI); a packaged app has it rebuilt
 * in place by electron-builder, so the default binding is right there.
 */
export const electronSqliteBinding = (): string | undefined => {
  if (app.isPackaged) return undefined;
  const file = path.join(
    app.getAppPath(),
    '.native',
    `electron-${process.versions.electron}-${process.platform}-${process.arch}`,
    'better_sqlite3_multiple_ciphers.node',
  );
  if (!fs.existsSync(file)) {
    throw new Error(`The Electron build of better-sqlite3-multiple-ciphers is missing (${file}). Start the app with \`npm start\`, which builds it.`);
  }
  return file;
};
