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

describe('conflicts kept: two devices writing a field without seeing each other', () => {
  /** One device's write, based on the hub change of the row it had last pulled. */
  const by = (device: string, hlc: string, fields: Record<string, unknown>, baseSeq?: number): { m: PushedMutation; device: string } => ({
    m: { ...mutation(hlc, fields), ...(baseSeq === undefined ? {} : { baseSeq }) },
    device,
  });
  /** Applies writes in order as the hub does: each change that alters the row gets the next change number. */
  const hub = (writes: ReadonlyArray<{ m: PushedMutation; device: string }>): StoredRecord | null => {
    let record: StoredRecord | null = null;
    let seq = 0;
    for (const { m, device } of writes) {
      const merged = mergeMutation(record, m, 'p', device, { nextSeq: seq + 1, deviceName: `${device}-desk` });
      if (merged.changed) seq += 1;
      record = merged.changed ? { ...merged.record, changeSeq: seq } : record;
    }
    return record;
  };
  // Change 1: A creates the row (terms ''). Both pull it (base 1), then edit terms offline.
  const create = by('A', '0000000001000-00000-a', { terms: '' }, 0);
  const fromA = by('A', '0000000002000-00000-a', { terms: 'Net 30' }, 1);
  const fromB = by('B', '0000000003000-00000-b', { terms: 'Net 45' }, 1);

  it('keeps both values with authors and clocks, in either arrival order, and the later clock shows', () => {
    for (const order of [[create, fromA, fromB], [create, fromB, fromA]]) {
      const record = hub(order)!;
      // B's clock (3000) is later than A's (2000): B's value shows whichever arrived first.
      expect(record.fields.terms).toBe('Net 45');
      expect(record.conflicts).toHaveLength(1);
      expect(record.conflicts![0]!.field).toBe('terms');
      expect(record.conflicts![0]!.values).toEqual([
        { value: 'Net 30', hlc: '0000000002000-00000-a', deviceId: 'A', deviceName: 'A-desk' },
        { value: 'Net 45', hlc: '0000000003000-00000-b', deviceId: 'B', deviceName: 'B-desk' },
      ]);
      // Changes: 1 create, 2 the first edit, 3 the second (conflict recorded): pullers see it.
      expect(record.conflicts![0]!.seq).toBe(3);
    }
  });

  it('an edit made after pulling the other value, the same value twice, one device editing twice, or an old device: no conflict', () => {
    // B pulled change 2 (A's edit) before writing: an overwrite.
    expect(hub([create, fromA, by('B', '0000000003000-00000-b', { terms: 'Net 45' }, 2)])!.conflicts).toEqual([]);
    // Both typed the same thing.
    expect(hub([create, fromA, by('B', '0000000003000-00000-b', { terms: 'Net 30' }, 1)])!.conflicts).toEqual([]);
    // A writes again without pulling its own change back.
    expect(hub([create, fromA, by('A', '0000000004000-00000-a', { terms: 'Net 60' }, 1)])!.conflicts).toEqual([]);
    // A device that predates conflicts sends no base: last writer wins as before.
    expect(hub([create, fromA, by('B', '0000000003000-00000-b', { terms: 'Net 45' })])!.conflicts).toEqual([]);
    // Different fields never conflict.
    expect(hub([create, fromA, by('B', '0000000003000-00000-b', { title: 'Roadmap' }, 1)])!.conflicts).toEqual([]);
  });

  it('a write based on the change that recorded the conflict resolves it, whichever value it keeps', () => {
    // After change 3 both desks pull it (base 3); A keeps its own, losing value.
    const resolved = hub([create, fromA, fromB, by('A', '0000000005000-00000-a', { terms: 'Net 30' }, 3)])!;
    expect(resolved.conflicts).toEqual([]);
    expect(resolved.fields.terms).toBe('Net 30');
    // A write based on change 2 (before the conflict) did not see B's value: the conflict stays, now with three values.
    const still = hub([create, fromA, fromB, by('C', '0000000005000-00000-c', { terms: 'Net 90' }, 2)])!;
    expect(still.conflicts![0]!.values.map((v) => v.value)).toEqual(['Net 30', 'Net 45', 'Net 90']);
  });
});
