import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../../../electron/services/db/open-database';
import { databaseFileIn } from '../../../electron/services/data-dir';
import { seedCases } from '../../support/seed-cases';

/** What a data directory holds, as a digest a reopened one must match. */
export const contentDigest = (db: Database): { customers: number; cases: number; answers: number; digest: string } => {
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const hash = crypto.createHash('sha256');
  for (const query of [
    'SELECT id, name FROM customers ORDER BY id',
    'SELECT id, customer_id, engineer, status FROM cases ORDER BY id',
    'SELECT id, value, note FROM answers ORDER BY id',
    'SELECT seq, table_name, row_id FROM outbox ORDER BY seq',
  ]) {
    for (const row of db.prepare(query).raw().iterate()) hash.update(JSON.stringify(row));
  }
  return { customers: count('customers'), cases: count('cases'), answers: count('answers'), digest: hash.digest('hex') };
};

export const plaintextCustomer = 'Quokka Holdings Plaintext 4417';
export const legacyBlob = Buffer.from(`evidence photo bytes of ${plaintextCustomer}`);

/**
 * A data directory as an earlier, unencrypted Groundwork left it after a crash: a plaintext
 * database whose recent writes are still only in its -wal, a plaintext attachment, and the CLI's
 * plaintext hub-token file. Returns the expected content.
 */
export const writePlaintextDataDir = (dir: string, cases: number): ReturnType<typeof contentDigest> => {
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  fs.chmodSync(dir, 0o755);
  const file = databaseFileIn(dir);
  const db = openDatabase(file);
  db.pragma('wal_autocheckpoint = 0');
  seedCases(db, { cases, interviewed: Math.max(1, Math.floor(cases / 50)) });
  db.prepare("UPDATE customers SET name = ? WHERE rowid = (SELECT min(rowid) FROM customers)").run(plaintextCustomer);
  const expected = contentDigest(db);
  // Copied while still open: the main file and the -wal as they are on disk after a crash.
  const template = `${file}.copy`;
  fs.copyFileSync(file, template);
  fs.copyFileSync(`${file}-wal`, `${template}-wal`);
  db.close();
  fs.renameSync(template, file);
  fs.renameSync(`${template}-wal`, `${file}-wal`);
  fs.rmSync(`${file}-shm`, { force: true });
  const sha = crypto.createHash('sha256').update(legacyBlob).digest('hex');
  fs.mkdirSync(path.join(dir, 'blobs', sha.slice(0, 2)), { recursive: true });
  fs.writeFileSync(path.join(dir, 'blobs', sha.slice(0, 2), sha), legacyBlob);
  fs.writeFileSync(path.join(dir, 'hub-token'), 'gwt_plaintext_token_from_an_old_cli\n');
  return expected;
};

export const legacyBlobSha = crypto.createHash('sha256').update(legacyBlob).digest('hex');
