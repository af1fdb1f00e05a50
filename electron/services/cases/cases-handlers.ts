import type { HandlersFor } from '../api/handler-types';
import type { AppServices } from '../app-services';
import type { casesCalls } from '../../../shared/contract/calls/cases-calls';
import { archiveCase, completeCase, createCase, getCase, listCaseEvents, listCases, reopenCase, updateCase } from './cases-repository';

export const casesHandlers = ({ db }: AppServices): HandlersFor<typeof casesCalls> => ({
  'cases:list': (input) => listCases(db, input),
  'cases:get': (input) => getCase(db, input.id),
  'cases:create': (input) => createCase(db, input),
  'cases:update': (input) => updateCase(db, input),
  'cases:archive': (input) => archiveCase(db, input.id, input.archived),
  'cases:complete': (input) => completeCase(db, input.id, input.by),
  'cases:reopen': (input) => reopenCase(db, input.id, input.reason, input.by),
  'cases:events': (input) => listCaseEvents(db, input.id),
});
