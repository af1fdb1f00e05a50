import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { discounted, type ProposalStatus } from '../../../shared/domain/proposals';
import type { CaseStatus } from '../../../shared/domain/cases';
import type { ReadinessLevel } from '../../../shared/interview/bank-schema';
import { readinessLevels } from '../../../shared/interview/bank-schema';
import type {
  CustomersByLevel,
  customersByLevelQuerySchema,
  PortfolioPage,
  PortfolioRow,
  PortfolioSort,
  portfolioFilterSchema,
  portfolioQuerySchema,
} from '../../../shared/history/portfolio-schemas';
import { refreshDirtyCases } from './case-index';
import type { Log } from '../log/logger';

type PortfolioFilter = z.output<typeof portfolioFilterSchema>;
type PortfolioQuery = z.output<typeof portfolioQuerySchema>;

/**
 * Per case, in one pass over each small table (no query per case): the latest HLC of what the
 * account manager's side adds (lifecycle events, comments, proposals and their lines; the
 * engineer's work is in the summary's last_work) and the latest proposal with its lines' subtotals.
 * HLCs sort as text, so max() is the latest change.
 */
const portfolioCtes = `
  WITH desk_activity AS (
    SELECT case_id, max(hlc) AS hlc FROM (
      SELECT case_id, max(updated_at) AS hlc FROM case_events GROUP BY case_id
      UNION ALL SELECT case_id, max(updated_at) FROM case_comments GROUP BY case_id
      UNION ALL SELECT case_id, max(updated_at) FROM proposals GROUP BY case_id
      UNION ALL SELECT p.case_id, max(l.updated_at) FROM proposal_lines l JOIN proposals p ON p.id = l.proposal_id GROUP BY p.case_id
    ) GROUP BY case_id
  ),
  ranked_proposals AS (
    SELECT id, case_id, status, currency, discount_basis_points,
           row_number() OVER (PARTITION BY case_id ORDER BY created_at DESC, id DESC) AS rn,
           count(*) OVER (PARTITION BY case_id) AS n
    FROM proposals WHERE deleted = 0
  ),
  latest_proposal AS (
    SELECT rp.case_id, rp.status, rp.currency, rp.discount_basis_points AS bp, rp.n,
           coalesce(sum(CASE WHEN l.recurring = 0 THEN l.quantity * l.unit_price_minor END), 0) AS one_time,
           coalesce(sum(CASE WHEN l.recurring = 1 THEN l.quantity * l.unit_price_minor END), 0) AS monthly
    FROM ranked_proposals rp LEFT JOIN proposal_lines l ON l.proposal_id = rp.id AND l.deleted = 0
    WHERE rp.rn = 1
    GROUP BY rp.case_id
  )`;

/** The latest of the engineer's work (summary) and the desk's; a case not yet indexed has its own row's clock. */
const activitySql = "max(coalesce(sm.last_work, c.updated_at), coalesce(da.hlc, ''))";

const portfolioFrom = `
  FROM cases c
  JOIN customers cu ON cu.id = c.customer_id
  LEFT JOIN sites s ON s.id = c.site_id
  LEFT JOIN case_summaries sm ON sm.case_id = c.id
  LEFT JOIN desk_activity da ON da.case_id = c.id
  LEFT JOIN latest_proposal lp ON lp.case_id = c.id`;

/** What a count needs: the proposal only when it filters. */
const countFrom = (withProposal: boolean): string => `
  FROM cases c
  JOIN customers cu ON cu.id = c.customer_id
  LEFT JOIN sites s ON s.id = c.site_id
  LEFT JOIN case_summaries sm ON sm.case_id = c.id
  ${withProposal ? 'LEFT JOIN latest_proposal lp ON lp.case_id = c.id' : ''}`;

/** The discount as proposals-repository's discounted() applies it (half up on non-negative sums). */
const discountedSql = (column: string): string => `(lp.${column} - CAST(round(lp.${column} * lp.bp / 10000.0) AS INTEGER))`;

// Levels and proposal states in their natural order; "asc" reads worst / earliest first.
const levelRank = `CASE sm.level WHEN 'laggard' THEN 1 WHEN 'follower' THEN 2 WHEN 'chaser' THEN 3 WHEN 'pacesetter' THEN 4 END`;
const proposalRank = `CASE lp.status WHEN 'draft' THEN 1 WHEN 'sent' THEN 2 WHEN 'accepted' THEN 3 WHEN 'declined' THEN 4 END`;

/** The sort key of each column; rows without a value (no level, no proposal) always come last. */
const sortKeys: Record<PortfolioSort, { readonly keys: readonly string[]; readonly missing?: string }> = {
  customer: { keys: ['cu.name COLLATE NOCASE'] },
  engineer: { keys: ['c.engineer COLLATE NOCASE'], missing: "c.engineer = ''" },
  level: { keys: [levelRank, 'sm.readiness_index'], missing: 'sm.level IS NULL' },
  confidence: { keys: ['sm.confidence'], missing: 'sm.confidence IS NULL' },
  openCritical: { keys: ['coalesce(sm.open_critical, 0)'] },
  proposalStatus: { keys: [proposalRank], missing: 'lp.status IS NULL' },
  proposalValue: { keys: [discountedSql('one_time'), discountedSql('monthly')], missing: 'lp.status IS NULL' },
  lastActivity: { keys: [activitySql] },
};

const orderByOf = (sort: PortfolioSort, direction: 'asc' | 'desc'): string => {
  const { keys, missing } = sortKeys[sort];
  const dir = direction === 'asc' ? 'ASC' : 'DESC';
  // Ties broken the same way every time, so paging never shows a row twice.
  return [...(missing ? [missing] : []), ...keys.map((k) => `${k} ${dir}`), 'cu.name COLLATE NOCASE ASC', 'c.created_at DESC', 'c.id ASC'].join(', ');
};

/** Escapes LIKE wildcards so "100%" means the text "100%". */
const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

const foreignCase = 'c.owner_device IS NOT NULL AND c.owner_device IS NOT (SELECT hub_device_id FROM sync_state WHERE singleton = 1)';

const whereOf = (filter: PortfolioFilter): { readonly sql: string; readonly params: Record<string, unknown> } => {
  const where: string[] = ['c.deleted = 0'];
  const params: Record<string, unknown> = {};
  const text = filter.text.trim();
  if (text) {
    where.push("(cu.name LIKE @text ESCAPE '\\' OR coalesce(s.name, '') LIKE @text ESCAPE '\\' OR c.title LIKE @text ESCAPE '\\')");
    params.text = likePattern(text);
  }
  if (filter.engineer.trim()) {
    where.push('c.engineer = @engineer COLLATE NOCASE');
    params.engineer = filter.engineer.trim();
  }
  if (filter.ownership !== 'all') where.push(filter.ownership === 'partner' ? `(${foreignCase})` : `NOT (${foreignCase})`);
  if (filter.levels.length > 0) {
    where.push(`sm.level IN (${filter.levels.map((_, i) => `@level${i}`).join(', ')})`);
    filter.levels.forEach((level, i) => (params[`level${i}`] = level));
  }
  if (filter.proposals.length > 0) {
    const statuses = filter.proposals.filter((p) => p !== 'none');
    const either = [
      ...(filter.proposals.includes('none') ? ['lp.status IS NULL'] : []),
      ...(statuses.length > 0 ? [`lp.status IN (${statuses.map((_, i) => `@proposal${i}`).join(', ')})`] : []),
    ];
    statuses.forEach((status, i) => (params[`proposal${i}`] = status));
    where.push(`(${either.join(' OR ')})`);
  }
  if (filter.openCriticalOnly) where.push('sm.open_critical > 0');
  return { sql: `WHERE ${where.join(' AND ')}`, params };
};

interface PortfolioDbRow {
  id: string;
  customer_id: string;
  customer_name: string;
  site_name: string | null;
  title: string;
  engineer: string;
  owner_device: string | null;
  owner_name: string;
  me: string | null;
  status: CaseStatus;
  archived: number;
  created_at: string;
  updated_at: string;
  level: ReadinessLevel | null;
  readiness_index: number | null;
  confidence: number | null;
  open_critical: number;
  activity: string | null;
  proposal_status: ProposalStatus | null;
  currency: string | null;
  bp: number | null;
  one_time: number | null;
  monthly: number | null;
  proposals: number | null;
}

const portfolioColumns = `
  c.id, c.customer_id, cu.name AS customer_name, s.name AS site_name, c.title, c.engineer, c.owner_device, c.owner_name,
  (SELECT hub_device_id FROM sync_state WHERE singleton = 1) AS me, c.status, c.archived, c.created_at, c.updated_at,
  sm.level, sm.readiness_index, sm.confidence, coalesce(sm.open_critical, 0) AS open_critical, ${activitySql} AS activity,
  lp.status AS proposal_status, lp.currency, lp.bp, lp.one_time, lp.monthly, lp.n AS proposals`;

/** The HLC's wall-clock part as ISO time; a clock that does not parse reads as the case's creation. */
const hlcTime = (hlc: string | null, fallback: string): string => {
  const ms = Number((hlc ?? '').slice(0, 13));
  const date = new Date(ms);
  return Number.isFinite(ms) && ms > 0 && !Number.isNaN(date.getTime()) ? date.toISOString() : fallback;
};

const toRow = (row: PortfolioDbRow): PortfolioRow => ({
  caseId: row.id,
  customerId: row.customer_id,
  customerName: row.customer_name,
  siteName: row.site_name ?? '',
  title: row.title,
  engineer: row.engineer,
  partner: row.owner_device !== null && row.owner_device !== row.me,
  ownerName: row.owner_name,
  status: row.status,
  archived: row.archived === 1,
  level: row.level,
  readinessIndex: row.readiness_index === null ? null : Math.round(row.readiness_index * 10) / 10,
  confidence: row.confidence === null ? null : Math.min(1, Math.max(0, row.confidence)),
  openCritical: row.open_critical,
  proposal:
    row.proposal_status === null
      ? null
      : {
          status: row.proposal_status,
          currency: row.currency ?? '',
          oneTimeMinor: discounted(row.one_time ?? 0, row.bp ?? 0),
          monthlyMinor: discounted(row.monthly ?? 0, row.bp ?? 0),
          count: row.proposals ?? 1,
        },
  lastActivity: hlcTime(row.activity, row.created_at),
});

/** Rows of the portfolio in the query's order: a page of them, or (limit undefined) all for an export. */
export const portfolioRows = (db: Database, filter: PortfolioFilter, page?: { offset: number; limit: number }): PortfolioRow[] => {
  const { sql, params } = whereOf(filter);
  const paging = page ? 'LIMIT @limit OFFSET @offset' : '';
  const rows = db
    .prepare(`${portfolioCtes} SELECT ${portfolioColumns} ${portfolioFrom} ${sql} ORDER BY ${orderByOf(filter.sort, filter.direction)} ${paging}`)
    .all({ ...params, ...(page ?? {}) }) as PortfolioDbRow[];
  return rows.map(toRow);
};

/**
 * One page of every engagement on this laptop (its own and the partner's) with the figures an
 * account manager reviews: engineer, level, confidence, open critical findings, proposal, last
 * activity. Sorting and filtering happen in SQL, so page 100 of 10,000 costs what page 1 does.
 */
export const portfolioPage = (db: Database, query: PortfolioQuery, log: Log): PortfolioPage => {
  refreshDirtyCases(db, log);
  const { sql, params } = whereOf(query);
  const total = db.prepare(`${portfolioCtes} SELECT count(*) ${countFrom(query.proposals.length > 0)} ${sql}`).pluck().get(params) as number;
  const rows = portfolioRows(db, query, { offset: query.offset, limit: query.limit });
  const engineers = db
    .prepare("SELECT DISTINCT engineer FROM cases WHERE deleted = 0 AND engineer <> '' ORDER BY engineer COLLATE NOCASE LIMIT 500")
    .pluck()
    .all() as string[];
  return { total, offset: query.offset, rows, engineers };
};

/**
 * The partner's customers by readiness level, each counted once at its latest scored assessment.
 * Customers are matched by name, as the timeline does, so two engineers' visits are one customer.
 */
export const customersByLevel = (db: Database, query: z.output<typeof customersByLevelQuerySchema>, log: Log): CustomersByLevel => {
  refreshDirtyCases(db, log);
  const ownership = query.ownership === 'all' ? '' : query.ownership === 'partner' ? `AND (${foreignCase})` : `AND NOT (${foreignCase})`;
  const counts = db
    .prepare(
      `WITH ranked AS (
         SELECT sm.level, row_number() OVER (PARTITION BY cu.name ORDER BY c.created_at DESC, c.id DESC) AS rn
         FROM cases c JOIN customers cu ON cu.id = c.customer_id JOIN case_summaries sm ON sm.case_id = c.id
         WHERE c.deleted = 0 AND sm.level IS NOT NULL ${ownership}
       )
       SELECT level, count(*) AS n FROM ranked WHERE rn = 1 GROUP BY level`,
    )
    .all() as Array<{ level: ReadinessLevel; n: number }>;
  const customers = db
    .prepare(`SELECT count(DISTINCT cu.name) FROM cases c JOIN customers cu ON cu.id = c.customer_id WHERE c.deleted = 0 ${ownership}`)
    .pluck()
    .get() as number;
  const byLevel = new Map(counts.map((c) => [c.level, c.n]));
  const scored = counts.reduce((sum, c) => sum + c.n, 0);
  return {
    customers,
    unscored: Math.max(0, customers - scored),
    levels: readinessLevels.map((level) => ({ level, customers: byLevel.get(level) ?? 0 })),
  };
};
