import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersionOf } from '../../../electron/services/db/open-database';
import { tempDir } from '../../support/temp-dir';

const at = (version: number) => openDatabase(path.join(tempDir(), `m${version}.sqlite`), { targetVersion: version });

const withCase = (db: BetterSqlite3.Database): void => {
  db.prepare("INSERT INTO customers (id, name, created_at, updated_at, origin_device) VALUES ('cu', 'A', 'x', 'y', 'd')").run();
  db.prepare("INSERT INTO cases (id, customer_id, created_at, updated_at, origin_device) VALUES ('k', 'cu', 'x', 'y', 'd')").run();
};

const columnsOf = (db: BetterSqlite3.Database, table: string): string[] =>
  (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);

describe('migration 4: question banks, interviews, positions', () => {
  it('keeps several versions of a bank, at most one active, and pins a case to one version', () => {
    const db = at(4);
    expect(schemaVersionOf(db)).toBe(4);
    withCase(db);
    const insertBank = db.prepare(
      "INSERT INTO question_banks (bank_id, version, title, content, sha256, source, active, installed_at) VALUES ('b', ?, 't', '{}', ?, 'builtin', ?, 'now')",
    );
    insertBank.run('1.0.0', 'a'.repeat(64), 1);
    insertBank.run('2.0.0', 'b'.repeat(64), 0);
    expect(() => insertBank.run('1.0.0', 'c'.repeat(64), 0)).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE question_banks SET active = 1 WHERE version = '2.0.0'").run()).toThrow(/UNIQUE/);
    expect(() => insertBank.run('3.0.0', 'not json', 0)).toThrow(/CHECK/);
    db.prepare("INSERT INTO interviews (id, case_id, bank_id, bank_version, created_at, updated_at, origin_device) VALUES ('i', 'k', 'b', '1.0.0', 'x', 'y', 'd')").run();
    expect(() =>
      db.prepare("INSERT INTO interviews (id, case_id, bank_id, bank_version, created_at, updated_at, origin_device) VALUES ('i2', 'k', 'b', '2.0.0', 'x', 'y', 'd')").run(),
    ).toThrow(/UNIQUE/);
    expect(columnsOf(db, 'interview_positions')).toEqual(['case_id', 'question_id', 'stakeholder', 'updated_at']);
    db.close();
  });
});

describe('migration 5: answers', () => {
  it('holds one live answer per case and question, with JSON values', () => {
    const db = at(5);
    withCase(db);
    const insert = db.prepare(
      "INSERT INTO answers (id, case_id, question_id, value, created_at, updated_at, origin_device, deleted) VALUES (?, 'k', 'q.one', ?, 'x', 'y', 'd', ?)",
    );
    insert.run('a1', '"yes"', 0);
    expect(() => insert.run('a2', '"no"', 0)).toThrow(/UNIQUE/);
    insert.run('a3', 'null', 1);
    expect(() => insert.run('a4', '{broken', 1)).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO answers (id, case_id, question_id, created_at, updated_at, origin_device) VALUES ('a5', 'nope', 'q', 'x', 'y', 'd')").run(),
    ).toThrow(/FOREIGN KEY/);
    // A note without an answer: value stays SQL NULL.
    db.prepare("INSERT INTO answers (id, case_id, question_id, note, created_at, updated_at, origin_device) VALUES ('a6', 'k', 'q.two', 'hi', 'x', 'y', 'd')").run();
    expect(db.prepare("SELECT value FROM answers WHERE id = 'a6'").get()).toEqual({ value: null });
    db.close();
  });
});

describe('migration 6: finding exceptions', () => {
  it('needs a compensating control and a reason, one live exception per finding', () => {
    const db = at(6);
    withCase(db);
    const insert = db.prepare(
      "INSERT INTO finding_exceptions (id, case_id, finding_id, compensating_control, reason, created_at, updated_at, origin_device) VALUES (?, 'k', 'f', ?, ?, 'x', 'y', 'd')",
    );
    insert.run('e1', '4G failover', 'on order');
    expect(() => insert.run('e2', 'again', 'again')).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE finding_exceptions SET reason = '' WHERE id = 'e1'").run()).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration 7: evidence attachments', () => {
  it('references files by a lowercase hex sha256', () => {
    const db = at(7);
    withCase(db);
    const insert = db.prepare(
      "INSERT INTO evidence_attachments (id, case_id, sha256, file_name, media_type, size_bytes, created_at, updated_at, origin_device) VALUES (?, 'k', ?, 'photo.jpg', 'image/jpeg', 10, 'x', 'y', 'd')",
    );
    insert.run('v1', 'ab'.repeat(32));
    insert.run('v2', 'ab'.repeat(32));
    expect(() => insert.run('v3', 'AB'.repeat(32))).toThrow(/CHECK/);
    expect(() => insert.run('v4', '../etc/passwd')).toThrow(/CHECK/);
    db.close();
  });
});
