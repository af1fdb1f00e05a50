import { z } from 'zod';
import { defineCall } from '../define-call';
import { idSchema } from '../../domain/cases';
import {
  proposalCreateSchema,
  proposalLineRemoveSchema,
  proposalLineUpdateSchema,
  proposalRecordSchema,
  proposalUpdateSchema,
} from '../../domain/proposals';

export const proposalsCalls = {
  'proposals:list': defineCall({
    method: 'listProposals',
    summary: 'The proposals of a case, with their lines and totals',
    input: z.object({ caseId: idSchema }),
    output: z.array(proposalRecordSchema),
  }),
  'proposals:create': defineCall({
    method: 'createProposal',
    summary: "A draft proposal from the case's findings: price book lines, quantities from the case's facts",
    input: proposalCreateSchema,
    output: proposalRecordSchema,
  }),
  'proposals:update': defineCall({
    method: 'updateProposal',
    summary: 'Change title, discount, terms or status (draft → sent → accepted / declined)',
    input: proposalUpdateSchema,
    output: proposalRecordSchema,
  }),
  'proposals:update-line': defineCall({
    method: 'updateProposalLine',
    summary: 'Change the quantity, price or wording of one proposal line',
    input: proposalLineUpdateSchema,
    output: proposalRecordSchema,
  }),
  'proposals:remove-line': defineCall({
    method: 'removeProposalLine',
    summary: 'Take one line out of a proposal',
    input: proposalLineRemoveSchema,
    output: proposalRecordSchema,
  }),
} as const;
