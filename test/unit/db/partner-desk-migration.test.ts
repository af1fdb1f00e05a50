import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersionOf } from '../../../electron/services/db/open-database';
import { tempDir } from '../../support/temp-dir';

describe('migration 22: partner cases, lifecycle events, proposals, review comments', () => {
  it('adds owner and completion to cases, and the synced event, proposal and comment tables with their checks', () => {
    const file = path.join(tempDir(), 'm22.sqlite');
    openDatabase(file, { targetVersion: 21 }).close();
    const db = openDatabase(file, { targetVersion: 22 });
    expect(schemaVersionOf(db)).toBe(22);
    const std = "'2026-01-01', '0000000000001-00000-d', 'd'";
    db.exec(`INSERT INTO customers (id, name, created_at, updated_at, origin_device) VALUES ('cu', 'Acme', ${std})`);
    db.exec(`INSERT INTO cases (id, customer_id, created_at, updated_at, origin_device) VALUES ('c1', 'cu', ${std})`);
    // A case made here has no owner until the hub names one.
    expect(db.prepare("SELECT owner_device, owner_name, completed_at, completed_by FROM cases WHERE id = 'c1'").get()).toEqual({
      owner_device: null,
      owner_name: '',
      completed_at: null,
      completed_by: '',
    });
    const event = db.prepare(`INSERT INTO case_events (id, case_id, kind, at, created_at, updated_at, origin_device) VALUES (?, 'c1', ?, 'now', ${std})`);
    event.run('e1', 'reassigned');
    expect(() => event.run('e2', 'teleported')).toThrow(/CHECK/);
    const proposal = db.prepare(`INSERT INTO proposals (id, case_id, status, discount_basis_points, created_at, updated_at, origin_device) VALUES (?, 'c1', ?, ?, ${std})`);
    proposal.run('p1', 'draft', 1_000);
    expect(() => proposal.run('p2', 'maybe', 0)).toThrow(/CHECK/);
    expect(() => proposal.run('p3', 'sent', 10_001)).toThrow(/CHECK/);
    const line = db.prepare(`INSERT INTO proposal_lines (id, proposal_id, position, description, quantity, unit_price_minor, reasons, created_at, updated_at, origin_device) VALUES (?, ?, 0, 'Licence', ?, 100, ?, ${std})`);
    line.run('l1', 'p1', 3, '["MFA missing"]');
    expect(() => line.run('l2', 'p1', -1, '[]')).toThrow(/CHECK/);
    expect(() => line.run('l3', 'p1', 1, 'not json')).toThrow(/CHECK/);
    expect(() => line.run('l4', 'nope', 1, '[]')).toThrow(/FOREIGN KEY/);
    const comment = db.prepare(`INSERT INTO case_comments (id, case_id, finding_id, author, body, created_at, updated_at, origin_device) VALUES (?, 'c1', NULL, 'amy', ?, ${std})`);
    comment.run('k1', 'Looks good');
    expect(() => comment.run('k2', '')).toThrow(/CHECK/);
    // Pulled rows start as not yet written into the local tables.
    db.exec("INSERT INTO sync_remote_rows (table_name, row_id, fields, hlc, owner_device, origin_device, change_seq, received_at) VALUES ('cases', 'r', '{}', 'h', 'o', 'o', 5, 'now')");
    expect(db.prepare('SELECT materialised_seq FROM sync_remote_rows').pluck().get()).toBe(0);
    db.close();
  });
});
