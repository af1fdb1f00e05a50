import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersionOf } from '../../../electron/services/db/open-database';
import { pendingMutationCount, pendingMutations, requeueMutation, waitingReasons } from '../../../electron/services/db/outbox';
import { tempDir } from '../../support/temp-dir';

describe('migration 29: an outbox entry may wait for a missing attachment', () => {
  it('keeps old entries ready to send; a waiting one is counted but not sent, and rejoins the queue last under a new number', () => {
    const file = path.join(tempDir(), 'm29.sqlite');
    const old = openDatabase(file, { targetVersion: 28 });
    const insert = (id: string) =>
      old.prepare("INSERT INTO outbox (mutation_id, table_name, row_id, op, fields, hlc, created_at, base_seq) VALUES (?, 'customers', ?, 'upsert', '{}', 'h', 'now', 0)").run(id, `r-${id}`);
    for (const id of ['m1', 'm2', 'm3']) insert(id);
    old.close();
    const db = openDatabase(file, { targetVersion: 29 });
    expect(schemaVersionOf(db)).toBe(29);
    expect(pendingMutations(db).map((m) => m.mutationId)).toEqual(['m1', 'm2', 'm3']);
    expect(() => db.exec("UPDATE outbox SET waiting_reason = '' WHERE mutation_id = 'm1'")).toThrow(/CHECK/);
    db.exec("UPDATE outbox SET waiting_reason = 'The attachment is missing' WHERE mutation_id = 'm1'");
    expect(pendingMutations(db).map((m) => m.mutationId)).toEqual(['m2', 'm3']);
    expect(pendingMutationCount(db)).toBe(3);
    expect(waitingReasons(db)).toEqual(['The attachment is missing']);
    requeueMutation(db, 1);
    const after = pendingMutations(db);
    expect(after.map((m) => m.mutationId)).toEqual(['m2', 'm3', 'm1']);
    expect(after.at(-1)?.seq).toBe(4);
    expect(after.at(-1)).toMatchObject({ rowId: 'r-m1', baseSeq: 0 });
    db.close();
  });
});
