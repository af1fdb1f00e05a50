import { useState } from 'react';
import { useCaseList } from '../cases/use-cases';
import { CaseTable } from '../cases/case-table';
import { EmptyState, QueryView } from '../../components/query-state';
import { StatusBadge } from '../../components/status-badge';

/** Every engagement on this device, archived ones included. */
export const HistoryPage = () => {
  const [search, setSearch] = useState('');
  const cases = useCaseList(true, search.trim());
  return (
    <section className="page" aria-labelledby="history-title">
      <div className="page-header">
        <h1 id="history-title">History</h1>
      </div>
      <p className="lead">Every engagement on this device, including archived ones.</p>
      <div className="toolbar">
        <label className="search">
          <span className="visually-hidden">Search history</span>
          <input type="search" className="input" placeholder="Search the history" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
      </div>
      <QueryView query={cases}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState title={search ? 'Nothing matches' : 'No engagements yet'} />
          ) : (
            <CaseTable cases={list} caption="All engagements" renderStatus={(c) => <StatusBadge status={c.status} archived={c.archived} />} />
          )
        }
      </QueryView>
    </section>
  );
};
