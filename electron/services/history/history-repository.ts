import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { ftsMatchExpression } from '../../../shared/history/fts-query';
import type { historyQuerySchema, HistoryPage, HistoryRow, CustomerTimeline, HistorySort } from '../../../shared/history/history-schemas';
import type { ReadinessLevel } from '../../../shared/interview/bank-schema';
import { toSummary, type CaseRow } from '../cases/cases-repository';
import { refreshDirtyCases } from './case-index';
import type { Log } from '../log/logger';
import { serviceFailure } from '../../../shared/i18n/service-failure';

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

const historySelect = `
  SELECT c.rowid AS rid, sm.level, sm.readiness_index, sm.confidence, c.previous_case_id, c.id, c.title, c.customer_id,
         cu.name AS customer_name, c.site_id, s.name AS site_name, s.address AS site_address, c.engineer, c.status,
         c.archived, c.created_at, c.updated_at, c.owner_device, c.owner_name, c.completed_at, c.completed_by,
         (SELECT hub_device_id FROM sync_state WHERE singleton = 1) AS me
  FROM cases c
  JOIN customers cu ON cu.id = c.customer_id
  LEFT JOIN sites s ON s.id = c.site_id
  LEFT JOIN case_summaries sm ON sm.case_id = c.id`;

const toHistoryRow = (row: HistoryDbRow): HistoryRow => ({
  ...toSummary(row),
  level: row.level,
  readinessIndex: row.readiness_index === null ? null : Math.round(row.readiness_index * 10) / 10,
  confidence: row.confidence,
  previousCaseId: row.previous_case_id,
});

/**
 * One page of the history with its filters. The page's case rowids come from the cases index, the
 * FTS table and the summaries only; names are joined for just those rows, so a deep page costs no
 * more joins than the first.
 */
export const searchHistory = (db: Database, query: HistoryQuery, log: Log): HistoryPage => {
  refreshDirtyCases(db, log);
  const where: string[] = ['c.deleted = 0'];
  const params: Record<string, unknown> = {};
  const joins: string[] = [];
  const match = ftsMatchExpression(query.text);
  const sort = query.sort === 'relevance' && !match ? 'created_desc' : query.sort;
  const needsSummary = query.levels.length > 0 || query.pillarBelow !== undefined || sort === 'index_asc' || sort === 'index_desc';
  if (match) {
    joins.push('JOIN case_search ON case_search.rowid = c.rowid');
    where.push('case_search MATCH @match');
    params.match = match;
  }
  if (needsSummary) joins.push('LEFT JOIN case_summaries sm ON sm.case_id = c.id');
  if (sort === 'customer_asc') joins.push('JOIN customers cu ON cu.id = c.customer_id');
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
    // Same customer name means the same customer, so another engineer's visits (their laptop made
    // its own customer row) land on one timeline and can be compared across engineers and years.
    where.push('c.customer_id IN (SELECT o.id FROM customers o JOIN customers k ON k.id = @customerId WHERE o.name = k.name AND o.deleted = 0)');
    params.customerId = query.customerId;
  }
  if (!query.includeArchived) where.push('c.archived = 0');
  if (query.ownership !== 'all') {
    // Partner cases are the ones another laptop owns; a case made here has no owner or this laptop's.
    const foreign = 'c.owner_device IS NOT NULL AND c.owner_device IS NOT (SELECT hub_device_id FROM sync_state WHERE singleton = 1)';
    where.push(query.ownership === 'partner' ? `(${foreign})` : `NOT (${foreign})`);
  }
  const filtered = `FROM cases c ${joins.join(' ')} WHERE ${where.join(' AND ')}`;
  let total: number;
  let pageIds: number[];
  if (match) {
    // One MATCH pass: every matching rowid in order, the page sliced out here.
    const all = db.prepare(`SELECT c.rowid ${filtered} ORDER BY ${orderBy[sort]}`).pluck().all(params) as number[];
    total = all.length;
    pageIds = all.slice(query.offset, query.offset + query.limit);
  } else {
    total = db.prepare(`SELECT count(*) ${filtered}`).pluck().get(params) as number;
    pageIds = db
      .prepare(`SELECT c.rowid ${filtered} ORDER BY ${orderBy[sort]} LIMIT @limit OFFSET @offset`)
      .pluck()
      .all({ ...params, limit: query.limit, offset: query.offset }) as number[];
  }
  const position = new Map(pageIds.map((id, i) => [id, i]));
  const rows = (db.prepare(`${historySelect} WHERE c.rowid IN (SELECT value FROM json_each(?))`).all(JSON.stringify(pageIds)) as Array<
    HistoryDbRow & { rid: number }
  >).sort((a, b) => (position.get(a.rid) ?? 0) - (position.get(b.rid) ?? 0));
  return { total, offset: query.offset, rows: rows.map(toHistoryRow) };
};

/** Every assessment of one customer, oldest first, with its level. */
export const customerTimeline = (db: Database, customerId: string, log: Log): CustomerTimeline => {
  const customer = db.prepare('SELECT id, name FROM customers WHERE id = ? AND deleted = 0').get(customerId) as
    | { id: string; name: string }
    | undefined;
  if (!customer) throw serviceFailure('not_found', 'error.customerNotFound', { id: customerId });
  const page = searchHistory(db, {
    text: '',
    engineer: '',
    levels: [],
    statuses: [],
    customerId,
    ownership: 'all',
    includeArchived: true,
    sort: 'created_asc',
    offset: 0,
    limit: 500,
  }, log);
  return { customerId: customer.id, customerName: customer.name, assessments: page.rows };
};
