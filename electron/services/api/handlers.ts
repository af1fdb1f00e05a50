import type { ApiContract } from '../../../shared/contract/api-contract';
import type { AppServices } from '../app-services';
import type { HandlersFor } from './handler-types';
import { guardCaseWrites } from './case-write-channels';
import { appHandlers } from './app-handlers';
import { casesHandlers } from '../cases/cases-handlers';
import { interviewHandlers } from '../interview/interview-handlers';
import { probesHandlers } from '../probes/probes-handlers';
import { syncHandlers } from '../sync/sync-handlers';
import { brandingHandlers } from '../reports/branding-handlers';
import { reportsHandlers } from '../reports/reports-handlers';
import { historyHandlers } from '../history/history-handlers';
import { questionnaireHandlers } from '../questionnaire/questionnaire-handlers';
import { proposalsHandlers } from '../proposals/proposals-handlers';
import { commentsHandlers } from '../proposals/comments-handlers';

export type Handlers = HandlersFor<ApiContract>;

/**
 * The service side of every call in the contract; IPC, the HTTP bridge and the CLI all serve
 * these. Each feature contributes its own handler factory; the type makes a missing one an error.
 */
export const createHandlers = (services: AppServices): Handlers =>
  guardCaseWrites(services.db, {
  ...appHandlers(services),
  ...casesHandlers(services),
  ...interviewHandlers(services),
  ...probesHandlers(services),
  ...syncHandlers(services),
  ...brandingHandlers(services),
  ...reportsHandlers(services),
  ...historyHandlers(services),
  ...questionnaireHandlers(services),
  ...proposalsHandlers(services),
  ...commentsHandlers(services),
  });
