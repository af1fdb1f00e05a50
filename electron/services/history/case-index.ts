import type { Database } from 'better-sqlite3';
import { scoreCase } from '../interview/interview-service';
import { caseMetricValues, caseMetrics } from '../interview/case-metrics';
import type { ScoreResult } from '../../../shared/interview/score-types';
import type { Log } from '../log/logger';

interface CaseDocRow {
  rowid: number;
  id: string;
  deleted: number;
  customer: string;
  site: string | null;
  title: string;
  engineer: string;
}

const textOf = (db: Database, sql: string, ...params: string[]): string =>
  (db.prepare(sql).pluck().all(...params) as Array<string | null>).filter(Boolean).join('\n');

/** Scores only what has been answered: a case nobody interviewed has no level yet. */
const summaryScore = (db: Database, caseId: string, log: Log): ScoreResult | null => {
  const answered = db.prepare('SELECT count(*) FROM answers WHERE case_id = ? AND deleted = 0').pluck().get(caseId) as number;
  if (answered === 0) return null;
  try {
    return scoreCase(db, caseId);
  } catch (error) {
    // The case stays searchable; its history row shows no level until a change scores it again.
    log.warn({ err: error, caseId }, 'case could not be scored for the history index');
    return null;
  }
};

/** The latest HLC of the engineer's work on a case: the tables whose changes mark it dirty. HLCs sort as text. */
const lastWorkOf = (db: Database, caseId: string): string | null =>
  db
    .prepare(
      `SELECT max(hlc) FROM (
         SELECT updated_at AS hlc FROM cases WHERE id = @caseId
         UNION ALL SELECT max(updated_at) FROM contacts WHERE case_id = @caseId
         UNION ALL SELECT max(updated_at) FROM answers WHERE case_id = @caseId AND deleted = 0
         UNION ALL SELECT max(updated_at) FROM probe_runs WHERE case_id = @caseId
         UNION ALL SELECT max(updated_at) FROM finding_exceptions WHERE case_id = @caseId AND deleted = 0)`,
    )
    .pluck()
    .get({ caseId }) as string | null;

const rebuildCase = (db: Database, caseId: string, log: Log): void => {
  const row = db
    .prepare(
      `SELECT c.rowid, c.id, c.deleted, cu.name AS customer, s.name AS site, c.title, c.engineer
       FROM cases c JOIN customers cu ON cu.id = c.customer_id LEFT JOIN sites s ON s.id = c.site_id WHERE c.id = ?`,
    )
    .get(caseId) as CaseDocRow | undefined;
  db.prepare('DELETE FROM case_search WHERE rowid = ?').run(row?.rowid ?? -1);
  if (!row || row.deleted === 1) {
    db.prepare('DELETE FROM case_summaries WHERE case_id = ?').run(caseId);
    return;
  }
  const score = summaryScore(db, caseId, log);
  const people = textOf(db, "SELECT name || ' ' || role || ' ' || email FROM contacts WHERE case_id = ? AND deleted = 0", caseId);
  const notes = textOf(
    db,
    `SELECT note FROM answers WHERE case_id = ? AND deleted = 0 AND note <> ''
     UNION ALL SELECT json_extract(value, '$') FROM answers WHERE case_id = ? AND deleted = 0 AND json_type(value) = 'text'`,
    caseId,
    caseId,
  );
  const findings = (score?.findings ?? []).map((f) => `${f.title}\n${f.description}`).join('\n');
  db.prepare(
    'INSERT INTO case_search (rowid, customer, site, title, engineer, people, notes, findings) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(row.rowid, row.customer, row.site ?? '', row.title, row.engineer, people, notes, findings);
  db.prepare(
    `INSERT INTO case_summaries (case_id, level, readiness_index, confidence, pillar_scores, findings, metrics, answered, refreshed_at, last_work, open_critical)
     VALUES (@caseId, @level, @index, @confidence, @pillars, @findings, @metrics, @answered, @now, @lastWork, @openCritical)
     ON CONFLICT (case_id) DO UPDATE SET level = excluded.level, readiness_index = excluded.readiness_index,
       confidence = excluded.confidence, pillar_scores = excluded.pillar_scores, findings = excluded.findings,
       metrics = excluded.metrics, answered = excluded.answered, refreshed_at = excluded.refreshed_at,
       last_work = excluded.last_work, open_critical = excluded.open_critical`,
  ).run({
    caseId,
    level: score?.level ?? null,
    index: score ? score.index : null,
    confidence: score ? score.confidence : null,
    pillars: JSON.stringify(
      Object.fromEntries((score?.pillars ?? []).filter((p) => p.knownCount > 0).map((p) => [p.pillarId, { title: p.title, score: p.score, confidence: p.confidence }])),
    ),
    findings: JSON.stringify((score?.findings ?? []).map((f) => ({ id: f.id, title: f.title, severity: f.severity }))),
    metrics: JSON.stringify(caseMetricValues(caseMetrics(db, caseId))),
    answered: score?.progress.answered ?? 0,
    now: new Date().toISOString(),
    lastWork: lastWorkOf(db, caseId),
    // An exception keeps the finding on the report but takes it off the account manager's worry list.
    openCritical: (score?.findings ?? []).filter((f) => f.severity === 'critical' && !f.exception).length,
  });
};

/**
 * Brings the search documents and score summaries of every case marked dirty (by the triggers of
 * migration 15) up to date, in one transaction. Cheap when nothing changed: one indexed lookup.
 */
export const refreshDirtyCases = (db: Database, log: Log): number => {
  const dirty = db.prepare('SELECT case_id FROM case_index_dirty').pluck().all() as string[];
  if (dirty.length === 0) return 0;
  db.transaction(() => {
    for (const caseId of dirty) rebuildCase(db, caseId, log);
    const clear = db.prepare('DELETE FROM case_index_dirty WHERE case_id = ?');
    for (const caseId of dirty) clear.run(caseId);
  })();
  return dirty.length;
};
