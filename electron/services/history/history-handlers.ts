import type { historyCalls } from '../../../shared/contract/calls/history-calls';
import type { HandlersFor } from '../api/handler-types';
import type { AppServices } from '../app-services';
import { getCase } from '../cases/cases-repository';
import { compareCases } from './compare-service';
import { customerTimeline, searchHistory } from './history-repository';
import { carriedQuestionIds, reassessCase } from './reassess';
import { customersByLevel, portfolioPage, portfolioRows } from './portfolio-repository';
import { portfolioToCsv } from '../../../shared/history/portfolio-csv';
import { appLanguageOf } from '../db/app-language';
import { refreshDirtyCases } from './case-index';

export const historyHandlers = ({ db, log }: AppServices): HandlersFor<typeof historyCalls> => ({
  'history:search': (input) => searchHistory(db, input, log),
  'history:timeline': (input) => customerTimeline(db, input.customerId, log),
  'history:compare': (input) => compareCases(db, input.firstCaseId, input.secondCaseId, log),
  'history:portfolio': (input) => portfolioPage(db, input, log),
  'history:portfolio-levels': (input) => customersByLevel(db, input, log),
  'history:portfolio-csv': (input) => {
    refreshDirtyCases(db, log);
    const rows = portfolioRows(db, input);
    // The account manager's language, as on the screen the export was asked from.
    const text = portfolioToCsv(rows, appLanguageOf(db));
    return { fileName: `portfolio-${new Date().toISOString().slice(0, 10)}.csv`, mime: 'text/csv' as const, text, rows: rows.length };
  },
  'cases:reassess': (input) => reassessCase(db, input.previousCaseId, input.engineer),
  'cases:carried': (input) => {
    getCase(db, input.caseId);
    return carriedQuestionIds(db, input.caseId);
  },
});
