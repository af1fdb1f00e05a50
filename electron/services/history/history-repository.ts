import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { ApiFailure } from '../../../shared/contract/result';
import { ftsMatchExpression } from '../../../shared/history/fts-query';
import type { historyQuerySchema, HistoryPage, HistoryRow, CustomerTimeline, HistorySort } from '../../../shared/history/history-schemas';
import type { ReadinessLevel } from '../../../shared/interview/bank-schema';
import { caseSelect, toSummary, type CaseRow } from '../cases/cases-repository';
import { refreshDirtyCases } from './case-index';

type HistoryQuery = z.output<typeof historyQuerySchema>;

interface HistoryDbRow extends CaseRow {
  level: ReadinessLevel | null;
  readiness_index: number | null;
  confidence: number | null;
  previous_case_id: string | null;
}

const orderBy: Record<HistorySort, string> = {
  created_desc: 'c.created_at DESC, c.id DESC',
  created_asc: 'c.created_at ASC, c.id ASC',
  customer_asc: 'cu.name COLLATE NOCASE ASC, c.created_at DESC, c.id DESC',
  updated_desc: 'c.updated_at DESC, c.id DESC',
  index_asc: 'sm.readiness_index IS NULL, sm.readiness_index ASC, c.id',
  index_desc: 'sm.readiness_index IS NULL, sm.readiness_index DESC, c.id',
  relevance: 'case_search.rank, c.created_at DESC',
};

const historySelect = caseSelect.replace(
  'SELECT c.id,',
  'SELECT sm.level, sm.readiness_index, sm.confidence, c.previous_case_id, c.id,',
);

const toHistoryRow = (row: HistoryDbRow): HistoryRow => ({
  ...toSummary(row),
  level: row.level,
  readinessIndex: row.readiness_index === null ? null : Math.round(row.readiness_index * 10) / 10,
  confidence: row.confidence,
  previousCaseId: row.previous_case_id,
});

/** One page of the history with its filters; FTS5 does the text, indexes the rest. */
export const searchHistory = (db: Database, query: HistoryQuery): HistoryPage => {
  refreshDirtyCases(db);
  const where: string[] = ['c.deleted = 0'];
  const params: Record<string, unknown> = {};
  const match = ftsMatchExpression(query.text);
  let from = `${historySelect} LEFT JOIN case_summaries sm ON sm.case_id = c.id`;
  if (match) {
    from += ' JOIN case_search ON case_search.rowid = c.rowid';
    where.push('case_search MATCH @match');
    params.match = match;
  }
  if (query.engineer) {
    where.push('c.engineer = @engineer COLLATE NOCASE');
    params.engineer = query.engineer;
  }
  if (query.from) {
    where.push('c.created_at >= @from');
    params.from = query.from;
  }
  if (query.to) {
    // The whole of the `to` day counts.
    where.push("c.created_at < date(@to, '+1 day')");
    params.to = query.to;
  }
  if (query.levels.length > 0) {
    where.push(`sm.level IN (${query.levels.map((_, i) => `@level${i}`).join(', ')})`);
    query.levels.forEach((level, i) => (params[`level${i}`] = level));
  }
  if (query.statuses.length > 0) {
    where.push(`c.status IN (${query.statuses.map((_, i) => `@status${i}`).join(', ')})`);
    query.statuses.forEach((status, i) => (params[`status${i}`] = status));
  }
  if (query.pillarBelow) {
    where.push('json_extract(sm.pillar_scores, @pillarPath) < @pillarScore');
    params.pillarPath = `$."${query.pillarBelow.pillarId}".score`;
    params.pillarScore = query.pillarBelow.score;
  }
  if (query.customerId) {
    where.push('c.customer_id = @customerId');
    params.customerId = query.customerId;
  }
  if (!query.includeArchived) where.push('c.archived = 0');
  const sort = query.sort === 'relevance' && !match ? 'created_desc' : query.sort;
  const filtered = `${from} WHERE ${where.join(' AND ')}`;
  const total = db.prepare(`SELECT count(*) FROM (${filtered})`).pluck().get(params) as number;
  const rows = db
    .prepare(`${filtered} ORDER BY ${orderBy[sort]} LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: query.limit, offset: query.offset }) as HistoryDbRow[];
  return { total, offset: query.offset, rows: rows.map(toHistoryRow) };
};

/** Every assessment of one customer, oldest first, with its level. */
export const customerTimeline = (db: Database, customerId: string): CustomerTimeline => {
  const customer = db.prepare('SELECT id, name FROM customers WHERE id = ? AND deleted = 0').get(customerId) as
    | { id: string; name: string }
    | undefined;
  if (!customer) throw new ApiFailure('not_found', `No customer with id ${customerId}`);
  const page = searchHistory(db, {
    text: '',
    engineer: '',
    levels: [],
    statuses: [],
    customerId,
    includeArchived: true,
    sort: 'created_asc',
    offset: 0,
    limit: 500,
  });
  return { customerId: customer.id, customerName: customer.name, assessments: page.rows };
};
