import { z } from 'zod';

/**
 * Two devices changed the same field without either having seen the other's value (offline, or
 * between syncs). Last-writer-wins still decides which value the row shows, so every replica
 * converges, but the hub keeps every competing value with its author and clock until a user who
 * has seen them all picks one.
 */
export const conflictValueSchema = z.object({
  value: z.unknown(),
  hlc: z.string(),
  /** The hub's id of the device that wrote it (taken from its token, never from the payload). */
  deviceId: z.string(),
  deviceName: z.string(),
});
export type ConflictValue = z.infer<typeof conflictValueSchema>;

export const fieldConflictSchema = z.object({
  field: z.string(),
  /** The hub change that last recorded this conflict: a write based on a pull at or after it has seen every value. */
  seq: z.number().int().nonnegative(),
  values: z.array(conflictValueSchema).min(2),
});
export type FieldConflict = z.infer<typeof fieldConflictSchema>;

/** At most this many competing values are kept per field (the oldest go first): enough to see who did what. */
export const maxConflictValues = 8;

/** The same value, whatever key order or number/boolean spelling JSON gave it. */
export const sameValue = (a: unknown, b: unknown): boolean => {
  const norm = (v: unknown): unknown => (v === true ? 1 : v === false ? 0 : v === undefined ? null : v);
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
};

/** Adds one side to a conflict's values, once per (device, clock), newest last, bounded. */
export const withConflictValue = (values: readonly ConflictValue[], value: ConflictValue): ConflictValue[] => {
  const rest = values.filter((v) => !(v.hlc === value.hlc && v.deviceId === value.deviceId));
  return [...rest, value].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0)).slice(-maxConflictValues);
};

// What the app shows and sends ----------------------------------------------------------------

/** One competing value as a screen shows it. */
export const conflictChoiceSchema = z.object({
  /** The value as text for people (never an internal id, `null` or `undefined`). */
  display: z.string(),
  deviceName: z.string(),
  /** When it was written, from its clock (ISO). */
  at: z.string(),
  hlc: z.string(),
  /** This is the value the record shows now. */
  current: z.boolean(),
});
export type ConflictChoice = z.infer<typeof conflictChoiceSchema>;

export const conflictRecordSchema = z.object({
  table: z.string(),
  rowId: z.string(),
  field: z.string(),
  /** "Terms", "Discount" …: what the field is called on screen. */
  fieldLabel: z.string(),
  /** What the row is, for people: "Proposal “Contoso roadmap”". */
  rowLabel: z.string(),
  caseId: z.string().nullable(),
  /** This laptop's role may write the record (admins for the price book, account managers for proposals). */
  canResolve: z.boolean(),
  choices: z.array(conflictChoiceSchema).min(2),
});
export type ConflictRecord = z.infer<typeof conflictRecordSchema>;

export const conflictsQuerySchema = z.object({ caseId: z.string().max(100).optional() }).strict();

export const resolveConflictInputSchema = z
  .object({
    table: z.string().min(1).max(100),
    rowId: z.string().min(1).max(100),
    field: z.string().min(1).max(100),
    /** The clock of the chosen value, as listed. */
    hlc: z.string().min(1).max(200),
  })
  .strict();
export type ResolveConflictInput = z.infer<typeof resolveConflictInputSchema>;
