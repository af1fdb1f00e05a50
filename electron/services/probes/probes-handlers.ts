import type { probesCalls } from '../../../shared/contract/calls/probes-calls';
import type { HandlersFor } from '../api/handler-types';
import type { AppServices } from '../app-services';
import { readSyncState } from '../sync/sync-state';
import { importBundle } from './import-bundle';
import { defaultProbeIds, probeCatalog, probesById } from './probe-registry';
import { getProbeRun, listProbeRuns } from './probes-repository';

export const probesHandlers = (services: AppServices): HandlersFor<typeof probesCalls> => {
  const manager = services.probeRuns;
  return {
    'probes:catalog': () => probeCatalog(),
    'probes:start': (input) => {
      // An enrolled laptop measures the segment to its own hub too, unless the engineer named one.
      const hubUrl = readSyncState(services.db)?.hub_url;
      const targets = input.targets.responsivenessHub || !hubUrl ? input.targets : { ...input.targets, responsivenessHub: hubUrl };
      return { runId: manager.start(input.caseId, probesById(input.probeIds ?? defaultProbeIds), targets) };
    },
    'probes:progress': (input) => manager.progress(input.runId),
    'probes:cancel': (input) => manager.cancel(input.runId),
    'probes:list-runs': (input) => listProbeRuns(services.db, input.caseId, manager.isActive),
    'probes:get-run': (input) => getProbeRun(services.db, input.runId, manager.isActive),
    'probes:import': (input) => importBundle(services.db, input.caseId, input.bundleText),
  };
};
