import { useState } from 'react';
import { Link } from 'react-router';
import { useCaseList } from './use-cases';
import { EmptyState, QueryView } from '../../components/query-state';
import { StatusBadge } from '../../components/status-badge';
import { CaseTable } from './case-table';

export const CasesPage = () => {
  const [search, setSearch] = useState('');
  const [includeArchived, setIncludeArchived] = useState(false);
  const cases = useCaseList(includeArchived, search.trim());
  return (
    <section className="page" aria-labelledby="cases-title">
      <div className="page-header">
        <h1 id="cases-title">Cases</h1>
        <Link to="/cases/new" className="button button-primary">
          New case
        </Link>
      </div>
      <div className="toolbar">
        <label className="search">
          <span className="visually-hidden">Search cases</span>
          <input
            type="search"
            className="input"
            placeholder="Search customer, site, title or engineer"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)} />
          Show archived
        </label>
      </div>
      <QueryView query={cases}>
        {(list) =>
          list.length === 0 ? (
            search || includeArchived ? (
              <EmptyState title="No cases match">
                <p>Try another search.</p>
              </EmptyState>
            ) : (
              <EmptyState title="No cases yet">
                <p>Open a case when you arrive at a customer site: probes, interview and report all hang off it.</p>
                <Link to="/cases/new" className="button button-primary">
                  Open your first case
                </Link>
              </EmptyState>
            )
          ) : (
            <CaseTable cases={list} caption="Open cases, newest first" renderStatus={(c) => <StatusBadge status={c.status} archived={c.archived} />} />
          )
        }
      </QueryView>
    </section>
  );
};
