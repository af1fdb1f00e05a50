import type { Database } from 'better-sqlite3';
import type { Metrics } from '../../../shared/interview/effective-answers';

/**
 * The probe metrics of a case as the engine reads them: for each probe, its most recent
 * successful result; booleans become 1/0, text and missing values are left out.
 */
export const caseMetrics = (db: Database, caseId: string): Metrics => {
  const rows = db
    .prepare(
      `SELECT r.probe_id, r.metrics FROM probe_results r
       JOIN probe_runs u ON u.id = r.run_id
       WHERE u.case_id = ? AND u.deleted = 0 AND r.deleted = 0 AND r.status = 'ok'
       ORDER BY u.started_at ASC, r.started_at ASC`,
    )
    .all(caseId) as Array<{ probe_id: string; metrics: string }>;
  const metrics: Record<string, number> = {};
  // Later runs overwrite earlier ones: the newest measurement wins.
  for (const row of rows) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(row.metrics);
    } catch {
      continue;
    }
    if (!parsed || typeof parsed !== 'object') continue;
    for (const [name, value] of Object.entries(parsed as Record<string, unknown>)) {
      if (typeof value === 'number' && Number.isFinite(value)) metrics[name] = value;
      else if (typeof value === 'boolean') metrics[name] = value ? 1 : 0;
    }
  }
  return metrics;
};
