import type { Log } from '../log/logger';
import type { Database } from 'better-sqlite3';
import { serviceFailure } from '../../../shared/i18n/service-failure';
import type { ProbeId, ProbeProgress, ProbeProgressItem, ProbeRunStatus, ProbeTargets } from '../../../shared/probes/probe-schemas';
import type { ProbeDefinition } from './probe-definition';
import { assertCaseExists, finishProbeRun, getProbeRun, insertProbeRun, saveProbeResult } from './probes-repository';
import { runProbes } from './run-probes';
import { describeHost } from './bundle';

interface ActiveRun {
  readonly controller: AbortController;
  readonly items: Map<ProbeId, ProbeProgressItem>;
  readonly finished: Promise<void>;
}

/**
 * Runs probe suites in the background for the app: one row per run, one per finished probe as
 * it finishes, live progress in memory for polling, cancel by run id.
 */
export class ProbeRunManager {
  private readonly active = new Map<string, ActiveRun>();

  constructor(
    private readonly db: Database,
    private readonly toolVersion: string,
    private readonly log: Log,
  ) {}

  isActive = (runId: string): boolean => this.active.has(runId);

  start(caseId: string, probes: readonly ProbeDefinition[], targets: ProbeTargets): string {
    if (probes.length === 0) throw serviceFailure('validation', 'error.probes.noneChosen');
    const runId = this.db.transaction(() => {
      assertCaseExists(this.db, caseId);
      return insertProbeRun(this.db, {
        caseId,
        probeIds: probes.map((p) => p.id),
        targets,
        source: 'app',
        host: describeHost().hostname,
        toolVersion: this.toolVersion,
        status: 'running',
        startedAt: new Date().toISOString(),
      });
    })();
    const controller = new AbortController();
    const items = new Map<ProbeId, ProbeProgressItem>(probes.map((p) => [p.id, { probeId: p.id, title: p.title, fraction: 0, message: 'waiting', status: null }]));
    const finished = runProbes(probes, {
      targets,
      log: this.log,
      signal: controller.signal,
      onProgress: (event) => {
        const item = items.get(event.probeId);
        if (item && item.status === null) items.set(event.probeId, { ...item, fraction: event.fraction, message: event.message || item.message });
      },
      onResult: (result) => {
        const item = items.get(result.probeId);
        if (item) items.set(result.probeId, { ...item, fraction: 1, message: result.message, status: result.status });
        try {
          saveProbeResult(this.db, runId, result);
        } catch (error) {
          this.log.error({ err: error, runId, probeId: result.probeId }, 'could not save a probe result');
        }
      },
    })
      .then(() => {
        const status: ProbeRunStatus = controller.signal.aborted ? 'cancelled' : 'complete';
        finishProbeRun(this.db, runId, status);
      })
      .catch((error: unknown) => this.log.error({ err: error, runId }, 'probe run failed'))
      .finally(() => this.active.delete(runId));
    this.active.set(runId, { controller, items, finished });
    return runId;
  }

  progress(runId: string): ProbeProgress {
    const run = this.active.get(runId);
    if (run) return { runId, status: 'running', probes: [...run.items.values()] };
    const stored = getProbeRun(this.db, runId, this.isActive);
    return {
      runId,
      status: stored.status,
      probes: stored.probeIds.map((id) => {
        const result = stored.results.find((r) => r.probeId === id);
        return { probeId: id, title: result?.title ?? id, fraction: result ? 1 : 0, message: result?.message ?? 'not run', status: result?.status ?? null };
      }),
    };
  }

  /** Aborts every probe of the run; their sockets close at once. Resolves when the run is stored. */
  async cancel(runId: string): Promise<ProbeProgress> {
    const run = this.active.get(runId);
    if (run) {
      run.controller.abort();
      await run.finished;
    } else {
      getProbeRun(this.db, runId); // not found → a clear error
    }
    return this.progress(runId);
  }

  /** For tests and shutdown: wait for a run to end. */
  async settled(runId: string): Promise<void> {
    await this.active.get(runId)?.finished;
  }
}
