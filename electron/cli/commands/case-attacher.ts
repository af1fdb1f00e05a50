import { withSession } from '../cli-context';
import type { CaseAttacher } from './collect-command';

/** `collect --case`: the bundle goes into the local case history through the contract, like `import`. */
export const sessionCaseAttacher: CaseAttacher = {
  check: async (dataDir, caseId) => {
    await withSession(dataDir, ({ api }) => api.getCase({ id: caseId }));
  },
  attach: (dataDir, caseId, bundleText) =>
    withSession(dataDir, async ({ api }) => {
      const run = await api.importProbeBundle({ caseId, bundleText });
      return { caseId: run.caseId, runId: run.id };
    }),
};
