import type { HandlersFor } from '../api/handler-types';
import type { AppServices } from '../app-services';
import type { syncCalls } from '../../../shared/contract/calls/sync-calls';
import { listConflicts, resolveConflict } from './field-conflicts';
import { listPartnerCases } from './partner-cases';
import { enrollWithHub, syncStatus } from './sync-engine';
import { setBackgroundSync, syncDepsFor, syncOnce } from './sync-services';

export const syncHandlers = (services: AppServices): HandlersFor<typeof syncCalls> => ({
  'sync:enroll': (input) => enrollWithHub(syncDepsFor(services), input),
  'sync:status': () => {
    const deps = syncDepsFor(services);
    return syncStatus(deps.db, deps.tokenStore, deps.maxClockSkewMs, deps.background);
  },
  'sync:background': (input) => setBackgroundSync(services, input.paused),
  'sync:now': () => syncOnce(services),
  'sync:partner-cases': (input) => listPartnerCases(services.db, input.search),
  'sync:conflicts': (input) => listConflicts(services.db, services.log, input.caseId),
  'sync:resolve-conflict': (input) => resolveConflict(services.db, services.log, input),
});
