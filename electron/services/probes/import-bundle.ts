import type { Database } from 'better-sqlite3';
import type { ProbeRunSummary } from '../../../shared/probes/probe-schemas';
import { parseBundleText } from './bundle';
import { assertCaseExists, findRunByBundle, insertProbeResult, insertProbeRun, listProbeRuns } from './probes-repository';

/**
 * Validates a collector bundle and attaches it to a case as one run, all in one transaction:
 * a refused bundle changes nothing. Importing the same bundle twice gives the same run.
 */
export const importBundle = (db: Database, caseId: string, bundleText: string): ProbeRunSummary => {
  assertCaseExists(db, caseId);
  const bundle = parseBundleText(bundleText);
  const runId = db.transaction(() => {
    const existing = findRunByBundle(db, caseId, bundle.sha256);
    if (existing) return existing;
    const finishedAt = bundle.results.reduce((latest, r) => {
      const end = new Date(new Date(r.startedAt).getTime() + r.durationMs).toISOString();
      return end > latest ? end : latest;
    }, bundle.createdAt);
    const id = insertProbeRun(db, {
      caseId,
      probeIds: bundle.results.map((r) => r.probeId),
      targets: bundle.targets,
      source: 'collector',
      host: bundle.host.hostname,
      toolVersion: bundle.toolVersion,
      status: 'complete',
      startedAt: bundle.createdAt,
      finishedAt,
      bundleSha256: bundle.sha256,
    });
    for (const result of bundle.results) insertProbeResult(db, id, result);
    return id;
  })();
  return listProbeRuns(db, caseId).find((r) => r.id === runId) as ProbeRunSummary;
};
