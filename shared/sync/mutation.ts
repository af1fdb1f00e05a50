import { z } from 'zod';

/** Tables whose rows travel to the partner hub. */
export const syncableTables = ['branding_profiles', 'customers', 'sites', 'contacts', 'cases', 'price_book_items', 'probe_runs', 'probe_results', 'interviews', 'answers', 'finding_exceptions', 'evidence_attachments', 'case_events', 'proposals', 'proposal_lines', 'case_comments', 'questionnaires', 'questionnaire_returns', 'report_exports'] as const;
export const syncableTableSchema = z.enum(syncableTables);
export type SyncableTable = z.infer<typeof syncableTableSchema>;

/**
 * One change to one row, as the outbox keeps it and the hub applies it: the changed fields
 * with the row's HLC, so the hub can resolve last-writer-wins per field.
 */
export const mutationSchema = z.object({
  mutationId: z.string(),
  table: syncableTableSchema,
  rowId: z.uuid(),
  op: z.enum(['upsert', 'delete']),
  fields: z.record(z.string(), z.unknown()),
  hlc: z.string(),
  originDevice: z.string(),
  /**
   * The hub change of this row the device had last pulled when it made the write (0: none). Lets
   * the hub tell an edit made over another device's value from one made without seeing it (a
   * conflict, kept). Absent from devices that predate conflicts.
   */
  baseSeq: z.number().int().nonnegative().optional(),
});
export type Mutation = z.infer<typeof mutationSchema>;
