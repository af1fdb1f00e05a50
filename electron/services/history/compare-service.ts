import type { Database } from 'better-sqlite3';
import { compareAssessments, type AssessmentSnapshot, type Comparison } from '../../../shared/history/compare';
import type { ReadinessLevel, Severity } from '../../../shared/interview/bank-schema';
import { refreshDirtyCases } from './case-index';
import type { Log } from '../log/logger';
import { serviceFailure } from '../../../shared/i18n/service-failure';

interface SnapshotRow {
  id: string;
  customer_id: string;
  created_at: string;
  title: string;
  level: ReadinessLevel | null;
  readiness_index: number | null;
  pillar_scores: string | null;
  findings: string | null;
  metrics: string | null;
}

const snapshotOf = (db: Database, caseId: string): AssessmentSnapshot & { customerId: string } => {
  const row = db
    .prepare(
      `SELECT c.id, c.customer_id, c.created_at, c.title, sm.level, sm.readiness_index, sm.pillar_scores, sm.findings, sm.metrics
       FROM cases c LEFT JOIN case_summaries sm ON sm.case_id = c.id WHERE c.id = ? AND c.deleted = 0`,
    )
    .get(caseId) as SnapshotRow | undefined;
  if (!row) throw serviceFailure('not_found', 'error.caseNotFound', { id: caseId });
  const pillars = Object.entries(JSON.parse(row.pillar_scores ?? '{}') as Record<string, { title: string; score: number; confidence: number }>).map(
    ([pillarId, p]) => ({ pillarId, title: p.title, score: p.score, confidence: p.confidence }),
  );
  return {
    caseId: row.id,
    customerId: row.customer_id,
    createdAt: row.created_at,
    title: row.title,
    level: row.level,
    readinessIndex: row.readiness_index,
    pillars,
    findings: JSON.parse(row.findings ?? '[]') as Array<{ id: string; title: string; severity: Severity }>,
    metrics: JSON.parse(row.metrics ?? '{}') as Record<string, number>,
  };
};

/** Compares two assessments of one customer, the earlier one first whatever the order asked. */
export const compareCases = (db: Database, firstId: string, secondId: string, log: Log): Comparison => {
  if (firstId === secondId) throw serviceFailure('validation', 'error.compareSame');
  refreshDirtyCases(db, log);
  const a = snapshotOf(db, firstId);
  const b = snapshotOf(db, secondId);
  // Same customer name is the same customer: two engineers' laptops each made their own customer row.
  const sameCustomer = (x: string, y: string) =>
    x === y || db.prepare('SELECT 1 FROM customers p JOIN customers q ON p.name = q.name WHERE p.id = ? AND q.id = ?').get(x, y) !== undefined;
  if (!sameCustomer(a.customerId, b.customerId)) throw serviceFailure('validation', 'error.compareOtherCustomer');
  const [before, after] = a.createdAt <= b.createdAt ? [a, b] : [b, a];
  return compareAssessments(before, after);
};
