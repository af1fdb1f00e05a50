import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersionOf } from '../../../electron/services/db/open-database';
import { listExports, storedExport } from '../../../electron/services/reports/exports-repository';
import { pendingMutations } from '../../../electron/services/db/outbox';
import { tempDir } from '../../support/temp-dir';

describe('migration 31: export records synced', () => {
  it("keeps an earlier export whole, local and renderable, stamps it with this device's clock, and takes a pulled record without inputs", () => {
    const file = path.join(tempDir(), 'm31.sqlite');
    const old = openDatabase(file, { targetVersion: 30 });
    const std = "'2026-01-01', '0000000000001-00000-d', 'd'";
    old.exec("INSERT INTO device (singleton, device_id, created_at) VALUES (1, 'dev-1', 'now')");
    old.exec(`INSERT INTO customers (id, name, created_at, updated_at, origin_device) VALUES ('cu', 'Acme', ${std})`);
    old.exec(`INSERT INTO cases (id, customer_id, created_at, updated_at, origin_device) VALUES ('c1', 'cu', ${std})`);
    old.exec(
      `INSERT INTO report_exports (id, case_id, kind, format, template_version, sha256, bytes, file_name, source_json, created_at, adjustments_json, language)
       VALUES ('e1', 'c1', 'technical', 'pdf', '3', '${'a'.repeat(64)}', 1234, 'acme.pdf', '{"source":1}', '2026-03-01T10:00:00.000Z', '["darkened"]', 'fr-CA')`,
    );
    old.close();
    const db = openDatabase(file, { targetVersion: 31 });
    expect(schemaVersionOf(db)).toBe(31);
    // 2026-03-01T10:00:00Z is 1772359200000 ms since 1970.
    expect(db.prepare("SELECT updated_at, origin_device, deleted, exported_on FROM report_exports WHERE id = 'e1'").get()).toEqual({
      updated_at: '1772359200000-00000-dev-1',
      origin_device: 'dev-1',
      deleted: 0,
      exported_on: '',
    });
    expect(listExports(db, 'c1')).toEqual([
      expect.objectContaining({ id: 'e1', kind: 'technical', fileName: 'acme.pdf', adjustments: ['darkened'], language: 'fr-CA', inputsHere: true }),
    ]);
    expect(storedExport(db, 'e1').inputsJson).toBe('{"source":1}');
    // Made before this version: not queued for the hub.
    expect(pendingMutations(db)).toEqual([]);
    // A record pulled from another laptop arrives without its inputs (JSON null by default).
    db.exec(
      `INSERT INTO report_exports (id, case_id, kind, format, template_version, sha256, bytes, created_at, updated_at, origin_device, exported_on)
       VALUES ('e2', 'c1', 'executive', 'docx', '3', '${'b'.repeat(64)}', 99, 'now', '0000000000002-00000-x', 'x', 'ada-laptop')`,
    );
    expect(listExports(db, 'c1').find((e) => e.id === 'e2')).toMatchObject({ inputsHere: false, exportedOn: 'ada-laptop' });
    expect(() => storedExport(db, 'e2')).toThrow(/made on ada-laptop; the inputs it was rendered from stay on that laptop/);
    expect(() => db.exec("UPDATE report_exports SET deleted = 2 WHERE id = 'e1'")).toThrow(/CHECK/);
    db.close();
  });
});
