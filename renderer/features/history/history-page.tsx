import { useDeferredValue, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { HistoryQuery, HistoryRow } from '../../../shared/history/history-schemas';
import { ErrorState, LoadingState } from '../../components/query-state';
import { LevelBadge } from '../../components/level-badge';
import { StatusBadge } from '../../components/status-badge';
import { HistoryFilters } from './history-filters';
import { filtersFromParams, paramsFromFilters, type HistoryFilterValues } from './history-url';
import { useHistoryPages } from './use-history';
import { filterNavigation } from './url-filter-options';
import { VirtualList } from './virtual-list';
import { HistoryViews } from './history-views';
import { useText } from '../../i18n/app-intl';

const rowHeight = 56;

const toQuery = (f: HistoryFilterValues): HistoryQuery => {
  const below = Number.parseFloat(f.pillarBelow);
  return {
    text: f.text.trim(),
    engineer: f.engineer.trim(),
    levels: f.levels,
    statuses: f.statuses,
    sort: f.sort === 'relevance' && !f.text.trim() ? 'created_desc' : f.sort,
    includeArchived: true,
    ownership: f.ownership,
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    ...(f.pillarId && Number.isFinite(below) ? { pillarBelow: { pillarId: f.pillarId, score: below } } : {}),
  };
};

const HistoryItem = ({ row }: { row: HistoryRow | undefined }) => {
  const { t, dateTime, number } = useText();
  if (!row) return <div className="history-item history-item-loading" aria-hidden="true" />;
  return (
    <div className="history-item">
      <div className="history-main">
        <Link to={`/cases/${row.id}`} className="case-link clip" dir="auto">
          {row.customerName}
        </Link>
        <span className="muted clip" dir="auto">
          {[row.siteName, row.title].filter(Boolean).join(' · ') || '—'}
        </span>
      </div>
      <span className="history-engineer clip" dir="auto" title={row.partner && row.ownerName ? t('history.from', { owner: row.ownerName }) : undefined}>
        {row.engineer || '—'}
        {row.partner && <span className="badge badge-partner">{t('history.partner')}</span>}
      </span>
      <time className="history-date" dateTime={row.createdAt}>
        {dateTime(row.createdAt)}
      </time>
      <span className="history-level">
        <LevelBadge level={row.level} />
        {row.readinessIndex !== null && <span className="muted"> {number(Math.round(row.readinessIndex))}</span>}
      </span>
      <StatusBadge status={row.status} archived={row.archived} />
      <Link to={`/history/customers/${row.customerId}`} className="history-timeline-link" aria-label={t('history.timelineOf', { customer: row.customerName })}>
        {t('history.timeline')}
      </Link>
    </div>
  );
};

/** Every engagement on this laptop, its own and (once synced) the partner's: search, filter, sort, and scroll through thousands. */
export const HistoryPage = () => {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const setFilters = (next: HistoryFilterValues) => setParams(paramsFromFilters(next), filterNavigation);
  const deferred = useDeferredValue(filters);
  const query = useMemo(() => toQuery(deferred), [deferred]);
  const { first, total, rowAt, onRangeChange } = useHistoryPages(query);
  const { t } = useText();
  return (
    <section className="page" aria-labelledby="history-title">
      <div className="page-header">
        <h1 id="history-title">{t('history.title')}</h1>
      </div>
      <HistoryViews />
      <HistoryFilters value={filters} onChange={setFilters} />
      {first.isError ? (
        <ErrorState error={first.error} onRetry={() => void first.refetch()} />
      ) : first.isPending ? (
        <LoadingState />
      ) : (
        <>
          <p className="result-count" role="status">
            {t('history.count', { count: total })}
          </p>
          {total === 0 ? (
            <div className="state state-empty">
              <h2>{t('history.nothing')}</h2>
            </div>
          ) : (
            <VirtualList
              total={total}
              rowHeight={rowHeight}
              height={Math.min(total * rowHeight + 2, 620)}
              label={t('history.list')}
              rowAt={rowAt}
              renderRow={(row) => <HistoryItem row={row} />}
              onRangeChange={onRangeChange}
            />
          )}
        </>
      )}
    </section>
  );
};
