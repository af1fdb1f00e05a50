import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { hubDatabaseFile } from './open-hub-store';

/**
 * A consistent copy of the embedded store while the hub keeps serving (SQLite's online backup:
 * pages are copied in steps, writes in between are picked up). Opens the file read-only and never
 * migrates it, so a backup taken before an upgrade is the old schema, as it should be.
 * PostgreSQL stores are backed up with pg_dump (hub/README.md).
 */
export const backupSqliteStore = async (dataDir: string, outFile: string): Promise<{ file: string; bytes: number }> => {
  const source = hubDatabaseFile(dataDir);
  if (!fs.existsSync(source)) throw new Error(`No hub store at ${source}`);
  if (fs.existsSync(outFile)) throw new Error(`${outFile} exists already; give a new file name`);
  const db = new BetterSqlite3(source, { readonly: true, fileMustExist: true });
  const partial = `${outFile}.partial`;
  try {
    await db.backup(partial);
  } finally {
    db.close();
  }
  fs.renameSync(partial, outFile);
  return { file: outFile, bytes: fs.statSync(outFile).size };
};
