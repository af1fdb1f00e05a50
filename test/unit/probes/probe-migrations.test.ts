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

describe('migration 18: measurements with far ends, answer provenance', () => {
  it('adds the columns; a result stored before reads back with its far end derived from its details', async () => {
    const file = path.join(tempDir(), 'm18.sqlite');
    const before = openDatabase(file, { targetVersion: 17 });
    seedCase(before);
    insertRun(before, 'r1', { status: 'complete', probe_ids: '["throughput"]' });
    // A throughput result as version 16 wrote it: a null where nothing was measured, the far end only in details.
    before
      .prepare(
        `INSERT INTO probe_results (id, run_id, probe_id, title, status, started_at, duration_ms, metrics, samples, details, created_at, updated_at, origin_device)
         VALUES ('p1', 'r1', 'throughput', 'Throughput', 'ok', 'now', 10, ?, '[]', ?, 'x', 'y', 'd')`,
      )
      .run(
        JSON.stringify({ 'throughput.upload_mbps': 9276.64, 'throughput.bufferbloat_grade': null }),
        JSON.stringify({ server: { kind: 'reflector', target: '192.168.1.20:5299' } }),
      );
    before.close();

    const db = openDatabase(file);
    expect(schemaVersionOf(db)).toBeGreaterThanOrEqual(18);
    const { getProbeRun } = await import('../../../electron/services/probes/probes-repository');
    const { resultMeasurements } = await import('../../../shared/probes/result-measurements');
    const [result] = getProbeRun(db, 'r1').results;
    const m = resultMeasurements(result!);
    // A LAN reflector measured the LAN path, not the site's internet speed.
    expect(m['throughput.upload_mbps']).toEqual({ state: 'measured', value: 9276.64, scope: 'lan', farEnd: { kind: 'lan_host', target: '192.168.1.20:5299' } });
    expect(m['throughput.bufferbloat_grade']).toMatchObject({ state: 'not_measurable' });
    expect(() => db.prepare("UPDATE probe_results SET measurements = '{oops' WHERE id = 'p1'").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO answers (id, case_id, question_id, value, created_at, updated_at, origin_device) VALUES ('a1', 'k', 'network.upload_mbps', '5', 'x', 'y', 'd')").run();
    expect(db.prepare("SELECT provenance, override_reason FROM answers WHERE id = 'a1'").get()).toEqual({ provenance: null, override_reason: '' });
    expect(() => db.prepare("UPDATE answers SET provenance = 'nope' WHERE id = 'a1'").run()).toThrow(/CHECK/);
    db.close();
  });
});
