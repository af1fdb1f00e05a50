import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeMutation, type StoredRecord } from '../../../hub/sync/merge';
import type { PushedMutation } from '../../../shared/sync/protocol';

const row = '0190a000-0000-7000-8000-000000000001';
const mutation = (hlc: string, fields: Record<string, unknown>, op: PushedMutation['op'] = 'upsert'): PushedMutation => ({
  seq: 1,
  mutationId: hlc,
  table: 'branding_profiles',
  rowId: row,
  op,
  fields,
  hlc,
  originDevice: hlc.slice(-1),
});
const apply = (list: readonly PushedMutation[]): StoredRecord | null =>
  list.reduce<StoredRecord | null>((record, m) => mergeMutation(record, m, 'p', 'd').record, null);

describe('last-writer-wins per field', () => {
  it('each field keeps its newest write, whatever the arrival order', () => {
    const writes = [
      mutation('0000000001000-00000-a', { name: 'A', footer: 'a1' }),
      mutation('0000000002000-00000-b', { footer: 'b', contact: 'b@x' }),
      mutation('0000000003000-00000-a', { footer: 'a2' }),
    ];
    const expected = { name: 'A', footer: 'a2', contact: 'b@x' };
    fc.assert(
      fc.property(fc.shuffledSubarray(writes, { minLength: 3, maxLength: 3 }), (order) => {
        expect(apply(order)?.fields).toEqual(expected);
        expect(apply(order)?.hlc).toBe('0000000003000-00000-a');
      }),
    );
  });

  it('converges for any set of writes in any order (property)', () => {
    const write = fc.record({
      ms: fc.integer({ min: 1, max: 50 }),
      node: fc.constantFrom('a', 'b', 'c'),
      fields: fc.dictionary(fc.constantFrom('name', 'footer', 'contact', 'deleted'), fc.oneof(fc.string({ maxLength: 3 }), fc.constant(1))),
    });
    fc.assert(
      fc.property(fc.uniqueArray(write, { selector: (w) => `${w.ms}-${w.node}`, minLength: 1, maxLength: 8 }), (writes) => {
        const list = writes.map((w) => mutation(`${String(w.ms).padStart(13, '0')}-00000-${w.node}`, w.fields));
        const forward = apply(list);
        const backward = apply([...list].reverse());
        expect(backward?.fields).toEqual(forward?.fields);
        expect(backward?.hlc).toBe(forward?.hlc);
      }),
      { numRuns: 200 },
    );
  });

  it('a delete is a tombstone that a newer write can revive, and an old write cannot', () => {
    const created = mutation('0000000001000-00000-a', { name: 'X' });
    const deleted = mutation('0000000002000-00000-a', { deleted: 1 }, 'delete');
    expect(apply([created, deleted])?.deleted).toBe(true);
    expect(apply([created, deleted, mutation('0000000001500-00000-b', { deleted: 0 })])?.deleted).toBe(true);
    expect(apply([created, deleted, mutation('0000000003000-00000-b', { deleted: 0 })])?.deleted).toBe(false);
  });

  it('reports no change when every field already holds a newer write', () => {
    const first = mergeMutation(null, mutation('0000000002000-00000-a', { name: 'new' }), 'p', 'owner');
    const late = mergeMutation(first.record, mutation('0000000001000-00000-b', { name: 'old' }), 'p', 'other');
    expect(late.changed).toBe(false);
    expect(late.record.fields).toEqual({ name: 'new' });
    expect(late.record.ownerDevice).toBe('owner');
  });
});
