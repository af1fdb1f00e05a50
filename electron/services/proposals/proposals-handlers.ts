import type { proposalsCalls } from '../../../shared/contract/calls/proposals-calls';
import type { HandlersFor } from '../api/handler-types';
import type { AppServices } from '../app-services';
import { createProposal, listProposals, removeProposalLine, updateProposal, updateProposalLine } from './proposals-repository';

export const proposalsHandlers = ({ db, dataDir, log }: AppServices): HandlersFor<typeof proposalsCalls> => ({
  'proposals:list': ({ caseId }) => listProposals(db, caseId),
  'proposals:create': ({ caseId, title }) => createProposal({ db, dataDir, log }, caseId, title),
  'proposals:update': (input) => updateProposal(db, input),
  'proposals:update-line': (input) => updateProposalLine(db, input),
  'proposals:remove-line': ({ id }) => removeProposalLine(db, id),
});
