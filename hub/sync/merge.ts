import type { PushedMutation } from '../../shared/sync/protocol';
import { sameValue, withConflictValue, type FieldConflict } from '../../shared/sync/conflicts';

/** Which hub change last set a field, and from which device (for conflicts: who wrote what). */
export interface FieldChange {
  readonly seq: number;
  readonly device: string;
  readonly name: string;
}

/** A row as the hub holds it: current fields and, per field, the HLC of the write that set it. */
export interface StoredRecord {
  readonly partnerId: string;
  readonly table: string;
  readonly rowId: string;
  readonly fields: Record<string, unknown>;
  readonly fieldHlcs: Record<string, string>;
  /** Per field, the change that set it; absent for rows written before conflicts were kept. */
  readonly fieldChanges?: Record<string, FieldChange>;
  /** Fields two devices changed without seeing each other's value; kept until a user picks one. */
  readonly conflicts?: readonly FieldConflict[];
  readonly hlc: string;
  readonly deleted: boolean;
  readonly ownerDevice: string;
  readonly originDevice: string;
  readonly changeSeq: number;
  /** The case this row belongs to (its own id for a case); null for partner-wide rows. */
  readonly caseId?: string | null;
  /** The laptop that owned the row before a handover: it keeps pulling the row to see the new owner. */
  readonly previousOwner?: string | null;
  /** The device that already holds the row as it is (its own push made it so): its pulls skip the row. */
  readonly echoDevice?: string | null;
}

export interface MergeResult {
  readonly record: StoredRecord;
  /** False when every field already held a newer write and no conflict was recorded: nothing for pullers to see. */
  readonly changed: boolean;
  /**
   * Every written field was taken and no conflict opened or closed: the row differs from the one
   * the writer started from only by the writer's own write.
   */
  readonly tookWhole: boolean;
}

/** Who is writing, and the change number this write gets if it changes the row. */
export interface MergeContext {
  readonly nextSeq: number;
  readonly deviceName: string;
}

/**
 * Last-writer-wins per field by HLC: each field keeps the value of the write with the greatest
 * timestamp, whatever order writes arrive in, so every replica converges. A delete is a write of
 * `deleted = 1`, resolved like any other field.
 *
 * A mutation that says which hub change it was based on (`baseSeq`, the row as the device last
 * pulled it) also keeps conflicts: when the field it writes was set by another device in a change
 * after that base, with a different value, neither device saw the other's edit. Both values are
 * kept with authors and clocks, whichever wins. A write whose base is at or after the conflict's
 * change was made by someone who saw every value: it resolves the conflict.
 */
export const mergeMutation = (
  existing: StoredRecord | null,
  mutation: PushedMutation,
  partnerId: string,
  deviceId: string,
  context: MergeContext = { nextSeq: 0, deviceName: '' },
): MergeResult => {
  const fields: Record<string, unknown> = { ...(existing?.fields ?? {}) };
  const fieldHlcs: Record<string, string> = { ...(existing?.fieldHlcs ?? {}) };
  const fieldChanges: Record<string, FieldChange> = { ...(existing?.fieldChanges ?? {}) };
  const conflicts = new Map((existing?.conflicts ?? []).map((c) => [c.field, c]));
  const written = mutation.op === 'delete' ? { ...mutation.fields, deleted: 1 } : mutation.fields;
  const base = mutation.baseSeq;
  const writer = { deviceId, deviceName: context.deviceName };
  let changed = existing === null;
  let tookWhole = true;
  for (const [name, value] of Object.entries(written)) {
    const open = conflicts.get(name);
    if (open && base !== undefined && base >= open.seq) {
      conflicts.delete(name);
      changed = true;
      tookWhole = false;
    }
    const previous = fieldHlcs[name];
    const setBy = fieldChanges[name];
    const unseen = base !== undefined && setBy !== undefined && setBy.device !== deviceId && setBy.seq > base;
    if (unseen && previous !== undefined && !sameValue(fields[name], value)) {
      const kept = conflicts.get(name)?.values ?? [];
      const withStored = withConflictValue(kept, { value: fields[name], hlc: previous, deviceId: setBy.device, deviceName: setBy.name });
      conflicts.set(name, {
        field: name,
        seq: context.nextSeq,
        values: withConflictValue(withStored, { value, hlc: mutation.hlc, ...writer }),
      });
      changed = true;
      tookWhole = false;
    }
    if (previous !== undefined && previous >= mutation.hlc) {
      tookWhole = false;
      continue;
    }
    fields[name] = value;
    fieldHlcs[name] = mutation.hlc;
    fieldChanges[name] = { seq: context.nextSeq, device: deviceId, name: context.deviceName };
    changed = true;
  }
  const newer = !existing || mutation.hlc > existing.hlc;
  return {
    changed,
    tookWhole,
    record: {
      partnerId,
      table: mutation.table,
      rowId: mutation.rowId,
      fields,
      fieldHlcs,
      fieldChanges,
      conflicts: [...conflicts.values()],
      hlc: newer ? mutation.hlc : (existing as StoredRecord).hlc,
      deleted: fields.deleted === 1 || fields.deleted === true,
      ownerDevice: existing?.ownerDevice ?? deviceId,
      originDevice: newer ? mutation.originDevice : (existing as StoredRecord).originDevice,
      changeSeq: existing?.changeSeq ?? 0,
      caseId: existing?.caseId ?? null,
      previousOwner: existing?.previousOwner ?? null,
    },
  };
};
