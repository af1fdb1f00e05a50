import { z } from 'zod';
import { defineCall } from '../define-call';
import {
  caseCompleteSchema,
  caseEventSchema,
  caseReopenSchema,
  caseCreateSchema,
  caseDetailSchema,
  caseListQuerySchema,
  caseSummarySchema,
  caseUpdateSchema,
  idSchema,
} from '../../domain/cases';

const byId = z.object({ id: idSchema });

export const casesCalls = {
  'cases:list': defineCall({
    method: 'listCases',
    summary: 'Cases (engagements), newest first',
    input: caseListQuerySchema,
    output: z.array(caseSummarySchema),
  }),
  'cases:get': defineCall({
    method: 'getCase',
    summary: 'One case with its customer, site and contacts',
    input: byId,
    output: caseDetailSchema,
  }),
  'cases:create': defineCall({
    method: 'createCase',
    summary: 'Open a case for a customer (and site), created if new',
    input: caseCreateSchema,
    output: caseDetailSchema,
  }),
  'cases:update': defineCall({
    method: 'updateCase',
    summary: 'Edit a case; status moves draft → in progress → complete',
    input: caseUpdateSchema,
    output: caseDetailSchema,
  }),
  'cases:archive': defineCall({
    method: 'archiveCase',
    summary: 'Archive (or restore) a case; it stays in History',
    input: byId.extend({ archived: z.boolean().default(true) }),
    output: caseDetailSchema,
  }),
  'cases:complete': defineCall({
    method: 'completeCase',
    summary: 'Mark a case complete (who and when are recorded); it refuses edits until reopened',
    input: caseCompleteSchema,
    output: caseDetailSchema,
  }),
  'cases:reopen': defineCall({
    method: 'reopenCase',
    summary: 'Reopen a completed case, with the reason recorded in its history',
    input: caseReopenSchema,
    output: caseDetailSchema,
  }),
  'cases:events': defineCall({
    method: 'listCaseEvents',
    summary: "A case's lifecycle: started, completed, reopened (why), handed over, re-assessed",
    input: byId,
    output: z.array(caseEventSchema),
  }),
} as const;
