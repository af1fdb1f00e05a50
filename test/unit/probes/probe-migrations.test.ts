import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersionOf } from '../../../electron/services/db/open-database';
import { tempDir } from '../../support/temp-dir';

const seedCase = (db: BetterSqlite3.Database) => {
  db.prepare("INSERT INTO customers (id, name, created_at, updated_at, origin_device) VALUES ('cu', 'A', 'x', 'y', 'd')").run();
  db.prepare("INSERT INTO cases (id, customer_id, created_at, updated_at, origin_device) VALUES ('k', 'cu', 'x', 'y', 'd')").run();
};

const insertRun = (db: BetterSqlite3.Database, id: string, fields: Partial<Record<string, string | null>> = {}) =>
  db
    .prepare(
      `INSERT INTO probe_runs (id, case_id, status, source, probe_ids, targets, sweep_authorisation, bundle_sha256, started_at, created_at, updated_at, origin_device)
       VALUES (@id, @case_id, @status, @source, @probe_ids, @targets, @sweep, @sha, 'now', 'x', 'y', 'd')`,
    )
    .run({ id, case_id: 'k', status: 'running', source: 'app', probe_ids: '["dns"]', targets: '{}', sweep: null, sha: null, ...fields });

describe('migration 2: probe runs', () => {
  const at2 = () => openDatabase(path.join(tempDir(), 'm2.sqlite'), { targetVersion: 2 });

  it('creates probe_runs as a STRICT syncable table', () => {
    const db = at2();
    expect(schemaVersionOf(db)).toBe(2);
    const sql = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'probe_runs'").get() as { sql: string }).sql;
    expect(sql).toMatch(/STRICT/);
    for (const column of ['updated_at', 'deleted', 'origin_device', 'sweep_authorisation', 'bundle_sha256']) expect(sql).toContain(column);
    seedCase(db);
    insertRun(db, 'r1');
    db.close();
  });

  it('rejects an unknown status or source, bad JSON, a dangling case, and the same bundle twice on a case', () => {
    const db = at2();
    seedCase(db);
    expect(() => insertRun(db, 'r2', { status: 'done' })).toThrow(/CHECK/);
    expect(() => insertRun(db, 'r3', { source: 'email' })).toThrow(/CHECK/);
    expect(() => insertRun(db, 'r4', { targets: '{not json' })).toThrow(/CHECK/);
    expect(() => insertRun(db, 'r5', { case_id: 'nobody' })).toThrow(/FOREIGN KEY/);
    insertRun(db, 'r6', { sha: 'abc' });
    expect(() => insertRun(db, 'r7', { sha: 'abc' })).toThrow(/UNIQUE/);
    db.close();
  });
});

describe('migration 3: probe results', () => {
  const at3 = () => openDatabase(path.join(tempDir(), 'm3.sqlite'), { targetVersion: 3 });
  const insertResult = (db: BetterSqlite3.Database, id: string, fields: Partial<Record<string, string | number>> = {}) =>
    db
      .prepare(
        `INSERT INTO probe_results (id, run_id, probe_id, title, status, started_at, duration_ms, metrics, samples, details, created_at, updated_at, origin_device)
         VALUES (@id, @run_id, @probe_id, 'T', @status, 'now', @duration_ms, @metrics, '[]', '{}', 'x', 'y', 'd')`,
      )
      .run({ id, run_id: 'r1', probe_id: 'dns', status: 'ok', duration_ms: 12.5, metrics: '{"dns.lookup_ms_p50": 3}', ...fields });

  it('creates probe_results beside probe_runs, one live result per probe per run', () => {
    const db = at3();
    expect(schemaVersionOf(db)).toBe(3);
    seedCase(db);
    insertRun(db, 'r1');
    insertResult(db, 'p1');
    expect(() => insertResult(db, 'p2')).toThrow(/UNIQUE/);
    db.prepare("UPDATE probe_results SET deleted = 1 WHERE id = 'p1'").run();
    insertResult(db, 'p3');
    db.close();
  });

  it('rejects a status outside the five, a negative duration, bad JSON and a dangling run', () => {
    const db = at3();
    seedCase(db);
    insertRun(db, 'r1');
    expect(() => insertResult(db, 'a', { status: 'meh' })).toThrow(/CHECK/);
    expect(() => insertResult(db, 'b', { duration_ms: -1 })).toThrow(/CHECK/);
    expect(() => insertResult(db, 'c', { metrics: '{' })).toThrow(/CHECK/);
    expect(() => insertResult(db, 'd', { run_id: 'nope' })).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
