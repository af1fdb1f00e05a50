import type { historyCalls } from '../../../shared/contract/calls/history-calls';
import type { HandlersFor } from '../api/handler-types';
import type { AppServices } from '../app-services';
import { getCase } from '../cases/cases-repository';
import { compareCases } from './compare-service';
import { customerTimeline, searchHistory } from './history-repository';
import { carriedQuestionIds, reassessCase } from './reassess';

export const historyHandlers = ({ db, log }: AppServices): HandlersFor<typeof historyCalls> => ({
  'history:search': (input) => searchHistory(db, input, log),
  'history:timeline': (input) => customerTimeline(db, input.customerId, log),
  'history:compare': (input) => compareCases(db, input.firstCaseId, input.secondCaseId, log),
  'cases:reassess': (input) => reassessCase(db, input.previousCaseId, input.engineer),
  'cases:carried': (input) => {
    getCase(db, input.caseId);
    return carriedQuestionIds(db, input.caseId);
  },
});
