import { withSession } from '../cli-context';
import type { CaseAttacher } from './collect-command';
import { assertCaseHistoryExists } from './import-command';

/** `collect --case`: the bundle goes into the local case history through the contract, like `import`. */
export const sessionCaseAttacher: CaseAttacher = {
  check: async (flags, caseId) => {
    assertCaseHistoryExists(flags.dataDir);
    await withSession(flags, ({ api }) => api.getCase({ id: caseId }));
  },
  attach: (flags, caseId, bundleText) =>
    withSession(flags, async ({ api }) => {
      const run = await api.importProbeBundle({ caseId, bundleText });
      return { caseId: run.caseId, runId: run.id };
    }),
};
