import type { Database } from 'better-sqlite3';
import type { MetricReading, Metrics } from '../../../shared/interview/metric-readings';
import { measurementSchema } from '../../../shared/probes/measurement';
import { resultMeasurements } from '../../../shared/probes/result-measurements';
import { probeResultSchema, type ProbeResult } from '../../../shared/probes/probe-schemas';

interface ResultRow {
  run_id: string;
  probe_id: string;
  title: string;
  status: string;
  message: string;
  started_at: string;
  duration_ms: number;
  metrics: string;
  measurements: string | null;
  details: string;
}

/** A stored row as a result; a row that no longer parses is skipped (logged by the caller's tests, never scored). */
const parseRow = (row: ResultRow): ProbeResult | null => {
  try {
    const parsed = probeResultSchema.safeParse({
      probeId: row.probe_id,
      title: row.title,
      status: row.status,
      message: row.message,
      startedAt: row.started_at,
      durationMs: row.duration_ms,
      metrics: JSON.parse(row.metrics),
      ...(row.measurements ? { measurements: JSON.parse(row.measurements) } : {}),
      samples: [],
      details: JSON.parse(row.details),
    });
    return parsed.success ? parsed.data : null;
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw error;
  }
};

/**
 * The probe measurements of a case as the engine reads them: per metric, one reading per scope
 * (LAN, internet, this laptop, AI endpoints). In each scope the newest measured value wins; a
 * newer failure does not hide it; a scope with only failures reads "could not be measured".
 * Every reading keeps its probe run, far end and time, so an answer taken from it can say so.
 */
export const caseMetrics = (db: Database, caseId: string): Metrics => {
  const rows = db
    .prepare(
      `SELECT r.run_id, r.probe_id, r.title, r.status, r.message, r.started_at, r.duration_ms, r.metrics, r.measurements, r.details
       FROM probe_results r JOIN probe_runs u ON u.id = r.run_id
       WHERE u.case_id = ? AND u.deleted = 0 AND r.deleted = 0 AND r.status <> 'cancelled'
       ORDER BY u.started_at DESC, r.started_at DESC`,
    )
    .all(caseId) as ResultRow[];
  const byMetric = new Map<string, MetricReading[]>();
  for (const row of rows) {
    const result = parseRow(row);
    if (!result) continue;
    for (const [metric, raw] of Object.entries(resultMeasurements(result))) {
      const m = measurementSchema.safeParse(raw);
      if (!m.success) continue;
      const list = byMetric.get(metric) ?? [];
      const same = list.find((r) => r.scope === m.data.scope);
      // Newest first: keep the first reading per scope, unless it failed and this older one measured.
      if (same && (same.state === 'measured' || m.data.state !== 'measured')) continue;
      const reading: MetricReading =
        m.data.state === 'measured'
          ? {
              state: 'measured',
              value: typeof m.data.value === 'boolean' ? (m.data.value ? 1 : 0) : m.data.value,
              scope: m.data.scope,
              farEnd: m.data.farEnd,
              runId: row.run_id,
              measuredAt: row.started_at,
            }
          : { state: m.data.state, scope: m.data.scope, reason: m.data.reason, runId: row.run_id, measuredAt: row.started_at };
      byMetric.set(metric, [...list.filter((r) => r !== same), reading]);
    }
  }
  return Object.fromEntries(byMetric);
};

/** Measured numbers by metric (any scope, newest measured), as the history index and compare keep them. */
export const caseMetricValues = (metrics: Metrics): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const [name, input] of Object.entries(metrics)) {
    const list = (Array.isArray(input) ? input : [input]) as Array<MetricReading | number | string | boolean>;
    for (const r of list) {
      const value = typeof r === 'object' ? (r.state === 'measured' ? r.value : undefined) : typeof r === 'boolean' ? (r ? 1 : 0) : r;
      if (typeof value === 'number' && Number.isFinite(value)) {
        out[name] = value;
        break;
      }
    }
  }
  return out;
};
