import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersionOf } from '../../../electron/services/db/open-database';
import { tempDir } from '../../support/temp-dir';

describe('migration 25: report language per case and per export', () => {
  it('keeps earlier settings and exports English, takes fr-CA, refuses a language reports are not written in', () => {
    const file = path.join(tempDir(), 'm25.sqlite');
    const before = openDatabase(file, { targetVersion: 24 });
    before.prepare("INSERT INTO customers (id, name, created_at, updated_at, origin_device) VALUES ('cu', 'A', 'x', 'y', 'd')").run();
    before.prepare("INSERT INTO cases (id, customer_id, created_at, updated_at, origin_device) VALUES ('k', 'cu', 'x', 'y', 'd')").run();
    before.prepare("INSERT INTO proposal_settings (case_id, users, devices, sites, currency, tax_rate_basis_points, validity_days, updated_at) VALUES ('k', 1, 1, 1, 'EUR', 0, 30, 'x')").run();
    before
      .prepare(
        "INSERT INTO report_exports (id, case_id, kind, format, template_version, sha256, bytes, source_json, created_at) VALUES ('e', 'k', 'executive', 'html', '1.0.0', ?, 1, '{}', 'x')",
      )
      .run('a'.repeat(64));
    before.close();
    const db = openDatabase(file, { targetVersion: 25 });
    expect(schemaVersionOf(db)).toBe(25);
    expect(db.prepare("SELECT report_language FROM proposal_settings WHERE case_id = 'k'").pluck().get()).toBe('en');
    expect(db.prepare("SELECT language FROM report_exports WHERE id = 'e'").pluck().get()).toBe('en');
    db.prepare("UPDATE proposal_settings SET report_language = 'fr-CA' WHERE case_id = 'k'").run();
    expect(() => db.prepare("UPDATE proposal_settings SET report_language = 'en-XA' WHERE case_id = 'k'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE report_exports SET language = 'de' WHERE id = 'e'").run()).toThrow(/CHECK/);
    db.close();
  });
});
