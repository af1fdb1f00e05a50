import { useState } from 'react';
import { Link } from 'react-router';
import { useCaseList } from './use-cases';
import { EmptyState, QueryView } from '../../components/query-state';
import { StatusBadge } from '../../components/status-badge';
import { CaseTable } from './case-table';
import { useText } from '../../i18n/app-intl';

export const CasesPage = () => {
  const [search, setSearch] = useState('');
  const [includeArchived, setIncludeArchived] = useState(false);
  const cases = useCaseList(includeArchived, search.trim());
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
        {(list) =>
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
            <CaseTable cases={list} caption={t('cases.caption')} renderStatus={(c) => <StatusBadge status={c.status} archived={c.archived} />} />
          )
        }
      </QueryView>
    </section>
  );
};
