import { z } from 'zod';
import { defineCall } from '../define-call';
import {
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
} as const;
