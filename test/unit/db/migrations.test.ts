import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations, latestSchemaVersion } from '../../../electron/services/db/migrations/index';
import { NewerDatabaseError, checkMigrationList, openDatabase, schemaVersionOf } from '../../../electron/services/db/open-database';
import { tempDir } from '../../support/temp-dir';

const tablesOf = (db: BetterSqlite3.Database): string[] =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map(
    (r) => r.name,
  );

describe('migrations', () => {
  it('are numbered 1, 2, 3 … without gaps and end at the latest version', () => {
    const versions = migrations.map((m) => m.version);
    expect(versions).toEqual(versions.map((_, i) => i + 1));
    expect(latestSchemaVersion).toBe(versions.at(-1));
  });

  it('a list with a gap or a reserved number is refused before anything is applied', () => {
    const gap = [...migrations, { version: latestSchemaVersion + 2, name: 'numbered past a gap', up: () => undefined }];
    expect(() => checkMigrationList(gap)).toThrow(/numbered .* the next number is/);
    const file = path.join(tempDir(), 'gap.sqlite');
    expect(() => openDatabase(file, { migrations: gap })).toThrow(/the next number is/);
  });

  it('a database from a newer Groundwork is refused and left byte-for-byte untouched', () => {
    const file = path.join(tempDir(), 'future.sqlite');
    const future = new BetterSqlite3(file);
    future.exec('CREATE TABLE from_the_future (x TEXT) STRICT');
    future.pragma(`user_version = ${latestSchemaVersion + 7}`);
    future.close();
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file)).toThrow(NewerDatabaseError);
    expect(() => openDatabase(file)).toThrow(/newer Groundwork/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('a newer database with a leftover WAL is refused with main, -wal and -shm byte-identical', () => {
    const file = path.join(tempDir(), 'future-wal.sqlite');
    // A newer Groundwork killed mid-run: its last commits (the version among them) are only in the WAL.
    const script = `
      const Database = require('better-sqlite3');
      const db = new Database(${JSON.stringify(file)});
      db.pragma('journal_mode = WAL');
      db.pragma('wal_autocheckpoint = 0');
      db.exec("CREATE TABLE from_the_future (x TEXT) STRICT; INSERT INTO from_the_future VALUES ('kept')");
      db.pragma('user_version = ${latestSchemaVersion + 7}');
      process.kill(process.pid, 'SIGKILL');`;
    spawnSync(process.execPath, ['-e', script], { cwd: process.cwd() });
    const sidecars = [file, `${file}-wal`, `${file}-shm`];
    const digest = () => sidecars.map((f) => createHash('sha256').update(fs.readFileSync(f)).digest('hex'));
    const before = digest();
    // The main file's own header still says 0: only reading the WAL tells the truth.
    expect(fs.readFileSync(file).readUInt32BE(60)).toBe(0);
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    expect(() => openDatabase(file)).toThrow(/newer Groundwork \(schema \d+.*The file has not been changed/);
    expect(() => openDatabase(file, { readonly: true })).toThrow(NewerDatabaseError);
    expect(digest()).toEqual(before);
    // Nothing left over from the check either.
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(sidecars.map((f) => path.basename(f)).sort());
  });

  it('a database of this version with a leftover WAL opens with everything the WAL held', () => {
    const file = path.join(tempDir(), 'crashed.sqlite');
    openDatabase(file).close();
    const script = `
      const Database = require('better-sqlite3');
      const db = new Database(${JSON.stringify(file)});
      db.pragma('wal_autocheckpoint = 0');
      db.prepare("INSERT INTO customers (id, name, created_at, updated_at, origin_device) VALUES ('c1', 'In the WAL only', 'now', 'h', 'd')").run();
      process.kill(process.pid, 'SIGKILL');`;
    spawnSync(process.execPath, ['-e', script], { cwd: process.cwd() });
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    const db = openDatabase(file);
    expect(db.prepare("SELECT name FROM customers WHERE id = 'c1'").get()).toEqual({ name: 'In the WAL only' });
    db.close();
  });

  it('a failing migration rolls back and leaves the version where it was', () => {
    const file = path.join(tempDir(), 'broken.sqlite');
    const broken = [
      ...migrations,
      {
        version: latestSchemaVersion + 1,
        name: 'fails half way',
        up: (db: BetterSqlite3.Database) => {
          db.exec('CREATE TABLE half_done (x TEXT) STRICT');
          throw new Error('boom');
        },
      },
    ];
    expect(() => openDatabase(file, { migrations: broken })).toThrow('boom');
    const db = openDatabase(file);
    expect(schemaVersionOf(db)).toBe(latestSchemaVersion);
    expect(tablesOf(db)).not.toContain('half_done');
    db.close();
  });
});

describe('migration 1: core tables', () => {
  const at1 = () => openDatabase(path.join(tempDir(), 'm1.sqlite'), { targetVersion: 1 });

  it('creates the core tables as STRICT tables', () => {
    const db = at1();
    expect(schemaVersionOf(db)).toBe(1);
    expect(tablesOf(db)).toEqual(
      expect.arrayContaining(['branding_profiles', 'cases', 'contacts', 'customers', 'device', 'outbox', 'sites']),
    );
    const sql = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'cases'").get() as { sql: string }).sql;
    expect(sql).toMatch(/STRICT/);
    db.close();
  });

  it('rejects a case status outside draft, in progress, complete and a dangling customer', () => {
    const db = at1();
    db.prepare("INSERT INTO customers (id, name, created_at, updated_at, origin_device) VALUES ('c1', 'A', 'x', 'y', 'd')").run();
    const insertCase = db.prepare(
      "INSERT INTO cases (id, customer_id, status, created_at, updated_at, origin_device) VALUES (?, ?, ?, 'x', 'y', 'd')",
    );
    expect(() => insertCase.run('k1', 'c1', 'finished')).toThrow(/CHECK/);
    expect(() => insertCase.run('k2', 'nobody', 'draft')).toThrow(/FOREIGN KEY/);
    insertCase.run('k3', 'c1', 'draft');
    expect(() => db.prepare("UPDATE cases SET archived = 'yes' WHERE id = 'k3'").run()).toThrow();
    db.close();
  });
});
