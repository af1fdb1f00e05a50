import type { HandlersFor } from '../api/handler-types';
import type { AppServices } from '../app-services';
import type { syncCalls } from '../../../shared/contract/calls/sync-calls';
import { listPartnerCases } from './partner-cases';
import { enrollWithHub, runSync, syncStatus } from './sync-engine';
import { syncDepsFor } from './sync-services';

/** One sync at a time per services: a second "sync now" waits for the running one. */
const running = new WeakMap<AppServices, Promise<unknown>>();

export const syncHandlers = (services: AppServices): HandlersFor<typeof syncCalls> => ({
  'sync:enroll': (input) => enrollWithHub(syncDepsFor(services), input),
  'sync:status': () => syncStatus(services.db, syncDepsFor(services).tokenStore),
  'sync:now': async () => {
    const previous = running.get(services) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => runSync(syncDepsFor(services)));
    running.set(services, next);
    return next;
  },
  'sync:partner-cases': (input) => listPartnerCases(services.db, input.search),
});
