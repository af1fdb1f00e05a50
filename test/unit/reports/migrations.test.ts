import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersionOf } from '../../../electron/services/db/open-database';
import { tempDir } from '../../support/temp-dir';

const at = (version: number) => openDatabase(path.join(tempDir(), `m${version}.sqlite`), { targetVersion: version });

const seedCase = (db: ReturnType<typeof at>) => {
  db.prepare("INSERT INTO customers (id, name, created_at, updated_at, origin_device) VALUES ('cu', 'A', 'x', 'y', 'd')").run();
  db.prepare("INSERT INTO cases (id, customer_id, created_at, updated_at, origin_device) VALUES ('k', 'cu', 'x', 'y', 'd')").run();
};

describe('migration 8: branding logo and font', () => {
  it('adds logo and font with defaults and refuses an unknown logo type', () => {
    const db = at(8);
    expect(schemaVersionOf(db)).toBe(8);
    db.prepare("INSERT INTO branding_profiles (id, name, partner_name, created_at, updated_at, origin_device) VALUES ('b', 'n', 'p', 'x', 'y', 'd')").run();
    expect(db.prepare("SELECT logo_mime, logo_base64, font FROM branding_profiles WHERE id = 'b'").get()).toEqual({ logo_mime: '', logo_base64: '', font: 'DejaVu Sans' });
    expect(() => db.prepare("UPDATE branding_profiles SET logo_mime = 'text/html' WHERE id = 'b'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE branding_profiles SET logo_base64 = ? WHERE id = 'b'").run('A'.repeat(1_400_000))).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration 9: price book', () => {
  it('keeps SKUs unique among live items, case-insensitively, and prices non-negative', () => {
    const db = at(9);
    const insert = db.prepare(
      "INSERT INTO price_book_items (id, sku, description, unit_price_minor, currency, quantity_rule, deleted, created_at, updated_at, origin_device) VALUES (?, ?, 'd', ?, 'EUR', ?, ?, 'x', 'y', 'd')",
    );
    insert.run('i1', 'MFA', 100, 'per_user', 0);
    expect(() => insert.run('i2', 'mfa', 100, 'per_user', 0)).toThrow(/UNIQUE/);
    insert.run('i3', 'mfa', 100, 'per_user', 1);
    expect(() => insert.run('i4', 'X', -1, 'fixed', 0)).toThrow(/CHECK/);
    expect(() => insert.run('i5', 'Y', 1, 'per_moon', 0)).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration 10: proposal settings', () => {
  it('stores one row per existing case with sane bounds', () => {
    const db = at(10);
    seedCase(db);
    db.prepare("INSERT INTO proposal_settings (case_id, users, updated_at) VALUES ('k', 10, 'now')").run();
    expect(db.prepare("SELECT sites, currency, validity_days FROM proposal_settings WHERE case_id = 'k'").get()).toEqual({ sites: 1, currency: 'EUR', validity_days: 30 });
    expect(() => db.prepare("INSERT INTO proposal_settings (case_id, updated_at) VALUES ('nope', 'now')").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("UPDATE proposal_settings SET tax_rate_basis_points = 10001").run()).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration 11: report exports', () => {
  it('records exports of a case with a 64-character hash and valid source JSON', () => {
    const db = at(11);
    seedCase(db);
    const insert = db.prepare(
      "INSERT INTO report_exports (id, case_id, kind, format, template_version, sha256, bytes, source_json, created_at) VALUES (?, 'k', ?, ?, '1', ?, 1, ?, 'now')",
    );
    insert.run('e1', 'technical', 'pdf', 'a'.repeat(64), '{}');
    expect(() => insert.run('e2', 'technical', 'pdf', 'short', '{}')).toThrow(/CHECK/);
    expect(() => insert.run('e3', 'memo', 'pdf', 'a'.repeat(64), '{}')).toThrow(/CHECK/);
    expect(() => insert.run('e4', 'technical', 'pdf', 'a'.repeat(64), 'not json')).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration 12: customer logo', () => {
  it('adds an empty logo to customers and refuses an unknown type', () => {
    const db = at(12);
    seedCase(db);
    expect(db.prepare("SELECT logo_mime, logo_base64 FROM customers WHERE id = 'cu'").get()).toEqual({ logo_mime: '', logo_base64: '' });
    expect(() => db.prepare("UPDATE customers SET logo_mime = 'image/gif' WHERE id = 'cu'").run()).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration 21: proposal terms, default branding, export adjustments', () => {
  it('keeps existing exports, accepts the re-assessment kind and records adjustments as JSON', () => {
    const db = at(20);
    seedCase(db);
    db.prepare(
      "INSERT INTO report_exports (id, case_id, kind, format, template_version, sha256, bytes, source_json, created_at) VALUES ('e1', 'k', 'technical', 'pdf', '1', ?, 1, '{}', 'now')",
    ).run('a'.repeat(64));
    db.close();
    const file = db.name;
    const after = openDatabase(file, { targetVersion: 21 });
    expect(schemaVersionOf(after)).toBe(21);
    expect(after.prepare("SELECT kind, adjustments_json FROM report_exports WHERE id = 'e1'").get()).toEqual({ kind: 'technical', adjustments_json: '[]' });
    const insert = after.prepare(
      "INSERT INTO report_exports (id, case_id, kind, format, template_version, sha256, bytes, source_json, created_at, adjustments_json) VALUES (?, 'k', ?, 'pdf', '1', ?, 1, '{}', 'now', ?)",
    );
    insert.run('e2', 'reassessment', 'b'.repeat(64), '["primary colour darkened"]');
    expect(() => insert.run('e3', 'memo', 'c'.repeat(64), '[]')).toThrow(/CHECK/);
    expect(() => insert.run('e4', 'executive', 'd'.repeat(64), 'not json')).toThrow(/CHECK/);
    after.prepare("INSERT INTO branding_profiles (id, name, partner_name, created_at, updated_at, origin_device) VALUES ('b', 'n', 'p', 'x', 'y', 'd')").run();
    expect(after.prepare("SELECT is_default, proposal_terms_json FROM branding_profiles WHERE id = 'b'").get()).toEqual({ is_default: 0, proposal_terms_json: '{}' });
    expect(() => after.prepare("UPDATE branding_profiles SET is_default = 2 WHERE id = 'b'").run()).toThrow(/CHECK/);
    after.prepare("INSERT INTO proposal_settings (case_id, updated_at) VALUES ('k', 'now')").run();
    expect(after.prepare("SELECT terms_json FROM proposal_settings WHERE case_id = 'k'").get()).toEqual({ terms_json: '{}' });
    expect(() => after.prepare("UPDATE proposal_settings SET terms_json = 'x'").run()).toThrow(/CHECK/);
    after.close();
  });
});
