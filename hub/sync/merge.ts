import type { PushedMutation } from '../../shared/sync/protocol';

/** A row as the hub holds it: current fields and, per field, the HLC of the write that set it. */
export interface StoredRecord {
  readonly partnerId: string;
  readonly table: string;
  readonly rowId: string;
  readonly fields: Record<string, unknown>;
  readonly fieldHlcs: Record<string, string>;
  readonly hlc: string;
  readonly deleted: boolean;
  readonly ownerDevice: string;
  readonly originDevice: string;
  readonly changeSeq: number;
  /** The case this row belongs to (its own id for a case); null for partner-wide rows. */
  readonly caseId?: string | null;
  /** The laptop that owned the row before a handover: it keeps pulling the row to see the new owner. */
  readonly previousOwner?: string | null;
}

export interface MergeResult {
  readonly record: StoredRecord;
  /** False when every field already held a newer write: nothing for pullers to see. */
  readonly changed: boolean;
}

/**
 * Last-writer-wins per field by HLC: each field keeps the value of the write with the greatest
 * timestamp, whatever order writes arrive in, so every replica converges. A delete is a write of
 * `deleted = 1`, resolved like any other field.
 */
export const mergeMutation = (
  existing: StoredRecord | null,
  mutation: PushedMutation,
  partnerId: string,
  deviceId: string,
): MergeResult => {
  const fields: Record<string, unknown> = { ...(existing?.fields ?? {}) };
  const fieldHlcs: Record<string, string> = { ...(existing?.fieldHlcs ?? {}) };
  const written = mutation.op === 'delete' ? { ...mutation.fields, deleted: 1 } : mutation.fields;
  let changed = existing === null;
  for (const [name, value] of Object.entries(written)) {
    const previous = fieldHlcs[name];
    if (previous !== undefined && previous >= mutation.hlc) continue;
    fields[name] = value;
    fieldHlcs[name] = mutation.hlc;
    changed = true;
  }
  const newer = !existing || mutation.hlc > existing.hlc;
  return {
    changed,
    record: {
      partnerId,
      table: mutation.table,
      rowId: mutation.rowId,
      fields,
      fieldHlcs,
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
