import { useState } from 'react';
import { Link } from 'react-router';
import { useCaseList } from './use-cases';
import { EmptyState, QueryView } from '../../components/query-state';
import { StatusBadge } from '../../components/status-badge';
import { CaseTable } from './case-table';
import { useText } from '../../i18n/app-intl';

/** Rows laid out at first, and added by each "Show more". */
export const casesPageSize = 100;

export const CasesPage = () => {
  const [search, setSearch] = useState('');
  const [includeArchived, setIncludeArchived] = useState(false);
  // How many rows are shown, for this search only: a new search starts again at one page.
  const listKey = `${includeArchived}|${search.trim()}`;
  const [shown, setShown] = useState({ listKey, count: casesPageSize });
  const count = shown.listKey === listKey ? shown.count : casesPageSize;
  const cases = useCaseList(includeArchived, search.trim(), count);
  const { t } = useText();
  return (
    <section className="page" aria-labelledby="cases-title">
      <div className="page-header">
        <h1 id="cases-title">{t('cases.title')}</h1>
        <Link to="/cases/new" className="button button-primary">
          {t('cases.new')}
        </Link>
      </div>
      <div className="toolbar">
        <label className="search">
          <span className="visually-hidden">{t('cases.searchLabel')}</span>
          <input
            type="search"
            className="input"
            placeholder={t('cases.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)} />
          {t('cases.showArchived')}
        </label>
      </div>
      <QueryView query={cases}>
        {({ cases: list, more }) =>
          list.length === 0 ? (
            search || includeArchived ? (
              <EmptyState title={t('cases.noMatch')}>
                <p>{t('cases.noMatchHint')}</p>
              </EmptyState>
            ) : (
              <EmptyState title={t('cases.empty')}>
                <p>{t('cases.emptyHint')}</p>
                <Link to="/cases/new" className="button button-primary">
                  {t('cases.openFirst')}
                </Link>
              </EmptyState>
            )
          ) : (
            <>
              <CaseTable cases={list} caption={t('cases.caption')} renderStatus={(c) => <StatusBadge status={c.status} archived={c.archived} />} />
              {more && (
                <div className="list-more">
                  <p className="muted">{t('cases.showingNewest', { count: list.length })}</p>
                  <button type="button" className="button" onClick={() => setShown({ listKey, count: count + casesPageSize })}>
                    {t('cases.showMore', { count: casesPageSize })}
                  </button>
                  <Link to="/history">{t('cases.allInHistory')}</Link>
                </div>
              )}
            </>
          )
        }
      </QueryView>
    </section>
  );
};
