import type { proposalsCalls } from '../../../shared/contract/calls/proposals-calls';
import type { HandlersFor } from '../api/handler-types';
import type { AppServices } from '../app-services';
import { createProposal, listProposals, removeProposalLine, updateProposal, updateProposalLine } from './proposals-repository';

export const proposalsHandlers = (services: AppServices): HandlersFor<typeof proposalsCalls> => {
  const { db } = services;
  return {
  'proposals:list': ({ caseId }) => listProposals(db, caseId),
  'proposals:create': ({ caseId, title }) => createProposal(services, caseId, title),
  'proposals:update': (input) => updateProposal(db, input),
  'proposals:update-line': (input) => updateProposalLine(db, input),
  'proposals:remove-line': ({ id }) => removeProposalLine(db, id),
};
};
