import type { Database } from 'better-sqlite3';
import { serviceFailure } from '../../../shared/i18n/service-failure';
import {
  probeIdSchema,
  probeResultSchema,
  probeTargetsSchema,
  sweepAuthorisationSchema,
  type ProbeId,
  type ProbeResult,
  type ProbeRunDetail,
  type ProbeRunStatus,
  type ProbeRunSummary,
  type ProbeStatus,
  type ProbeTargets,
} from '../../../shared/probes/probe-schemas';
import { newId } from '../db/device-clock';
import { writeSyncedRow } from '../db/synced-write';

interface RunRow {
  id: string;
  case_id: string;
  status: ProbeRunStatus;
  source: 'app' | 'collector';
  host: string;
  tool_version: string;
  probe_ids: string;
  targets: string;
  sweep_authorisation: string | null;
  bundle_sha256: string | null;
  started_at: string;
  finished_at: string | null;
}

interface ResultRow {
  probe_id: string;
  title: string;
  status: ProbeStatus;
  message: string;
  started_at: string;
  duration_ms: number;
  metrics: string;
  measurements: string | null;
  samples: string;
  details: string;
}

export interface NewProbeRun {
  readonly caseId: string;
  readonly probeIds: readonly ProbeId[];
  readonly targets: ProbeTargets;
  readonly source: 'app' | 'collector';
  readonly host: string;
  readonly toolVersion: string;
  readonly status: ProbeRunStatus;
  readonly startedAt: string;
  readonly finishedAt?: string | null;
  readonly bundleSha256?: string | null;
}

export const assertCaseExists = (db: Database, caseId: string): void => {
  if (!db.prepare('SELECT 1 FROM cases WHERE id = ? AND deleted = 0').get(caseId)) throw serviceFailure('not_found', 'error.caseNotFound', { id: caseId });
};

/** Inserts the run row (and its outbox mutation); call inside a transaction. */
export const insertProbeRun = (db: Database, run: NewProbeRun): string => {
  const id = newId();
  writeSyncedRow(db, 'probe_runs', id, {
    case_id: run.caseId,
    status: run.status,
    source: run.source,
    host: run.host,
    tool_version: run.toolVersion,
    probe_ids: JSON.stringify(run.probeIds),
    targets: JSON.stringify(run.targets),
    sweep_authorisation: run.targets.sweep ? JSON.stringify(run.targets.sweep) : null,
    bundle_sha256: run.bundleSha256 ?? null,
    started_at: run.startedAt,
    finished_at: run.finishedAt ?? null,
  });
  return id;
};

export const insertProbeResult = (db: Database, runId: string, result: ProbeResult): void => {
  writeSyncedRow(db, 'probe_results', newId(), {
    run_id: runId,
    probe_id: result.probeId,
    title: result.title,
    status: result.status,
    message: result.message,
    started_at: result.startedAt,
    duration_ms: result.durationMs,
    metrics: JSON.stringify(result.metrics),
    measurements: result.measurements ? JSON.stringify(result.measurements) : null,
    samples: JSON.stringify(result.samples),
    details: JSON.stringify(result.details),
  });
};

export const saveProbeResult = (db: Database, runId: string, result: ProbeResult): void =>
  db.transaction(() => insertProbeResult(db, runId, result))();

export const finishProbeRun = (db: Database, runId: string, status: ProbeRunStatus, finishedAt = new Date().toISOString()): void =>
  db.transaction(() => {
    writeSyncedRow(db, 'probe_runs', runId, { status, finished_at: finishedAt });
  })();

const resultsOf = (db: Database, runId: string): ProbeResult[] =>
  (
    db
      .prepare(
        'SELECT probe_id, title, status, message, started_at, duration_ms, metrics, measurements, samples, details FROM probe_results WHERE run_id = ? AND deleted = 0 ORDER BY rowid',
      )
      .all(runId) as ResultRow[]
  ).map((row) =>
    probeResultSchema.parse({
      probeId: row.probe_id,
      title: row.title,
      status: row.status,
      message: row.message,
      startedAt: row.started_at,
      durationMs: row.duration_ms,
      metrics: JSON.parse(row.metrics),
      // Rows written before far ends were recorded have none: resultMeasurements derives them.
      ...(row.measurements ? { measurements: JSON.parse(row.measurements) } : {}),
      samples: JSON.parse(row.samples),
      details: JSON.parse(row.details),
    }),
  );

const countsOf = (db: Database, runId: string): Record<ProbeStatus, number> => {
  const counts: Record<ProbeStatus, number> = { ok: 0, failed: 0, timeout: 0, cancelled: 0, unsupported: 0 };
  for (const row of db.prepare('SELECT status, count(*) AS n FROM probe_results WHERE run_id = ? AND deleted = 0 GROUP BY status').all(runId) as {
    status: ProbeStatus;
    n: number;
  }[]) {
    counts[row.status] = row.n;
  }
  return counts;
};

/** A run still marked running that no one in this process is running was cut short (crash, power loss). */
const effectiveStatus = (row: RunRow, isActive: (runId: string) => boolean): ProbeRunStatus =>
  row.status === 'running' && !isActive(row.id) ? 'interrupted' : row.status;

const toSummary = (db: Database, row: RunRow, isActive: (runId: string) => boolean): ProbeRunSummary => ({
  id: row.id,
  caseId: row.case_id,
  status: effectiveStatus(row, isActive),
  source: row.source,
  host: row.host,
  toolVersion: row.tool_version,
  probeIds: (JSON.parse(row.probe_ids) as string[]).map((p) => probeIdSchema.parse(p)),
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  bundleSha256: row.bundle_sha256,
  resultCounts: countsOf(db, row.id),
});

const runColumns =
  'id, case_id, status, source, host, tool_version, probe_ids, targets, sweep_authorisation, bundle_sha256, started_at, finished_at';

export const listProbeRuns = (db: Database, caseId: string, isActive: (runId: string) => boolean = () => false): ProbeRunSummary[] => {
  assertCaseExists(db, caseId);
  return (
    db.prepare(`SELECT ${runColumns} FROM probe_runs WHERE case_id = ? AND deleted = 0 ORDER BY started_at DESC, id DESC`).all(caseId) as RunRow[]
  ).map((row) => toSummary(db, row, isActive));
};

export const getProbeRun = (db: Database, runId: string, isActive: (runId: string) => boolean = () => false): ProbeRunDetail => {
  const row = db.prepare(`SELECT ${runColumns} FROM probe_runs WHERE id = ? AND deleted = 0`).get(runId) as RunRow | undefined;
  if (!row) throw serviceFailure('not_found', 'error.probes.runNotFound', { id: runId });
  return {
    ...toSummary(db, row, isActive),
    targets: probeTargetsSchema.parse(JSON.parse(row.targets)),
    sweepAuthorisation: row.sweep_authorisation ? sweepAuthorisationSchema.parse(JSON.parse(row.sweep_authorisation)) : null,
    results: resultsOf(db, runId),
  };
};

export const findRunByBundle = (db: Database, caseId: string, sha256: string): string | null =>
  (db.prepare('SELECT id FROM probe_runs WHERE case_id = ? AND bundle_sha256 = ? AND deleted = 0').get(caseId, sha256) as { id: string } | undefined)?.id ??
  null;
