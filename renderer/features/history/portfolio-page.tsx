import { useDeferredValue, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api/api';
import type { ProposalStatus } from '../../../shared/domain/proposals';
import type { CaseOwnership } from '../../../shared/domain/cases';
import {
  portfolioProposalFilters,
  type PortfolioFilter,
  type PortfolioProposalFilter,
  type PortfolioRow,
  type PortfolioSort,
} from '../../../shared/history/portfolio-schemas';
import { readinessLevels } from '../../../shared/interview/bank-schema';
import { ErrorState, errorText, LoadingState } from '../../components/query-state';
import { LevelBadge } from '../../components/level-badge';
import { useText } from '../../i18n/app-intl';
import { levelIds } from '../../i18n/label-ids';
import type { UiMessageId } from '../../../shared/i18n/ui-messages-en';
import { HistoryViews } from './history-views';
import { filterNavigation } from './url-filter-options';
import { LevelsChart } from './levels-chart';
import { defaultDirection, emptyPortfolioFilters, paramsFromPortfolio, portfolioFromParams, type PortfolioFilterValues } from './portfolio-url';

const pageSize = 50;

const proposalIds: Record<PortfolioProposalFilter, UiMessageId> = {
  none: 'portfolio.proposal.none',
  draft: 'portfolio.proposal.draft',
  sent: 'portfolio.proposal.sent',
  accepted: 'portfolio.proposal.accepted',
  declined: 'portfolio.proposal.declined',
};

const proposalBadge: Record<ProposalStatus, string> = { draft: 'badge-draft', sent: 'badge-in_progress', accepted: 'badge-complete', declined: 'badge-archived' };

const columns: ReadonlyArray<{ readonly sort: PortfolioSort; readonly label: UiMessageId; readonly className: string }> = [
  { sort: 'customer', label: 'portfolio.col.customer', className: 'pcol-customer' },
  { sort: 'engineer', label: 'portfolio.col.engineer', className: 'pcol-engineer' },
  { sort: 'level', label: 'portfolio.col.level', className: 'pcol-level' },
  { sort: 'confidence', label: 'portfolio.col.confidence', className: 'pcol-confidence' },
  { sort: 'openCritical', label: 'portfolio.col.openCritical', className: 'pcol-critical' },
  { sort: 'proposalStatus', label: 'portfolio.col.proposal', className: 'pcol-proposal' },
  { sort: 'proposalValue', label: 'portfolio.col.value', className: 'pcol-value' },
  { sort: 'lastActivity', label: 'portfolio.col.lastActivity', className: 'pcol-activity' },
];

const toggle = <T,>(list: readonly T[], item: T): T[] => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

const toFilter = (f: PortfolioFilterValues): PortfolioFilter => ({
  text: f.text.trim(),
  engineer: f.engineer,
  ownership: f.ownership,
  levels: f.levels,
  proposals: f.proposals,
  openCriticalOnly: f.openCriticalOnly,
  sort: f.sort,
  direction: f.direction,
});

/** Saves text as a file the way the browser and Electron both download: a blob link clicked once. */
const saveText = (fileName: string, mime: string, text: string): void => {
  const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

const Value = ({ row }: { row: PortfolioRow }) => {
  const { t, fmt } = useText();
  const p = row.proposal;
  if (!p) return <span className="muted">—</span>;
  const oneTime = fmt.money(p.oneTimeMinor, p.currency);
  const monthly = fmt.money(p.monthlyMinor, p.currency);
  if (p.monthlyMinor === 0) return <span className="nowrap">{oneTime}</span>;
  if (p.oneTimeMinor === 0) return <span>{t('portfolio.value.monthly', { amount: monthly })}</span>;
  return <span>{t('portfolio.value.both', { oneTime, monthly })}</span>;
};

const Row = ({ row }: { row: PortfolioRow }) => {
  const { t, dateTime, percent, number } = useText();
  const where = [row.siteName, row.title].filter(Boolean).join(' · ');
  return (
    <tr>
      <td className="cell-clip">
        <Link to={`/cases/${row.caseId}`} className="case-link clip-line" dir="auto">
          {row.customerName}
        </Link>
        {where && (
          <span className="muted clip-line small" dir="auto">
            {where}
          </span>
        )}
      </td>
      <td>
        <span className="clip-line" dir="auto">
          {row.engineer || '—'}
        </span>
        {row.partner && (
          <span className="badge badge-partner" title={row.ownerName ? t('history.from', { owner: row.ownerName }) : undefined}>
            {t('history.partner')}
          </span>
        )}
      </td>
      <td>
        <LevelBadge level={row.level} />
        {row.readinessIndex !== null && <span className="muted"> {number(Math.round(row.readinessIndex))}</span>}
      </td>
      <td>{row.confidence === null ? <span className="muted">—</span> : percent(row.confidence)}</td>
      <td>{row.openCritical > 0 ? <span className="badge severity-critical">{number(row.openCritical)}</span> : <span className="muted">{t('portfolio.noCritical')}</span>}</td>
      <td>
        {row.proposal ? (
          <>
            <span className={`badge ${proposalBadge[row.proposal.status]}`}>{t(proposalIds[row.proposal.status])}</span>
            {row.proposal.count > 1 && <span className="muted small block">{t('portfolio.latestOf', { count: row.proposal.count })}</span>}
          </>
        ) : (
          <span className="muted">{t('portfolio.proposal.none')}</span>
        )}
      </td>
      <td>
        <Value row={row} />
      </td>
      <td className="cell-nowrap">
        <time dateTime={row.lastActivity}>{dateTime(row.lastActivity)}</time>
      </td>
    </tr>
  );
};

/**
 * The account manager's portfolio: every engagement on this laptop, theirs and the partner's, with
 * what a review needs at a glance, sortable by any column, filtered, exported to CSV, and the
 * customers by readiness level as a chart.
 */
export const PortfolioPage = () => {
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => portfolioFromParams(params), [params]);
  const set = (next: PortfolioFilterValues) => setParams(paramsFromPortfolio(next), filterNavigation);
  // Any change of filter or sort starts again at the first page.
  const change = <K extends keyof PortfolioFilterValues>(key: K, v: PortfolioFilterValues[K]) => set({ ...values, [key]: v, page: 0 });
  const deferred = useDeferredValue(values);
  const filter = useMemo(() => toFilter(deferred), [deferred]);
  const { t, number } = useText();
  const page = useQuery({
    queryKey: ['history', 'portfolio', JSON.stringify(filter), deferred.page],
    queryFn: () => api.getPortfolio({ ...filter, offset: deferred.page * pageSize, limit: pageSize }),
    placeholderData: keepPreviousData,
  });
  const [exported, setExported] = useState('');
  const exportCsv = useMutation({
    mutationFn: () => api.exportPortfolioCsv(toFilter(values)),
    onSuccess: (csv) => {
      saveText(csv.fileName, csv.mime, csv.text);
      setExported(t('portfolio.exported', { count: csv.rows, file: csv.fileName }));
    },
  });
  const sortBy = (sort: PortfolioSort) =>
    set({ ...values, sort, direction: values.sort === sort ? (values.direction === 'asc' ? 'desc' : 'asc') : defaultDirection(sort), page: 0 });
  const total = page.data?.total ?? 0;
  const from = deferred.page * pageSize;
  return (
    <section className="page" aria-labelledby="history-title">
      <div className="page-header">
        <h1 id="history-title">{t('history.title')}</h1>
      </div>
      <HistoryViews />
      <p className="muted portfolio-lead">{t('portfolio.lead')}</p>
      <LevelsChart ownership={values.ownership} />
      <div className="history-filters">
        <div className="filter-row">
          <label className="filter filter-wide">
            {t('portfolio.filter.search')}
            <input type="search" className="input" value={values.text} maxLength={500} onChange={(e) => change('text', e.target.value)} />
          </label>
          <label className="filter">
            {t('history.filter.cases')}
            <select className="input" value={values.ownership} onChange={(e) => change('ownership', e.target.value as CaseOwnership)}>
              <option value="all">{t('history.filter.all')}</option>
              <option value="mine">{t('history.filter.mine')}</option>
              <option value="partner">{t('history.filter.partner')}</option>
            </select>
          </label>
          <label className="filter">
            {t('portfolio.col.engineer')}
            <select className="input" value={values.engineer} onChange={(e) => change('engineer', e.target.value)}>
              <option value="">{t('portfolio.filter.anyEngineer')}</option>
              {(page.data?.engineers ?? (values.engineer ? [values.engineer] : [])).map((name) => (
                <option key={name} value={name} dir="auto">
                  {name}
                </option>
              ))}
            </select>
          </label>
          <label className="chip chip-toggle">
            <input type="checkbox" checked={values.openCriticalOnly} onChange={(e) => change('openCriticalOnly', e.target.checked)} />
            {t('portfolio.filter.openCritical')}
          </label>
        </div>
        <div className="filter-row">
          <fieldset className="chip-group">
            <legend>{t('history.filter.level')}</legend>
            {readinessLevels.map((level) => (
              <label key={level} className="chip">
                <input type="checkbox" checked={values.levels.includes(level)} onChange={() => change('levels', toggle(values.levels, level))} />
                {t(levelIds[level])}
              </label>
            ))}
          </fieldset>
          <fieldset className="chip-group">
            <legend>{t('portfolio.filter.proposal')}</legend>
            {portfolioProposalFilters.map((p) => (
              <label key={p} className="chip">
                <input type="checkbox" checked={values.proposals.includes(p)} onChange={() => change('proposals', toggle(values.proposals, p))} />
                {t(proposalIds[p])}
              </label>
            ))}
          </fieldset>
          <button type="button" className="button button-quiet" onClick={() => set(emptyPortfolioFilters)}>
            {t('history.filter.clear')}
          </button>
        </div>
      </div>
      {page.isError ? (
        <ErrorState error={page.error} onRetry={() => void page.refetch()} />
      ) : page.isPending ? (
        <LoadingState />
      ) : (
        <>
          <div className="portfolio-bar">
            <p className="result-count" role="status">
              {t('history.count', { count: total })}
            </p>
            <button type="button" className="button" disabled={exportCsv.isPending || total === 0} onClick={() => exportCsv.mutate()}>
              {exportCsv.isPending ? t('portfolio.exporting') : t('portfolio.export')}
            </button>
          </div>
          <p className="portfolio-export-note" role="status">
            {exportCsv.isError ? <span className="field-error">{errorText(exportCsv.error, t)}</span> : exported}
          </p>
          {total === 0 ? (
            <div className="state state-empty">
              <h2>{t('history.nothing')}</h2>
            </div>
          ) : (
            <>
              <table className="table portfolio-table">
                <caption className="visually-hidden">{t('portfolio.table')}</caption>
                <thead>
                  <tr>
                    {columns.map((c) => {
                      const active = values.sort === c.sort;
                      return (
                        <th key={c.sort} scope="col" className={c.className} aria-sort={active ? (values.direction === 'asc' ? 'ascending' : 'descending') : undefined}>
                          <button type="button" className="sort-button" onClick={() => sortBy(c.sort)}>
                            {t(c.label)}
                            <span aria-hidden="true" className="sort-mark">
                              {active ? (values.direction === 'asc' ? ' ▲' : ' ▼') : ''}
                            </span>
                          </button>
                        </th>
                      );
                    })}
                  </tr>
                </thead>
                <tbody>
                  {page.data.rows.map((row) => (
                    <Row key={row.caseId} row={row} />
                  ))}
                </tbody>
              </table>
              {total > pageSize && (
                <nav className="pager" aria-label={t('portfolio.paging')}>
                  <button type="button" className="button button-quiet" disabled={deferred.page === 0} onClick={() => set({ ...values, page: values.page - 1 })}>
                    {t('portfolio.previous')}
                  </button>
                  <span className="muted">
                    {t('portfolio.rows', { from: number(from + 1), to: number(Math.min(total, from + pageSize)), total: number(total) })}
                  </span>
                  <button type="button" className="button button-quiet" disabled={from + pageSize >= total} onClick={() => set({ ...values, page: values.page + 1 })}>
                    {t('portfolio.next')}
                  </button>
                </nav>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
};
