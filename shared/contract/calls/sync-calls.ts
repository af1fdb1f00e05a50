import { z } from 'zod';
import { defineCall } from '../define-call';
import {
  backgroundSyncInputSchema,
  enrollInputSchema,
  partnerCaseSchema,
  partnerCasesQuerySchema,
  syncReportSchema,
  syncStatusSchema,
} from '../../sync/sync-status';
import { conflictRecordSchema, conflictsQuerySchema, resolveConflictInputSchema } from '../../sync/conflicts';

export const syncCalls = {
  'sync:enroll': defineCall({
    method: 'enrollDevice',
    summary: "Enroll this device with the partner hub using the admin's one-time code",
    input: enrollInputSchema,
    output: syncStatusSchema,
  }),
  'sync:status': defineCall({
    method: 'getSyncStatus',
    summary: 'Last sync, changes waiting to be sent, and the last error in plain words',
    input: z.object({}).strict(),
    output: syncStatusSchema,
  }),
  'sync:now': defineCall({
    method: 'syncNow',
    summary: 'Send waiting changes to the hub and fetch what is new',
    input: z.object({}).strict(),
    output: syncReportSchema,
  }),
  'sync:background': defineCall({
    method: 'setBackgroundSync',
    summary: "Pause or resume the app's background sync (kept across restarts; Sync now still works)",
    input: backgroundSyncInputSchema,
    output: syncStatusSchema,
  }),
  'sync:partner-cases': defineCall({
    method: 'listPartnerCases',
    summary: "Every case of the partner pulled from the hub (others' read-only), newest first",
    input: partnerCasesQuerySchema,
    output: z.array(partnerCaseSchema),
  }),
  'sync:conflicts': defineCall({
    method: 'listConflicts',
    summary: 'Fields two devices changed without seeing each other (offline): every value with who and when',
    input: conflictsQuerySchema,
    output: z.array(conflictRecordSchema),
  }),
  'sync:resolve-conflict': defineCall({
    method: 'resolveConflict',
    summary: 'Keep one of the competing values of a field; the choice syncs like any edit',
    input: resolveConflictInputSchema,
    output: z.array(conflictRecordSchema),
  }),
} as const;
