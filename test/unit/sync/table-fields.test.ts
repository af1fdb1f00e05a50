import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/db/open-database';
import { syncableTables } from '../../../shared/sync/mutation';
import { fieldProblemOf, tableFieldSchemas } from '../../../shared/sync/table-fields';
import { tempDir } from '../../support/temp-dir';

/** Set by writeSyncedRow itself or kept on the laptop only (a case's owner, an export's inputs): never pushed. */
const bookkeeping = new Set(['id', 'created_at', 'updated_at', 'origin_device', 'owner_device', 'owner_name', 'source_json']);

describe('per-table fields the hub accepts', () => {
  it('are exactly the synced columns of the device tables at the latest migration', () => {
    const db = openDatabase(path.join(tempDir(), 'fields.sqlite'));
    for (const table of syncableTables) {
      const columns = (db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((c) => c.name).filter((c) => !bookkeeping.has(c));
      expect(Object.keys(tableFieldSchemas[table].shape).sort(), table).toEqual(columns.sort());
    }
    db.close();
  });

  it('name the field that is unknown or ill-typed, and accept a partial row', () => {
    expect(fieldProblemOf('proposals', { terms: 'Net 30' })).toBeNull();
    expect(fieldProblemOf('proposals', { deleted: 1 })).toBeNull();
    expect(fieldProblemOf('proposals', { terms: 'Net 30', is_admin: 1 })).toEqual({ field: 'is_admin', problem: 'is not a field of proposals' });
    expect(fieldProblemOf('proposals', { discount_basis_points: '10' })?.field).toBe('discount_basis_points');
    // 10,001 basis points is 100.01 %: beyond the column's CHECK (0–10,000).
    expect(fieldProblemOf('proposals', { discount_basis_points: 10_001 })?.field).toBe('discount_basis_points');
    expect(fieldProblemOf('answers', { value: 'not json' })).toEqual({ field: 'value', problem: 'must be JSON text' });
    expect(fieldProblemOf('evidence_attachments', { sha256: 'ABC' })?.field).toBe('sha256');
    expect(fieldProblemOf('cases', { status: 'hacked' })?.field).toBe('status');
    expect(fieldProblemOf('cases', { deleted: 2 })?.field).toBe('deleted');
  });
});
